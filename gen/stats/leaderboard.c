/* leaderboard.c - ranked top-N tables. */
#include "leaderboard.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "shares.h"

Leaderboard *leaderboard_rank(const double *model_total, const bool *include, uint32_t n_models, const Sym *key,
			      const StrPool *strings, uint32_t top)
{
	GArray *slot_key;
	uint32_t *slot;
	uint32_t ns = shares_slots(strings, key, n_models, &slot_key, &slot);
	double *sum = g_new0(double, ns);
	Leaderboard *b = g_new0(Leaderboard, 1);
	for (uint32_t m = 0; m < n_models; m++)
		if (!include || include[m]) {
			sum[slot[m]] += model_total[m];
			b->total += model_total[m];
		}
	uint32_t nr;
	GroupRank *rank = shares_rank_slots(strings, slot_key, sum, ns, &nr);
	b->n_entities = nr;
	b->n = nr < top ? nr : top;
	b->entry = g_new0(LeaderEntry, b->n ? b->n : 1);
	for (uint32_t i = 0; i < b->n; i++) {
		b->entry[i].name = g_strdup(rank[i].name);
		b->entry[i].downloads = rank[i].total;
		b->entry[i].share = b->total > 0 ? rank[i].total / b->total : 0;
		b->entry[i].kind = KIND_UNKNOWN;
		b->entry[i].dev_kind = DEVKIND_UNKNOWN;
	}
	b->unknown_share = b->total > 0 ? sum[0] / b->total : 0;
	g_free(rank);
	g_free(sum);
	g_free(slot);
	g_array_free(slot_key, TRUE);
	return b;
}

void leaderboard_free(Leaderboard *b)
{
	if (!b)
		return;
	for (uint32_t i = 0; i < b->n; i++) {
		g_free(b->entry[i].name);
		g_free(b->entry[i].developer);
		g_free(b->entry[i].group);
	}
	g_free(b->entry);
	g_free(b);
}

DeveloperKind leaderboard_dev_kind(const char *group, const char *org_type)
{
	if (group && (strcmp(group, "International / Online") == 0 || strcmp(group, "Online") == 0))
		return DEVKIND_ONLINE;
	if ((group && strcmp(group, "User") == 0) || (org_type && g_ascii_strcasecmp(org_type, "user") == 0))
		return DEVKIND_USER;
	if (!group && !org_type)
		return DEVKIND_UNKNOWN;
	return DEVKIND_ORGANISATION;
}

const char *leaderboard_dev_kind_name(DeveloperKind k)
{
	static const char *const names[] = { "organisation", "international / online", "unaffiliated user",
					     "unknown" };
	return names[k];
}
