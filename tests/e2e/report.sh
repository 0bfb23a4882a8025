# The quarterly report end to end: it renders for the bundled sample with
# the bundled template; pdftotext of it holds the numbers of
# `eoi stats --json` where the template puts them; the "changes since the
# previous quarter" of the hand-built two-quarter fixture match the numbers
# worked out in tests/fixtures/report/README.md; a template error stops with
# one line naming file and line and writes nothing; reruns are
# byte-identical; US Letter works.

. tests/e2e/lib.sh
BUILD=${BUILD:-build}
FIX=tests/fixtures/report/two_quarters.csv
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

# Text of a PDF on one line: layout mode, whitespace collapsed, and the
# spaces pdftotext may or may not keep around "→" dropped.
pdf_text() {
	pdftotext -layout "$1" - | sed -e ':a' -e '/[a-z0-9]-$/{N;s/-\n */-/;ba' -e '}' |
		tr -s ' \n\t\f' ' ' | sed 's/ *→ */→/g'
}
# has NAME TEXT_FILE PHRASE: passes when the text holds the phrase.
has() {
	if grep -qF -- "$3" "$2"; then
		tk_pass=$((tk_pass + 1))
	else
		tk_fail=$((tk_fail + 1))
		echo "FAIL $1: not in the report: $3"
	fi
}

# ---- the bundled sample ------------------------------------------------------
check "sample report" $EOI report -q --out "$TMP/sample"
PDF="$TMP/sample/report/eoi-report-2025Q3.pdf"
check "sample pdf written" test -s "$PDF"
pages=$(pdfinfo "$PDF" 2>/dev/null | sed -n 's/^Pages: *//p')
check "at least 10 pages" test "${pages:-0}" -ge 10
check_eq "A4" "$(pdfinfo "$PDF" | sed -n 's/^Page size: *//p' | cut -d' ' -f1-3)" "595.276 x 841.89"
check_eq "author" "$(pdfinfo "$PDF" | sed -n 's/^Author: *//p')" "eoi"
pdf_text "$PDF" >"$TMP/sample.txt"
$EOI stats -q --data data/sample/eoi-sample.parquet --json "$TMP/stats.json"

# The phrases the template builds, with the numbers formatted from the JSON.
python3 - "$TMP/stats.json" >"$TMP/want.txt" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
def pct1(x): return "%.1f%%" % (x * 100)
def pct2(x): return "%.2f%%" % (x * 100)
def thousands(x): return "{:,}".format(int(round(x)))
def num3(x): return "%.3f" % x
def params(x):
    k = 0
    while k < 4 and x >= 999.5:
        x /= 1000; k += 1
    return ("%.3g" % x) + ["", "k", "M", "B", "T"][k]
ng = d["shares"]["attributed"]["nation_group"]
total = sum(ng["total"])
groups = sorted((g for g in ng["groups"] if g["kind"] == "named"), key=lambda g: (-g["downloads_total"], g["name"]))
out = []
out.append("the models in the data have %s counted downloads" % thousands(total))
out.append("%s is the leading nation group with %s of all-time downloads, ahead of %s (%s) and %s (%s)." % (
    groups[0]["name"], pct1(groups[0]["downloads_total"] / total), groups[1]["name"],
    pct1(groups[1]["downloads_total"] / total), groups[2]["name"], pct1(groups[2]["downloads_total"] / total)))
dev = d["leaderboards"]["developers"]["all_time"]["top"]
out.append("Among credited developers, %s (%s) leads with %s, followed by %s (%s) and %s (%s)." % (
    dev[0]["name"], dev[0]["nation_group"], pct1(dev[0]["share"]), dev[1]["name"], pct1(dev[1]["share"]),
    dev[2]["name"], pct1(dev[2]["share"])))
m = d["leaderboards"]["models"]["all_time"]["top"][0]
out.append("The most downloaded model is %s (%s)." % (m["name"], pct1(m["share"])))
c = d["concentration"]
out.append("Concentration in the last period (%s)" % c["developer"]["periods"][-1])
out.append("is %s over models, %s over developers and %s over nation groups; the Gini coefficients are %s, %s and %s." % (
    num3(c["model"]["hhi"][-1]), num3(c["developer"]["hhi"][-1]), num3(c["nation"]["hhi"][-1]),
    num3(c["model"]["gini"][-1]), num3(c["developer"]["gini"][-1]), num3(c["nation"]["gini"][-1])))
out.append("hold %s of downloads." % pct1(d["intermediaries"]["intermediary_share"]))
row = d["temporal_shifts"]["rows"][0]
out.append("Mean size (params) " + " ".join(params(v) for v in row["download_weighted"]) +
           " \u00d7%.1f" % row["growth_download_weighted"])
top = d["intermediaries"]["top"][0]
out.append("1 %s %s %s %d %s" % (top["name"], thousands(top["downloads"]), pct2(top["share"]), top["models"],
                                 top["main_role"]))
f = d["inputs"][0]
out.append("%s %s %s %s SHA-256 %s" % (f["path"], f["role"], f["format"], thousands(f["rows"]), f["sha256"]))
w = d["warnings"]
out.append("Duplicate (model, date) rows (larger count kept) %s" % thousands(w["duplicate_rows"]))
out.append("Data source: %s, as of" % d["source"])
print("\n".join(out))
EOF
n=0
while IFS= read -r phrase; do
	n=$((n + 1))
	has "sample phrase $n" "$TMP/sample.txt" "$phrase"
done <"$TMP/want.txt"
check_eq "sample phrases" "$n" "12"
has "synthetic label" "$TMP/sample.txt" "Synthetic sample data."
has "changes section" "$TMP/sample.txt" "Changes since the previous quarter"
has "compared with 2025Q2" "$TMP/sample.txt" "Compared with the previous quarter, 2025Q2: the same data as of 30 June 2025."
has "running header" "$TMP/sample.txt" "Economies of Open Intelligence · Quarterly report 2025 Q3"
has "page numbers" "$TMP/sample.txt" "2 / $pages"

# Same inputs, same bytes; US Letter.
check "sample rerun" $EOI report -q --out "$TMP/again"
check "byte-identical" cmp "$PDF" "$TMP/again/report/eoi-report-2025Q3.pdf"
check "letter report" $EOI report -q --paper letter --out "$TMP/letter"
check_eq "US Letter" "$(pdfinfo "$TMP/letter/report/eoi-report-2025Q3.pdf" | sed -n 's/^Page size: *//p' | cut -d' ' -f1-3)" \
	"612 x 792"

# ---- the two-quarter fixture: changes worked out by hand -------------------------
check "fixture report" $EOI report -q --data $FIX --as-of 2025-06-30 --out "$TMP/fix"
FPDF="$TMP/fix/report/eoi-report-2025Q2.pdf"
pdf_text "$FPDF" >"$TMP/fix.txt"
has "cover previous" "$TMP/fix.txt" "Compared with the previous quarter, 2025Q1: the same data as of 31 March 2025."
has "totals" "$TMP/fix.txt" "Counted downloads grew from 1,000 to 2,000."
has "USA shares" "$TMP/fix.txt" "USA 48.00% 37.25%"
has "France change" "$TMP/fix.txt" "France 10.80% 13.50% +2.7 pp 3→3"
has "bolt change" "$TMP/fix.txt" "bolt 20.00% 30.50% +10.5 pp 2→1"
has "kite change" "$TMP/fix.txt" "kite 0.80% 4.00% +3.2 pp 11→8"
has "jade change" "$TMP/fix.txt" "jade 1.20% 0.90% −0.3 pp 10→11"
has "lark new" "$TMP/fix.txt" "lark – 0.85% – –→12"
has "developer concentration" "$TMP/fix.txt" "Developers 0.278 0.345 +0.067 0.167 0.325 +0.158"
has "nation concentration" "$TMP/fix.txt" "Nation groups 0.389 0.445 +0.056 0.222 0.300 +0.078"
has "gain" "$TMP/fix.txt" "The largest gain among developers is bolt's (+10.5 pp, now 30.5%)."
has "loss" "$TMP/fix.txt" "The largest loss is acme's (−5.5 pp, now 24.5%)."
has "hhi sentence" "$TMP/fix.txt" "Since 2025Q1, developer HHI rose from 0.278 to 0.345, and nation-group HHI from 0.389 to 0.445."
has "entrant" "$TMP/fix.txt" "Developer entering the top 10: kite, rank 8 (4.0%)."
has "exit" "$TMP/fix.txt" "Developer leaving the top 10: jade, rank 10 in 2025Q1 (1.2%)."
has "model entrant" "$TMP/fix.txt" "Model entering the top 10: kite/kite-base, rank 8 (4.0%)."
has "new in top 10" "$TMP/fix.txt" "New in the all-time developer top 10: kite (rank 8)."
has "skipped figure" "$TMP/fix.txt" "Figure 5 is not shown: no params column in the input."

# Without a previous quarter: no comparison, said so.
check "no previous" $EOI report -q --data $FIX --as-of 2025-06-30 --previous none --out "$TMP/noprev"
pdf_text "$TMP/noprev/report/eoi-report-2025Q2.pdf" >"$TMP/noprev.txt"
has "no comparison" "$TMP/noprev.txt" "There is no previous quarter to compare with"
check "no changes table" sh -c "! grep -qF 'Table 3.' '$TMP/noprev.txt'"

# ---- template errors: one line naming file and line, nothing written ----------
sed 's/{{ counts.models | thousands }}/{{ counts.modles | thousands }}/' templates/report.tmpl >"$TMP/bad.tmpl"
line=$(grep -n 'counts.modles' "$TMP/bad.tmpl" | head -n 1 | cut -d: -f1)
check_fails "unknown placeholder" 65 "bad.tmpl:$line: unknown placeholder \"counts.modles\"" \
	$EOI report -q --data $FIX --template "$TMP/bad.tmpl" --out "$TMP/bad"
check "nothing written" test ! -e "$TMP/bad/report/eoi-report-2025Q2.pdf"
printf '# T\n\n{%% chart fig2 %%}\n' >"$TMP/bad2.tmpl"
check_fails "unknown directive" 65 "bad2.tmpl:3: unknown directive \"chart\"" \
	$EOI report -q --data $FIX --template "$TMP/bad2.tmpl" --out "$TMP/bad"
printf '# T\n\n{%% figure fig10 %%}\n' >"$TMP/bad3.tmpl"
check_fails "unknown figure" 65 "bad3.tmpl:3: unknown figure \"fig10\"" \
	$EOI report -q --data $FIX --template "$TMP/bad3.tmpl" --out "$TMP/bad"
check_eq "one line" "$(wc -l <"$TMP/.err" | tr -d ' ')" "1"
finish
