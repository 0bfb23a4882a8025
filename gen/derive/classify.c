/*
 * classify.c - table-driven model-property rules.
 */
#include "classify.h"

#include <glib.h>
#include <string.h>

#include "../data/strings.h"
#include "../data/tags.h"

static bool has_word(const char *s, const char *word)
{
	return s && g_strstr_len(s, -1, word) != NULL;
}

/* Kind of one side of a modality ("Text", "Image", "Text Embed/Class",
 * "Audio", "Speech", "Video", ...).  Case-insensitive substring rules, in
 * order: embedding/classification before text. */
static ModelKind kind_of(const char *side)
{
	char *s = g_ascii_strdown(side, -1);
	g_strstrip(s);
	ModelKind k = KIND_OTHER;
	if (*s == '\0' || has_word(s, "undocumented") || strcmp(s, "unknown") == 0)
		k = KIND_UNKNOWN;
	else if (has_word(s, "embed") || has_word(s, "class"))
		k = KIND_EMBED_CLASS;
	else if (has_word(s, "video"))
		k = KIND_VIDEO;
	else if (has_word(s, "image"))
		k = KIND_IMAGE;
	else if (has_word(s, "audio") || has_word(s, "speech") || has_word(s, "music"))
		k = KIND_AUDIO;
	else if (has_word(s, "text") || has_word(s, "code"))
		k = KIND_TEXT;
	g_free(s);
	return k;
}

ModelKind classify_output(const char *modality)
{
	if (!modality || !*modality)
		return KIND_UNKNOWN;
	const char *arrow = strstr(modality, "-->");
	return kind_of(arrow ? arrow + 3 : modality);
}

ModelKind classify_pipeline_tag(const char *tag)
{
	static const struct {
		const char *tag;
		ModelKind kind;
	} table[] = {
		{ "text-generation", KIND_TEXT }, { "text2text-generation", KIND_TEXT },
		{ "image-text-to-text", KIND_TEXT }, { "visual-question-answering", KIND_TEXT },
		{ "translation", KIND_TEXT }, { "summarization", KIND_TEXT },
		{ "automatic-speech-recognition", KIND_TEXT }, { "image-to-text", KIND_TEXT },
		{ "feature-extraction", KIND_EMBED_CLASS }, { "sentence-similarity", KIND_EMBED_CLASS },
		{ "fill-mask", KIND_EMBED_CLASS }, { "text-classification", KIND_EMBED_CLASS },
		{ "token-classification", KIND_EMBED_CLASS }, { "zero-shot-classification", KIND_EMBED_CLASS },
		{ "image-classification", KIND_EMBED_CLASS }, { "audio-classification", KIND_EMBED_CLASS },
		{ "zero-shot-image-classification", KIND_EMBED_CLASS }, { "object-detection", KIND_EMBED_CLASS },
		{ "image-segmentation", KIND_EMBED_CLASS }, { "question-answering", KIND_EMBED_CLASS },
		{ "table-question-answering", KIND_EMBED_CLASS }, { "depth-estimation", KIND_EMBED_CLASS },
		{ "image-feature-extraction", KIND_EMBED_CLASS }, { "video-classification", KIND_EMBED_CLASS },
		{ "voice-activity-detection", KIND_EMBED_CLASS }, { "text-ranking", KIND_EMBED_CLASS },
		{ "text-to-image", KIND_IMAGE }, { "image-to-image", KIND_IMAGE },
		{ "unconditional-image-generation", KIND_IMAGE }, { "text-to-video", KIND_VIDEO },
		{ "image-to-video", KIND_VIDEO }, { "text-to-speech", KIND_AUDIO }, { "text-to-audio", KIND_AUDIO },
		{ "audio-to-audio", KIND_AUDIO },
	};
	if (!tag || !*tag)
		return KIND_UNKNOWN;
	for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
		if (strcmp(tag, table[i].tag) == 0)
			return table[i].kind;
	return KIND_OTHER;
}

const char *classify_kind_name(ModelKind k)
{
	static const char *const names[] = { "Unknown", "Text generation", "Embedding / classification",
					     "Image", "Video", "Audio / speech", "Other" };
	return k < KIND_COUNT ? names[k] : "Unknown";
}

int classify_multimodal(const char *modality)
{
	ModelKind out = classify_output(modality);
	switch (out) {
	case KIND_UNKNOWN:
		return -1;
	case KIND_IMAGE:
	case KIND_VIDEO:
	case KIND_AUDIO:
		return 1;
	case KIND_EMBED_CLASS:
	case KIND_OTHER:
		return 0;
	case KIND_TEXT:
		break;
	case KIND_COUNT:
		return -1;
	}
	/* Text generation: multimodal when the input names two or more
	 * modalities ("Image + Text"). */
	const char *arrow = strstr(modality, "-->");
	if (!arrow)
		return 0;
	char *input = g_strndup(modality, (gsize)(arrow - modality));
	gchar **parts = g_strsplit_set(input, "+,&", -1);
	int n = 0;
	for (gchar **p = parts; *p; p++)
		if (*g_strstrip(*p) && kind_of(*p) != KIND_UNKNOWN)
			n++;
	g_strfreev(parts);
	g_free(input);
	return n >= 2;
}

bool classify_quantization_set(const char *q)
{
	static const char *const unset[] = { "", "none", "no", "false", "0" };
	if (!q)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(unset); i++)
		if (g_ascii_strcasecmp(q, unset[i]) == 0)
			return false;
	return true;
}

bool classify_quant_word(const char *tag, size_t len)
{
	return tags_is_quant_word(tag, len);
}

bool classify_quant_id(const char *id)
{
	if (!id)
		return false;
	size_t n = strlen(id);
	/* Try every suffix that starts after a separator ('4-bit' contains
	 * one itself, so look at all of them, not only the last). */
	for (size_t i = 0; i < n; i++)
		if (id[i] == '-' || id[i] == '_' || id[i] == '.')
			if (classify_quant_word(id + i + 1, n - i - 1))
				return true;
	return false;
}

bool classify_quantized(const char *quantization, const char *relation, const char *tags, const char *id)
{
	if (classify_quantization_set(quantization))
		return true;
	if (classify_relation(relation) == REL_QUANTIZED)
		return true;
	if (tags) {
		const char *s = tags;
		for (;;) {
			const char *sep = strchr(s, LIST_SEP);
			size_t len = sep ? (size_t)(sep - s) : strlen(s);
			if (classify_quant_word(s, len))
				return true;
			if (!sep)
				break;
			s = sep + 1;
		}
	}
	return classify_quant_id(id);
}

Relation classify_relation(const char *r)
{
	if (!r || !*r)
		return REL_NONE;
	static const struct {
		const char *word;
		Relation rel;
	} table[] = {
		{ "quantized", REL_QUANTIZED }, { "quantization", REL_QUANTIZED }, { "finetune", REL_FINETUNE },
		{ "finetuned", REL_FINETUNE },  { "fine-tune", REL_FINETUNE },     { "adapter", REL_ADAPTER },
		{ "adapters", REL_ADAPTER },    { "lora", REL_ADAPTER },           { "merge", REL_MERGE },
		{ "merged", REL_MERGE },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
		if (g_ascii_strcasecmp(r, table[i].word) == 0)
			return table[i].rel;
	return REL_OTHER;
}

const char *classify_relation_name(Relation r)
{
	static const char *const names[] = { "none", "finetune", "adapter", "quantized", "merge", "other" };
	return r < REL_COUNT ? names[r] : "other";
}

const char *classify_role_name(Relation r)
{
	switch (r) {
	case REL_QUANTIZED:
		return "quantizer";
	case REL_FINETUNE:
		return "fine-tuner";
	case REL_ADAPTER:
		return "adapter";
	case REL_MERGE:
		return "merger";
	default:
		return "repackager";
	}
}
