/*
 * report_demo - write the quarterly report the way `eoi report` will
 * (until main.c wires the command): the statistics at --as-of, and again
 * at the previous quarter's end (--previous DATE, or derived), then
 * report_write().
 *
 *   report_demo [--data FILE] [--as-of DATE] [--previous DATE|none]
 *               [--template FILE] [--letter] OUT_DIR
 *
 * Default data: the bundled sample (data/sample/eoi-sample.parquet).
 */
#include <stdio.h>
#include <string.h>

#include "data/dataset.h"
#include "io/input.h"
#include "report/report.h"
#include "stats/stats.h"

static Stats *load(const char *path, Day as_of, GError **err)
{
	DatasetOptions dopt = { as_of, DAY_NONE };
	DatasetBuilder *b = dsb_new(&dopt);
	if (!input_read(path, ROLE_DOWNLOADS, b, err)) {
		dsb_free(b);
		return NULL;
	}
	Dataset *ds = dataset_build(b, err);
	if (!ds)
		return NULL;
	char *base = g_path_get_basename(path);
	ds->synthetic = g_str_has_prefix(base, "eoi-sample");
	g_free(base);
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
	Stats *st = stats_compute(ds, &so, err);
	dataset_free(ds);
	return st;
}

static bool parse_day(const char *s, Day *d)
{
	return date_parse(s, strlen(s), d);
}

int main(int argc, char **argv)
{
	const char *data = "data/sample/eoi-sample.parquet", *tmpl = NULL, *out = NULL, *prev_arg = NULL;
	Day as_of = DAY_NONE;
	bool letter = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--data") == 0 && i + 1 < argc)
			data = argv[++i];
		else if (strcmp(a, "--as-of") == 0 && i + 1 < argc && parse_day(argv[i + 1], &as_of))
			i++;
		else if (strcmp(a, "--previous") == 0 && i + 1 < argc)
			prev_arg = argv[++i];
		else if (strcmp(a, "--template") == 0 && i + 1 < argc)
			tmpl = argv[++i];
		else if (strcmp(a, "--letter") == 0)
			letter = true;
		else if (a[0] != '-' && !out)
			out = a;
		else {
			fprintf(stderr, "usage: report_demo [--data FILE] [--as-of DATE] [--previous DATE|none] "
					"[--template FILE] [--letter] OUT_DIR\n");
			return 64;
		}
	}
	if (!out) {
		fprintf(stderr, "report_demo: no OUT_DIR\n");
		return 64;
	}
	GError *err = NULL;
	Stats *st = load(data, as_of, &err), *prev = NULL;
	int status = 0;
	if (st) {
		Day p = DAY_NONE;
		if (prev_arg && strcmp(prev_arg, "none") != 0 && !parse_day(prev_arg, &p)) {
			fprintf(stderr, "report_demo: --previous: not a date: %s\n", prev_arg);
			stats_free(st);
			return 64;
		}
		if (!prev_arg)
			p = report_default_previous(st);
		if (p != DAY_NONE)
			prev = load(data, p, &err);
	}
	ReportOptions ro = { out, tmpl, letter };
	if (!st || (!prev && err) || !report_write(st, prev, &ro, stderr, &err)) {
		fprintf(stderr, "eoi: error: %s\n", err ? err->message : "failed");
		status = err ? err->code : 70;
	}
	g_clear_error(&err);
	stats_free(st);
	stats_free(prev);
	return status;
}
