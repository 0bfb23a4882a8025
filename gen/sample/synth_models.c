/*
 * synth_models.c - the models of the synthetic sample: creation times,
 * uploaders, parents (derivative chains), popularity and listing span.
 * Their properties and names are drawn in synth_attrs.c; the deliberate
 * data-quality cases are chosen here at the end.
 */
#include "synth_priv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- creation times ------------------------------------------------------- */

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Creation seconds of every model, ascending: a few legacy models in the
 * two years before the first snapshot, the rest growing exponentially. */
static int64_t *creation_times(const SynthWorld *w, SynthRng *rng, uint32_t n_legacy)
{
	const SynthOptions *opt = w->opt;
	int64_t *t = g_new(int64_t, w->n_models);
	Day first = w->snaps[0], last = w->snaps[w->n_snaps - 1];
	double span = last - first + 1;
	double lambda = log(2.0) / (opt->story.models_doubling_years * 365.25);
	for (uint32_t i = 0; i < w->n_models; i++) {
		Day d;
		if (i < n_legacy) {
			d = first - 1 - (Day)srng_below(rng, 700);
		} else {
			double u = srng_unif(rng);
			d = first + (Day)(log(1.0 + u * (exp(lambda * span) - 1.0)) / lambda);
			if (d > last)
				d = last;
		}
		t[i] = (int64_t)d * 86400 + srng_below(rng, 86400);
	}
	qsort(t, w->n_models, sizeof *t, cmp_i64);
	return t;
}

/* ---- parent draws ------------------------------------------------------------ */

/* Running sums of parent weights over the models built so far. */
typedef struct {
	double *any;   /* finetune / adapter / merge parents */
	double *quant; /* parents of quantized copies and merges (text models) */
	GArray **own;  /* per developer: its models' indexes */
} ParentIndex;

static void index_add(ParentIndex *ix, const SynthModel *models, uint32_t i)
{
	const SynthModel *m = &models[i];
	bool ok = m->depth < 4 && m->relation != REL_QUANTIZED;
	bool text = m->modality == SYNTH_MOD_TEXT || m->modality == SYNTH_MOD_VL;
	ix->any[i + 1] = ix->any[i] + (ok ? pow(m->pop, 0.7) : 0);
	ix->quant[i + 1] = ix->quant[i] + (ok && text ? pow(m->pop, 0.8) : 0);
	g_array_append_val(ix->own[m->dev], i);
}

/* Index in [lo, hi) drawn by the weights behind the running sums CUM;
 * -1 when they are all 0. */
static int32_t draw_range(SynthRng *rng, const double *cum, uint32_t lo, uint32_t hi)
{
	if (hi <= lo || !(cum[hi] > cum[lo]))
		return -1;
	double x = cum[lo] + srng_unif(rng) * (cum[hi] - cum[lo]);
	uint32_t a = lo, b = hi; /* cum[a] <= x < cum[b] */
	while (b - a > 1) {
		uint32_t mid = a + (b - a) / 2;
		if (cum[mid] <= x)
			a = mid;
		else
			b = mid;
	}
	return (int32_t)a;
}

/* First model created at or after T (seconds), by binary search in [0, hi). */
static uint32_t first_after(const SynthModel *models, uint32_t hi, int64_t t)
{
	uint32_t a = 0, b = hi;
	while (a < b) {
		uint32_t mid = a + (b - a) / 2;
		if (models[mid].created_s < t)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* One of the uploader's own earlier models (OWN), by popularity; only
 * text models when TEXT_ONLY; -1 when there is none. */
static int32_t draw_own(SynthRng *rng, const SynthModel *models, const GArray *own, bool text_only)
{
	double *wts = g_new0(double, own->len + 1);
	for (guint j = 0; j < own->len; j++) {
		const SynthModel *p = &models[g_array_index(own, uint32_t, j)];
		bool text = p->modality == SYNTH_MOD_TEXT || p->modality == SYNTH_MOD_VL;
		bool ok = p->depth < 4 && p->relation != REL_QUANTIZED && (text || !text_only);
		wts[j] = ok ? pow(p->pop, 0.7) : 0;
	}
	size_t j = srng_pick(rng, wts, own->len);
	int32_t pick = own->len && wts[j] > 0 ? (int32_t)g_array_index(own, uint32_t, j) : -1;
	g_free(wts);
	return pick;
}

/* The first parent of model I (uploaded by class K with relation REL):
 * often the uploader's own model for organisations; recent popular text
 * models for quantized copies, text models for merges, else any earlier
 * model by popularity. */
static int32_t draw_parent(const SynthWorld *w, SynthRng *rng, const ParentIndex *ix, uint32_t i,
			   SynthClass k, SynthRelation rel)
{
	const SynthModel *m = &w->models[i];
	bool org = k == SYNTH_US_BIG || k == SYNTH_CHINA || k == SYNTH_ORG || k == SYNTH_ONLINE;
	if (org && rel != REL_MERGE && srng_chance(rng, 0.5)) {
		int32_t p = draw_own(rng, w->models, ix->own[m->dev], rel == REL_QUANTIZED);
		if (p >= 0)
			return p;
	}
	if (rel == REL_MERGE)
		return draw_range(rng, ix->quant, 0, i);
	if (rel == REL_QUANTIZED) {
		uint32_t lo = first_after(w->models, i, m->created_s - 150 * 86400);
		int32_t p = draw_range(rng, ix->quant, lo, i);
		return p >= 0 ? p : draw_range(rng, ix->quant, 0, i);
	}
	return draw_range(rng, ix->any, 0, i);
}

static SynthRelation draw_relation(SynthRng *rng, SynthClass k, double y, const SynthStory *s)
{
	if (k == SYNTH_QUANTIZER || srng_chance(rng, synth_anchor(s->quantized_share, y)))
		return REL_QUANTIZED;
	double u = srng_unif(rng);
	if (u < 0.68)
		return REL_FINETUNE;
	if (u < 0.88)
		return REL_ADAPTER;
	return y >= 2023 ? REL_MERGE : REL_FINETUNE;
}

/* Parents of a derivative I: the first one, extra ones for merges, now and
 * then one outside the sample. Returns false when no parent exists yet. */
static bool link_parents(SynthWorld *w, SynthRng *rng, const ParentIndex *ix, uint32_t i, SynthClass k)
{
	SynthModel *m = &w->models[i];
	double y = synth_year_of(m->created);
	m->relation = draw_relation(rng, k, y, &w->opt->story);
	if (m->relation != REL_QUANTIZED && srng_chance(rng, 0.03)) {
		uint32_t ext;
		m->ext_parent = synth_devs_external_id(w, rng, &ext);
		m->parent[m->n_parents++] = -1;
		m->root_dev = ext;
		m->depth = 1;
		return true;
	}
	int32_t p = draw_parent(w, rng, ix, i, k, m->relation);
	if (p < 0) {
		m->relation = REL_NONE;
		return false;
	}
	m->parent[m->n_parents++] = p;
	m->depth = w->models[p].depth + 1;
	m->root_dev = w->models[p].root_dev;
	int extra = m->relation == REL_MERGE ? 1 + (int)srng_below(rng, 2) : 0;
	for (int e = 0; e < extra; e++) {
		int32_t q = draw_range(rng, ix->quant, 0, i);
		bool dup = q < 0;
		for (int j = 0; j < m->n_parents && !dup; j++)
			dup = m->parent[j] == q;
		if (!dup)
			m->parent[m->n_parents++] = q;
	}
	return true;
}

/* ---- popularity and listing -------------------------------------------------- */

static void draw_popularity(SynthWorld *w, SynthRng *rng, uint32_t i, SynthClass k)
{
	const SynthStory *s = &w->opt->story;
	SynthModel *m = &w->models[i];
	double y = synth_year_of(m->created);
	static const double rel_factor[] = { [REL_NONE] = 1, [REL_FINETUNE] = .35, [REL_ADAPTER] = .2,
					     [REL_QUANTIZED] = .5, [REL_MERGE] = .25 };
	double p = s->popularity_median * exp(s->popularity_sigma * srng_normal(rng));
	p *= synth_dev(w, m->dev)->factor * synth_anchor(s->class_pop[k], y) * rel_factor[m->relation];
	if (m->modality == SYNTH_MOD_EMBED)
		p *= 1.5;
	if (m->n_parents && m->parent[0] >= 0)
		p *= pow(w->models[m->parent[0]].pop / s->popularity_median, 0.25);
	m->pop = p;
	m->rise = 1 + 3 * srng_unif(rng);
	m->tau = 20 * exp(0.6 * srng_normal(rng));
	bool evergreen = srng_chance(rng, k == SYNTH_US_BIG && y < 2023 ? 0.25 : 0.06);
	m->floor = evergreen ? srng_range(rng, 0.3, 0.8) : srng_range(rng, 0.01, 0.12);
}

double synth_expected_weekly(const SynthWorld *w, const SynthModel *m, Day t)
{
	double a = (t - m->created) / 7.0;
	if (a < 0)
		return 0;
	double rise = (a + 0.5) / m->rise;
	double g = (rise < 1 ? rise : 1) * (m->floor + (1 - m->floor) * exp(-a / m->tau));
	double years = synth_year_of(t) - (SYNTH_YEAR0 + 0.5);
	return m->pop * g * exp2(years / w->opt->story.traffic_doubling_years);
}

/* First snapshot on or after creation; last one before the model fades. */
static void set_listing(SynthWorld *w, SynthModel *m)
{
	const SynthStory *s = &w->opt->story;
	int32_t n = (int32_t)w->n_snaps, k = 0;
	while (k < n && w->snaps[k] < m->created)
		k++;
	m->first = k;
	m->last = n - 1;
	for (int32_t j = k + (int32_t)s->listing_weeks; j < n; j++) {
		if (synth_expected_weekly(w, m, w->snaps[j]) < s->listing_min_weekly) {
			m->last = j;
			break;
		}
	}
}

/* ---- data-quality cases --------------------------------------------------- */

typedef bool (*ModelTest)(const SynthModel *m);

static bool any_plain(const SynthModel *m)
{
	return m->quirk == QUIRK_NONE && !m->legacy;
}

static bool popular_long(const SynthModel *m)
{
	return any_plain(m) && m->pop >= 50 && m->last - m->first >= 20;
}

static bool listed_long(const SynthModel *m)
{
	return any_plain(m) && m->last - m->first >= 5;
}

/* Give QUIRK to COUNT random models passing TEST (fewer if none is found). */
static void mark(SynthWorld *w, SynthRng *rng, int count, ModelTest test, SynthQuirk quirk)
{
	for (int tries = 0; count > 0 && tries < 100000; tries++) {
		SynthModel *m = &w->models[srng_below(rng, w->n_models)];
		if (test(m)) {
			m->quirk = quirk;
			count--;
		}
	}
}

static void delay_listing(SynthWorld *w, SynthRng *rng, int count)
{
	for (int tries = 0; count > 0 && tries < 100000; tries++) {
		SynthModel *m = &w->models[srng_below(rng, w->n_models)];
		int32_t delay = 8 + (int32_t)srng_below(rng, 33);
		if (!any_plain(m) || m->first + delay + 4 > m->last)
			continue;
		m->quirk = QUIRK_DELAYED;
		m->first += delay;
		count--;
	}
}

/* About 1 % of derivatives credit their uploader instead of the root's
 * developer, so the given and the computed attribution disagree. */
static void misattribute(SynthWorld *w, SynthRng *rng, int count)
{
	for (int tries = 0; count > 0 && tries < 100000; tries++) {
		SynthModel *m = &w->models[srng_below(rng, w->n_models)];
		if (m->n_parents && m->credited == m->root_dev && m->root_dev != m->dev) {
			m->credited = m->dev;
			count--;
		}
	}
}

static void mark_quirks(SynthWorld *w, SynthRng *rng)
{
	mark(w, rng, 5, any_plain, QUIRK_NO_CREATED);
	mark(w, rng, 5, popular_long, QUIRK_DROP);
	mark(w, rng, 3, listed_long, QUIRK_DUP_EXACT);
	mark(w, rng, 3, listed_long, QUIRK_DUP_STALE);
	delay_listing(w, rng, 6);
	misattribute(w, rng, (int)(w->n_models / 100));
}

/* ---- build -------------------------------------------------------------------- */

static void build_one(SynthWorld *w, SynthRng *rng, ParentIndex *ix, uint32_t i)
{
	const SynthStory *s = &w->opt->story;
	SynthModel *m = &w->models[i];
	double y = synth_year_of(m->created);
	double share[SYNTH_N_CLASSES];
	for (int k = 0; k < SYNTH_N_CLASSES; k++)
		share[k] = synth_anchor(s->class_share[k], y);
	SynthClass k = (SynthClass)srng_pick(rng, share, SYNTH_N_CLASSES);
	m->dev = synth_devs_pick(w, rng, k, y);
	k = synth_dev(w, m->dev)->klass;
	m->root_dev = m->dev;
	bool derived = i > 0 && srng_chance(rng, s->derivative_prob[k]) && link_parents(w, rng, ix, i, k);
	synth_attrs_draw(w, rng, i, derived);
	draw_popularity(w, rng, i, k);
	m->credited = m->root_dev;
	set_listing(w, m);
	index_add(ix, w->models, i);
}

void synth_models_build(SynthWorld *w, SynthRng *rng)
{
	uint32_t n = w->n_models;
	uint32_t n_legacy = n >= 800 ? n / 400 : 2;
	int64_t *t = creation_times(w, rng, n_legacy < n ? n_legacy : 0);
	w->models = g_new0(SynthModel, n);
	ParentIndex ix = { g_new0(double, n + 1), g_new0(double, n + 1),
			   g_new0(GArray *, w->devs->len) };
	for (guint d = 0; d < w->devs->len; d++)
		ix.own[d] = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	for (uint32_t i = 0; i < n; i++) {
		w->models[i].created_s = t[i];
		w->models[i].created = day_from_unix(t[i]);
		w->models[i].legacy = w->models[i].created < w->snaps[0];
		build_one(w, rng, &ix, i);
	}
	mark_quirks(w, rng);
	for (guint d = 0; d < w->devs->len; d++)
		g_array_free(ix.own[d], TRUE);
	g_free(ix.own);
	g_free(ix.any);
	g_free(ix.quant);
	g_free(t);
}
