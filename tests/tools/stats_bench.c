/*
 * stats_bench - time the statistics stage alone (after ingest).
 *
 *   stats_bench FILE [REPEATS]
 *
 * Reads FILE (CSV or Parquet) into a dataset, then runs stats_compute with
 * the default options REPEATS times (default 3) and prints the rows and
 * the best wall time in seconds.  Used by `make bench`.
 */
#include <stdio.h>
#include <stdlib.h>

#include "data/dataset.h"
#include "io/input.h"
#include "stats/stats.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: stats_bench FILE [REPEATS]\n");
		return 64;
	}
	int repeats = argc > 2 ? atoi(argv[2]) : 3;
	DatasetOptions dopt = { DAY_NONE, DAY_NONE };
	DatasetBuilder *b = dsb_new(&dopt);
	GError *err = NULL;
	gint64 t0 = g_get_monotonic_time();
	if (!input_read(argv[1], ROLE_DOWNLOADS, b, &err)) {
		fprintf(stderr, "stats_bench: %s\n", err->message);
		dsb_free(b);
		return 65;
	}
	Dataset *ds = dataset_build(b, &err);
	if (!ds) {
		fprintf(stderr, "stats_bench: %s\n", err->message);
		return 65;
	}
	double ingest = (double)(g_get_monotonic_time() - t0) / 1e6;
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
	double best = 1e30;
	for (int i = 0; i < repeats; i++) {
		gint64 t = g_get_monotonic_time();
		Stats *st = stats_compute(ds, &so, &err);
		double s = (double)(g_get_monotonic_time() - t) / 1e6;
		if (s < best)
			best = s;
		stats_free(st);
	}
	printf("rows %" G_GUINT64_FORMAT " models %u ingest %.3f s statistics (best of %d) %.3f s\n", ds->n_rows,
	       ds->n_models, ingest, repeats, best);
	dataset_free(ds);
	return 0;
}
