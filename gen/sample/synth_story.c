/*
 * synth_story.c - the default options and storylines of the synthetic
 * sample, the yearly-anchor lookup, and the seeded PRNG
 * (xoshiro256** by Blackman and Vigna, seeded through splitmix64).
 */
#include "synth_priv.h"

#include <math.h>
#include <string.h>

/* ---- defaults ------------------------------------------------------------ */

/* One row per class, anchors for 2020..2025 (see synth.h). */
static const double default_share[SYNTH_N_CLASSES][SYNTH_YEARS] = {
	[SYNTH_US_BIG] = { .30, .26, .18, .09, .05, .04 },
	[SYNTH_CHINA] = { .03, .04, .06, .09, .13, .16 },
	[SYNTH_ORG] = { .44, .42, .42, .38, .32, .28 },
	[SYNTH_USER] = { .15, .20, .24, .28, .32, .34 },
	[SYNTH_QUANTIZER] = { .00, .00, .01, .08, .10, .11 },
	[SYNTH_ONLINE] = { .06, .06, .07, .06, .06, .05 },
	[SYNTH_UNKNOWN] = { .02, .02, .02, .02, .02, .02 },
};

static const double default_pop[SYNTH_N_CLASSES][SYNTH_YEARS] = {
	[SYNTH_US_BIG] = { 15, 12, 8, 4, 3, 2.5 },
	[SYNTH_CHINA] = { 1, 1.5, 2, 5, 7.5, 8.5 },
	[SYNTH_ORG] = { 1, 1, 1, 1, 1, 1 },
	[SYNTH_USER] = { .3, .4, .6, 1.0, 1.3, 1.5 },
	[SYNTH_QUANTIZER] = { 1, 1, 1, 1.5, 1.5, 1.5 },
	[SYNTH_ONLINE] = { 1.5, 1.5, 1.5, 1.2, 1, 1 },
	[SYNTH_UNKNOWN] = { .5, .5, .5, .5, .5, .5 },
};

static const double default_derivative[SYNTH_N_CLASSES] = {
	[SYNTH_US_BIG] = .15, [SYNTH_CHINA] = .35, [SYNTH_ORG] = .2, [SYNTH_USER] = .55,
	[SYNTH_QUANTIZER] = 1, [SYNTH_ONLINE] = .3, [SYNTH_UNKNOWN] = .3,
};

static const double default_modality[SYNTH_N_MODS][SYNTH_YEARS] = {
	[SYNTH_MOD_EMBED] = { .45, .42, .35, .22, .16, .13 },
	[SYNTH_MOD_TEXT] = { .28, .30, .32, .44, .46, .44 },
	[SYNTH_MOD_VL] = { .02, .02, .03, .05, .09, .13 },
	[SYNTH_MOD_T2I] = { .03, .04, .08, .10, .11, .12 },
	[SYNTH_MOD_ASR] = { .06, .06, .06, .05, .04, .04 },
	[SYNTH_MOD_VIDEO] = { 0, 0, 0, .01, .03, .05 },
	[SYNTH_MOD_UNDOC] = { .09, .09, .08, .07, .06, .05 },
	[SYNTH_MOD_IMGCLS] = { .06, .05, .05, .04, .03, .02 },
	[SYNTH_MOD_TTS] = { .01, .02, .03, .02, .02, .02 },
};

static const double default_transparency[SYNTH_N_DT][SYNTH_YEARS] = {
	[SYNTH_DT_AVAILABLE] = { .80, .78, .72, .57, .50, .40 },
	[SYNTH_DT_UNAVAILABLE] = { .10, .11, .12, .18, .18, .17 },
	[SYNTH_DT_NOT_DISCLOSED] = { .10, .11, .16, .25, .32, .43 },
};

static void story_default(SynthStory *s)
{
	memcpy(s->class_share, default_share, sizeof s->class_share);
	memcpy(s->class_pop, default_pop, sizeof s->class_pop);
	memcpy(s->derivative_prob, default_derivative, sizeof s->derivative_prob);
	memcpy(s->modality, default_modality, sizeof s->modality);
	memcpy(s->transparency, default_transparency, sizeof s->transparency);
	static const double params[SYNTH_YEARS] = { 8.2, 8.4, 8.7, 9.2, 9.5, 9.7 };
	static const double moe[SYNTH_YEARS] = { 0, 0, 0, .003, .05, .10 };
	static const double quant[SYNTH_YEARS] = { .01, .01, .02, .10, .14, .16 };
	static const double open_source[SYNTH_YEARS] = { .65, .60, .55, .45, .40, .35 };
	memcpy(s->log10_params, params, sizeof params);
	memcpy(s->moe_share, moe, sizeof moe);
	memcpy(s->quantized_share, quant, sizeof quant);
	memcpy(s->open_source_share, open_source, sizeof open_source);
	s->log10_params_sd = 0.6;
	s->params_tail_prob = 0.05;
	s->models_doubling_years = 1.25;
	s->traffic_doubling_years = 1.5;
	s->popularity_median = 30;
	s->popularity_sigma = 1.8;
	s->listing_weeks = 78;
	s->listing_min_weekly = 20;
}

void synth_options_default(SynthOptions *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->seed = 20251203;
	opt->n_models = 4000;
	opt->start = day_from_civil(2020, 6, 3);
	opt->end = day_from_civil(2025, 8, 27);
	story_default(&opt->story);
}

/* ---- anchors --------------------------------------------------------------- */

double synth_year_of(Day day)
{
	int y, m, d;
	day_to_civil(day, &y, &m, &d);
	Day jan1 = day_from_civil(y, 1, 1);
	Day next = day_from_civil(y + 1, 1, 1);
	return y + (double)(day - jan1) / (double)(next - jan1);
}

double synth_anchor(const double a[SYNTH_YEARS], double y)
{
	double x = y - (SYNTH_YEAR0 + 0.5);
	if (x <= 0)
		return a[0];
	if (x >= SYNTH_YEARS - 1)
		return a[SYNTH_YEARS - 1];
	int i = (int)x;
	double f = x - i;
	return a[i] * (1 - f) + a[i + 1] * f;
}

/* ---- PRNG ------------------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

void srng_seed(SynthRng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t srng_next(SynthRng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double srng_unif(SynthRng *r)
{
	return (double)(srng_next(r) >> 11) * 0x1.0p-53;
}

uint32_t srng_below(SynthRng *r, uint32_t n)
{
	return (uint32_t)(((srng_next(r) >> 32) * (uint64_t)n) >> 32);
}

double srng_range(SynthRng *r, double lo, double hi)
{
	return lo + (hi - lo) * srng_unif(r);
}

double srng_normal(SynthRng *r)
{
	/* Box-Muller; 1 - u keeps the logarithm finite. */
	double u = 1.0 - srng_unif(r), v = srng_unif(r);
	return sqrt(-2.0 * log(u)) * cos(2.0 * G_PI * v);
}

bool srng_chance(SynthRng *r, double p)
{
	return srng_unif(r) < p;
}

size_t srng_pick(SynthRng *r, const double *w, size_t n)
{
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	if (!(total > 0))
		return 0;
	double x = srng_unif(r) * total;
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	for (size_t i = n; i-- > 0;)
		if (w[i] > 0)
			return i;
	return 0;
}
