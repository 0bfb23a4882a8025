/*
 * synth_priv.h - the synthetic sample's internals, shared by the files of
 * gen/sample/ only: the PRNG, the story lookup and the generated world
 * (developers and models).
 *
 * Ownership: a SynthWorld owns its developers, models and every string
 * they point to, except the static strings (org types, countries, groups);
 * synth_world_free() releases it.
 */
#ifndef EOI_SYNTH_PRIV_H
#define EOI_SYNTH_PRIV_H

#include "synth.h"

/* ---- PRNG: xoshiro256** seeded through splitmix64 ---------------------- */

typedef struct {
	uint64_t s[4];
} SynthRng;

void srng_seed(SynthRng *r, uint64_t seed);
uint64_t srng_next(SynthRng *r);
double srng_unif(SynthRng *r);                  /* [0, 1) */
uint32_t srng_below(SynthRng *r, uint32_t n);   /* [0, n), n > 0 */
double srng_range(SynthRng *r, double lo, double hi);
double srng_normal(SynthRng *r);                /* standard normal */
bool srng_chance(SynthRng *r, double p);
/* Index drawn with probability proportional to W[i] (>= 0); 0 when all are 0. */
size_t srng_pick(SynthRng *r, const double *w, size_t n);

/* ---- story lookup ------------------------------------------------------ */

/* Year as a fraction (2021.5 = 2021-07-02) of DAY. */
double synth_year_of(Day day);
/* Linear interpolation of the yearly anchors A at year fraction Y. */
double synth_anchor(const double a[SYNTH_YEARS], double y);

/* ---- the world --------------------------------------------------------- */

typedef struct {
	char *name;             /* namespace */
	char *stem;             /* short prefix for model names */
	SynthClass klass;
	const char *org_type;   /* company, user, community, ... */
	const char *org_model;  /* account kind: user, free, team, enterprise */
	const char *country;    /* single country, full name or sentinel */
	char *countries;        /* Python list repr of the countries */
	const char *group;      /* nation group */
	const char *langs;      /* language list repr body, e.g. "'zh', 'en'" */
	double weight;          /* upload weight within the class */
	double factor;          /* popularity factor */
	double active_from;     /* year fraction of the first upload */
	bool external;          /* only owns models outside the sample */
} SynthDev;

typedef enum { REL_NONE, REL_FINETUNE, REL_ADAPTER, REL_QUANTIZED, REL_MERGE } SynthRelation;

/* Deliberate data-quality cases. */
typedef enum {
	QUIRK_NONE,
	QUIRK_NO_CREATED, /* empty `created` cell */
	QUIRK_DROP,       /* the counter drops once */
	QUIRK_DUP_EXACT,  /* one row is written twice */
	QUIRK_DUP_STALE,  /* one row is repeated with the previous week's count */
	QUIRK_DELAYED,    /* first listed weeks after creation */
} SynthQuirk;

#define SYNTH_MAX_PARENTS 3

typedef struct {
	char *id;                 /* "namespace/name" */
	uint32_t dev;             /* uploader */
	uint32_t root_dev;        /* developer of the root of the first-parent chain */
	uint32_t credited;        /* developer written as derived_author */
	int64_t created_s;        /* creation, Unix seconds */
	Day created;
	double pop;               /* peak expected weekly downloads */
	double rise, tau, floor;  /* shape of the weekly curve */
	int32_t first, last;      /* snapshot indexes listed (inclusive) */
	uint8_t depth;            /* links to the root of the first-parent chain */
	uint8_t n_parents;
	int32_t parent[SYNTH_MAX_PARENTS]; /* model indexes; -1 external */
	const char *ext_parent;   /* id of the parent outside the sample (owned by the world) */
	char *parents;            /* merged_derived_from list repr */
	SynthRelation relation;
	SynthModality modality;
	int64_t params;           /* 0 when unknown */
	const char *quant;        /* gguf, gptq, awq, bnb, mlx or "none" */
	bool moe;
	int8_t transparency;      /* SYNTH_DT_*, -1 unknown */
	int8_t open_source;       /* 1 open_source, 0 open_weights, -1 unknown */
	const char *langs;        /* language list repr */
	int8_t annotator;         /* 0 = empty */
	char oid[25];             /* _id */
	SynthQuirk quirk;
	bool legacy;              /* created before the first snapshot */
} SynthModel;

typedef struct {
	const SynthOptions *opt;
	Day *snaps;         /* snapshot dates */
	uint32_t n_snaps;
	GPtrArray *devs;    /* SynthDev *, owned */
	SynthModel *models; /* n_models, in creation order */
	uint32_t n_models;
	GHashTable *names;  /* used model ids and namespaces (keys owned elsewhere) */
	GPtrArray *strings; /* other owned strings (ids outside the sample) */
} SynthWorld;

/* Build the developers of W (synth_devs.c). */
void synth_devs_build(SynthWorld *w, SynthRng *rng);
/* Developers of class K active at year fraction Y, with weights: picks one
 * (index into w->devs); falls back to SYNTH_ORG when none is active. */
uint32_t synth_devs_pick(const SynthWorld *w, SynthRng *rng, SynthClass k, double y);
/* An id outside the sample, owned by an external developer (its index in
 * *DEV); the id is owned by W. */
const char *synth_devs_external_id(SynthWorld *w, SynthRng *rng, uint32_t *dev);
/* Claim NAME (an id or namespace): returns a unique variant of it, owned by
 * the caller, and records it in W->names. */
char *synth_claim_name(SynthWorld *w, char *name);

/* Build the models of W (synth_models.c); devs must exist. */
void synth_models_build(SynthWorld *w, SynthRng *rng);

/* Properties, name, _id and merged_derived_from of model I, whose uploader,
 * relation and parents are set (synth_attrs.c). DERIVED says it has parents. */
void synth_attrs_draw(SynthWorld *w, SynthRng *rng, uint32_t i, bool derived);

/* Expected downloads of M in the week ending at day T (0 before creation). */
double synth_expected_weekly(const SynthWorld *w, const SynthModel *m, Day t);

/* Whole world from the options; never fails for valid options. */
SynthWorld *synth_world_new(const SynthOptions *opt);
void synth_world_free(SynthWorld *w);

static inline SynthDev *synth_dev(const SynthWorld *w, uint32_t i)
{
	return g_ptr_array_index(w->devs, i);
}

#endif
