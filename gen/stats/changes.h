/*
 * changes.h - what changed between two runs of the statistics: the current
 * quarter's run and the previous quarter's (the same data cut at an
 * earlier --as-of).  Computed once here; the report only reads it.
 *
 * Definitions (also in templates/README.md):
 *
 * - Share of a group (nation group or credited developer, attributed view)
 *   = its all-time share: its counted downloads up to the run's as-of date
 *   divided by all counted downloads of the run (Unknown included), the
 *   Rolling Window Filter applied as in the run.  This is the share of the
 *   all-time leaderboards (Figure 1), so each number can be checked against
 *   the two quarters' reports.  It is read from the run's share series
 *   (group total over the whole span / sum of the period totals), which
 *   holds the top 20 developers and the top 12 nation groups; a group
 *   outside one run's top N has no share in that run (NAN) and no change.
 *   "Others" and "Unknown" are not groups here.
 * - Change = current share − previous share, as a fraction (×100 gives
 *   percentage points).  Movers are the groups with a change, ordered by
 *   |change| (larger first, then name in code-point order); gainers have a
 *   change > 0 (largest first), losers a change < 0 (most negative first).
 * - HHI and Gini at each level (model, developer, nation group): the value
 *   of each run's last period that has downloads; change = current −
 *   previous.
 * - Entrants to the top 10 (countries, developers, models): in the current
 *   all-time top 10 and not in the previous one; exits: the reverse.
 *
 * Ownership: changes_free() releases everything; ranked_shares_free()
 * likewise.  Neither keeps pointers into the Stats.
 */
#ifndef EOI_CHANGES_H
#define EOI_CHANGES_H

#include <stdbool.h>
#include <stdint.h>

#include "stats.h"

#define CHANGES_TOP 10

/* One named group of a share series with its all-time share. */
typedef struct {
	char *name;
	double downloads; /* all-time counted downloads */
	double share;     /* of the run's total, Unknown included */
	uint32_t rank;    /* 1-based among the named groups */
} RankedShare;

/* The named groups of a share series, larger share first (ties by name). */
typedef struct {
	uint32_t n;
	RankedShare *item;
	double total;         /* all counted downloads of the run */
	double others_share;  /* groups beyond the series' top N */
	double unknown_share;
} RankedShares;

/* All-time shares of the named groups of S (NULL S: NULL). */
RankedShares *ranked_shares(const ShareSeries *s);
void ranked_shares_free(RankedShares *r);

typedef struct {
	char *name;
	double prev, cur;         /* all-time shares; NAN: not in that run's top N */
	double change;            /* cur − prev; NAN when either is missing */
	uint32_t rank_prev, rank_cur; /* 0: not ranked in that run */
} ShareChange;

typedef struct {
	uint32_t n;
	ShareChange *item;  /* by current rank, then previous-only groups by previous rank */
	uint32_t n_movers, n_gainers, n_losers;
	uint32_t *movers;   /* indices into item, by |change| */
	uint32_t *gainers;  /* change > 0, largest first */
	uint32_t *losers;   /* change < 0, most negative first */
} ShareChanges;

typedef struct {
	double hhi_prev, hhi_cur, gini_prev, gini_cur; /* NAN: no period with downloads */
	double hhi_change, gini_change;
	char period_prev[32], period_cur[32];          /* labels of the periods used ("" if none) */
} ConcChange;

typedef struct {
	char *name;
	uint32_t rank;  /* in the run it belongs to */
	double share;
} BoardMove;

typedef struct {
	uint32_t n_entered, n_exited;
	BoardMove *entered; /* current top 10 only: current rank and share, by rank */
	BoardMove *exited;  /* previous top 10 only: previous rank and share, by rank */
} TopChange;

typedef struct {
	Day as_of_prev, as_of_cur;
	double total_prev, total_cur; /* all-time counted downloads */
	ShareChanges nation_groups, developers;
	ConcChange conc[LEVEL_COUNT];
	TopChange top[BOARD_COUNT];   /* all-time boards */
} Changes;

/*
 * Compare the run CUR with the earlier run PREV (both complete Stats of the
 * same inputs and options).  Returns a new Changes (changes_free).
 */
Changes *changes_compute(const Stats *cur, const Stats *prev);
void changes_free(Changes *c);

#endif
