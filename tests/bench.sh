#!/bin/sh
# bench.sh - benchmarks, run by `make bench` (EOI and BUILD set by make).
#
# Parquet ingest: eoi's reader + dataset_build on the 3,000,000-row file in
# the release's schema (tests/fixtures/parquet/big/release_3m.parquet, made
# by `node gen.mjs --big` in tests/fixtures/parquet), against DuckDB loading
# the same file into a table from Node with 2 threads (bench_duckdb.mjs).
# The target: eoi no slower than DuckDB.  Skipped, with a note, when the
# file or the Node packages are missing.
BUILD=${BUILD:-build}
FIX=tests/fixtures/parquet
BIG=$FIX/big/release_3m.parquet

bench_parquet_ingest() {
	echo "== Parquet ingest (3M rows, release schema)"
	if [ ! -f "$BIG" ]; then
		echo "skipped: $BIG is missing (make it with: cd $FIX && npm ci && node gen.mjs --big)"
		return 0
	fi
	if [ ! -x "$BUILD/tools/ingest_bench" ]; then
		echo "skipped: $BUILD/tools/ingest_bench is not built"
		return 0
	fi
	out=$("$BUILD/tools/ingest_bench" "$BIG" 3) || return 1
	echo "$out"
	eoi_best=$(echo "$out" | sed -n 's/^best: \([0-9.]*\) s$/\1/p')
	if [ ! -d "$FIX/node_modules/@duckdb" ] || ! command -v node >/dev/null 2>&1; then
		echo "DuckDB comparison skipped: node or $FIX/node_modules missing (cd $FIX && npm ci)"
		return 0
	fi
	duck=$(cd "$FIX" && node bench_duckdb.mjs 2>/dev/null) || {
		echo "DuckDB comparison failed"
		return 0
	}
	echo "eoi (parquet_read_file + dataset_build, 1 thread + digest thread): best ${eoi_best} s"
	echo "DuckDB (CREATE TABLE AS SELECT * FROM read_parquet, 2 threads): best ${duck} s"
	awk -v e="$eoi_best" -v d="$duck" 'BEGIN {
		if (e + 0 <= d + 0) printf "eoi is %.2fx DuckDB'"'"'s time: OK\n", e / d;
		else printf "eoi is %.2fx DuckDB'"'"'s time: SLOWER than the target\n", e / d }'
}

bench_parquet_ingest || exit 1
