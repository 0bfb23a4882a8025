/*
 * periods.h - counted downloads aggregated per (model, period), computed
 * once per run and read by every download-weighted statistic.
 *
 * Rows are sorted by model then day, so each model's periods come in order
 * and the table is built in one pass; it holds only cells with downloads
 * (16 bytes each: at most one per model and period).
 *
 * Ownership: period_table_free() releases everything.
 */
#ifndef EOI_PERIODS_H
#define EOI_PERIODS_H

#include <stdint.h>

#include "../data/dataset.h"
#include "../derive/downloads.h"

typedef struct {
	PeriodKind kind;
	uint32_t n_periods;
	Day *start;       /* first day of each period, ascending */
	char **label;     /* "2024-03", NULL-terminated */
	uint64_t n;       /* cells */
	uint32_t *model;  /* per cell */
	uint32_t *period; /* per cell */
	double *downloads;/* per cell, > 0 */
	uint32_t n_models;
	double *model_total; /* per model: counted downloads over the span */
	double *period_total;/* per period: all models */
} PeriodTable;

/* The periods of a run are the calendar periods holding a snapshot date
 * of DS (DESIGN.md §3.1). */
PeriodTable *period_table_build(const Dataset *ds, const Downloads *dl, PeriodKind kind);

/*
 * The run's tables straight from the rows: derives d_k and the window
 * (FIRST_YEAR) model by model on up to THREADS threads (at most 2) and
 * builds one table per entry of KINDS (1 or 2) into OUT[], without the
 * 9 bytes per row of a Downloads.  *COUNTS gets what the derivation
 * tolerated.  Gives the same tables as downloads_compute() followed by
 * period_table_build() for each kind.
 */
void period_tables_derive(const Dataset *ds, bool first_year, const PeriodKind *kinds, int n_kinds,
			  int threads, PeriodTable **out, DownloadsCounts *counts);
void period_table_free(PeriodTable *t);

#endif
