/*
 * downloads.h - period downloads from the raw rows (DESIGN.md §3 "Period
 * downloads", "All-time downloads", "Rolling Window Filter").
 *
 * For each row of the dataset (sorted by model, day) this computes d_k, the
 * downloads credited to the interval ending at the row's day, and whether
 * the row counts under the chosen window.  Rows that are duplicates of an
 * earlier (model, day) carry no downloads; their (model, day) group is
 * represented by its last row, whose count is the group's largest.
 *
 * Ownership: downloads_free() releases the struct and its arrays.
 */
#ifndef EOI_DOWNLOADS_H
#define EOI_DOWNLOADS_H

#include <stdbool.h>
#include <stdint.h>

#include "../data/dataset.h"

enum {
	ROW_DUPLICATE = 1 << 0, /* not the representative row of its (model, day) */
	ROW_BASELINE = 1 << 1,  /* first count of a model, belongs to no interval */
	ROW_DROP = 1 << 2,      /* the counter went down here (d = 0) */
	ROW_COUNTED = 1 << 3,   /* d counts under the window */
};

typedef struct {
	uint64_t n_rows;
	int64_t *delta;     /* d_k per row (0 for duplicates and baselines) */
	uint8_t *flags;     /* ROW_* */
	int64_t *all_time;  /* per model: downloads as of the as-of date */
	uint64_t duplicates;
	uint64_t drops;
	uint32_t models_without_created; /* left out of the first-year window */
	bool first_year;    /* the window the flags were computed for */
} Downloads;

/* What the derivation tolerated, counted (DESIGN.md §3). */
typedef struct {
	uint64_t duplicates;
	uint64_t drops;
	uint32_t models_without_created;
} DownloadsCounts;

/*
 * The derivation of one model, the unit every caller works in: d_k and the
 * ROW_* flags of model M's rows [ds->model_start[M], ds->model_start[M+1])
 * into DELTA[0..] and FLAGS[0..] (room for the model's rows; see
 * dataset_max_model_rows()), tolerated cases added to *COUNTS.  Returns the
 * model's all-time downloads.  Models are independent, so callers may run
 * disjoint model ranges on different threads (with their own COUNTS).
 */
int64_t downloads_model(const Dataset *ds, uint32_t m, bool first_year, int64_t *delta, uint8_t *flags,
			DownloadsCounts *counts);

/* The most rows any model of DS has (scratch size for downloads_model()). */
uint64_t dataset_max_model_rows(const Dataset *ds);

/* Compute period downloads and the window for DS, every row at once (9
 * bytes per row; the statistics use downloads_model() instead).  FIRST_YEAR selects the
 * Rolling Window Filter (0 <= t - created <= 365 days), else every interval
 * counts. */
Downloads *downloads_compute(const Dataset *ds, bool first_year);
void downloads_free(Downloads *d);

/* Downloads of row I that count under the window. */
static inline int64_t downloads_counted(const Downloads *d, uint64_t i)
{
	return (d->flags[i] & ROW_COUNTED) ? d->delta[i] : 0;
}

/* The latest snapshot date of DS strictly before DAY, or DAY_NONE. */
Day dataset_previous_day(const Dataset *ds, Day day);

#endif
