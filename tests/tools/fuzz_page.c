/*
 * fuzz_page.c - replay tool for the libFuzzer harness tests/fuzz/fuzz_page.c
 * (built by `make` like every tests/tools program, without
 * -fsanitize=fuzzer): fuzz_page FILE... runs each file through the harness.
 * tests/e2e/fuzz_corpus.sh replays the committed corpus with it.
 */
#include "../fuzz/fuzz_page.c"
