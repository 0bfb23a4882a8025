# The bundled sample ships as CSV (written by eoi sample) and as Parquet
# (converted by DuckDB, tests/fixtures/parquet/to_parquet.mjs): both forms
# must give identical statistics, every section of the JSON but the inputs.
. tests/e2e/lib.sh
check "csv json" $EOI stats -q --data data/sample/eoi-sample.csv.gz --json "$TMP/csv.json"
check "parquet json" $EOI stats -q --data data/sample/eoi-sample.parquet --json "$TMP/pq.json"
check "identical statistics" python3 - "$TMP/csv.json" "$TMP/pq.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
diff = [k for k in a if k not in ("inputs",) and a[k] != b[k]]
print("differing sections:", diff)
sys.exit(1 if diff or a.keys() != b.keys() else 0)
PY
# The default data is the Parquet form, labelled synthetic.
$EOI stats -q --json "$TMP/default.json"
check_eq "default is parquet" "$(python3 -c "import json,sys; j=json.load(open('$TMP/default.json')); print(j['inputs'][0]['format'], j['synthetic'], j['source'])")" "parquet True synthetic sample data"

# The generator is deterministic: `eoi sample` with the defaults writes the
# bundled sample's rows again (compared decompressed: gzip bytes may differ
# between zlib versions).
check "default sample" $EOI sample -q "$TMP/again.csv.gz"
gzip -dc data/sample/eoi-sample.csv.gz >"$TMP/bundled.csv"
check "bundled sample regenerated" sh -c "gzip -dc '$TMP/again.csv.gz' | cmp -s - '$TMP/bundled.csv'"

# Split layout (eoi sample --models-table): a narrow downloads table and a
# models table give the statistics of the release layout of the same
# sample.
check "release layout" $EOI sample -q --models 600 "$TMP/rel.csv"
check "split layout" $EOI sample -q --models 600 --models-table "$TMP/models.csv" "$TMP/dl.csv"
check_eq "split downloads columns" "$(head -n 1 "$TMP/dl.csv")" "model,time,downloadsAllTime"
check_eq "one models row per model" "$(($(wc -l <"$TMP/models.csv") - 1))" 600
check_eq "same rows" "$(wc -l <"$TMP/dl.csv")" "$(wc -l <"$TMP/rel.csv")"
$EOI stats -q --data "$TMP/rel.csv" --json "$TMP/rel.json"
$EOI stats -q --data "$TMP/dl.csv" --data "models=$TMP/models.csv" --json "$TMP/split.json"
check "split = release statistics" python3 - "$TMP/rel.json" "$TMP/split.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
diff = [k for k in a if k not in ("inputs", "source") and a[k] != b[k]]
print("differing sections:", diff)
sys.exit(1 if diff else 0)
PY

# --dense: every model at every weekly snapshot from --start to --end
# (2024-01-03 .. 2024-03-27: 13 Wednesdays), so the rows are models x 13
# plus the generator's deliberately duplicated rows, which the run counts.
check "dense sample" $EOI sample -q --models 300 --dense --start 2024-01-03 --end 2024-03-27 "$TMP/dense.csv"
$EOI stats -q --data "$TMP/dense.csv" --json "$TMP/dense.json"
check_eq "dense rows = models x weeks + duplicates" "$(python3 -c "
import json; j = json.load(open('$TMP/dense.json'))
print(j['inputs'][0]['rows'] - j['warnings']['duplicate_rows'], j['first_date'], j['as_of'])")" "3900 2024-01-03 2024-03-27"
check_fails "end before start" 64 "end date not before the start" $EOI sample -q --start 2024-02-01 --end 2024-01-01 "$TMP/x.csv"
check_fails "bad start" 64 "start: not a date" $EOI sample -q --start 2024-13-01 "$TMP/x.csv"
finish
