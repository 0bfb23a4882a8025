/*
 * main.c - the eoi command line.
 *
 *   eoi COMMAND [OPTIONS]
 *
 * Parses the command and its options, runs the pipeline (read inputs ->
 * dataset -> statistics -> outputs; reading is in cli_load.c) and is the
 * only place that prints errors and chooses the exit status: every stage
 * returns a GError whose code is the sysexits status.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data/dataset.h"
#include "eoi.h"
#include "figures/figures.h"
#include "io/input.h"
#include "io/outdir.h"
#include "io/parquet.h"
#include "paths.h"
#include "report/report.h"
#include "sample/synth.h"
#include "stats/stats.h"
#include "tables/stats_json.h"
#include "tables/workbook.h"
#include "tables/summary.h"
#include "timing.h"

/* ---- options (the Options struct is in cli.h) ---------------------------- */

static GOptionEntry data_entries[] = {
	{ "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
	  "Input file (CSV, CSV.gz or Parquet). Repeatable: the downloads table, then models=FILE and "
	  "developers=FILE tables. Default: data/all_downloads_with_annotations.parquet when present, "
	  "else the bundled synthetic sample",
	  "[ROLE=]FILE" },
	{ "window", 0, 0, G_OPTION_ARG_STRING, NULL,
	  "first-year (Rolling Window Filter, default) or all", "WINDOW" },
	{ "attribution", 0, 0, G_OPTION_ARG_STRING, NULL,
	  "given (derived_author as released; default when present) or computed (always walk base models)",
	  "VIEW" },
	{ "as-of", 0, 0, G_OPTION_ARG_STRING, NULL, "Drop rows dated after DATE (default: last date in the data)",
	  "DATE" },
	{ "period", 0, 0, G_OPTION_ARG_STRING, NULL, "week, month (default), quarter or year", "PERIOD" },
	{ "snapshot-date", 0, 0, G_OPTION_ARG_STRING, NULL,
	  "Date of a one-snapshot file without a date column (its downloads are that period's)", "DATE" },
	{ "timings", 0, 0, G_OPTION_ARG_NONE, NULL,
	  "Print each stage's rows, seconds and rows/s and the peak memory on stderr", NULL },
	{ NULL }
};

static GOptionEntry out_entries[] = {
	{ "out", 'o', 0, G_OPTION_ARG_FILENAME, NULL, "Output folder (default: out)", "DIR" },
	{ NULL }
};

static GOptionEntry figure_entries[] = {
	{ "format", 'f', 0, G_OPTION_ARG_STRING, NULL, "Comma-separated pdf,svg,png (default: all three)",
	  "LIST" },
	{ "only", 0, 0, G_OPTION_ARG_STRING, NULL, "Render only these figures, e.g. fig1,fig5", "LIST" },
	{ "single-column", 0, 0, G_OPTION_ARG_NONE, NULL, "Single-column width (3.5 in) instead of 7 in",
	  NULL },
	{ NULL }
};

static GOptionEntry stats_entries[] = {
	{ "json", 0, 0, G_OPTION_ARG_FILENAME, NULL, "Write every statistic as JSON to FILE (- for stdout)",
	  "FILE" },
	{ NULL }
};

static GOptionEntry report_entries[] = {
	{ "previous", 0, 0, G_OPTION_ARG_STRING, NULL,
	  "As-of date of the previous report, for \"changes since\" (default: the end of the previous "
	  "quarter when the data reaches back to it; none: no comparison)",
	  "DATE|none" },
	{ "paper", 0, 0, G_OPTION_ARG_STRING, NULL, "a4 (default) or letter", "SIZE" },
	{ "template", 0, 0, G_OPTION_ARG_FILENAME, NULL, "Report template (default: templates/report.tmpl)",
	  "FILE" },
	{ NULL }
};

static GOptionEntry sample_entries[] = {
	{ "seed", 0, 0, G_OPTION_ARG_INT64, NULL, "Generator seed (default 20251203)", "N" },
	{ "models", 0, 0, G_OPTION_ARG_INT, NULL, "Number of models (default 4000; the paper's scale is 851000)",
	  "N" },
	{ "start", 0, 0, G_OPTION_ARG_STRING, NULL, "First weekly snapshot (default 2020-06-03)", "DATE" },
	{ "end", 0, 0, G_OPTION_ARG_STRING, NULL, "Last snapshot on or before DATE (default 2025-08-27)", "DATE" },
	{ "dense", 0, 0, G_OPTION_ARG_NONE, NULL,
	  "A row for every model at every snapshot (counter 0 before creation): models x weeks rows", NULL },
	{ "models-table", 0, 0, G_OPTION_ARG_FILENAME, NULL,
	  "Split layout: FILE gets the narrow downloads table (model, time, downloadsAllTime), "
	  "MFILE one row of attributes per model (read with --data models=MFILE)", "MFILE" },
	{ NULL }
};

static GOptionEntry common_entries[] = {
	{ "quiet", 'q', 0, G_OPTION_ARG_NONE, NULL, "No progress or warnings summary on stderr", NULL },
	{ "verbose", 'v', 0, G_OPTION_ARG_NONE, NULL, "More detail on stderr", NULL },
	{ NULL }
};

/* Point the entries' arg_data at the fields of O (GOption wants static
 * tables; the pointers are filled per run so no global holds state). */
static void bind_entries(Options *o)
{
	data_entries[0].arg_data = &o->data;
	data_entries[1].arg_data = &o->window;
	data_entries[2].arg_data = &o->attribution;
	data_entries[3].arg_data = &o->as_of;
	data_entries[4].arg_data = &o->period;
	data_entries[5].arg_data = &o->snapshot;
	data_entries[6].arg_data = &o->timings_flag;
	out_entries[0].arg_data = &o->out;
	figure_entries[0].arg_data = &o->format;
	figure_entries[1].arg_data = &o->only;
	figure_entries[2].arg_data = &o->single_column;
	stats_entries[0].arg_data = &o->json;
	report_entries[0].arg_data = &o->previous;
	report_entries[1].arg_data = &o->paper;
	report_entries[2].arg_data = &o->template_file;
	sample_entries[0].arg_data = &o->seed;
	sample_entries[1].arg_data = &o->models;
	sample_entries[2].arg_data = &o->start;
	sample_entries[3].arg_data = &o->end;
	sample_entries[4].arg_data = &o->dense;
	sample_entries[5].arg_data = &o->models_table;
	common_entries[0].arg_data = &o->quiet;
	common_entries[1].arg_data = &o->verbose;
}

/* ---- commands ----------------------------------------------------------- */

typedef int (*CommandFn)(Options *o, int argc, char **argv, GError **err);

typedef struct {
	const char *name;
	const char *args;    /* positional arguments for --help */
	const char *summary;
	unsigned groups;     /* which option groups apply */
	CommandFn run;
} Command;

enum { G_DATA = 1, G_OUT = 2, G_FIGURE = 4, G_STATS = 8, G_SAMPLE = 16, G_REPORT = 32 };

static int cmd_figures(Options *o, int argc, char **argv, GError **err);
static int cmd_tables(Options *o, int argc, char **argv, GError **err);
static int cmd_report(Options *o, int argc, char **argv, GError **err);
static int cmd_stats(Options *o, int argc, char **argv, GError **err);
static int cmd_inspect(Options *o, int argc, char **argv, GError **err);
static int cmd_sample(Options *o, int argc, char **argv, GError **err);
static int cmd_all(Options *o, int argc, char **argv, GError **err);

static const Command commands[] = {
	{ "figures", "", "Render the paper's figures into OUT/figures (PDF, SVG, PNG)",
	  G_DATA | G_OUT | G_FIGURE, cmd_figures },
	{ "tables", "", "Write the Excel workbook and CSV tables into OUT/tables", G_DATA | G_OUT, cmd_tables },
	{ "report", "", "Write the quarterly PDF report into OUT/report", G_DATA | G_OUT | G_REPORT, cmd_report },
	{ "stats", "", "Print the statistics summary (or all statistics as JSON with --json)",
	  G_DATA | G_STATS, cmd_stats },
	{ "inspect", "FILE", "Describe an input file: Parquet schema, row groups, codecs; CSV columns",
	  0, cmd_inspect },
	{ "sample", "[FILE]", "Write the synthetic sample CSV (default OUT/sample/eoi-sample.csv.gz)",
	  G_OUT | G_SAMPLE, cmd_sample },
	{ "all", "", "figures, tables and report", G_DATA | G_OUT | G_FIGURE | G_REPORT, cmd_all },
};

static void print_usage(FILE *f)
{
	fprintf(f, "Usage: eoi COMMAND [OPTIONS]\n\n"
		   "Statistics, figures, tables and report of \"Economies of Open Intelligence\"\n"
		   "from the Hugging Face model downloads data.\n\nCommands:\n");
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n`eoi COMMAND --help` lists a command's options.  `eoi --version` prints the version.\n");
}

static const char *out_dir(const Options *o)
{
	return o->out ? o->out : "out";
}

static bool parse_formats(const Options *o, unsigned *formats, GError **err)
{
	*formats = 0;
	if (!o->format) {
		*formats = FIG_PDF | FIG_SVG | FIG_PNG;
		return true;
	}
	gchar **parts = g_strsplit(o->format, ",", -1);
	bool ok = true;
	for (gchar **p = parts; *p && ok; p++) {
		g_strstrip(*p);
		if (strcmp(*p, "pdf") == 0)
			*formats |= FIG_PDF;
		else if (strcmp(*p, "svg") == 0)
			*formats |= FIG_SVG;
		else if (strcmp(*p, "png") == 0)
			*formats |= FIG_PNG;
		else {
			g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--format: \"%s\" is not pdf, svg or png", *p);
			ok = false;
		}
	}
	g_strfreev(parts);
	if (ok && !*formats) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--format: no format given");
		ok = false;
	}
	return ok;
}

static int no_arguments(const char *cmd, int argc, char **argv, GError **err)
{
	if (argc > 1) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "%s: unexpected argument \"%s\" (try eoi %s --help)",
			    cmd, argv[1], cmd);
		return EOI_EXIT_USAGE;
	}
	return 0;
}

/* ---- the commands ------------------------------------------------------- */

/* Outputs of a command are staged in OUT (io/outdir.h) and published only
 * when every one was written: STATUS 0 commits OD, anything else removes
 * it.  Returns the final status; writers' messages show the final paths. */
static int finish_outputs(OutDir *od, int status, GError **err)
{
	if (!status && !outdir_commit(od, err))
		return (*err)->code;
	if (status && err && *err) {
		char *shown = outdir_shown(od, (*err)->message);
		g_free((*err)->message);
		(*err)->message = shown;
	}
	if (status)
		outdir_abort(od);
	return status;
}

static FILE *log_of(const Options *o, OutDir *od)
{
	return outdir_log(od, o->quiet ? NULL : stderr);
}

static int render_figures(Options *o, OutDir *od, const Stats *st, unsigned formats, GError **err)
{
	FigureOptions fo = { 0 };
	char *dir = outdir_path(od, "figures");
	fo.out_dir = dir;
	fo.single_column = o->single_column;
	fo.formats = formats;
	int status = 0;
	double t0 = timings_now();
	if (!figures_render(st, &fo, o->only, log_of(o, od), err))
		status = err && *err ? (*err)->code : EOI_EXIT_SOFTWARE;
	timings_add(o->timings, "figures", st->n_rows, t0);
	g_free(dir);
	return status;
}

static int write_tables(Options *o, OutDir *od, const Stats *st, GError **err)
{
	char *dir = outdir_path(od, "tables");
	double t0 = timings_now();
	bool ok = tables_write(st, dir, log_of(o, od), err);
	timings_add(o->timings, "workbook", st->n_rows, t0);
	g_free(dir);
	return ok ? 0 : (*err)->code;
}

/* The run at the previous report's as-of date: --previous, else the end
 * of the previous quarter when the data reaches back to it.  *PREV is NULL
 * when there is none. */
static int previous_stats(Options *o, const Stats *st, Stats **prev, GError **err)
{
	*prev = NULL;
	Day day;
	if (o->previous && strcmp(o->previous, "none") == 0)
		return 0;
	if (!cli_parse_date("previous", o->previous, &day, err))
		return EOI_EXIT_USAGE;
	if (day == DAY_NONE)
		day = report_default_previous(st);
	else if (day >= st->info.as_of) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--previous %s: not before the as-of date", o->previous);
		return EOI_EXIT_USAGE;
	}
	if (day == DAY_NONE)
		return 0;
	char buf[11];
	char *saved = o->as_of;
	o->as_of = g_strdup(day_format(day, buf));
	cli_progress(o, "previous report: as of %s", o->as_of);
	bool quiet = o->quiet;
	o->quiet = TRUE; /* the warnings of the main run are the ones to show */
	Timings *timings = o->timings;
	o->timings = NULL; /* one stage of its own, not added to the main run's */
	double t0 = timings_now();
	*prev = cli_load_stats(o, err);
	o->timings = timings;
	if (*prev)
		timings_add(o->timings, "previous", (*prev)->n_rows, t0);
	o->quiet = quiet;
	g_free(o->as_of);
	o->as_of = saved;
	return *prev ? 0 : (*err)->code;
}

static bool check_paper(const Options *o, GError **err)
{
	if (o->paper && strcmp(o->paper, "letter") != 0 && strcmp(o->paper, "a4") != 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--paper: \"%s\" is not a4 or letter", o->paper);
		return false;
	}
	return true;
}

static int write_report(Options *o, OutDir *od, const Stats *st, GError **err)
{
	ReportOptions ro = { 0 };
	ro.letter = o->paper && strcmp(o->paper, "letter") == 0;
	ro.template_path = o->template_file;
	char *dir = outdir_path(od, "report");
	ro.out_dir = dir;
	Stats *prev = NULL;
	/* The previous quarter's run is the stage "previous"; "report" is the
	 * writing. */
	int status = previous_stats(o, st, &prev, err);
	double t0 = timings_now();
	if (!status && !report_write(st, prev, &ro, log_of(o, od), err))
		status = (*err)->code;
	if (!status)
		timings_add(o->timings, "report", st->n_rows, t0);
	stats_free(prev);
	g_free(dir);
	return status;
}

/* What an output command writes. */
enum { OUT_FIGURES = 1, OUT_TABLES = 2, OUT_REPORT = 4 };

/* The output commands: check the options, stage OUT, compute the
 * statistics once, write WHAT, and publish all of it or nothing. */
static int run_outputs(Options *o, const char *cmd, unsigned what, int argc, char **argv, GError **err)
{
	int status = no_arguments(cmd, argc, argv, err);
	if (status)
		return status;
	unsigned formats = 0;
	if (((what & OUT_FIGURES) && (!parse_formats(o, &formats, err) || !figures_check_only(o->only, err))) ||
	    ((what & OUT_REPORT) && !check_paper(o, err)))
		return EOI_EXIT_USAGE;
	OutDir *od = outdir_begin(out_dir(o), err);
	if (!od)
		return (*err)->code;
	Stats *st = cli_load_stats(o, err);
	status = st ? 0 : (*err)->code;
	if (!status && (what & OUT_FIGURES))
		status = render_figures(o, od, st, formats, err);
	if (!status && (what & OUT_TABLES))
		status = write_tables(o, od, st, err);
	if (!status && (what & OUT_REPORT))
		status = write_report(o, od, st, err);
	stats_free(st);
	return finish_outputs(od, status, err);
}

static int cmd_figures(Options *o, int argc, char **argv, GError **err)
{
	return run_outputs(o, "figures", OUT_FIGURES, argc, argv, err);
}

static int cmd_tables(Options *o, int argc, char **argv, GError **err)
{
	return run_outputs(o, "tables", OUT_TABLES, argc, argv, err);
}

static int cmd_report(Options *o, int argc, char **argv, GError **err)
{
	return run_outputs(o, "report", OUT_REPORT, argc, argv, err);
}

/* Figures, tables and report from one computation of the statistics,
 * published together or not at all. */
static int cmd_all(Options *o, int argc, char **argv, GError **err)
{
	return run_outputs(o, "all", OUT_FIGURES | OUT_TABLES | OUT_REPORT, argc, argv, err);
}

static int cmd_stats(Options *o, int argc, char **argv, GError **err)
{
	int status = no_arguments("stats", argc, argv, err);
	if (status)
		return status;
	Stats *st = cli_load_stats(o, err);
	if (!st)
		return (*err)->code;
	if (o->json) {
		bool ok = stats_json_write(st, o->json, err);
		stats_free(st);
		return ok ? 0 : (*err)->code;
	}
	summary_print(st, stdout);
	stats_free(st);
	if (fflush(stdout) != 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "standard output: %s", g_strerror(errno));
		return EOI_EXIT_IO;
	}
	return 0;
}

static int cmd_inspect(Options *o, int argc, char **argv, GError **err)
{
	if (argc != 2) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "inspect: give one FILE (try eoi inspect --help)");
		return EOI_EXIT_USAGE;
	}
	const char *path = argv[1];
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: %s", path,
			    g_file_test(path, G_FILE_TEST_EXISTS) ? "not a regular file" : "No such file or directory");
		return EOI_EXIT_NOINPUT;
	}
	if (!input_is_parquet(path)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: not a Parquet file (no PAR1 magic)", path);
		return EOI_EXIT_DATA;
	}
	return parquet_inspect(path, stdout, err) ? 0 : (*err)->code;
}

/* Sample progress on a terminal: "eoi: sample: 40% (93,000,000 rows)". */
static void sample_progress(uint32_t models, uint32_t n_models, uint64_t rows, void *data)
{
	bool *shown = data;
	char n[32];
	fprintf(stderr, "\reoi: sample: %u%% of the models (%s rows)", (unsigned)(100.0 * models / n_models),
		summary_thousands((double)rows, n));
	*shown = true;
}

/* Stage the file PATH (and MODELS_PATH when not NULL) beside where it goes
 * and rename it into place once complete (io/outdir.h). */
static OutDir *stage_beside(const char *path, char **staged, GError **err)
{
	char *dir = g_path_get_dirname(path), *base = g_path_get_basename(path);
	OutDir *od = outdir_begin(dir, err);
	*staged = od ? outdir_path(od, base) : NULL;
	g_free(dir);
	g_free(base);
	return od;
}

static int write_sample(SynthOptions *so, const char *path, const char *models_path, uint64_t *rows,
			GError **err)
{
	char *staged = NULL, *mstaged = NULL;
	OutDir *od = stage_beside(path, &staged, err), *mod = NULL;
	if (od && models_path && !(mod = stage_beside(models_path, &mstaged, err))) {
		outdir_abort(od);
		od = NULL;
	}
	if (!od) {
		g_free(staged);
		return (*err)->code;
	}
	so->models_path = mstaged;
	int status = synth_write(so, staged, rows, err) ? 0 : (*err)->code;
	if (mod)
		status = finish_outputs(mod, status, err);
	status = finish_outputs(od, status, err);
	g_free(staged);
	g_free(mstaged);
	return status;
}

static int cmd_sample(Options *o, int argc, char **argv, GError **err)
{
	if (argc > 2) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "sample: unexpected argument \"%s\"", argv[2]);
		return EOI_EXIT_USAGE;
	}
	SynthOptions so;
	synth_options_default(&so);
	if (o->seed)
		so.seed = (uint64_t)o->seed;
	if (o->models < 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--models: must be positive");
		return EOI_EXIT_USAGE;
	}
	if (o->models)
		so.n_models = (uint32_t)o->models;
	Day start = DAY_NONE, end = DAY_NONE;
	if (!cli_parse_date("start", o->start, &start, err) || !cli_parse_date("end", o->end, &end, err))
		return EOI_EXIT_USAGE;
	if (start != DAY_NONE)
		so.start = start;
	if (end != DAY_NONE)
		so.end = end;
	so.dense = o->dense;
	bool shown = false;
	if (cli_verbose(o)) {
		so.progress = sample_progress;
		so.progress_data = &shown;
	}
	char *path = argc == 2 ? g_strdup(argv[1]) : g_build_filename(out_dir(o), "sample", "eoi-sample.csv.gz", NULL);
	uint64_t rows = 0;
	int status = write_sample(&so, path, o->models_table, &rows, err);
	if (shown)
		fputc('\n', stderr);
	if (!status && !o->quiet) {
		char n[32];
		fprintf(stderr, "eoi: wrote %s (%s rows)\n", path, summary_thousands((double)rows, n));
	}
	g_free(path);
	return status;
}

/* ---- main ---------------------------------------------------------------- */

static GOptionContext *command_context(const Command *c)
{
	/* GOption prints "Usage: PRGNAME [OPTION...] ARGS". */
	char *prgname = g_strdup_printf("eoi %s", c->name);
	g_set_prgname(prgname);
	g_free(prgname);
	GOptionContext *ctx = g_option_context_new(c->args);
	g_option_context_set_summary(ctx, c->summary);
	if (c->groups & G_DATA)
		g_option_context_add_main_entries(ctx, data_entries, NULL);
	if (c->groups & G_OUT)
		g_option_context_add_main_entries(ctx, out_entries, NULL);
	if (c->groups & G_FIGURE)
		g_option_context_add_main_entries(ctx, figure_entries, NULL);
	if (c->groups & G_STATS)
		g_option_context_add_main_entries(ctx, stats_entries, NULL);
	if (c->groups & G_REPORT)
		g_option_context_add_main_entries(ctx, report_entries, NULL);
	if (c->groups & G_SAMPLE)
		g_option_context_add_main_entries(ctx, sample_entries, NULL);
	g_option_context_add_main_entries(ctx, common_entries, NULL);
	return ctx;
}

static void free_options(Options *o)
{
	g_strfreev(o->data);
	g_free(o->out);
	g_free(o->format);
	g_free(o->window);
	g_free(o->attribution);
	g_free(o->as_of);
	g_free(o->period);
	g_free(o->snapshot);
	g_free(o->only);
	g_free(o->json);
	g_free(o->previous);
	g_free(o->paper);
	g_free(o->template_file);
	g_free(o->start);
	g_free(o->end);
	g_free(o->models_table);
	timings_free(o->timings);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C");
	g_setenv("TZ", "UTC", TRUE);
	if (argc < 2) {
		print_usage(stderr);
		return EOI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("eoi %s\n", EOI_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		print_usage(stdout);
		return 0;
	}
	const Command *cmd = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			cmd = &commands[i];
	if (!cmd) {
		fprintf(stderr, "eoi: error: unknown command \"%s\" (try eoi --help)\n", argv[1]);
		return EOI_EXIT_USAGE;
	}
	Options o = { 0 };
	bind_entries(&o);
	GOptionContext *ctx = command_context(cmd);
	GError *err = NULL;
	/* GOption sees "eoi COMMAND ..." with the command as its argv[0]. */
	int sub_argc = argc - 1;
	char **sub_argv = argv + 1;
	int status;
	if (!g_option_context_parse(ctx, &sub_argc, &sub_argv, &err)) {
		fprintf(stderr, "eoi: error: %s: %s (try eoi %s --help)\n", cmd->name, err->message, cmd->name);
		status = EOI_EXIT_USAGE;
	} else {
		if (o.timings_flag)
			o.timings = timings_new();
		status = cmd->run(&o, sub_argc, sub_argv, &err);
		timings_print(o.timings, stderr);
		if (status && err)
			fprintf(stderr, "eoi: error: %s\n", err->message);
		else if (status)
			fprintf(stderr, "eoi: error: %s failed\n", cmd->name);
	}
	g_clear_error(&err);
	g_option_context_free(ctx);
	free_options(&o);
	return status;
}
