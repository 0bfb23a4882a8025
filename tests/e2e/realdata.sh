# eoi on real public Hub data (the workplace's shared/realdata folder, beside
# the checkout): a one-snapshot listing of 30-day downloads with Hub tags.
# tests/realdata/check_hub_snapshot.py recomputes the developer HHI, the
# top-10 developer share and the quantized share independently in Python.
. tests/e2e/lib.sh
R=${EOI_REALDATA:-../shared/realdata}/hf_top_models_2024-09_enochlev.csv
if [ ! -f "$R" ]; then
	echo "note: $R not found; real-data checks skipped"
	finish
	exit 0
fi
check "stats json" $EOI stats -q --data "$R" --snapshot-date 2024-09-20 --window all --json "$TMP/real.json"
check "independent recomputation" python3 tests/realdata/check_hub_snapshot.py "$R" "$TMP/real.json"
# No created_at in a Hub listing: the first-year window leaves every model
# out and says so.
$EOI stats --data "$R" --snapshot-date 2024-09-20 >"$TMP/fy.txt" 2>"$TMP/fy.err"
check_eq "first-year warns" "$(grep -c 'models without created_at, left out of the first-year window: 9,715' "$TMP/fy.err")" "1"
check "figures on real data" $EOI figures -q --data "$R" --snapshot-date 2024-09-20 --window all --out "$TMP/o" --format png
check_eq "no date column without --snapshot-date" "$($EOI stats -q --data "$R" 2>&1 >/dev/null | grep -c 'missing required column date')" "1"
finish
