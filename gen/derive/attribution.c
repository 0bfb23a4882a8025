/*
 * attribution.c - parents, the attribution walk, and developer attributes.
 */
#include "attribution.h"

#include <string.h>

bool attribution_is_placeholder(const char *s)
{
	static const char *const none[] = { "", "No", "Unsure", "None", "null" };
	for (size_t i = 0; i < G_N_ELEMENTS(none); i++)
		if (strcmp(s, none[i]) == 0)
			return true;
	return false;
}

/* First entry of a LIST_SEP-joined list that is not a placeholder. */
static Sym first_parent(StrPool *strings, Sym list)
{
	if (list == SYM_NONE)
		return SYM_NONE;
	const char *s = strpool_str(strings, list);
	for (;;) {
		const char *sep = strchr(s, LIST_SEP);
		size_t len = sep ? (size_t)(sep - s) : strlen(s);
		char *entry = g_strndup(s, len);
		bool skip = attribution_is_placeholder(entry);
		g_free(entry);
		if (!skip)
			return strpool_intern_len(strings, s, len);
		if (!sep)
			return SYM_NONE;
		s = sep + 1;
	}
}

/* Namespace of a model id: the part before the first '/', else the id. */
static Sym namespace_of(StrPool *strings, Sym id)
{
	const char *s = strpool_str(strings, id);
	const char *slash = strchr(s, '/');
	return slash ? strpool_intern_len(strings, s, (size_t)(slash - s)) : id;
}

/*
 * Walk from model M; returns the credited developer.  STAMP/GEN implement a
 * per-walk visited set without clearing: stamp[m] == gen means visited.
 */
static Sym walk(const Dataset *ds, Attribution *a, StrPool *strings, uint32_t m, uint32_t *stamp,
		uint32_t gen)
{
	uint32_t cur = m;
	stamp[cur] = gen;
	for (int links = 0;; links++) {
		if (a->parent[cur] == SYM_NONE)
			return a->author[cur];
		if (links == ATTRIBUTION_MAX_DEPTH) {
			a->depth_capped++;
			return a->author[cur];
		}
		int64_t p = a->parent_index[cur];
		if (p < 0)
			return namespace_of(strings, a->parent[cur]);
		if (stamp[p] == gen) {
			a->cycles++;
			return a->author[cur];
		}
		stamp[p] = gen;
		cur = (uint32_t)p;
	}
}

/* Per developer, fill each of country, group and org type from the first
 * source that has it (§3.1): developers table; derived_* cells of a model
 * whose released derived_author is the developer; uploader cells of a model
 * the developer uploaded.  Among models, the latest row wins. */
typedef struct {
	DeveloperInfo info;
	uint8_t source[3]; /* per field: source + 1 of the value held, 0 = none */
	uint64_t pos[3];   /* per field: latest-row position of that value */
} DevCandidate;

/* Offer VALUE for FIELD (0 country, 1 group, 2 org type) from SOURCE (0 =
 * derived cells, 1 = uploader cells) of a model whose latest row is at POS.
 * A lower source wins; within a source the later position wins. */
static void offer(DevCandidate *c, int source, int field, Sym value, uint64_t pos)
{
	if (value == SYM_NONE)
		return;
	if (c->source[field] && (c->source[field] < source + 1 ||
				 (c->source[field] == source + 1 && c->pos[field] > pos)))
		return;
	c->source[field] = (uint8_t)(source + 1);
	c->pos[field] = pos;
	Sym *cell = field == 0 ? &c->info.country : field == 1 ? &c->info.country_group : &c->info.org_type;
	*cell = value;
}

static DevCandidate *candidate(GHashTable *t, Sym dev)
{
	DevCandidate *c = g_hash_table_lookup(t, GUINT_TO_POINTER(dev));
	if (!c) {
		c = g_new0(DevCandidate, 1);
		g_hash_table_insert(t, GUINT_TO_POINTER(dev), c);
	}
	return c;
}

static void developer_attributes(const Dataset *ds, Attribution *a)
{
	GHashTable *cand = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		uint64_t pos = ds->model_latest_pos[m];
		Sym given = ds_sym(ds, m, COL_DEVELOPER);
		if (given != SYM_NONE) {
			DevCandidate *c = candidate(cand, given);
			offer(c, 0, 0, ds_sym(ds, m, COL_DEVELOPER_COUNTRY), pos);
			offer(c, 0, 1, ds_sym(ds, m, COL_DEVELOPER_COUNTRY_GROUP), pos);
		}
		DevCandidate *c = candidate(cand, a->author[m]);
		offer(c, 1, 0, ds_sym(ds, m, COL_COUNTRY), pos);
		offer(c, 1, 1, ds_sym(ds, m, COL_COUNTRY_GROUP), pos);
		offer(c, 1, 2, ds_sym(ds, m, COL_ORG_TYPE), pos);
	}
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init(&it, cand);
	while (g_hash_table_iter_next(&it, &key, &value)) {
		DeveloperInfo *info = g_new(DeveloperInfo, 1);
		*info = ((DevCandidate *)value)->info;
		g_hash_table_insert(a->dev_info, key, info);
	}
	g_hash_table_destroy(cand);
	/* The developers table overrides, field by field where it has a value. */
	if (!ds->developers)
		return;
	g_hash_table_iter_init(&it, ds->developers);
	while (g_hash_table_iter_next(&it, &key, &value)) {
		const DeveloperInfo *t = value;
		DeveloperInfo *info = g_hash_table_lookup(a->dev_info, key);
		if (!info) {
			info = g_new0(DeveloperInfo, 1);
			g_hash_table_insert(a->dev_info, key, info);
		}
		if (t->country)
			info->country = t->country;
		if (t->country_group)
			info->country_group = t->country_group;
		if (t->org_type)
			info->org_type = t->org_type;
	}
}

Attribution *attribution_compute(const Dataset *ds, StrPool *strings, bool given)
{
	uint32_t n = ds->n_models;
	Attribution *a = g_new0(Attribution, 1);
	a->parent = g_new(Sym, n);
	a->parent_index = g_new(int64_t, n);
	a->computed = g_new(Sym, n);
	a->credited = g_new(Sym, n);
	a->author = g_new(Sym, n);
	a->given = given;
	a->dev_info = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	for (uint32_t m = 0; m < n; m++) {
		Sym author = ds_sym(ds, m, COL_AUTHOR);
		a->author[m] = author != SYM_NONE ? author : namespace_of(strings, ds->model_id[m]);
		a->parent[m] = first_parent(strings, ds_sym(ds, m, COL_BASE_MODELS));
		a->parent_index[m] = a->parent[m] ? dataset_model_index(ds, a->parent[m]) : -1;
	}
	uint32_t *stamp = g_new0(uint32_t, n ? n : 1);
	for (uint32_t m = 0; m < n; m++) {
		a->computed[m] = walk(ds, a, strings, m, stamp, m + 1);
		Sym released = ds_sym(ds, m, COL_DEVELOPER);
		if (released != SYM_NONE && released != a->computed[m])
			a->disagreements++;
		a->credited[m] = given && released != SYM_NONE ? released : a->computed[m];
	}
	g_free(stamp);
	developer_attributes(ds, a);
	return a;
}

void attribution_free(Attribution *a)
{
	if (!a)
		return;
	g_free(a->parent);
	g_free(a->parent_index);
	g_free(a->computed);
	g_free(a->credited);
	g_free(a->author);
	g_hash_table_destroy(a->dev_info);
	g_free(a);
}

DeveloperInfo attribution_developer(const Attribution *a, Sym dev)
{
	const DeveloperInfo *info = g_hash_table_lookup(a->dev_info, GUINT_TO_POINTER(dev));
	return info ? *info : (DeveloperInfo){ 0, 0, 0 };
}
