/*
 * cli_load.c - the command line's way into the pipeline: --data roles, the
 * default input, progress while reading, the statistics options (see
 * cli.h).
 */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "eoi.h"
#include "io/input.h"
#include "paths.h"
#include "tables/summary.h"

bool cli_verbose(const Options *o)
{
	return !o->quiet && isatty(STDERR_FILENO);
}

void cli_progress(const Options *o, const char *fmt, ...)
{
	if (o->quiet || (!cli_verbose(o) && !o->verbose))
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("eoi: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* Reading progress on a terminal: "eoi: reading FILE: 3,145,728 rows". */
static void reading_progress(const char *path, uint64_t rows, void *data)
{
	bool *shown = data;
	char n[32];
	fprintf(stderr, "\reoi: reading %s: %s rows", path, summary_thousands((double)rows, n));
	*shown = true;
}

bool cli_parse_date(const char *name, const char *value, Day *out, GError **err)
{
	*out = DAY_NONE;
	if (!value)
		return true;
	if (!date_parse(value, strlen(value), out)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--%s: not a date: \"%s\" (want YYYY-MM-DD)", name,
			    value);
		return false;
	}
	if (!day_in_data_range(*out)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--%s: %s is out of range (%s)", name, value,
			    DAY_DATA_RANGE);
		return false;
	}
	return true;
}

static bool parse_stats_options(const Options *o, StatsOptions *so, GError **err)
{
	so->window = WINDOW_FIRST_YEAR;
	so->attribution = ATTRIBUTION_AUTO;
	so->period = PERIOD_MONTH;
	if (o->window && strcmp(o->window, "first-year") == 0)
		so->window = WINDOW_FIRST_YEAR;
	else if (o->window && strcmp(o->window, "all") == 0)
		so->window = WINDOW_ALL;
	else if (o->window) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--window: \"%s\" is not first-year or all", o->window);
		return false;
	}
	if (o->attribution && strcmp(o->attribution, "given") == 0)
		so->attribution = ATTRIBUTION_GIVEN;
	else if (o->attribution && strcmp(o->attribution, "computed") == 0)
		so->attribution = ATTRIBUTION_COMPUTED;
	else if (o->attribution) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--attribution: \"%s\" is not given or computed",
			    o->attribution);
		return false;
	}
	if (o->period && !period_kind_parse(o->period, &so->period)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--period: \"%s\" is not week, month, quarter or year",
			    o->period);
		return false;
	}
	return true;
}

/* Split "ROLE=FILE"; an unprefixed FILE is the downloads table. */
static bool data_role(const char *arg, bool have_downloads, FileRole *role, const char **path,
		      GError **err)
{
	static const struct {
		const char *prefix;
		FileRole role;
	} roles[] = { { "downloads=", ROLE_DOWNLOADS }, { "models=", ROLE_MODELS },
		      { "developers=", ROLE_DEVELOPERS } };
	for (size_t i = 0; i < G_N_ELEMENTS(roles); i++)
		if (g_str_has_prefix(arg, roles[i].prefix)) {
			*role = roles[i].role;
			*path = arg + strlen(roles[i].prefix);
			return true;
		}
	if (have_downloads) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE,
			    "--data %s: a second table needs its role: --data models=FILE or --data developers=FILE",
			    arg);
		return false;
	}
	*role = ROLE_DOWNLOADS;
	*path = arg;
	return true;
}

/* PATH relative to the working directory when it lies below it (so
 * provenance shows "data/sample/..." rather than where the checkout is). */
static char *relative_to_cwd(char *path)
{
	char *cwd = g_get_current_dir();
	size_t n = strlen(cwd);
	if (path && strncmp(path, cwd, n) == 0 && path[n] == '/') {
		char *rel = g_strdup(path + n + 1);
		g_free(path);
		path = rel;
	}
	g_free(cwd);
	return path;
}

/* The bundled sample: Parquet when shipped, else the CSV. */
static char *default_sample(GError **err)
{
	char *p = eoi_resource_path("data/sample/eoi-sample.parquet", NULL);
	if (!p)
		p = eoi_resource_path("data/sample/eoi-sample.csv.gz", err);
	return relative_to_cwd(p);
}

/* Read every input into a dataset.  Without --data: the release in data/
 * when it is there, else the bundled synthetic sample. */
Dataset *cli_load_dataset(const Options *o, GError **err)
{
	DatasetOptions dopt = { 0 };
	bool shown = false;
	if (cli_verbose(o)) {
		dopt.progress = reading_progress;
		dopt.progress_data = &shown;
	}
	if (!cli_parse_date("as-of", o->as_of, &dopt.as_of, err) ||
	    !cli_parse_date("snapshot-date", o->snapshot, &dopt.snapshot_date, err))
		return NULL;
	double t0 = timings_now();
	DatasetBuilder *b = dsb_new(&dopt);
	bool synthetic = false, have_downloads = false;
	char *fallback = NULL;
	const char *release = "data/all_downloads_with_annotations.parquet";
	if (!o->data) {
		if (g_file_test(release, G_FILE_TEST_EXISTS)) {
			fallback = g_strdup(release);
		} else {
			fallback = default_sample(err);
			synthetic = true;
			if (!fallback)
				goto fail;
		}
	}
	char *one[] = { fallback, NULL };
	char **files = o->data ? o->data : one;
	for (char **f = files; *f; f++) {
		FileRole role;
		const char *path;
		if (!data_role(*f, have_downloads, &role, &path, err))
			goto fail;
		have_downloads |= role == ROLE_DOWNLOADS;
		cli_progress(o, "reading %s", path);
		bool ok = input_read(path, role, b, err);
		if (shown)
			fputc('\n', stderr);
		shown = false;
		if (!ok)
			goto fail;
		char *base = g_path_get_basename(path);
		synthetic |= g_str_has_prefix(base, "eoi-sample");
		g_free(base);
	}
	if (!have_downloads) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--data: no downloads table given");
		goto fail;
	}
	g_free(fallback);
	Dataset *ds = dataset_build(b, err);
	if (ds) {
		ds->synthetic = synthetic;
		timings_add(o->timings, "ingest", ds->n_rows, t0);
	}
	return ds;
fail:
	g_free(fallback);
	dsb_free(b);
	return NULL;
}

Stats *cli_load_stats(const Options *o, GError **err)
{
	StatsOptions so = { 0 }; /* threads 0: the default */
	if (!parse_stats_options(o, &so, err))
		return NULL;
	so.timings = o->timings;
	Dataset *ds = cli_load_dataset(o, err);
	if (!ds)
		return NULL;
	char rows[32], models[32];
	cli_progress(o, "%s rows, %s models; computing statistics", summary_thousands((double)ds->n_rows, rows),
		 summary_thousands(ds->n_models, models));
	Stats *st = stats_compute(ds, &so, err);
	dataset_free(ds);
	if (st && !o->quiet)
		summary_print_warnings(st, stderr);
	return st;
}

