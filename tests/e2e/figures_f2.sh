# Figures 3 and 6–9 end to end: rendered from the bundled sample, from a
# minimal input (one developer, one week: tests/fixtures/e2e/minimal_f2.csv,
# and tests/fixtures/e2e/minimal.csv when present) and from an input
# without the optional columns (the skipped figures say why, one line
# each).  Every PDF passes pdfinfo with only Liberation Sans embedded,
# every SVG loads in rsvg-convert, two runs give identical bytes, and
# Figure 9's bar labels equal the shares of "eoi stats --json".
. tests/e2e/lib.sh
FIGS=fig3,fig6,fig7,fig8,fig9

# Only Liberation Sans, always embedded, in PDF $1.
fonts_ok() {
	pdffonts "$1" >"$TMP/.fonts" 2>&1 || return 1
	tail -n +3 "$TMP/.fonts" | awk '
		{ n++; name = $1; sub(/^[A-Z]+\+/, "", name)
		  if (name !~ /^LiberationSans/ || $(NF-4) != "yes") bad++ }
		END { exit (n >= 2 && bad == 0) ? 0 : 1 }'
}

# Checks of every figure of the list $2 rendered into folder $1.
check_dir() {
	for f in $(echo "$2" | tr ',' ' '); do
		check "$3 $f.pdf pdfinfo" pdfinfo "$1/$f.pdf"
		check "$3 $f.pdf fonts" fonts_ok "$1/$f.pdf"
		check "$3 $f.svg loads" rsvg-convert -o "$TMP/$f-svg.png" "$1/$f.svg"
		check "$3 $f.png exists" test -s "$1/$f.png"
	done
}

# 1. The bundled sample, twice: identical bytes.
check "sample renders" $EOI figures -q --only $FIGS --out "$TMP/a"
check "sample renders again" $EOI figures -q --only $FIGS --out "$TMP/b"
check_dir "$TMP/a/figures" $FIGS sample
for f in $(echo $FIGS | tr ',' ' '); do
	for ext in pdf svg png; do
		check "identical $f.$ext" cmp "$TMP/a/figures/$f.$ext" "$TMP/b/figures/$f.$ext"
	done
done
check "single column" $EOI figures -q --single-column --only $FIGS --out "$TMP/s"
check_dir "$TMP/s/figures" $FIGS single

# 2. Figure 9's bars, in order, with the shares of the statistics as
# printed (two decimals).
$EOI stats -q --json "$TMP/stats.json" >/dev/null 2>&1
python3 - "$TMP/stats.json" >"$TMP/want9.txt" <<'EOF'
import json, sys
for e in json.load(open(sys.argv[1]))["intermediaries"]["top"]:
    print("%s %.2f%%" % (e["name"], 100 * e["share"]))
EOF
pdftotext -layout "$TMP/a/figures/fig9.pdf" - 2>/dev/null |
	awk 'NF >= 2 && $2 ~ /^[0-9]+\.[0-9][0-9]%$/ { print $1, $2 }' >"$TMP/got9.txt"
check "json has intermediaries" test -s "$TMP/want9.txt"
check_eq "fig9 bars = stats --json" "$(cat "$TMP/got9.txt")" "$(cat "$TMP/want9.txt")"

# 3. Minimal inputs: one developer, one week.
for m in tests/fixtures/e2e/minimal_f2.csv tests/fixtures/e2e/minimal.csv; do
	[ -f "$m" ] || continue
	check "minimal $m" $EOI figures -q --data "$m" --only $FIGS --out "$TMP/m"
	drawn=$(ls "$TMP/m/figures" | sed -n 's/\.pdf$//p' | tr '\n' ',' | sed 's/,$//')
	check_dir "$TMP/m/figures" "$drawn" "$(basename "$m")"
	rm -rf "$TMP/m"
done

# 4. No optional columns: Figures 7, 8 and 9 are not drawn, each with one
# line naming what is missing; Figure 6 draws what it can (quantized).
printf 'model,time,created,downloadsAllTime\na/m1,2025-03-05,2025-03-01,10\na/m1,2025-03-12,2025-03-01,30\nb/m2,2025-03-12,2025-03-08,5\n' >"$TMP/bare.csv"
$EOI figures --data "$TMP/bare.csv" --only $FIGS --out "$TMP/bare" >"$TMP/bare.log" 2>&1
check_eq "bare exit" "$?" "0"
check_eq "fig7 skipped" "$(grep -c '^eoi: fig7 not drawn: no modality' "$TMP/bare.log")" "1"
check_eq "fig8 skipped" "$(grep -c '^eoi: fig8 not drawn: no data_transparency or openness column' "$TMP/bare.log")" "1"
check_eq "fig9 skipped" "$(grep -c '^eoi: fig9 not drawn: no base_models' "$TMP/bare.log")" "1"
check "fig6 drawn" test -s "$TMP/bare/figures/fig6.pdf"
check "fig7 not written" test ! -e "$TMP/bare/figures/fig7.pdf"
pdftotext "$TMP/bare/figures/fig6.pdf" - 2>/dev/null | tr "\n" " " >"$TMP/fig6.txt"
check "fig6 names the skipped" grep -q "Not drawn: Mixture of experts (no moe column in the input)" "$TMP/fig6.txt"
finish
