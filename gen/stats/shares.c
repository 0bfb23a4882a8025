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

uint32_t shares_periods(const Dataset *ds, PeriodKind kind, Day **starts, uint32_t **day_period)
{
	uint32_t span = (uint32_t)(ds->last_day - ds->first_day) + 1;
	uint32_t *dp = g_new0(uint32_t, span);
	GArray *st = g_array_new(FALSE, FALSE, sizeof(Day));
	for (uint32_t i = 0; i < ds->n_days; i++) {
		Day p = period_start(ds->days[i], kind);
		if (st->len == 0 || g_array_index(st, Day, st->len - 1) != p)
			g_array_append_val(st, p);
		dp[ds->days[i] - ds->first_day] = st->len - 1;
	}
	uint32_t n = st->len;
	*starts = (Day *)g_array_free(st, FALSE);
	*day_period = dp;
	return n;
}

typedef struct {
	Sym key;
	double total;
	const char *name;
} GroupRank;

static int cmp_rank(const void *a, const void *b)
{
	const GroupRank *x = a, *y = b;
	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->name, y->name);
}

static bool is_unknown(const StrPool *strings, Sym key)
{
	return key == SYM_NONE || strcmp(strpool_str(strings, key), "Unknown") == 0;
}

ShareSeries *shares_compute(const Dataset *ds, const Downloads *dl, const Sym *key, uint32_t top_n,
			    PeriodKind kind)
{
	Day *starts;
	uint32_t *day_period;
	uint32_t np = shares_periods(ds, kind, &starts, &day_period);

	/* Dense slot per distinct key; slot 0 is Unknown. */
	GHashTable *slot_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	GArray *slot_key = g_array_new(FALSE, FALSE, sizeof(Sym));
	Sym none = SYM_NONE;
	g_array_append_val(slot_key, none);
	uint32_t *model_slot = g_new(uint32_t, ds->n_models ? ds->n_models : 1);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		Sym k = key[m];
		if (is_unknown(ds->strings, k)) {
			model_slot[m] = 0;
			continue;
		}
		gpointer v = g_hash_table_lookup(slot_of, GUINT_TO_POINTER(k));
		if (!v) {
			g_array_append_val(slot_key, k);
			v = GUINT_TO_POINTER(slot_key->len - 1);
			g_hash_table_insert(slot_of, GUINT_TO_POINTER(k), v);
		}
		model_slot[m] = GPOINTER_TO_UINT(v);
	}
	uint32_t ns = slot_key->len;
	double *d = g_new0(double, (size_t)ns * np);
	for (uint64_t i = 0; i < ds->n_rows; i++) {
		int64_t c = downloads_counted(dl, i);
		if (c)
			d[(size_t)model_slot[ds->row_model[i]] * np + day_period[ds->row_day[i] - ds->first_day]] += (double)c;
	}

	/* Rank named slots with downloads. */
	GroupRank *rank = g_new(GroupRank, ns);
	uint32_t nr = 0;
	double unknown_total = 0;
	for (uint32_t s = 0; s < ns; s++) {
		double t = 0;
		for (uint32_t p = 0; p < np; p++)
			t += d[(size_t)s * np + p];
		if (s == 0) {
			unknown_total = t;
			continue;
		}
		if (t > 0)
			rank[nr++] = (GroupRank){ g_array_index(slot_key, Sym, s), t,
						  strpool_str(ds->strings, g_array_index(slot_key, Sym, s)) };
	}
	qsort(rank, nr, sizeof *rank, cmp_rank);
	uint32_t ntop = nr < top_n ? nr : top_n;
	bool others = nr > ntop, unknown = unknown_total > 0;
	uint32_t ng = ntop + others + unknown;

	ShareSeries *out = share_series_new(kind, np, ng);
	for (uint32_t p = 0; p < np; p++) {
		char label[32];
		out->period_start[p] = starts[p];
		out->period_label[p] = g_strdup(period_label(starts[p], kind, label));
	}
	/* Map each slot to its output group. */
	uint32_t *group_of = g_new(uint32_t, ns);
	/* Unknown is last; named slots outside the top go to Others (a slot
	 * with no downloads goes nowhere). */
	for (uint32_t s = 0; s < ns; s++)
		group_of[s] = s == 0 ? (unknown ? ng - 1 : UINT32_MAX) : others ? ntop : UINT32_MAX;
	for (uint32_t g = 0; g < ntop; g++) {
		out->group_name[g] = g_strdup(rank[g].name);
		out->group_kind[g] = GROUP_NAMED;
		group_of[GPOINTER_TO_UINT(g_hash_table_lookup(slot_of, GUINT_TO_POINTER(rank[g].key)))] = g;
	}
	if (others) {
		out->group_name[ntop] = g_strdup("Others");
		out->group_kind[ntop] = GROUP_OTHERS;
	}
	if (unknown) {
		out->group_name[ng - 1] = g_strdup("Unknown");
		out->group_kind[ng - 1] = GROUP_UNKNOWN;
	}
	for (uint32_t s = 0; s < ns; s++) {
		uint32_t g = group_of[s];
		if (g == UINT32_MAX)
			continue;
		for (uint32_t p = 0; p < np; p++) {
			double v = d[(size_t)s * np + p];
			out->downloads[(size_t)p * ng + g] += v;
			out->total[p] += v;
			out->group_total[g] += v;
		}
	}
	for (uint32_t p = 0; p < np; p++)
		for (uint32_t g = 0; g < ng; g++)
			out->share[(size_t)p * ng + g] =
				out->total[p] > 0 ? out->downloads[(size_t)p * ng + g] / out->total[p] : NAN;

	g_free(group_of);
	g_free(rank);
	g_free(d);
	g_free(model_slot);
	g_array_free(slot_key, TRUE);
	g_hash_table_destroy(slot_of);
	g_free(starts);
	g_free(day_period);
	return out;
}
