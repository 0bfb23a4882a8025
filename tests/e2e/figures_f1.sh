# Figures 1, 4 and 5 end to end: rendered from the bundled sample and from
# minimal inputs (one developer, one week) without errors; valid PDF (only
# the bundled Liberation Sans embedded), SVG that rsvg-convert loads, PNG;
# two runs give identical bytes; Figure 1's leaderboards show the numbers
# of `eoi stats --json` (rounded to one decimal); Figure 5 is not drawn,
# with one line why, when the input has no params column.
. tests/e2e/lib.sh
FIGS=fig1,fig4,fig5

check "sample renders" $EOI figures -q --only $FIGS --out "$TMP/a"
check "sample renders again" $EOI figures -q --only $FIGS --out "$TMP/b"
for f in fig1 fig4 fig5; do
	for ext in pdf svg png; do
		check "$f.$ext identical twice" cmp "$TMP/a/figures/$f.$ext" "$TMP/b/figures/$f.$ext"
	done
	check "$f pdfinfo" pdfinfo "$TMP/a/figures/$f.pdf"
	fonts=$(pdffonts "$TMP/a/figures/$f.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
	check_eq "$f fonts" "$(echo "$fonts" | tr ' ' '\n' | grep -v '^LiberationSans' | grep -c .)" "0"
	check_eq "$f fonts embedded" "$(pdffonts "$TMP/a/figures/$f.pdf" | tail -n +3 | awk '{print $(NF-4)}' | sort -u)" "yes"
	check "$f svg loads" rsvg-convert -o "$TMP/$f.svg.png" "$TMP/a/figures/$f.svg"
	check_eq "$f png magic" "$(head -c 4 "$TMP/a/figures/$f.png" | tail -c 3)" "PNG"
done

# Figure 1's tables against the statistics: every top-10 entry's name is
# followed on its line (pdftotext -layout) by its share with one decimal.
$EOI stats --json - 2>/dev/null >"$TMP/stats.json"
pdftotext -layout "$TMP/a/figures/fig1.pdf" "$TMP/fig1.txt"
check "fig1 numbers equal eoi stats" python3 - "$TMP/stats.json" "$TMP/fig1.txt" <<'PY'
import json, re, sys
stats = json.load(open(sys.argv[1]))["leaderboards"]
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
bad = 0
for kind, spans in stats.items():
    for span, board in spans.items():
        for e in board["top"][:10]:
            want = "%.1f%%" % (100 * e["share"])
            ok = False
            for line in lines:
                i = line.find(e["name"])
                if i < 0:
                    continue
                m = re.search(r"\d+\.\d%", line[i + len(e["name"]):])
                ok = ok or (m is not None and m.group(0) == want)
            if not ok:
                bad += 1
                print("not found: %s %s %s %s" % (kind, span, e["name"], want))
sys.exit(1 if bad else 0)
PY
check_eq "fig1 map lists User" "$(grep -c 'User: 9.7%' "$TMP/fig1.txt")" "1"

# Minimal inputs: one developer, one week.
for m in tests/fixtures/e2e/minimal.csv tests/fixtures/e2e/minimal_f1.csv; do
	[ -f "$m" ] || continue
	check "$m renders" $EOI figures -q --data "$m" --only $FIGS --out "$TMP/min"
	for f in fig1 fig4 fig5; do
		[ -f "$TMP/min/figures/$f.pdf" ] || continue
		check "$m $f pdfinfo" pdfinfo "$TMP/min/figures/$f.pdf"
		check "$m $f svg loads" rsvg-convert -o "$TMP/min.png" "$TMP/min/figures/$f.svg"
	done
	rm -rf "$TMP/min"
done

# No params column: Figure 5 is skipped with one line, the others drawn.
$EOI figures --data tests/fixtures/e2e/small.csv --only $FIGS --out "$TMP/small" >"$TMP/small.log" 2>&1
check_eq "fig5 skipped line" "$(grep -c '^eoi: fig5 not drawn: .*params' "$TMP/small.log")" "1"
check_eq "fig5 not written" "$(ls "$TMP/small/figures" | grep -c '^fig5')" "0"
check_eq "fig1, fig4 written" "$(ls "$TMP/small/figures" | grep -c '^fig[14]\.')" "6"
finish
