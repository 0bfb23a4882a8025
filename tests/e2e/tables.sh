# The workbook and its CSV twins from the bundled sample, read back by two
# independent readers: python3-openpyxl (tests/tools/xlsx_check.py: every
# cell against its CSV twin and against `eoi stats --json`, number cells
# numeric, frozen headers, tables with autofilters, formats, charts) and
# LibreOffice (the headless conversion of every sheet exits 0 and agrees
# with the CSV twins).  Then determinism, and an input without the optional
# columns, whose skipped statistics must be notes.
. tests/e2e/lib.sh
BUILD=${BUILD:-build}
SAMPLE=data/sample/eoi-sample.parquet
[ -f "$SAMPLE" ] || SAMPLE=data/sample/eoi-sample.csv.gz
SMALL=tests/fixtures/e2e/small.csv

# Python with openpyxl (make deps installs python3-openpyxl for the
# system's python3, which may not be the first on PATH).
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done
check_eq "python3-openpyxl installed (make deps)" "${PY:+yes}" "yes"

# tables OUT [--data FILE]: write OUT/tables/ with `eoi tables`, or with the
# demo tool while the command answers 69 (not implemented).
tables() {
	out=$1
	shift
	$EOI tables -q --out "$out" "$@" >"$TMP/tables.log" 2>&1
	status=$?
	if [ "$status" = 69 ]; then
		[ "$1" = --data ] && set -- "$2"
		"$BUILD/tools/tables_demo" "$out/tables" "$@" >"$TMP/tables.log" 2>&1
		status=$?
	fi
	[ "$status" = 0 ] || sed 's/^/    /' "$TMP/tables.log" | head -n 5
	return "$status"
}

# xlsx_check ARGS...: run the checker and add its counts to ours.
xlsx_check() {
	[ -n "$PY" ] || return
	"$PY" tests/tools/xlsx_check.py "$@" >"$TMP/check.log" 2>&1
	grep -v '^tk:' "$TMP/check.log" | grep -E '^FAIL|^Traceback|Error' | head -n 30
	grep '^xlsx_check:' "$TMP/check.log"
	line=$(grep '^tk: [0-9]* passed, [0-9]* failed' "$TMP/check.log" | tail -n 1)
	if [ -z "$line" ]; then
		tk_fail=$((tk_fail + 1))
		echo "FAIL xlsx_check died:"
		tail -n 10 "$TMP/check.log" | sed 's/^/    /'
		return
	fi
	p=$(echo "$line" | sed 's/^tk: \([0-9]*\) passed.*/\1/')
	f=$(echo "$line" | sed 's/.* \([0-9]*\) failed.*/\1/')
	tk_pass=$((tk_pass + p))
	tk_fail=$((tk_fail + f))
}

now() { date +%s.%N; }
took() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }

# ---- the bundled sample ------------------------------------------------------
t0=$(now)
check "tables from the sample" tables "$TMP/a"
t1=$(now)
D=$TMP/a/tables
for f in eoi-tables.xlsx about.csv table1.csv table2.csv leaderboards.csv developer_shares.csv \
	national_shares.csv concentration.csv org_type_by_nation.csv sizes.csv; do
	check "wrote $f" test -s "$D/$f"
done
check_eq "no temporary files left" "$(ls "$D" | grep -c '\.tmp-')" "0"
check "stats --json" $EOI stats -q --json "$TMP/stats.json" --data "$SAMPLE"

# LibreOffice: every sheet to CSV (filter options: comma, quote, UTF-8,
# from line 1, ..., all sheets = -1), with a private profile.
mkdir -p "$TMP/lo"
t2=$(now)
check "LibreOffice converts the workbook (exit 0)" \
	soffice -env:UserInstallation=file://"$TMP/lo-profile" --headless \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
	--outdir "$TMP/lo" "$D/eoi-tables.xlsx"
t3=$(now)
check_eq "LibreOffice wrote every sheet" "$(ls "$TMP/lo" | grep -c '^eoi-tables-.*\.csv$')" "9"
t4=$(now)
xlsx_check "$D/eoi-tables.xlsx" "$D" --json "$TMP/stats.json" --lo-dir "$TMP/lo"
t5=$(now)

# Same input, same bytes.
tables "$TMP/b" >/dev/null 2>&1
for f in "$D"/*; do
	check "deterministic $(basename "$f")" cmp "$f" "$TMP/b/tables/$(basename "$f")"
done

# ---- an input without the optional columns: skipped statistics are notes ---
check "tables from small.csv" tables "$TMP/s" --data "$SMALL"
check "stats --json small" $EOI stats -q --json "$TMP/small.json" --data "$SMALL"
xlsx_check "$TMP/s/tables/eoi-tables.xlsx" "$TMP/s/tables" --json "$TMP/small.json"
check "Sizes says why" grep -q '^Not computed: no params column in the input\.' "$TMP/s/tables/sizes.csv"
check "Table 1 says why" grep -q '^Mixture-of-experts: not computed: no moe column' "$TMP/s/tables/table1.csv"

echo "timings: workbook $(took "$t0" "$t1") s, LibreOffice $(took "$t2" "$t3") s, openpyxl check $(took "$t4" "$t5") s"
finish
