/*
 * shares.c - download shares over time by group (DESIGN.md §3 Shares).
 */
#include "shares.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

ShareSeries *share_series_new(PeriodKind period, uint32_t n_periods, uint32_t n_groups)
{
	ShareSeries *s = g_new0(ShareSeries, 1);
	s->period = period;
	s->n_periods = n_periods;
	s->n_groups = n_groups;
	s->period_start = g_new0(Day, n_periods ? n_periods : 1);
	s->period_label = g_new0(char *, n_periods + 1);
	s->group_name = g_new0(char *, n_groups + 1);
	s->group_kind = g_new0(GroupKind, n_groups ? n_groups : 1);
	s->group_total = g_new0(double, n_groups ? n_groups : 1);
	s->downloads = g_new0(double, (size_t)n_periods * n_groups + 1);
	s->total = g_new0(double, n_periods ? n_periods : 1);
	s->share = g_new0(double, (size_t)n_periods * n_groups + 1);
	return s;
}

void share_series_free(ShareSeries *s)
{
	if (!s)
		return;
	g_free(s->period_start);
	g_strfreev(s->period_label);
	g_strfreev(s->group_name);
	g_free(s->group_kind);
	g_free(s->group_total);
	g_free(s->downloads);
	g_free(s->total);
	g_free(s->share);
	g_free(s);
}

int shares_cmp_rank(const void *a, const void *b)
{
	const GroupRank *x = a, *y = b;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->name, y->name);
}

GroupRank *shares_rank_slots(const StrPool *strings, const GArray *slot_key, const double *total, uint32_t ns,
			     uint32_t *n_ranked)
{
	GroupRank *rank = g_new(GroupRank, ns ? ns : 1);
	uint32_t nr = 0;
	for (uint32_t s = 1; s < ns; s++)
		if (total[s] > 0) {
			Sym k = g_array_index(slot_key, Sym, s);
			rank[nr++] = (GroupRank){ s, total[s], strpool_str(strings, k) };
		}
	qsort(rank, nr, sizeof *rank, shares_cmp_rank);
	*n_ranked = nr;
	return rank;
}

bool shares_is_unknown(const StrPool *strings, Sym key)
{
	return key == SYM_NONE || strcmp(strpool_str(strings, key), "Unknown") == 0;
}

uint32_t shares_slots(const StrPool *strings, const Sym *key, uint32_t n_models, GArray **slot_key,
			     uint32_t **model_slot)
{
	GHashTable *slot_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	*slot_key = g_array_new(FALSE, FALSE, sizeof(Sym));
	Sym none = SYM_NONE;
	g_array_append_val(*slot_key, none);
	*model_slot = g_new(uint32_t, n_models ? n_models : 1);
	for (uint32_t m = 0; m < n_models; m++) {
		if (shares_is_unknown(strings, key[m])) {
			(*model_slot)[m] = 0;
			continue;
		}
		gpointer v = g_hash_table_lookup(slot_of, GUINT_TO_POINTER(key[m]));
		if (!v) {
			g_array_append_val(*slot_key, key[m]);
			v = GUINT_TO_POINTER((*slot_key)->len - 1);
			g_hash_table_insert(slot_of, GUINT_TO_POINTER(key[m]), v);
		}
		(*model_slot)[m] = GPOINTER_TO_UINT(v);
	}
	g_hash_table_destroy(slot_of);
	return (*slot_key)->len;
}

ShareSeries *shares_compute(const PeriodTable *pt, const StrPool *strings, const Sym *key, uint32_t top_n)
{
	uint32_t np = pt->n_periods;
	GArray *slot_key;
	uint32_t *model_slot;
	uint32_t ns = shares_slots(strings, key, pt->n_models, &slot_key, &model_slot);
	/* Pass 1: each slot's total, to rank the groups. */
	double *slot_total = g_new0(double, ns);
	for (uint32_t m = 0; m < pt->n_models; m++)
		slot_total[model_slot[m]] += pt->model_total[m];
	uint32_t nr;
	GroupRank *rank = shares_rank_slots(strings, slot_key, slot_total, ns, &nr);
	uint32_t ntop = nr < top_n ? nr : top_n;
	bool others = nr > ntop, unknown = slot_total[0] > 0;
	uint32_t ng = ntop + others + unknown;

	ShareSeries *out = share_series_new(pt->kind, np, ng);
	for (uint32_t p = 0; p < np; p++) {
		out->period_start[p] = pt->start[p];
		out->period_label[p] = g_strdup(pt->label[p]);
	}
	/* Output group of each slot: top N by rank (GroupRank.key holds the
	 * slot here), the rest Others, slot 0 Unknown; a slot without
	 * downloads goes nowhere. */
	uint32_t *group_of = g_new(uint32_t, ns);
	for (uint32_t s = 0; s < ns; s++)
		group_of[s] = slot_total[s] <= 0 ? UINT32_MAX : s == 0 ? ng - 1 : ntop;
	for (uint32_t g = 0; g < ntop; g++) {
		out->group_name[g] = g_strdup(rank[g].name);
		out->group_kind[g] = GROUP_NAMED;
		group_of[rank[g].key] = g;
	}
	if (others) {
		out->group_name[ntop] = g_strdup("Others");
		out->group_kind[ntop] = GROUP_OTHERS;
	}
	if (unknown) {
		out->group_name[ng - 1] = g_strdup("Unknown");
		out->group_kind[ng - 1] = GROUP_UNKNOWN;
	}
	/* Pass 2: add every cell into its group. */
	for (uint64_t i = 0; i < pt->n; i++) {
		uint32_t g = group_of[model_slot[pt->model[i]]];
		if (g == UINT32_MAX)
			continue;
		out->downloads[(size_t)pt->period[i] * ng + g] += pt->downloads[i];
		out->total[pt->period[i]] += pt->downloads[i];
		out->group_total[g] += pt->downloads[i];
	}
	for (uint32_t p = 0; p < np; p++)
		for (uint32_t g = 0; g < ng; g++)
			out->share[(size_t)p * ng + g] =
				out->total[p] > 0 ? out->downloads[(size_t)p * ng + g] / out->total[p] : NAN;

	g_free(group_of);
	g_free(rank);
	g_free(slot_total);
	g_free(model_slot);
	g_array_free(slot_key, TRUE);
	return out;
}
