/*
 * cli.h - what the command line's files share: the parsed options, progress
 * on stderr, date options, and reading the inputs into a dataset and its
 * statistics (cli_load.c).  main.c parses the options and runs the
 * commands.
 *
 * Ownership: Options' strings belong to GOption (freed by main); the
 * loaders return a Dataset / Stats for dataset_free() / stats_free().
 */
#ifndef EOI_CLI_H
#define EOI_CLI_H

#include <glib.h>
#include <stdbool.h>

#include "data/dataset.h"
#include "stats/stats.h"
#include "timing.h"

typedef struct {
	char **data;        /* --data, repeatable */
	char *out;          /* --out */
	char *format;       /* --format */
	char *window;       /* --window */
	char *attribution;  /* --attribution */
	char *as_of;        /* --as-of */
	char *period;       /* --period */
	char *snapshot;     /* --snapshot-date */
	char *only;         /* --only */
	char *json;         /* --json (stats) */
	char *previous;     /* --previous (report) */
	char *paper;        /* --paper (report) */
	char *template_file;/* --template (report) */
	gint64 seed;        /* --seed (sample) */
	gint models;        /* --models (sample) */
	char *start, *end;  /* --start, --end (sample) */
	gboolean dense;     /* --dense (sample) */
	char *models_table; /* --models-table (sample) */
	gboolean quiet, verbose, single_column;
	gboolean timings_flag; /* --timings */
	Timings *timings;      /* set when --timings was given */
} Options;

/* Progress is shown: not -q, and stderr is a terminal. */
bool cli_verbose(const Options *o);

/* "eoi: MESSAGE" on stderr when progress is shown or -v was given. */
void cli_progress(const Options *o, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Parse date option --NAME=VALUE (VALUE may be NULL: *OUT = DAY_NONE);
 * false with a usage error when it is not a date of 1970..2100. */
bool cli_parse_date(const char *name, const char *value, Day *out, GError **err);

/* Read every input (--data, else the release in data/ when present, else
 * the bundled sample) into a dataset; the stage "ingest" of --timings. */
Dataset *cli_load_dataset(const Options *o, GError **err);

/* cli_load_dataset(), then every statistic (the window, attribution and
 * period options applied); prints the warnings summary unless -q. */
Stats *cli_load_stats(const Options *o, GError **err);

#endif
