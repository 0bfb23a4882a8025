/*
 * classify.h - the model-property rules of DESIGN.md §3 "Model properties",
 * in one place: output kind from a modality, multimodal generation,
 * quantized, relation and uploader role.
 *
 * Every function is pure (strings in, enum out) so the rules are tested
 * table-driven in tests/unit/test_classify.c.
 */
#ifndef EOI_CLASSIFY_H
#define EOI_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	KIND_UNKNOWN,       /* missing or Undocumented */
	KIND_TEXT,          /* text generation */
	KIND_EMBED_CLASS,   /* embedding / classification */
	KIND_IMAGE,
	KIND_VIDEO,
	KIND_AUDIO,         /* audio / speech */
	KIND_OTHER,         /* documented but none of the above (e.g. 3D, tabular) */
	KIND_COUNT
} ModelKind;

/* Output kind of a modality "A --> B" (B decides); NULL or "" is unknown.
 * A modality without "-->" is read as its output. */
ModelKind classify_output(const char *modality);
/* Output kind from a Hub pipeline_tag (text-generation, feature-extraction,
 * text-to-image, ...), for inputs that have no modality column. */
ModelKind classify_pipeline_tag(const char *tag);
const char *classify_kind_name(ModelKind k);

/* Multimodal generation (1), not (0) or unknown (-1): the output is image,
 * video or audio; or text generation whose input names two or more
 * modalities ("Image + Text --> Text"); embedding/classification never. */
int classify_multimodal(const char *modality);

/* Is a quantization cell a real method (anything but empty, none, no,
 * false, 0; case-insensitive)? */
bool classify_quantization_set(const char *quantization);
/* Is TAG one of the quantization format words (gguf, gptq, awq, exl2, bnb,
 * bitsandbytes, 4bit, 4-bit, 8bit, 8-bit, mlx; case-insensitive)? */
bool classify_quant_word(const char *tag, size_t len);
/* Does model id ID end, after '-', '_' or '.', in a quantization word? */
bool classify_quant_id(const char *id);
/*
 * The quantized rule: QUANTIZATION set, or RELATION "quantized", or a tag
 * (LIST_SEP-joined TAGS) that is a quantization word, or the id's suffix.
 * Any argument may be NULL.
 */
bool classify_quantized(const char *quantization, const char *relation, const char *tags, const char *id);

/* Relation of a derivative (base_relation, or from the Hub tag
 * base_model:<relation>:<id>). */
typedef enum { REL_NONE, REL_FINETUNE, REL_ADAPTER, REL_QUANTIZED, REL_MERGE, REL_OTHER, REL_COUNT } Relation;
Relation classify_relation(const char *relation);
const char *classify_relation_name(Relation r);
/* The uploader role of an intermediary's upload for a relation:
 * "quantizer", "fine-tuner", "adapter", "merger" ("repackager" for
 * REL_OTHER / REL_NONE). */
const char *classify_role_name(Relation r);

#endif
