/*
 * synth_devs.c - the developers (namespaces) of the synthetic sample: their
 * invented names, classes, organisation types, countries and nation groups,
 * and the draw of an uploader for a new model.
 */
#include "synth_priv.h"

#include <math.h>
#include <string.h>

/* ---- countries --------------------------------------------------------------- */

typedef struct {
	const char *country, *group, *langs;
	double weight; /* for organisations outside the US-big and China classes */
} Country;

static const Country countries[] = {
	{ "United States of America", "USA", "'en'", 30 },
	{ "Germany", "Germany", "'de'", 7 },
	{ "France", "France", "'fr'", 6 },
	{ "United Kingdom", "United Kingdom", "'en'", 6 },
	{ "Canada", "Canada", "'en', 'fr'", 4 },
	{ "South Korea", "South Korea", "'ko'", 5 },
	{ "Japan", "Japan", "'ja'", 5 },
	{ "India", "India", "'hi', 'en'", 5 },
	{ "Singapore", "Asia", "'en', 'zh'", 1.5 },
	{ "Vietnam", "Asia", "'vi'", 1.5 },
	{ "Taiwan", "Asia", "'zh'", 1.5 },
	{ "Indonesia", "Asia", "'id'", 1 },
	{ "Thailand", "Asia", "'th'", 1 },
	{ "Netherlands", "Europe", "'nl'", 2 },
	{ "Spain", "Europe", "'es'", 2 },
	{ "Italy", "Europe", "'it'", 2 },
	{ "Sweden", "Europe", "'sv'", 1.5 },
	{ "Switzerland", "Europe", "'de', 'fr'", 1.5 },
	{ "Poland", "Europe", "'pl'", 1 },
	{ "United Arab Emirates", "Middle East", "'ar', 'en'", 1.5 },
	{ "Israel", "Middle East", "'he'", 1.5 },
	{ "Saudi Arabia", "Middle East", "'ar'", 0.5 },
	{ "Turkey", "Middle East", "'tr'", 0.5 },
	{ "Brazil", "Latin America", "'pt'", 1.5 },
	{ "Mexico", "Latin America", "'es'", 1 },
	{ "Argentina", "Latin America", "'es'", 0.8 },
	{ "Chile", "Latin America", "'es'", 0.7 },
	{ "Nigeria", "Africa", "'yo', 'en'", 1 },
	{ "South Africa", "Africa", "'en', 'zu'", 1 },
	{ "Kenya", "Africa", "'sw', 'en'", 1 },
	{ "Australia", "Oceania", "'en'", 2 },
	{ "New Zealand", "Oceania", "'en'", 1 },
};
#define N_COUNTRIES G_N_ELEMENTS(countries)

static const Country china = { "China", "China", "'zh', 'en'", 0 };
static const Country online = { "Online", "International / Online", "'en'", 0 };
static const Country user = { "User", "User", "'en'", 0 };
static const Country unknown = { "Unknown", "Unknown", "'en'", 0 };

/* ---- names ------------------------------------------------------------------- */

static const char *const words[] = {
	"aurora", "basalt", "cedar", "delta", "ember", "fjord", "granite", "harbor",
	"iris", "juniper", "kestrel", "lark", "maple", "nimbus", "onyx", "prism",
	"quartz", "raven", "sierra", "tundra", "umber", "vega", "willow", "zephyr",
	"alder", "birch", "coral", "dune", "echo", "flint", "glacier", "heron",
	"indigo", "jasper", "koi", "lotus", "mesa", "nova", "orchid", "pine",
	"quill", "reef", "sable", "terra", "vortex", "wren", "yarrow", "cobble",
};
static const char *const cn_words[] = {
	"jadeport", "silkroute", "pearlriver", "mingtian", "yunhai", "longmen",
	"qingshan", "baiyun", "huanghe", "xinghe", "jinling", "nanhai", "lanting",
	"songshan", "taihu", "wuyi", "lijiang", "hongqiao", "zhujiang", "emei",
};
static const char *const syllables[] = {
	"ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "da", "ye", "jo", "ri",
	"an", "el", "or", "ba", "ke", "zu", "mar", "tin", "sol", "ven", "hal", "dor",
};

static const char *suffix_for(const char *org_type, SynthRng *rng)
{
	static const char *const company[] = { "-ai", "-labs", "-tech", "-ml", "-systems", "ai" };
	static const char *const academic[] = { "-university", "-nlp-lab", "-institute", "-cs" };
	static const char *const nonprofit[] = { "-foundation", "-initiative", "-commons" };
	static const char *const government[] = { "-national-lab", "-gov-ai", "-agency" };
	static const char *const community[] = { "-community", "-collective", "-hub" };
#define PICK(a) a[srng_below(rng, G_N_ELEMENTS(a))]
	if (strcmp(org_type, "academic") == 0)
		return PICK(academic);
	if (strcmp(org_type, "non-profit") == 0)
		return PICK(nonprofit);
	if (strcmp(org_type, "government") == 0)
		return PICK(government);
	if (strcmp(org_type, "community") == 0)
		return PICK(community);
	return PICK(company);
#undef PICK
}

char *synth_claim_name(SynthWorld *w, char *name)
{
	char *unique = name;
	for (int i = 2; g_hash_table_contains(w->names, unique); i++) {
		if (unique != name)
			g_free(unique);
		unique = g_strdup_printf("%s-%d", name, i);
	}
	if (unique != name)
		g_free(name);
	g_hash_table_add(w->names, unique);
	return unique;
}

/* "<word><suffix>" with a word of POOL (POOL[FIXED] when FIXED < N) and a
 * suffix fitting ORG_TYPE, trying a few draws for a name not yet taken. */
static char *fresh_name(const SynthWorld *w, SynthRng *rng, const char *const *pool, uint32_t fixed,
			uint32_t n, const char *org_type)
{
	char *name = NULL;
	for (int tries = 0; tries < 20; tries++) {
		g_free(name);
		const char *word = pool[fixed < n ? fixed : srng_below(rng, n)];
		name = g_strconcat(word, suffix_for(org_type, rng), NULL);
		if (!g_hash_table_contains(w->names, name))
			break;
	}
	return name; /* synth_claim_name() makes it unique if still taken */
}

static char *user_handle(SynthRng *rng)
{
	GString *s = g_string_new(NULL);
	int n = 2 + (int)srng_below(rng, 2);
	for (int i = 0; i < n; i++)
		g_string_append(s, syllables[srng_below(rng, G_N_ELEMENTS(syllables))]);
	if (srng_chance(rng, 0.35))
		g_string_append_printf(s, "%02u", srng_below(rng, 100));
	else if (srng_chance(rng, 0.2))
		g_string_append(s, srng_chance(rng, 0.5) ? "-dev" : "_ml");
	return g_string_free(s, FALSE);
}

/* ---- developers ------------------------------------------------------------- */

static const char *pick_org_type(SynthRng *rng)
{
	static const char *const types[] = { "company", "academic", "non-profit", "government",
					     "community" };
	static const double w[] = { .55, .25, .10, .05, .05 };
	return types[srng_pick(rng, w, G_N_ELEMENTS(w))];
}

static const Country *pick_country(SynthRng *rng)
{
	double w[N_COUNTRIES];
	for (size_t i = 0; i < N_COUNTRIES; i++)
		w[i] = countries[i].weight;
	return &countries[srng_pick(rng, w, N_COUNTRIES)];
}

/* Year fraction when exponential growth from 2019 reaches quantile U. */
static double growth_year(double u, double doubling)
{
	double lambda = log(2.0) / doubling, span = 6.5;
	return 2019.0 + log(1.0 + u * (exp(lambda * span) - 1.0)) / lambda;
}

static SynthDev *dev_add(SynthWorld *w, SynthClass k, char *name, const char *org_type,
			 const Country *c, SynthRng *rng)
{
	SynthDev *d = g_new0(SynthDev, 1);
	d->name = synth_claim_name(w, name);
	d->klass = k;
	d->org_type = org_type;
	d->country = c->country;
	d->group = c->group;
	d->langs = c->langs;
	d->countries = g_strdup_printf("['%s']", c->country);
	d->weight = exp(srng_normal(rng));
	d->factor = exp(0.7 * srng_normal(rng));
	size_t stem_len = strcspn(d->name, "-_");
	d->stem = g_strndup(d->name, stem_len > 8 ? 8 : stem_len);
	if (strcmp(org_type, "user") == 0)
		d->org_model = "user";
	else
		d->org_model = srng_chance(rng, 0.1) ? "enterprise" : srng_chance(rng, 0.45) ? "team" : "free";
	g_ptr_array_add(w->devs, d);
	return d;
}

static void add_us_big(SynthWorld *w, SynthRng *rng)
{
	static const char *const names[] = { "northwind-ai", "bluepeak", "lumen-research", "atlas-labs",
					     "cobaltmind" };
	static const char *const stems[] = { "nw", "bp", "lumen", "atlas", "cobalt" };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		SynthDev *d = dev_add(w, SYNTH_US_BIG, g_strdup(names[i]), "company", &countries[0], rng);
		g_free(d->stem);
		d->stem = g_strdup(stems[i]);
		d->org_model = "enterprise";
		d->weight = 1.0 + 0.5 * srng_unif(rng);
		d->active_from = 2018;
	}
}

static void add_china(SynthWorld *w, SynthRng *rng, int n)
{
	for (int i = 0; i < n; i++) {
		bool big = i < 6;
		const char *type = big ? "company" : srng_chance(rng, 0.5) ? "company" :
					      srng_chance(rng, 0.8) ? "academic" : "community";
		const char *const *pool = big ? cn_words : cn_words + 6;
		uint32_t n_pool = big ? 6 : G_N_ELEMENTS(cn_words) - 6;
		char *name = fresh_name(w, rng, pool, big ? (uint32_t)i : UINT32_MAX, n_pool, type);
		SynthDev *d = dev_add(w, SYNTH_CHINA, name, type, &china, rng);
		if (big) {
			d->org_model = "enterprise";
			d->weight *= 4;
			d->factor *= 2.5;
			d->active_from = srng_range(rng, 2020.5, 2023.3);
		} else {
			d->active_from = srng_range(rng, 2019, 2025);
		}
	}
}

static void add_orgs(SynthWorld *w, SynthRng *rng, SynthClass k, int n)
{
	for (int i = 0; i < n; i++) {
		const char *type = k == SYNTH_ONLINE ? (srng_chance(rng, 0.7) ? "community" : "non-profit") :
						       pick_org_type(rng);
		const Country *c = k == SYNTH_ONLINE ? &online : k == SYNTH_UNKNOWN ? &unknown :
							      pick_country(rng);
		char *name = fresh_name(w, rng, words, UINT32_MAX, G_N_ELEMENTS(words), type);
		SynthDev *d = dev_add(w, k, name, type, c, rng);
		if (k == SYNTH_UNKNOWN) {
			d->org_type = "Unknown";
			d->org_model = srng_chance(rng, 0.5) ? "" : "free";
		}
		if (k == SYNTH_ORG && srng_chance(rng, 0.04)) {
			const Country *c2 = pick_country(rng);
			if (c2 != c) {
				g_free(d->countries);
				d->countries = g_strdup_printf("['%s', '%s']", c->country, c2->country);
			}
		}
		d->active_from = k == SYNTH_ONLINE ? srng_range(rng, 2018, 2023) :
							 2018 + 7.2 * sqrt(srng_unif(rng));
	}
}

static void add_users(SynthWorld *w, SynthRng *rng, int n, double doubling)
{
	for (int i = 0; i < n; i++) {
		SynthDev *d = dev_add(w, SYNTH_USER, user_handle(rng), "user", &user, rng);
		d->weight = exp(1.2 * srng_normal(rng));
		d->active_from = growth_year(srng_unif(rng), doubling);
		g_free(d->stem);
		d->stem = g_strdup(words[srng_below(rng, G_N_ELEMENTS(words))]);
	}
}

static void add_quantizers(SynthWorld *w, SynthRng *rng)
{
	static const char *const names[] = { "quantkit", "bytepress", "shrinkray", "lowbit-labs",
					     "tinyweights", "gguf-garage" };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		bool org = i == 3 || i == 5;
		const char *type = i == 3 ? "company" : i == 5 ? "community" : "user";
		const Country *c = i == 3 ? &countries[1] : i == 5 ? &online : &user;
		SynthDev *d = dev_add(w, SYNTH_QUANTIZER, g_strdup(names[i]), type, c, rng);
		d->active_from = i == 0 ? 2021.5 : srng_range(rng, 2022.8, 2024.6);
		d->weight = i < 2 ? 4.0 : org ? 1.5 : 1.0;
	}
}

static void add_external(SynthWorld *w, SynthRng *rng)
{
	static const char *const names[] = { "archive-lab", "frontier-x", "old-forge", "mirrorworks" };
	const Country *cs[] = { &countries[0], &countries[2], &china, &online };
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		SynthDev *d = dev_add(w, SYNTH_ORG, g_strdup(names[i]), "company", cs[i], rng);
		d->external = true;
		d->weight = 0;
	}
}

void synth_devs_build(SynthWorld *w, SynthRng *rng)
{
	add_us_big(w, rng);
	add_china(w, rng, 30);
	add_orgs(w, rng, SYNTH_ORG, 150);
	add_orgs(w, rng, SYNTH_ONLINE, 8);
	add_orgs(w, rng, SYNTH_UNKNOWN, 5);
	add_users(w, rng, 300, w->opt->story.models_doubling_years);
	add_quantizers(w, rng);
	add_external(w, rng);
}

uint32_t synth_devs_pick(const SynthWorld *w, SynthRng *rng, SynthClass k, double y)
{
	guint n = w->devs->len;
	double *weight = g_new(double, n), total = 0;
	for (guint i = 0; i < n; i++) {
		const SynthDev *d = synth_dev(w, i);
		weight[i] = d->klass == k && !d->external && d->active_from <= y ? d->weight : 0;
		total += weight[i];
	}
	uint32_t pick;
	if (total > 0)
		pick = (uint32_t)srng_pick(rng, weight, n);
	else
		pick = k == SYNTH_ORG ? 0 : synth_devs_pick(w, rng, SYNTH_ORG, y);
	g_free(weight);
	return pick;
}

const char *synth_devs_external_id(SynthWorld *w, SynthRng *rng, uint32_t *dev)
{
	guint n = w->devs->len, first = n;
	for (guint i = 0; i < n; i++)
		if (synth_dev(w, i)->external && first == n)
			first = i;
	uint32_t k = first + srng_below(rng, n - first);
	static const char *const kinds[] = { "base", "lm-1b", "encoder-large", "v0-preview" };
	char *id = g_strdup_printf("%s/%s-%s", synth_dev(w, k)->name, synth_dev(w, k)->stem,
				   kinds[srng_below(rng, G_N_ELEMENTS(kinds))]);
	g_ptr_array_add(w->strings, id);
	*dev = k;
	return id;
}
