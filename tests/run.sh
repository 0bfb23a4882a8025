#!/bin/sh
# Runs every unit test program (build/tests/test_*) and every end-to-end
# script (tests/e2e/*.sh), adds up their "tk: N passed, N failed" lines and
# ends with the total.  A program that dies without its summary line counts
# as one failure.  Exit status 1 when anything failed.
BUILD=${BUILD:-build}
EOI=${EOI:-./eoi}
export EOI
# Pin what could make outputs differ between machines.
export TZ=UTC LC_ALL=C SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
# Resources (fonts/, templates/, data/) come from this checkout whatever
# BUILD is.
export EOI_DATADIR=${EOI_DATADIR:-$(pwd)}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run_one() {
	name=$1
	shift
	"$@" >"$log" 2>&1
	status=$?
	grep '^FAIL' "$log" | sed "s|^|$name: |"
	line=$(grep '^tk: [0-9]* passed, [0-9]* failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$name: died (exit $status) without a summary:"
		tail -n 20 "$log" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	p=$(echo "$line" | sed 's/^tk: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/')
	f=$(echo "$line" | sed 's/^tk: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/')
	if [ "$f" = 0 ] && [ "$status" != 0 ]; then
		echo "$name: exit $status despite no failed check"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	printf '%-40s %4d passed, %d failed\n' "$name" "$p" "$f"
}
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "$(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
	[ -f "$s" ] || continue
	[ "$(basename "$s")" = lib.sh ] && continue
	run_one "e2e/$(basename "$s" .sh)" sh "$s"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
