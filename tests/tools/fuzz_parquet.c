/*
 * fuzz_parquet.c - replay tool for the libFuzzer harness tests/fuzz/fuzz_parquet.c
 * (built by `make` like every tests/tools program, without
 * -fsanitize=fuzzer): fuzz_parquet FILE... runs each file through the harness.
 * tests/e2e/fuzz_corpus.sh replays the committed corpus with it.
 */
#include "../fuzz/fuzz_parquet.c"
