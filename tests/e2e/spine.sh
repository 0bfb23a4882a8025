# The spine end to end: eoi stats on a small hand-made fixture (expected
# numbers worked out in tests/fixtures/e2e/README.md), the CLI's usage
# errors and exit codes, and bad input.
. tests/e2e/lib.sh
F=tests/fixtures/e2e/small.csv

check "stats runs" $EOI stats -q --data $F
$EOI stats -q --data $F >"$TMP/stats.txt" 2>&1
line() { grep -E "^  $1 " "$TMP/stats.txt" | head -n 1 | tr -s ' '; }
check_eq "jan total" "$(line 2024-01)" " 2024-01 0"
check_eq "feb total" "$(line 2024-02)" " 2024-02 650"
check_eq "mar total" "$(line 2024-03)" " 2024-03 830"
check_eq "all total" "$(line all)" " all 1,480"
check_eq "top developer" "$(grep -E '^ +1 +china' "$TMP/stats.txt" | tr -s ' ')" " 1 china 900 60.81%"
check_eq "second developer" "$(grep -E '^ +2 +acme' "$TMP/stats.txt" | tr -s ' ')" " 2 acme 580 39.19%"
check_eq "nation USA" "$(grep -E '^ +2 +USA' "$TMP/stats.txt" | tr -s ' ')" " 2 USA 580 39.19%"

$EOI stats -q --window all --data $F >"$TMP/all.txt" 2>&1
check_eq "window all feb" "$(grep -E '^  2024-02 ' "$TMP/all.txt" | tr -s ' ')" " 2024-02 1,150"
check_eq "window all total" "$(grep -E '^  all ' "$TMP/all.txt" | tr -s ' ')" " all 2,980"
check_eq "window all solo" "$(grep -E '^ +1 +solo' "$TMP/all.txt" | tr -s ' ')" " 1 solo 1,500 50.34%"

$EOI stats -q --as-of 2024-02-07 --data $F >"$TMP/asof.txt" 2>&1
check_eq "as-of cut" "$(grep -E '^  all ' "$TMP/asof.txt" | tr -s ' ')" " all 650"
check_eq "as-of warning" "$(grep -c 'rows dated after the as-of date, dropped: 4' "$TMP/asof.txt")" "1"

$EOI stats -q --period quarter --data $F >"$TMP/q.txt" 2>&1
check_eq "quarter" "$(grep -E '^  2024-Q1 ' "$TMP/q.txt" | tr -s ' ')" " 2024-Q1 1,480"

# Usage errors: 64; missing input: 66; bad data: 65.
check_fails "unknown command" 64 "unknown command" $EOI frobnicate
check_fails "bad window" 64 "window" $EOI stats --window decade --data $F
check_fails "bad date option" 64 "as-of: not a date" $EOI stats --as-of 2024-13-01 --data $F
check_fails "missing file" 66 "nope.csv" $EOI stats --data "$TMP/nope.csv"
printf 'model,time,downloadsAllTime\na/b,2024-01-03,12x\n' >"$TMP/bad.csv"
check_fails "bad number" 65 "bad.csv:2:downloadsAllTime" $EOI stats --data "$TMP/bad.csv"
check_fails "unwritable json" 73 "^eoi: error: $TMP/no/such/dir/x.json: No such file or directory$" \
	$EOI stats -q --data $F --json "$TMP/no/such/dir/x.json"
check_fails "output folder is a file" 73 "cannot create directory" $EOI figures -q --data $F --only fig2 --out "$F"
check_fails "bad --only" 64 "no figure \"fig10\"" $EOI figures --only fig10 --data $F
check_fails "bad --previous" 64 "previous" $EOI report --previous 2030-01-01 --data $F --out "$TMP/r"
check "version" $EOI --version
check "help" $EOI stats --help
finish
