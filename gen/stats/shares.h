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

#include <glib.h>
#include <stdbool.h>
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


#include "../data/strings.h"
#include "periods.h"

/*
 * Shares of counted downloads by group over the periods of PT.  KEY[m] is
 * model m's group (SYM_NONE or the literal "Unknown": the Unknown group),
 * a symbol of STRINGS.  The TOP_N named groups by total over the span are
 * kept, ties broken by name in code-point order; the rest form "Others".
 */
ShareSeries *shares_compute(const PeriodTable *pt, const StrPool *strings, const Sym *key, uint32_t top_n);

/* Is KEY the Unknown group (missing or the literal "Unknown")? */
bool shares_is_unknown(const StrPool *strings, Sym key);

/* Dense slot per distinct group key of the N_MODELS models; slot 0 is
 * Unknown.  Returns the number of slots; *SLOT_KEY (GArray of Sym, the key
 * of each slot) and *MODEL_SLOT (g_free) are the caller's to free. */
uint32_t shares_slots(const StrPool *strings, const Sym *key, uint32_t n_models, GArray **slot_key,
		      uint32_t **model_slot);

/* Rank order of groups: larger total first, then name in code-point order. */
typedef struct {
	Sym key;
	double total;
	const char *name;
} GroupRank;
int shares_cmp_rank(const void *a, const void *b);

/* The slots 1 .. NS-1 of shares_slots with a positive TOTAL (slot 0,
 * Unknown, is left out) in rank order: key the slot, name the slot's key
 * in STRINGS.  *N_RANKED of them; g_free the array (the names belong to
 * STRINGS). */
GroupRank *shares_rank_slots(const StrPool *strings, const GArray *slot_key, const double *total, uint32_t ns,
			     uint32_t *n_ranked);

#endif
