#!/bin/sh
# malformed.sh - hostile and malformed input through the real CLI
# (tests/fixtures/malformed, see its README.md).
#
#   - every case of tests/fixtures/malformed/expected-errors.txt, the
#     footer-level broken files of tests/fixtures/parquet, and large inputs
#     made here (a 100 MB field, a record of 5 MB): `eoi stats` exits 65
#     with exactly one line on stderr, the expected one, and writes no
#     --json file; `eoi all` on the same input exits 65 and leaves the
#     outputs of an earlier good run in --out exactly as they were;
#   - the 100 MB field is refused with bounded memory;
#   - inputs DESIGN.md §3 tolerates (duplicates, counter drops, attribution
#     cycles, missing created_at) run to the end, and `stats --json`
#     counts the warnings and the downloads worked out by hand in the
#     README.
. tests/e2e/lib.sh
M=tests/fixtures/malformed
OUT=$TMP/out

# An earlier good run: its outputs must survive every failed run.
if ! $EOI all -q --data tests/fixtures/e2e/small.csv --out "$OUT" >"$TMP/good.err" 2>&1; then
	check_eq "good run for the output check ($(head -n 1 "$TMP/good.err"))" failed ok
fi
tree() { (cd "$OUT" && find . -type f | LC_ALL=C sort | xargs cksum 2>/dev/null); }
tree >"$TMP/tree.before"
check "the good run wrote outputs" test -s "$TMP/tree.before"

# refused NAME FILE CHECK WANT: eoi stats and eoi all refuse FILE with exit
# 65 and one stderr line; CHECK is "line" (the line must be "eoi: error:
# WANT") or "grep" (it must match the grep pattern WANT).
refused() {
	name=$1 file=$2 how=$3 want=$4
	rm -f "$TMP/s.json"
	$EOI stats -q --json "$TMP/s.json" --data "$file" >/dev/null 2>"$TMP/err"
	check_eq "$name: exit status" "$?" 65
	check_eq "$name: one line on stderr" "$(wc -l <"$TMP/err" | tr -d ' ')" 1
	got=$(head -n 1 "$TMP/err")
	if [ "$how" = line ]; then
		check_eq "$name: message" "$got" "eoi: error: $want"
	elif printf '%s\n' "$got" | grep -q -- "$want"; then
		check_eq "$name: message" ok ok
	else
		check_eq "$name: message '$got' matches" "no" "$want"
	fi
	check_eq "$name: no --json file" "$(test -e "$TMP/s.json" && echo written)" ""
	$EOI all -q --out "$OUT" --data "$file" >/dev/null 2>"$TMP/err"
	check_eq "$name: eoi all exit status" "$?" 65
	check_eq "$name: eoi all one line" "$(wc -l <"$TMP/err" | tr -d ' ')" 1
	tree >"$TMP/tree.after"
	if cmp -s "$TMP/tree.before" "$TMP/tree.after"; then
		check_eq "$name: --out untouched" same same
	else
		changed=$(diff "$TMP/tree.before" "$TMP/tree.after" | sed -n 2p)
		check_eq "$name: --out changed: $changed" changed same
	fi
}

# ---- the committed corpus ---------------------------------------------------
n=0
tab=$(printf '\t')
while IFS="$tab" read -r f msg; do
	case $f in '#'* | '') continue ;; esac
	n=$((n + 1))
	if [ ! -f "$M/$f" ]; then
		check "fixture $M/$f exists" false
		continue
	fi
	# $F in the message stands for the path ('|' never occurs in paths here).
	want=$(printf '%s\n' "$msg" | sed "s|\\\$F|$M/$f|g")
	refused "$f" "$M/$f" line "$want"
done <"$M/expected-errors.txt"
check_eq "cases in expected-errors.txt" "$([ "$n" -ge 45 ] && echo enough)" enough

# The file the Parquet cases are patched from is valid: they fail for their
# defect, not for their schema.
check "pq_valid.parquet is read" $EOI stats -q --json "$TMP/v.json" --data "$M/pq_valid.parquet"

# Footer-level defects: the broken files of the Parquet reader's own
# fixtures (truncated file, bad magic, footer length beyond the file,
# corrupt Thrift footer), through the CLI.
P=tests/fixtures/parquet
for b in truncated_tiny truncated_footer bad_magic_head bad_magic_tail footer_len_past_start \
	footer_garbage; do
	f=$P/broken_$b.parquet
	if [ -f "$f" ]; then
		pattern=$(cat "$P/broken_$b.expected-error")
		# The Parquet reader is chosen by the head magic, so a file whose
		# head magic is broken goes to the CSV reader, which refuses its
		# bytes.
		[ "$b" = bad_magic_head ] && pattern="$pattern\\|1: NUL byte in a field"
		refused "broken_$b.parquet" "$f" grep "^eoi: error: $f:.*\\($pattern\\)"
	else
		check "fixture $f exists" false
	fi
done

# ---- large inputs, made here ------------------------------------------------
H=model,time,downloadsAllTime
# 100 MB of x (or of 7) from a pipe.
hundred_mb() { head -c 104857600 /dev/zero | tr '\0' "$1"; }
{ printf '%s\na/b,2024-01-03,"' $H; hundred_mb x; printf '"\n'; } >"$TMP/field_quoted.csv"
refused "100 MB quoted field" "$TMP/field_quoted.csv" line \
	"$TMP/field_quoted.csv:2: field longer than 1 MiB (quoted field opened on line 2 never closed?)"
{ printf '%s\na/b,2024-01-03,' $H; hundred_mb 7; printf '\n'; } >"$TMP/field_plain.csv"
refused "100 MB unquoted field" "$TMP/field_plain.csv" line \
	"$TMP/field_plain.csv:2: field longer than 1 MiB"

# Memory stays bounded: a reader that held the field would need 100 MB.
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o "$TMP/rss" $EOI stats -q --data "$TMP/field_quoted.csv" >/dev/null 2>&1
	kb=$(tail -n 1 "$TMP/rss")
	check_eq "100 MB field: peak memory ${kb} KB below 64 MB" \
		"$([ "$kb" -lt 65536 ] && echo bounded)" bounded
else
	# Without GNU time: refuse it within 128 MB of address space.
	(ulimit -v 131072 && $EOI stats -q --data "$TMP/field_quoted.csv") >/dev/null 2>"$TMP/err"
	check_eq "100 MB field under ulimit -v 128 MB: exit status" "$?" 65
	check_eq "100 MB field under ulimit -v: the length error" \
		"$(grep -c 'field longer than 1 MiB' "$TMP/err")" 1
fi
start=$(date +%s)
$EOI stats -q --data "$TMP/field_plain.csv" >/dev/null 2>&1
secs=$(($(date +%s) - start))
check_eq "100 MB field refused in ${secs} s (under 20)" "$([ "$secs" -lt 20 ] && echo quick)" quick
rm -f "$TMP/field_quoted.csv" "$TMP/field_plain.csv"

# A record of six 900 kB fields: each under the field bound, together over
# the record bound.
{
	printf '%s\na/b,2024-01-03,5' $H
	for i in 1 2 3 4 5 6; do
		printf ','
		head -c 900000 /dev/zero | tr '\0' x
	done
	printf '\n'
} >"$TMP/long_record.csv"
refused "5 MB record" "$TMP/long_record.csv" line "$TMP/long_record.csv:2: record longer than 4 MiB"
rm -f "$TMP/long_record.csv"

# ---- tolerated input: runs to the end, with counted warnings --------------------
T=$M/tolerated.csv
# The numbers of a stats JSON that the checks read, one "key value" a line
# (one python3 start per file: it is slow on loaded machines).
summary() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
w, c = d["warnings"], d["counts"]
dev = d["shares"]["attributed"]["developer"]
print("warnings", w["duplicate_rows"], w["counter_drops"], w["models_without_created"],
      w["attribution_cycles"], w["attribution_depth_capped"])
print("counts", c["rows"], c["models"], c["credited_developers"])
print("totals", " ".join("%g" % t for t in dev["total"]))
print("developers", " ".join("%s=%g" % (g["name"], g["downloads_total"]) for g in dev["groups"]))
' "$1" >"$1.txt" 2>&1
}
field() { sed -n "s/^$2 //p" "$1.txt"; }
if ! command -v python3 >/dev/null 2>&1; then
	check "python3 (to read the JSON)" false
elif $EOI stats -q --data "$T" --json "$TMP/t.json" >/dev/null 2>"$TMP/t.err"; then
	check_eq "tolerated: no stderr with -q" "$(wc -c <"$TMP/t.err" | tr -d ' ')" 0
	summary "$TMP/t.json"
	# duplicates, drops, models without created_at, cycles, depth cap
	check_eq "tolerated: warnings" "$(field "$TMP/t.json" warnings)" "4 2 2 4 0"
	check_eq "tolerated: rows, models, developers" "$(field "$TMP/t.json" counts)" "17 5 3"
	check_eq "tolerated: monthly totals" "$(field "$TMP/t.json" totals)" "0 105 35"
	check_eq "tolerated: developers" "$(field "$TMP/t.json" developers)" "p=100 q=40"
	$EOI stats -q --window all --data "$T" --json "$TMP/a.json" >/dev/null 2>&1
	summary "$TMP/a.json"
	check_eq "tolerated, window all: warnings" "$(field "$TMP/a.json" warnings)" "4 2 0 4 0"
	check_eq "tolerated, window all: totals" "$(field "$TMP/a.json" totals)" "0 105 39"
	check_eq "tolerated, window all: developers" "$(field "$TMP/a.json" developers)" "p=104 q=40"
	$EOI stats --data "$T" >/dev/null 2>"$TMP/t.err"
	check_eq "tolerated: each warning once on stderr" \
		"$(grep -c -e 'duplicate (model, date) rows.*: 4$' -e 'drops of a cumulative counter.*: 2$' \
			-e 'models without created_at.*: 2$' -e 'stopped by a cycle: 4$' "$TMP/t.err")" 4
else
	check_eq "tolerated input runs ($(head -n 1 "$TMP/t.err"))" failed ok
fi
finish
