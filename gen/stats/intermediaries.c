/* intermediaries.c - uploader roles and the top intermediaries. */
#include "intermediaries.h"

#include <stdlib.h>
#include <string.h>

#include "leaderboard.h"
#include "shares.h"

static CategorySeries *role_series(const PeriodTable *pt, const ModelProps *p, const char *skipped)
{
	const char *names[ROLE_COUNT];
	for (int r = 0; r < ROLE_COUNT; r++)
		names[r] = role_name(r);
	int8_t *cat = g_new(int8_t, p->n ? p->n : 1);
	for (uint32_t m = 0; m < p->n; m++)
		cat[m] = p->derivative[m] < 0 ? -1 : (int8_t)p->role[m];
	CategorySeries *s = category_series(pt, "uploader role", cat, ROLE_COUNT, names, skipped);
	g_free(cat);
	return s;
}

/* Fill the details of intermediary E (uploader KEY) from its models. */
static void describe(Intermediary *e, Sym key, const Dataset *ds, const PeriodTable *pt, const Attribution *a,
		     const ModelProps *p)
{
	double role_dl[ROLE_COUNT] = { 0 };
	GHashTable *base = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (uint32_t m = 0; m < p->n; m++) {
		if (a->author[m] != key || p->role[m] == ROLE_ORIGINAL)
			continue;
		e->n_models++;
		role_dl[p->role[m]] += pt->model_total[m];
		double *v = g_hash_table_lookup(base, GUINT_TO_POINTER(a->credited[m]));
		if (!v) {
			v = g_new0(double, 1);
			g_hash_table_insert(base, GUINT_TO_POINTER(a->credited[m]), v);
		}
		*v += pt->model_total[m];
	}
	e->main_role = ROLE_QUANTIZER;
	for (int r = ROLE_QUANTIZER; r < ROLE_COUNT; r++)
		if (role_dl[r] > role_dl[e->main_role])
			e->main_role = r;
	/* Rank the base developers by the downloads repackaged. */
	GroupRank *rank = g_new(GroupRank, g_hash_table_size(base) + 1);
	uint32_t nr = 0;
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, base);
	while (g_hash_table_iter_next(&it, &k, &v))
		rank[nr++] = (GroupRank){ GPOINTER_TO_UINT(k), *(double *)v, dataset_str(ds, GPOINTER_TO_UINT(k)) };
	qsort(rank, nr, sizeof *rank, shares_cmp_rank);
	for (uint32_t i = 0; i < nr && e->n_bases < INTERMEDIARY_BASES; i++) {
		if (rank[i].total <= 0)
			break;
		e->base[e->n_bases] = g_strdup(rank[i].name);
		e->base_share[e->n_bases++] = e->downloads > 0 ? rank[i].total / e->downloads : 0;
	}
	g_free(rank);
	g_hash_table_destroy(base);
	DeveloperInfo info = attribution_developer(a, key);
	e->country = g_strdup(info.country ? dataset_str(ds, info.country) : "Unknown");
	e->group = g_strdup(info.country_group ? dataset_str(ds, info.country_group) : "Unknown");
	e->org_type = g_strdup(info.org_type ? dataset_str(ds, info.org_type) : "Unknown");
}

Intermediaries *intermediaries_compute(const Dataset *ds, const PeriodTable *pt, const Attribution *a,
				       const ModelProps *p, uint32_t top)
{
	Intermediaries *im = g_new0(Intermediaries, 1);
	if (!p->has_parents)
		im->skipped = g_strdup("no base_models column (or Hub tags) in the input");
	im->roles = role_series(pt, p, im->skipped);
	if (im->skipped)
		return im;
	/* Rank uploaders by the downloads of their intermediary uploads. */
	Sym *key = g_new(Sym, p->n ? p->n : 1);
	for (uint32_t m = 0; m < p->n; m++)
		key[m] = p->role[m] == ROLE_ORIGINAL ? SYM_NONE : a->author[m];
	Leaderboard *b = leaderboard_rank(pt->model_total, NULL, p->n, key, ds->strings, top);
	im->total = b->total;
	im->intermediary_share = b->total > 0 ? 1 - b->unknown_share : 0;
	im->n_top = b->n;
	im->top = g_new0(Intermediary, b->n ? b->n : 1);
	for (uint32_t i = 0; i < b->n; i++) {
		Intermediary *e = &im->top[i];
		e->name = g_strdup(b->entry[i].name);
		e->downloads = b->entry[i].downloads;
		e->share = b->entry[i].share;
		describe(e, strpool_find(ds->strings, e->name), ds, pt, a, p);
	}
	leaderboard_free(b);
	g_free(key);
	return im;
}

void intermediaries_free(Intermediaries *im)
{
	if (!im)
		return;
	category_series_free(im->roles);
	for (uint32_t i = 0; i < im->n_top; i++) {
		Intermediary *e = &im->top[i];
		g_free(e->name);
		for (uint32_t k = 0; k < e->n_bases; k++)
			g_free(e->base[k]);
		g_free(e->country);
		g_free(e->group);
		g_free(e->org_type);
	}
	g_free(im->top);
	g_free(im->skipped);
	g_free(im);
}
