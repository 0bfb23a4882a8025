/*
 * leaderboard.h - top-10 tables of Figure 1 (DESIGN.md §3 "Leaderboards").
 *
 * All-time: counted downloads per entity up to the as-of date (the window
 * applies).  Last 12 months: the same over models whose created_at day is
 * in (as-of − 365, as-of].  Entities with downloads are ranked (ties by
 * name); Unknown is not ranked and its share is reported beside.  Shares
 * use the board's total, Unknown included.
 *
 * Ownership: leaderboard_free() releases the board, its entries and names.
 */
#ifndef EOI_LEADERBOARD_H
#define EOI_LEADERBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "../data/strings.h"
#include "../derive/classify.h"

typedef enum { DEVKIND_ORGANISATION, DEVKIND_ONLINE, DEVKIND_USER, DEVKIND_UNKNOWN } DeveloperKind;

typedef struct {
	char *name;
	double downloads;
	double share;
	ModelKind kind;          /* models: output kind; developers: kind with most downloads */
	DeveloperKind dev_kind;  /* models and developers */
	char *developer;         /* models: credited developer (else NULL) */
	char *group;             /* nation group of the developer / country (else NULL) */
} LeaderEntry;

typedef struct {
	uint32_t n;              /* entries (at most the requested top) */
	LeaderEntry *entry;
	double total;            /* board total, Unknown included */
	double unknown_share;    /* share of the Unknown entity */
	uint32_t n_entities;     /* ranked entities with downloads */
} Leaderboard;

/*
 * Rank the entities KEY[m] (symbols of STRINGS; SYM_NONE / "Unknown" is
 * Unknown) by Σ MODEL_TOTAL[m] over the models with INCLUDE[m] (NULL: all).
 * Keeps the TOP best; the caller fills kind, dev_kind, developer, group.
 */
Leaderboard *leaderboard_rank(const double *model_total, const bool *include, uint32_t n_models, const Sym *key,
			      const StrPool *strings, uint32_t top);
void leaderboard_free(Leaderboard *b);

/* Kind of a developer from its nation group and organisation type:
 * "International / Online" -> online; "User" or org type "user" -> user. */
DeveloperKind leaderboard_dev_kind(const char *group, const char *org_type);
const char *leaderboard_dev_kind_name(DeveloperKind k);

#endif
