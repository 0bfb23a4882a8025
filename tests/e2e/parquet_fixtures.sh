#!/bin/sh
# parquet_fixtures.sh - eoi's Parquet reader against files written by other
# tools (tests/fixtures/parquet, see its README.md):
#   - every FILE.parquet with FILE.expected: $BUILD/tools/parquet_dump
#     prints exactly the expected dump;
#   - every FILE.parquet with FILE.expected-error: the dump fails with exit
#     status 65 and one error line matching the pattern;
#   - `eoi inspect` on each: a valid file's metadata (exit 0, its row
#     count); a broken file never crashes it (exit 0 or 65; 65 when the
#     footer itself is broken).
. tests/e2e/lib.sh
BUILD=${BUILD:-build}
DUMP=$BUILD/tools/parquet_dump
DIR=tests/fixtures/parquet

if [ ! -x "$DUMP" ]; then
	check "parquet_dump is built ($DUMP)" false
	finish
	exit
fi

have_inspect=yes
if ! "$EOI" inspect --help >/dev/null 2>&1; then
	have_inspect=
	echo "note: '$EOI inspect' is not available; inspect checks skipped"
fi

n=0
for f in "$DIR"/*.parquet; do
	[ -f "$f" ] || continue
	base=${f%.parquet}
	fx=$(basename "$base")
	if [ -f "$base.expected" ]; then
		n=$((n + 1))
		if "$DUMP" "$f" >"$TMP/dump" 2>"$TMP/err"; then
			if cmp -s "$TMP/dump" "$base.expected"; then
				check_eq "$fx: dump" same same
			else
				check_eq "$fx: dump differs from $fx.expected ($(diff "$TMP/dump" "$base.expected" | head -n 3 | tr "\n" " "))" differs same
			fi
		else
			check_eq "$fx: dump failed: $(head -n 1 "$TMP/err")" failed ok
		fi
		if [ -n "$have_inspect" ]; then
			rows=$(head -n 1 "$base.expected" | sed 's/^# rows=\([0-9]*\) .*/\1/')
			"$EOI" inspect "$f" >"$TMP/inspect" 2>"$TMP/err"
			check_eq "$fx: inspect exit status" "$?" 0
			got=$(sed -n 's/^rows: *\([0-9]*\)$/\1/p' "$TMP/inspect")
			check_eq "$fx: inspect row count" "$got" "$rows"
		fi
	elif [ -f "$base.expected-error" ]; then
		n=$((n + 1))
		pattern=$(cat "$base.expected-error")
		check_fails "$fx: dump refuses it" 65 "$pattern" "$DUMP" "$f"
		"$DUMP" "$f" >/dev/null 2>"$TMP/err"
		check_eq "$fx: one error line" "$(wc -l <"$TMP/err" | tr -d ' ')" 1
		if [ -n "$have_inspect" ]; then
			"$EOI" inspect "$f" >/dev/null 2>"$TMP/err"
			status=$?
			case $status in
			0 | 65) check_eq "$fx: inspect does not crash" ok ok ;;
			*) check_eq "$fx: inspect exit status $status" crash ok ;;
			esac
			if ! grep -q 'row group' "$base.expected-error"; then
				check_eq "$fx: inspect refuses a broken footer" "$status" 65
			fi
		fi
	fi
done
[ "$n" -gt 0 ] || check "fixtures found in $DIR" false
finish
