/*
 * shares.h - download shares over time by a grouping (DESIGN.md §3 Shares).
 *
 * A ShareSeries is a periods × groups matrix.  Groups are ordered: the top N
 * named groups by their total over the whole span (ties by name), then
 * "Others" (all remaining named groups) when there are any, then "Unknown"
 * (missing keys and the literal value Unknown) when it has downloads.
 *
 * Ownership: share_series_free() releases the struct and all its arrays.
 */
#ifndef EOI_SHARES_H
#define EOI_SHARES_H

#include <stdint.h>

#include "../data/dates.h"

typedef enum { GROUP_NAMED, GROUP_OTHERS, GROUP_UNKNOWN } GroupKind;

typedef struct {
	PeriodKind period;
	uint32_t n_periods;
	Day *period_start;   /* first day of each period, ascending */
	char **period_label; /* "2024-03", ... */
	uint32_t n_groups;
	char **group_name;   /* "Others", "Unknown" for the two special kinds */
	GroupKind *group_kind;
	double *group_total; /* downloads of each group over the whole span */
	double *downloads;   /* [p * n_groups + g] */
	double *total;       /* [p]: all groups */
	double *share;       /* [p * n_groups + g]; NAN when total[p] == 0 */
} ShareSeries;

ShareSeries *share_series_new(PeriodKind period, uint32_t n_periods, uint32_t n_groups);
void share_series_free(ShareSeries *s);

static inline double share_at(const ShareSeries *s, uint32_t p, uint32_t g)
{
	return s->share[(uint64_t)p * s->n_groups + g];
}

#endif

#include "../data/dataset.h"
#include "../derive/downloads.h"

/*
 * Periods of a run: the calendar periods holding a snapshot date of DS (all
 * dates are on or before the as-of date after ingest).  Returns the number
 * of periods; *STARTS (g_free) receives their first days, ascending, and
 * *DAY_PERIOD (g_free) the period index of every day from ds->first_day to
 * ds->last_day (index by day - first_day).
 */
uint32_t shares_periods(const Dataset *ds, PeriodKind kind, Day **starts, uint32_t **day_period);

/*
 * Shares of counted downloads by group over the periods of the run.
 * KEY[m] is model m's group (SYM_NONE or the literal "Unknown": the Unknown
 * group).  TOP_N named groups by total over the span are kept, ties broken
 * by name in code-point order; the rest form "Others".
 */
ShareSeries *shares_compute(const Dataset *ds, const Downloads *dl, const Sym *key, uint32_t top_n,
			    PeriodKind kind);
