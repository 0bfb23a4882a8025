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

# The inputs are made on first use (Node packages from the npm registry,
# DuckDB writes the 3M-row file; eoi sample writes the 5M-row one).
prepare_parquet() {
	if [ ! -d "$FIX/node_modules/@duckdb" ] && command -v npm >/dev/null 2>&1; then
		echo "installing the fixture writers (npm ci in $FIX)"
		(cd "$FIX" && npm ci --no-audit --no-fund >/dev/null 2>&1) || echo "npm ci failed"
	fi
	if [ ! -f "$BIG" ] && [ -d "$FIX/node_modules/@duckdb" ]; then
		echo "writing $BIG with DuckDB (about a minute)"
		(cd "$FIX" && node gen.mjs --big >/dev/null) || echo "node gen.mjs --big failed"
	fi
}

bench_parquet_ingest() {
	echo "== Parquet ingest (3M rows, release schema)"
	prepare_parquet
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

# Statistics: every statistic of the default run on a 5-million-row input,
# timed after ingest (tests/tools/stats_bench.c).  Target: under 1 s.
bench_statistics() {
	echo "== Statistics after ingest (5M rows, synthetic sample scaled up)"
	big5m=$BUILD/bench/sample-5m.csv.gz
	if [ ! -f "$big5m" ]; then
		mkdir -p "$BUILD/bench"
		echo "writing $big5m with eoi sample --models 76000 (about a minute)"
		"$EOI" sample -q --models 76000 "$big5m" || return 1
	fi
	out=$("$BUILD/tools/stats_bench" "$big5m" 3) || return 1
	echo "$out"
	echo "$out" | awk '{ for (i = 1; i <= NF; i++) if ($i == "s" && $(i-1) + 0 > 0) t = $(i-1) }
		END { if (t + 0 < 1) printf "statistics %.3f s: OK (target < 1 s)\n", t;
		      else printf "statistics %.3f s: SLOWER than the 1 s target\n", t }'
}

bench_parquet_ingest || exit 1
bench_statistics || exit 1
