/*
 * periods.h - counted downloads aggregated per (model, period), computed
 * once per run and read by every download-weighted statistic.
 *
 * Rows are sorted by model then day, so each model's periods come in order
 * and the table is built in one pass; it holds only cells with downloads.
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
void period_table_free(PeriodTable *t);

#endif
