/*
 * properties.h - per-model properties derived once per run from the
 * model's attributes with the rules of classify.h (DESIGN.md §3 "Model
 * properties", "Intermediaries").
 *
 * Tri-state flags use -1 for unknown; unknown models are left out of the
 * denominator of a share, and the share of downloads with a known value is
 * reported as coverage.
 *
 * Ownership: properties_free() releases the struct and its arrays.
 */
#ifndef EOI_PROPERTIES_H
#define EOI_PROPERTIES_H

#include <stdint.h>

#include "../data/dataset.h"
#include "attribution.h"
#include "classify.h"

typedef enum {
	TRANSPARENCY_AVAILABLE,   /* disclosed_available */
	TRANSPARENCY_UNAVAILABLE, /* disclosed_unavailable */
	TRANSPARENCY_NOT_DISCLOSED,
	TRANSPARENCY_COUNT
} Transparency;

typedef enum {
	ROLE_ORIGINAL,    /* not an intermediary's upload */
	ROLE_QUANTIZER,
	ROLE_FINETUNER,
	ROLE_ADAPTER,
	ROLE_MERGER,
	ROLE_OTHER,       /* a derivative with another or no relation, not quantized */
	ROLE_COUNT
} UploaderRole;

typedef struct {
	uint32_t n;
	ModelKind *kind;      /* output kind: modality, else pipeline_tag */
	int8_t *multimodal;   /* multimodal generation: 1, 0, -1 unknown */
	int8_t *quantized;    /* 1, 0 (always known: the id rule applies) */
	int8_t *moe;          /* 1, 0, -1 unknown */
	int8_t *derivative;   /* has a parent: 1, 0, -1 unknown (no parent information) */
	int8_t *transparency; /* Transparency, -1 unknown */
	int8_t *open_source;  /* 1 open_source, 0 open_weights, -1 unknown */
	double *params;       /* > 0, NAN unknown */
	Relation *relation;   /* base_relation */
	uint8_t *role;        /* UploaderRole */
	/* Which properties the input can tell at all (a column or tag source). */
	bool has_modality, has_moe, has_parents, has_transparency, has_openness, has_params;
} ModelProps;

ModelProps *properties_compute(const Dataset *ds, const Attribution *a);
void properties_free(ModelProps *p);

const char *transparency_name(Transparency t);
const char *role_name(UploaderRole r);

#endif
