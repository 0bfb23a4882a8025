/*
 * intermediaries.h - who repackages others' models (DESIGN.md §3
 * "Intermediaries"; Table 2 and Figure 9).
 *
 * An upload is an intermediary's when the model is a derivative and its
 * uploader differs from its credited developer; its role is its relation
 * (quantizer, fine-tuner, adapter, merger; quantizer by the quantized rule
 * when no relation is given; "other intermediary" otherwise).
 *
 * Ownership: intermediaries_free() releases everything.
 */
#ifndef EOI_INTERMEDIARIES_H
#define EOI_INTERMEDIARIES_H

#include "../derive/attribution.h"
#include "../derive/properties.h"
#include "categories.h"
#include "periods.h"

#define INTERMEDIARY_BASES 3

typedef struct {
	char *name;             /* uploader namespace */
	double downloads;       /* counted downloads of its intermediary uploads */
	double share;           /* of all counted downloads */
	uint32_t n_models;      /* its intermediary uploads in the data */
	UploaderRole main_role; /* role with the most downloads */
	uint32_t n_bases;
	char *base[INTERMEDIARY_BASES];          /* credited developers it repackages most */
	double base_share[INTERMEDIARY_BASES];   /* of its downloads */
	char *country, *group, *org_type;        /* of the uploader as a developer */
} Intermediary;

typedef struct {
	CategorySeries *roles;  /* share of downloads by uploader role per period */
	uint32_t n_top;
	Intermediary *top;      /* top 20 by downloads, ties by name */
	double total;           /* all counted downloads */
	double intermediary_share;
	char *skipped;          /* no parent information: nothing computed */
} Intermediaries;

Intermediaries *intermediaries_compute(const Dataset *ds, const PeriodTable *pt, const Attribution *a,
				       const ModelProps *p, uint32_t top);
void intermediaries_free(Intermediaries *im);

#endif
