/*
 * seriesview.h - category shares (CategorySeries) and concentration
 * segments (Concentration) seen as a ShareSeries, so that they draw as
 * 100 % stacked-area panels (sharepanel.h); and the run's period starts.
 *
 * CategorySeries and Concentration hold no dates: every series of a run
 * shares the run's periods, whose first days the ShareSeries carry
 * (stats_period_start).
 *
 * Ownership: a SeriesView owns the arrays it made (shares, names, kinds,
 * x); series_view_free() releases them, not the struct.  The period
 * starts are borrowed from the Stats and must outlive the view.
 */
#ifndef EOI_SERIESVIEW_H
#define EOI_SERIESVIEW_H

#include <stdbool.h>

#include "../stats/stats.h"

typedef struct {
	ShareSeries s; /* the view; empty (n_periods 0) when there is nothing */
	double *x;     /* period starts as days, for line series (n_periods) */
} SeriesView;

/* The first days of the run's N periods, or NULL when the Stats hold no
 * ShareSeries of N periods to take them from. */
const Day *stats_period_start(const Stats *st, uint32_t n);

/* The same as days in a newly allocated array (g_free) for line series,
 * or NULL. */
double *stats_period_days(const Stats *st, uint32_t n);

/*
 * V over the categories ORDER[0..N-1] of CS (indices into cs->category;
 * ORDER NULL: the first N in order), named NAMES[k] (NULL: the category
 * names), stacked in that order.  False, with V empty, when CS is NULL or
 * skipped, or the run's periods are missing.
 */
bool series_view_categories(SeriesView *v, const Stats *st, const CategorySeries *cs,
			    const int *order, const char *const *names, int n);

/* V over the ranked segments of C (rank 1 at the bottom), named NAMES
 * (NULL: the segment labels).  False, with V empty, as above. */
bool series_view_segments(SeriesView *v, const Stats *st, const Concentration *c,
			  const char *const *names);

void series_view_free(SeriesView *v);

#endif
