/* properties.c - per-model properties from attributes. */
#include "properties.h"

#include <math.h>
#include <string.h>

const char *transparency_name(Transparency t)
{
	static const char *const names[] = { "disclosed_available", "disclosed_unavailable", "not_disclosed" };
	return t < TRANSPARENCY_COUNT ? names[t] : "unknown";
}

const char *role_name(UploaderRole r)
{
	static const char *const names[] = { "original developer", "quantizer", "fine-tuner",
					     "adapter", "merger", "other intermediary" };
	return r < ROLE_COUNT ? names[r] : "?";
}

/* The attribute string of model M in COL, or NULL when missing. */
static const char *attr(const Dataset *ds, uint32_t m, ColId col)
{
	Sym s = ds_sym(ds, m, col);
	return s ? dataset_str(ds, s) : NULL;
}

static int8_t transparency_of(const char *s)
{
	if (!s)
		return -1;
	for (int t = 0; t < TRANSPARENCY_COUNT; t++)
		if (g_ascii_strcasecmp(s, transparency_name(t)) == 0)
			return (int8_t)t;
	return -1;
}

static int8_t openness_of(const char *s)
{
	if (!s)
		return -1;
	if (g_ascii_strcasecmp(s, "open_source") == 0)
		return 1;
	if (g_ascii_strcasecmp(s, "open_weights") == 0)
		return 0;
	return -1;
}

static UploaderRole role_of(Relation rel, bool quantized)
{
	switch (rel) {
	case REL_QUANTIZED:
		return ROLE_QUANTIZER;
	case REL_FINETUNE:
		return ROLE_FINETUNER;
	case REL_ADAPTER:
		return ROLE_ADAPTER;
	case REL_MERGE:
		return ROLE_MERGER;
	default:
		return quantized ? ROLE_QUANTIZER : ROLE_OTHER;
	}
}

static void model_props(const Dataset *ds, const Attribution *a, ModelProps *p, uint32_t m)
{
	const char *modality = attr(ds, m, COL_MODALITY);
	p->kind[m] = modality ? classify_output(modality) : classify_pipeline_tag(attr(ds, m, COL_PIPELINE_TAG));
	p->multimodal[m] = (int8_t)classify_multimodal(modality);
	if (!modality && p->kind[m] != KIND_UNKNOWN)
		p->multimodal[m] = p->kind[m] == KIND_IMAGE || p->kind[m] == KIND_VIDEO || p->kind[m] == KIND_AUDIO;
	const char *id = dataset_str(ds, ds->model_id[m]);
	p->relation[m] = classify_relation(attr(ds, m, COL_BASE_RELATION));
	p->quantized[m] = classify_quantized(attr(ds, m, COL_QUANTIZATION), attr(ds, m, COL_BASE_RELATION),
					     attr(ds, m, COL_TAGS), id);
	int8_t moe = ds->attrs.flag[COL_MOE] ? ds->attrs.flag[COL_MOE][m] : -1;
	p->moe[m] = moe;
	bool parents_known = ds_sym(ds, m, COL_BASE_MODELS) != SYM_NONE;
	p->derivative[m] = a->parent[m] ? 1 : parents_known ? 0 : -1;
	p->transparency[m] = transparency_of(attr(ds, m, COL_DATA_TRANSPARENCY));
	p->open_source[m] = openness_of(attr(ds, m, COL_OPENNESS));
	double params = ds->attrs.num[COL_PARAMS] ? ds->attrs.num[COL_PARAMS][m] : NAN;
	p->params[m] = params > 0 ? params : NAN;
	bool intermediary = p->derivative[m] == 1 && a->author[m] != a->credited[m];
	p->role[m] = intermediary ? role_of(p->relation[m], p->quantized[m]) : ROLE_ORIGINAL;
}

ModelProps *properties_compute(const Dataset *ds, const Attribution *a)
{
	uint32_t n = ds->n_models ? ds->n_models : 1;
	ModelProps *p = g_new0(ModelProps, 1);
	p->n = ds->n_models;
	p->kind = g_new(ModelKind, n);
	p->multimodal = g_new(int8_t, n);
	p->quantized = g_new(int8_t, n);
	p->moe = g_new(int8_t, n);
	p->derivative = g_new(int8_t, n);
	p->transparency = g_new(int8_t, n);
	p->open_source = g_new(int8_t, n);
	p->params = g_new(double, n);
	p->relation = g_new(Relation, n);
	p->role = g_new(uint8_t, n);
	p->has_modality = ds->has_col[COL_MODALITY] || ds->has_col[COL_PIPELINE_TAG];
	p->has_moe = ds->has_col[COL_MOE];
	p->has_parents = ds->has_col[COL_BASE_MODELS];
	p->has_transparency = ds->has_col[COL_DATA_TRANSPARENCY];
	p->has_openness = ds->has_col[COL_OPENNESS];
	p->has_params = ds->has_col[COL_PARAMS];
	for (uint32_t m = 0; m < ds->n_models; m++)
		model_props(ds, a, p, m);
	return p;
}

void properties_free(ModelProps *p)
{
	if (!p)
		return;
	g_free(p->kind);
	g_free(p->multimodal);
	g_free(p->quantized);
	g_free(p->moe);
	g_free(p->derivative);
	g_free(p->transparency);
	g_free(p->open_source);
	g_free(p->params);
	g_free(p->relation);
	g_free(p->role);
	g_free(p);
}
