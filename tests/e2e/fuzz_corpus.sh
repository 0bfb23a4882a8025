# fuzz_corpus.sh - replay every committed fuzzing input (tests/fuzz/corpus/
# NAME/*) and crash reproducer (tests/fuzz/regressions/NAME/*) through the
# plain replay tools $BUILD/tools/fuzz_NAME (tests/tools/fuzz_NAME.c, built
# by `make test`; they run the harness tests/fuzz/fuzz_NAME.c without
# libFuzzer).  Each input must be handled without a crash: the readers may
# reject it (that is expected), but the tool must exit 0.
. tests/e2e/lib.sh
BUILD=${BUILD:-build}
for name in parquet thrift page csv template; do
	bin=$BUILD/tools/fuzz_$name
	if [ ! -x "$bin" ]; then
		check "fuzz_$name built" test -x "$bin"
		continue
	fi
	for f in tests/fuzz/corpus/"$name"/* tests/fuzz/regressions/"$name"/*; do
		[ -f "$f" ] || continue
		check "fuzz_$name $f" "$bin" "$f"
	done
done
finish
