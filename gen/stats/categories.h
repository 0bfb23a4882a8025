/*
 * categories.h - download-weighted shares of a model property's categories
 * per period (Figures 6–9): e.g. quantized yes/no, output modality mix,
 * transparency categories, uploader roles.
 *
 * Shares are among downloads whose model has a known category (unknown
 * models are left out of the denominator); coverage is the share of the
 * period's downloads with a known category.
 *
 * Ownership: category_series_free() releases everything.
 */
#ifndef EOI_CATEGORIES_H
#define EOI_CATEGORIES_H

#include <stdint.h>

#include "periods.h"

typedef struct {
	char *name;            /* what is measured, e.g. "quantized" */
	uint32_t n_periods;
	uint32_t n_categories;
	char **category;       /* NULL-terminated */
	double *share;         /* [p * n_categories + c]; NAN when no known downloads */
	double *coverage;      /* [p]; NAN when the period has no downloads */
	double *overall;       /* [c] over the whole span */
	double overall_coverage;
	char *skipped;         /* non-NULL: not computed, and why */
} CategorySeries;

/*
 * Shares of the categories CAT[m] (0..N_CATEGORIES-1, -1 unknown) of the
 * models of PT.  NAMES gives the category names.  SKIPPED, when non-NULL,
 * makes an empty series that records why (copied).
 */
CategorySeries *category_series(const PeriodTable *pt, const char *name, const int8_t *cat,
				uint32_t n_categories, const char *const *names, const char *skipped);
void category_series_free(CategorySeries *s);

static inline double category_share(const CategorySeries *s, uint32_t p, uint32_t c)
{
	return s->share[(uint64_t)p * s->n_categories + c];
}

#endif
