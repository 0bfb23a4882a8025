/*
 * synth_attrs.c - the properties of one synthetic model (modality, size,
 * mixture-of-experts, quantization, data transparency, openness,
 * languages), its repository name, its _id and its merged_derived_from
 * cell.  Derivatives inherit modality, size and MoE from their first
 * parent; quantized copies also inherit languages, transparency and
 * openness.
 */
#include "synth_priv.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#define PICK(rng, a) ((a)[srng_below((rng), G_N_ELEMENTS(a))])

/* ---- size ----------------------------------------------------------------------- */

/* log10(params) offset of each modality against text generation. */
static const double size_offset[SYNTH_N_MODS] = {
	[SYNTH_MOD_EMBED] = -0.5, [SYNTH_MOD_TEXT] = 0, [SYNTH_MOD_VL] = 0.2,
	[SYNTH_MOD_T2I] = -0.2, [SYNTH_MOD_ASR] = -0.3, [SYNTH_MOD_VIDEO] = 0.3,
	[SYNTH_MOD_UNDOC] = 0, [SYNTH_MOD_IMGCLS] = -0.5, [SYNTH_MOD_TTS] = -0.4,
};

/* 10^X rounded to two significant digits. */
static int64_t round_params(double x)
{
	int e = (int)floor(x);
	int64_t mant = (int64_t)llround(pow(10.0, x - e + 1));
	if (mant >= 100) {
		mant /= 10;
		e++;
	}
	for (int i = 1; i < e; i++)
		mant *= 10;
	return mant;
}

static int64_t draw_params(SynthRng *rng, const SynthStory *s, SynthModality mod, bool moe, double y)
{
	double x = synth_anchor(s->log10_params, y) + size_offset[mod] + s->log10_params_sd * srng_normal(rng);
	if (srng_chance(rng, s->params_tail_prob))
		x += srng_range(rng, 0.7, 2.0);
	if (moe)
		x += 0.7;
	x = CLAMP(x, 6.5, 12.2);
	return round_params(x);
}

/* "7b", "1.3b", "350m" for P params. */
static void size_label(GString *out, int64_t p)
{
	static const struct { int64_t unit; char c; } units[] = {
		{ INT64_C(1000000000000), 't' }, { 1000000000, 'b' }, { 1000000, 'm' }, { 1000, 'k' },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(units); i++) {
		if (p < units[i].unit)
			continue;
		int64_t whole = p / units[i].unit, tenth = p % units[i].unit * 10 / units[i].unit;
		if (tenth && whole < 10)
			g_string_append_printf(out, "-%" PRId64 ".%" PRId64 "%c", whole, tenth, units[i].c);
		else
			g_string_append_printf(out, "-%" PRId64 "%c", whole, units[i].c);
		return;
	}
}

/* ---- categorical properties --------------------------------------------------- */

static const char *draw_quant_format(SynthRng *rng, double y)
{
	static const char *const fmt[] = { "gguf", "gptq", "awq", "bnb", "mlx" };
	static const double early[] = { 0, .3, 0, .7, 0 };
	static const double y2023[] = { .3, .35, .1, .25, 0 };
	static const double late[] = { .6, .1, .12, .08, .1 };
	const double *w = y < 2023 ? early : y < 2024 ? y2023 : late;
	return fmt[srng_pick(rng, w, G_N_ELEMENTS(fmt))];
}

static const char *quant_suffix(const char *fmt)
{
	if (strcmp(fmt, "gguf") == 0)
		return "-GGUF";
	if (strcmp(fmt, "gptq") == 0)
		return "-GPTQ";
	if (strcmp(fmt, "awq") == 0)
		return "-AWQ";
	if (strcmp(fmt, "bnb") == 0)
		return "-bnb-4bit";
	return "-mlx-4bit";
}

static bool is_textual(SynthModality mod)
{
	return mod == SYNTH_MOD_EMBED || mod == SYNTH_MOD_TEXT || mod == SYNTH_MOD_VL ||
	       mod == SYNTH_MOD_UNDOC;
}

static const char *draw_langs(SynthRng *rng, const SynthDev *dev, SynthModality mod)
{
	if (!is_textual(mod))
		return srng_chance(rng, 0.7) ? "" : "'en'";
	if (srng_chance(rng, 0.35))
		return "";
	if (srng_chance(rng, 0.1))
		return "'en', 'zh', 'de', 'fr', 'es'";
	return dev->langs;
}

/* Transparency and openness drawn for the creation year Y. */
static void draw_openness(SynthRng *rng, const SynthStory *s, SynthModel *m, double y)
{
	double w[SYNTH_N_DT];
	for (int i = 0; i < SYNTH_N_DT; i++)
		w[i] = synth_anchor(s->transparency[i], y);
	m->transparency = srng_chance(rng, 0.04) ? -1 : (int8_t)srng_pick(rng, w, SYNTH_N_DT);
	if (srng_chance(rng, 0.03))
		m->open_source = -1;
	else if (m->transparency == SYNTH_DT_NOT_DISCLOSED)
		m->open_source = 0;
	else
		m->open_source = srng_chance(rng, synth_anchor(s->open_source_share, y));
}

/* Modality, size and MoE of a model without a parent in the sample. */
static void draw_base(SynthRng *rng, const SynthStory *s, const SynthDev *dev, SynthModel *m, double y)
{
	double w[SYNTH_N_MODS];
	for (int i = 0; i < SYNTH_N_MODS; i++)
		w[i] = synth_anchor(s->modality[i], y);
	m->modality = (SynthModality)srng_pick(rng, w, SYNTH_N_MODS);
	m->moe = (m->modality == SYNTH_MOD_TEXT || m->modality == SYNTH_MOD_VL) &&
		 srng_chance(rng, synth_anchor(s->moe_share, y));
	double unknown = m->modality == SYNTH_MOD_UNDOC ? 0.7 : dev->klass == SYNTH_USER ? 0.15 : 0.06;
	m->params = srng_chance(rng, unknown) ? 0 : draw_params(rng, s, m->modality, m->moe, y);
}

/* ---- names ----------------------------------------------------------------------- */

static const char *kind_word(SynthRng *rng, const SynthModel *m)
{
	static const char *const embed[] = { "embed", "bert", "encoder", "sentence", "retriever" };
	static const char *const text[] = { "lm", "chat", "coder", "gpt", "instruct", "base" };
	static const char *const vl[] = { "vl", "vision-chat", "omni" };
	static const char *const t2i[] = { "diffusion", "imagegen", "pixel" };
	static const char *const asr[] = { "asr", "speech" };
	static const char *const video[] = { "video", "motion" };
	static const char *const undoc[] = { "model", "exp", "test" };
	static const char *const imgcls[] = { "vit", "imgcls", "convnet" };
	static const char *const tts[] = { "tts", "voice" };
	if (m->moe)
		return "moe";
	switch (m->modality) {
	case SYNTH_MOD_EMBED: return PICK(rng, embed);
	case SYNTH_MOD_TEXT: return PICK(rng, text);
	case SYNTH_MOD_VL: return PICK(rng, vl);
	case SYNTH_MOD_T2I: return PICK(rng, t2i);
	case SYNTH_MOD_ASR: return PICK(rng, asr);
	case SYNTH_MOD_VIDEO: return PICK(rng, video);
	case SYNTH_MOD_IMGCLS: return PICK(rng, imgcls);
	case SYNTH_MOD_TTS: return PICK(rng, tts);
	default: return PICK(rng, undoc);
	}
}

static const char *const tasks[] = {
	"chat", "instruct", "medical", "legal", "finance", "code", "math", "sft", "dpo", "ko",
	"de", "ja", "fr", "es", "ar", "summarize", "ner", "sentiment", "qa", "rp",
};
static const char *const merge_words[] = { "slerp", "ties", "dare", "frankenmerge", "blend" };

/* Name of a base model: "<stem>-<kind>[-<size>][-<suffix>]". */
static void base_name(GString *s, SynthRng *rng, const SynthDev *dev, const SynthModel *m)
{
	static const char *const suffix[] = { "v2", "v1.5", "instruct", "preview", "mini", "large" };
	g_string_append_printf(s, "%s-%s", dev->stem, kind_word(rng, m));
	if (m->params)
		size_label(s, m->params);
	if (srng_chance(rng, 0.3))
		g_string_append_printf(s, "-%s", PICK(rng, suffix));
}

/* Name of a derivative: the parent's name with a tail saying what was done. */
static void derived_name(GString *s, SynthRng *rng, const SynthWorld *w, const SynthModel *m)
{
	const char *pid = m->parent[0] >= 0 ? w->models[m->parent[0]].id : m->ext_parent;
	const char *slash = strchr(pid, '/');
	g_string_append(s, slash ? slash + 1 : pid);
	if (s->len > 40)
		g_string_truncate(s, 40);
	switch (m->relation) {
	case REL_QUANTIZED: g_string_append(s, quant_suffix(m->quant)); break;
	case REL_ADAPTER: g_string_append_printf(s, "-lora-%s", PICK(rng, tasks)); break;
	case REL_MERGE: g_string_append_printf(s, "-%s-merge", PICK(rng, merge_words)); break;
	default: g_string_append_printf(s, "-%s", PICK(rng, tasks)); break;
	}
}

/* ---- parents cell ------------------------------------------------------------------ */

/* merged_derived_from: parent ids, or now and then a placeholder. */
static char *parents_cell(const SynthWorld *w, SynthRng *rng, const SynthModel *m)
{
	if (m->n_parents == 0) {
		if (srng_chance(rng, 0.005))
			return g_strdup(srng_chance(rng, 0.5) ? "['No']" : "['Unsure']");
		return g_strdup("[]");
	}
	GString *s = g_string_new("[");
	if (srng_chance(rng, 0.005))
		g_string_append(s, "'Unsure', ");
	for (int j = 0; j < m->n_parents; j++) {
		const char *id = m->parent[j] >= 0 ? w->models[m->parent[j]].id : m->ext_parent;
		g_string_append_printf(s, "%s'%s'", j ? ", " : "", id);
	}
	g_string_append_c(s, ']');
	return g_string_free(s, FALSE);
}

/* ---- one model --------------------------------------------------------------------- */

static void inherit(SynthRng *rng, const SynthStory *s, const SynthDev *dev, SynthModel *m,
		    const SynthModel *p, double y)
{
	if (!p) { /* parent outside the sample */
		draw_base(rng, s, dev, m, y);
		return;
	}
	m->modality = p->modality;
	m->moe = p->moe;
	m->params = srng_chance(rng, 0.05) ? 0 : p->params;
	if (m->relation == REL_QUANTIZED) {
		m->langs = p->langs;
		m->transparency = p->transparency;
		m->open_source = p->open_source;
	} else if (srng_chance(rng, 0.7)) {
		m->langs = p->langs;
	}
}

void synth_attrs_draw(SynthWorld *w, SynthRng *rng, uint32_t i, bool derived)
{
	const SynthStory *s = &w->opt->story;
	SynthModel *m = &w->models[i];
	const SynthDev *dev = synth_dev(w, m->dev);
	double y = synth_year_of(m->created);
	m->langs = NULL;
	draw_openness(rng, s, m, y);
	if (derived)
		inherit(rng, s, dev, m, m->parent[0] >= 0 ? &w->models[m->parent[0]] : NULL, y);
	else
		draw_base(rng, s, dev, m, y);
	if (!m->langs)
		m->langs = draw_langs(rng, dev, m->modality);
	m->quant = m->relation == REL_QUANTIZED ? draw_quant_format(rng, y) : "none";
	m->annotator = srng_chance(rng, 0.3) ? 0 : (int8_t)(1 + srng_below(rng, 6));
	g_snprintf(m->oid, sizeof m->oid, "%08" PRIx32 "%016" PRIx64, (uint32_t)m->created_s, srng_next(rng));

	GString *name = g_string_new(dev->name);
	g_string_append_c(name, '/');
	if (derived)
		derived_name(name, rng, w, m);
	else
		base_name(name, rng, dev, m);
	m->id = synth_claim_name(w, g_string_free(name, FALSE));
	m->parents = parents_cell(w, rng, m);
}
