/*
 * attribution.h - Recursive Model Attribution and developer attributes
 * (DESIGN.md §3 "Recursive Model Attribution", §3.1).
 *
 * For every model: its parent (first real entry of base_models), the credited
 * developer under the chosen attribution, and — per credited developer —
 * country, nation group and organisation type.
 *
 * Ownership: attribution_free() releases the struct and its arrays.  Syms
 * refer to the dataset's string pool; the walk interns the parent ids and
 * namespaces it meets there.
 */
#ifndef EOI_ATTRIBUTION_H
#define EOI_ATTRIBUTION_H

#include <stdbool.h>
#include <stdint.h>

#include "../data/dataset.h"

#define ATTRIBUTION_MAX_DEPTH 64

typedef struct {
	Sym *parent;        /* per model: parent model id, SYM_NONE when none */
	int64_t *parent_index; /* per model: parent's model index, -1 outside the data / none */
	Sym *computed;      /* per model: developer credited by the walk */
	Sym *credited;      /* per model: developer under the chosen attribution */
	Sym *author;        /* per model: uploader (author, or namespace of the id) */
	bool given;         /* the chosen attribution is "given" */
	uint32_t disagreements; /* models whose derived_author differs from the walk */
	uint32_t cycles;    /* walks stopped by a cycle */
	uint32_t depth_capped; /* walks stopped by the depth cap */
	/* Developer attributes, keyed by developer Sym. */
	GHashTable *dev_info; /* Sym -> DeveloperInfo* */
} Attribution;

/*
 * Walk every model's parents in DS.  GIVEN: use derived_author where
 * non-empty (the walk elsewhere); otherwise always the walk.  STRINGS is the
 * dataset's pool, which receives the namespaces of roots outside the data
 * (so it is not const).
 */
Attribution *attribution_compute(const Dataset *ds, StrPool *strings, bool given);
void attribution_free(Attribution *a);

/* The developer attributes of DEV (SYM_NONE cells when unknown). */
DeveloperInfo attribution_developer(const Attribution *a, Sym dev);

/* Is S a placeholder that means "no parent" (empty, No, Unsure, None, null)? */
bool attribution_is_placeholder(const char *s);

#endif
