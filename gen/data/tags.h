/*
 * tags.h - fill attributes from Hub tags (DESIGN.md §2.2).
 *
 * Hub listings carry `tags` such as `license:apache-2.0`,
 * `base_model:org/x`, `base_model:quantized:org/x`, `gguf`, `4-bit`.  When a
 * model's licence, base models, relation or quantization cell is empty,
 * tags_fill() fills it from the tags: the licence from `license:*`; the
 * parents, in order and without repeats, from `base_model:[<relation>:]<id>`;
 * the relation from the first `base_model:<relation>:<id>`; the
 * quantization from the first tag that is a quantization word.  Columns
 * that got a value anywhere are marked present in ds->has_col.
 */
#ifndef EOI_TAGS_H
#define EOI_TAGS_H

#include "dataset.h"

void tags_fill(Dataset *ds);

/* Is the LEN bytes at TAG a quantization format word (gguf, gptq, awq,
 * exl2, bnb, bitsandbytes, 4bit, 4-bit, 8bit, 8-bit, mlx;
 * case-insensitive)?  The one list of them; classify.c uses it too. */
bool tags_is_quant_word(const char *tag, size_t len);

#endif
