#!/bin/sh
# bench.sh - benchmarks, run by `make bench` and `make bench-full` (EOI and
# BUILD set by make; FULL=1 adds the paper-scale run).
#
# Every eoi run is the real command with --timings, which prints each
# stage's rows, seconds and rows/s and the process's peak memory
# (getrusage).  Inputs:
#
#   1. the bundled sample (data/sample/eoi-sample.parquet): `eoi all`;
#   2. the 3,000,000-row file in the release's schema (100,000 models x 30
#      dates, snappy), written by DuckDB (`node gen.mjs --big` in
#      tests/fixtures/parquet, made on first use, not committed): `eoi all`,
#      and the ingest alone against DuckDB's
#      CREATE TABLE t AS SELECT * FROM read_parquet(...) (2 threads), best of
#      3 each.  Targets: ratio eoi ingest / DuckDB <= 1.0; ingest + derive +
#      stats + figures + workbook < 3 s;
#   3. (FULL=1) the paper's scale: 851,000 models x 274 weekly snapshots
#      (233,174,000 rows) from `eoi sample --dense` turned into one
#      release-layout Parquet file by DuckDB (tests/fixtures/parquet/paper.mjs;
#      made on first use into BUILD/bench, about 10 minutes and 12 GB of
#      scratch disk, the CSV is deleted afterwards): `eoi all` (every
#      stage; the report's previous-quarter run reads the file again).
#      Targets: ingest + derive + stats < 90 s, peak memory < 8 GB.
#
# Run on an idle machine: the figures are wall-clock times.
BUILD=${BUILD:-build}
EOI=${EOI:-./eoi}
FIX=tests/fixtures/parquet
BIG=$FIX/big/release_3m.parquet
PAPER=$BUILD/bench/paper.parquet
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

have_duckdb() {
	if [ ! -d "$FIX/node_modules/@duckdb" ] && command -v npm >/dev/null 2>&1; then
		echo "installing the fixture writers (npm ci in $FIX)"
		(cd "$FIX" && npm ci --no-audit --no-fund >/dev/null 2>&1) || echo "npm ci failed"
	fi
	[ -d "$FIX/node_modules/@duckdb" ] && command -v node >/dev/null 2>&1
}

# run_eoi LABEL ARGS...: one run with --timings, its lines kept in
# $SCRATCH/LABEL and shown.
run_eoi() {
	label=$1
	shift
	case $1 in
	stats) set -- "$@" -q --timings ;;
	*) set -- "$@" -q --timings --out "$SCRATCH/out" ;;
	esac
	"$EOI" "$@" 2>"$SCRATCH/$label" >/dev/null || {
		echo "eoi $* failed:"
		cat "$SCRATCH/$label"
		return 1
	}
	sed 's/^timing: /    /' "$SCRATCH/$label"
}

# seconds FILE STAGE...: the sum of the stages' seconds in a --timings log.
seconds() {
	f=$1
	shift
	awk -v stages=" $* " '$1 == "timing:" && index(stages, " " $2 " ") { for (i = 3; i <= NF; i++) if ($i == "s") t += $(i - 1) }
		END { printf "%.3f", t }' "$f"
}

peak_mb() {
	sed -n 's/^timing: peak memory \([0-9]*\) MB$/\1/p' "$1"
}

bench_sample() {
	echo "== 1. the bundled sample: eoi all"
	run_eoi sample all || return 1
}

bench_3m() {
	echo "== 2. 3,000,000 rows, release schema (DuckDB-written, snappy): eoi all"
	if [ ! -f "$BIG" ]; then
		if have_duckdb; then
			echo "writing $BIG with DuckDB (about a minute)"
			(cd "$FIX" && node gen.mjs --big >/dev/null) || echo "node gen.mjs --big failed"
		fi
		if [ ! -f "$BIG" ]; then
			echo "skipped: $BIG is missing and DuckDB (npm) is not available"
			return 0
		fi
	fi
	run_eoi 3m all --data "$BIG" || return 1
	t=$(seconds "$SCRATCH/3m" ingest derive stats figures workbook)
	awk -v t="$t" 'BEGIN { printf "ingest + derive + stats + figures + workbook: %.3f s (target < 3 s): %s\n", t,
		(t < 3 ? "OK" : "MISSED") }'
	best=
	for i in 1 2 3; do
		"$EOI" stats -q --timings --data "$BIG" 2>"$SCRATCH/ingest" >/dev/null || return 1
		s=$(seconds "$SCRATCH/ingest" ingest)
		best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
	done
	echo "eoi ingest (read + build, best of 3): $best s"
	if ! have_duckdb; then
		echo "DuckDB comparison skipped: node or the DuckDB package is missing"
		return 0
	fi
	duck=$(cd "$FIX" && node bench_duckdb.mjs 2>/dev/null) || {
		echo "DuckDB comparison failed"
		return 0
	}
	echo "DuckDB CREATE TABLE t AS SELECT * FROM read_parquet (2 threads, best of 3): $duck s"
	awk -v e="$best" -v d="$duck" 'BEGIN { printf "ratio eoi ingest / DuckDB: %.2f (target <= 1.0): %s\n", e / d,
		(e <= d ? "OK" : "MISSED") }'
}

bench_paper() {
	echo "== 3. the paper's scale: 851,000 models x 274 weeks (233,174,000 rows): eoi all"
	if [ ! -f "$PAPER" ]; then
		if ! have_duckdb; then
			echo "skipped: $PAPER is missing and DuckDB (npm) is not available"
			return 0
		fi
		mkdir -p "$BUILD/bench"
		d=$BUILD/bench/paper-downloads.csv
		m=$BUILD/bench/paper-models.csv
		echo "writing $d and $m with eoi sample --dense (about 3 minutes)"
		"$EOI" sample -q --models 851000 --dense --models-table "$m" "$d" || return 1
		echo "joining them into $PAPER with DuckDB (several minutes)"
		(cd "$FIX" && node paper.mjs "$OLDPWD/$d" "$OLDPWD/$m" "$OLDPWD/$PAPER") || return 1
		rm -f "$d" "$m"
	fi
	run_eoi paper all --data "$PAPER" || return 1
	t=$(seconds "$SCRATCH/paper" ingest derive stats)
	mb=$(peak_mb "$SCRATCH/paper")
	awk -v t="$t" -v mb="$mb" 'BEGIN {
		printf "ingest + derive + stats: %.1f s (target < 90 s): %s\n", t, (t < 90 ? "OK" : "MISSED");
		printf "peak memory: %.2f GB (target < 8 GB): %s\n", mb / 1000, (mb < 8000 ? "OK" : "MISSED") }'
}

echo "eoi $("$EOI" --version | cut -d' ' -f2), $(nproc) cores; wall-clock seconds, peak memory from getrusage"
bench_sample || exit 1
bench_3m || exit 1
if [ "${FULL:-0}" = 1 ]; then
	bench_paper || exit 1
else
	echo "== 3. the paper's scale: run make bench-full"
fi
