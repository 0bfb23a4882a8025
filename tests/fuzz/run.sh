#!/bin/sh
# run.sh - run libFuzzer harnesses for a while (make fuzz calls it).
#   BUILD=build FUZZ_SECONDS=60 sh tests/fuzz/run.sh parquet thrift ...
# Each harness $BUILD/fuzz/fuzz_NAME runs single-worker for FUZZ_SECONDS
# on a scratch copy of tests/fuzz/corpus/NAME/ (in $BUILD/fuzz/work/NAME;
# the committed corpus is never written), with tests/fuzz/regressions/NAME/
# as extra seeds.  One line per harness: executions, final coverage (cov:)
# and features (ft:), corpus size, and whether it crashed.  Crash inputs go
# to $BUILD/fuzz/artifacts/NAME/, the full log to $BUILD/fuzz/NAME.log.
# Exit status 1 when any harness crashed (or leaked, timed out, ran out of
# memory).
BUILD=${BUILD:-build}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
# Pin what could make runs differ between machines (as tests/run.sh does).
export TZ=UTC LC_ALL=C SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export EOI_DATADIR=${EOI_DATADIR:-$(pwd)}
# Stacks with UBSan reports.  (To see whole stacks of a leak through GLib,
# replay the input with ASAN_OPTIONS=fast_unwind_on_malloc=0: too slow for
# fuzzing.)
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
max_len() {
	case $1 in
	parquet) echo 65536 ;;
	thrift) echo 4096 ;;
	*) echo 16384 ;;
	esac
}
failed=0
for name in "$@"; do
	bin=$BUILD/fuzz/fuzz_$name
	work=$BUILD/fuzz/work/$name
	art=$BUILD/fuzz/artifacts/$name
	log=$BUILD/fuzz/$name.log
	if [ ! -x "$bin" ]; then
		echo "fuzz_$name: $bin missing (make fuzz-build)"
		failed=1
		continue
	fi
	rm -rf "$work" "$art"
	mkdir -p "$work" "$art"
	cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	seeds=
	[ -d tests/fuzz/regressions/"$name" ] && seeds=tests/fuzz/regressions/$name
	before=$(ls "$work" | wc -l)
	"$bin" -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$name")" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art/" \
		"$work" $seeds >"$log" 2>&1
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
	after=$(ls "$work" | wc -l)
	crashes=$(ls "$art" | wc -l)
	if [ "$status" = 0 ] && [ "$crashes" = 0 ]; then
		result=ok
	else
		result="CRASH (exit $status; inputs in $art/, log $log)"
		failed=1
	fi
	printf 'fuzz_%s: %s execs (at most %s s), %s, corpus %s -> %s files: %s\n' "$name" \
		"${execs:-?}" "$FUZZ_SECONDS" "${cov:-cov: ? ft: ?}" "$before" "$after" "$result"
done
exit $failed
