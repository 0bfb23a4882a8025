/*
 * tables_demo.c - write the workbook and CSV tables the way `eoi tables`
 * will once it is wired: load the inputs like main does (the bundled
 * synthetic sample by default), compute the statistics, call tables_write.
 *
 *   build/tools/tables_demo OUT_DIR [--period P] [--window all] [FILE...]
 *
 * Exit status: 0, or the GError code (sysexits) with the message on stderr.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "eoi.h"
#include "io/input.h"
#include "paths.h"
#include "stats/stats.h"
#include "tables/workbook.h"

/* PATH relative to the working directory when it lies below it (as main
 * does, so provenance shows "data/sample/..."). */
static char *relative_to_cwd(char *path)
{
	char *cwd = g_get_current_dir();
	size_t n = strlen(cwd);
	if (strncmp(path, cwd, n) == 0 && path[n] == '/') {
		char *rel = g_strdup(path + n + 1);
		g_free(path);
		path = rel;
	}
	g_free(cwd);
	return path;
}

static Dataset *load(char **files, int n, GError **err)
{
	DatasetOptions dopt = { DAY_NONE, DAY_NONE };
	DatasetBuilder *b = dsb_new(&dopt);
	char *sample = NULL;
	char *one[1];
	if (n == 0) {
		/* The bundled sample as main finds it: Parquet when shipped. */
		sample = eoi_resource_path("data/sample/eoi-sample.parquet", NULL);
		if (!sample)
			sample = eoi_resource_path("data/sample/eoi-sample.csv.gz", err);
		if (!sample) {
			dsb_free(b);
			return NULL;
		}
		sample = relative_to_cwd(sample);
		one[0] = sample;
		files = one;
		n = 1;
	}
	bool synthetic = false;
	for (int i = 0; i < n; i++) {
		if (!input_read(files[i], ROLE_DOWNLOADS, b, err)) {
			dsb_free(b);
			g_free(sample);
			return NULL;
		}
		char *base = g_path_get_basename(files[i]);
		synthetic |= g_str_has_prefix(base, "eoi-sample");
		g_free(base);
	}
	g_free(sample);
	Dataset *ds = dataset_build(b, err);
	if (ds)
		ds->synthetic = synthetic;
	return ds;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C");
	g_setenv("TZ", "UTC", TRUE);
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
	int first = 2;
	for (; first + 1 < argc && g_str_has_prefix(argv[first], "--"); first += 2) {
		if (strcmp(argv[first], "--period") == 0 && period_kind_parse(argv[first + 1], &so.period))
			continue;
		if (strcmp(argv[first], "--window") == 0 && strcmp(argv[first + 1], "all") == 0) {
			so.window = WINDOW_ALL;
			continue;
		}
		argc = 0; /* bad option: usage */
	}
	if (argc < 2) {
		fprintf(stderr, "usage: tables_demo OUT_DIR [--period P] [--window all] [FILE...]\n");
		return EOI_EXIT_USAGE;
	}
	GError *err = NULL;
	Stats *st = NULL;
	Dataset *ds = load(argv + first, argc - first, &err);
	if (ds) {
		st = stats_compute(ds, &so, &err);
		dataset_free(ds);
	}
	bool ok = st && tables_write(st, argv[1], stderr, &err);
	stats_free(st);
	if (!ok) {
		fprintf(stderr, "tables_demo: %s\n", err ? err->message : "failed");
		int code = err ? err->code : 1;
		g_clear_error(&err);
		return code;
	}
	return 0;
}
