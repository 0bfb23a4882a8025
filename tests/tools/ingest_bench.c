/*
 * ingest_bench - time the ingest of one input file: parquet_read_file()
 * (or the CSV reader, through input_read) plus dataset_build().
 *
 * Usage: ingest_bench FILE [REPEAT]
 * Prints one line per run (the reader's and dataset_build's shares, then
 * the total) and the best total:
 *   read R s, build B s; ingest FILE: ROWS rows, MODELS models, SECONDS s
 *   best: SECONDS s
 * Exit status: 0, or the GError's code.
 */
#include <stdio.h>
#include <stdlib.h>

#include "data/dataset.h"
#include "eoi.h"
#include "io/input.h"

static bool run_once(const char *path, double *secs, uint64_t *rows, uint32_t *models, GError **err)
{
	double read_s;
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	gint64 t0 = g_get_monotonic_time();
	DatasetBuilder *b = dsb_new(&opt);
	if (!input_read(path, ROLE_DOWNLOADS, b, err)) {
		dsb_free(b);
		return false;
	}
	read_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	Dataset *ds = dataset_build(b, err);
	if (!ds)
		return false;
	*secs = (double)(g_get_monotonic_time() - t0) / 1e6;
	printf("read %.3f s, build %.3f s; ", read_s, *secs - read_s);
	*rows = ds->n_rows;
	*models = ds->n_models;
	dataset_free(ds);
	return true;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: ingest_bench FILE [REPEAT]\n");
		return EOI_EXIT_USAGE;
	}
	int repeat = argc == 3 ? atoi(argv[2]) : 3;
	double best = -1;
	for (int i = 0; i < (repeat > 0 ? repeat : 1); i++) {
		GError *err = NULL;
		double secs;
		uint64_t rows;
		uint32_t models;
		if (!run_once(argv[1], &secs, &rows, &models, &err)) {
			fprintf(stderr, "ingest_bench: error: %s\n", err->message);
			int code = err->code;
			g_error_free(err);
			return code;
		}
		printf("ingest %s: %" G_GUINT64_FORMAT " rows, %u models, %.3f s\n", argv[1], rows,
		       models, secs);
		if (best < 0 || secs < best)
			best = secs;
	}
	printf("best: %.3f s\n", best);
	return 0;
}
