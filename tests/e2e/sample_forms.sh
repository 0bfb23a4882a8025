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
finish
