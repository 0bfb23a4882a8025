/*
 * concentration.h - concentration of downloads per period (DESIGN.md §3
 * "Concentration"): ranked segment shares, HHI on 0–1 and Gini, over the
 * entities (models, developers or nation groups) with downloads in the
 * period.  Unknown counts as one entity.
 *
 * Ownership: concentration_free() releases the struct and its arrays.
 */
#ifndef EOI_CONCENTRATION_H
#define EOI_CONCENTRATION_H

#include <stddef.h>
#include <stdint.h>

#include "periods.h"

typedef enum { LEVEL_MODEL, LEVEL_DEVELOPER, LEVEL_NATION, LEVEL_COUNT } ConcLevel;

typedef struct {
	ConcLevel level;
	uint32_t n_periods;
	uint32_t n_segments;
	char **segment_label;   /* "1", "2–10", ..., "rest"; NULL-terminated */
	double *segment_share;  /* [p * n_segments + s]; NAN when the period has no downloads */
	double *hhi;            /* per period, 0–1; NAN when no downloads */
	double *gini;           /* per period; NAN when no downloads */
	uint32_t *n_entities;   /* per period: entities with downloads */
} Concentration;

/* HHI of the shares of X (n values >= 0, not all 0): Σ (x_i / Σx)². */
double conc_hhi(const double *x, size_t n);
/* Gini of X (n values >= 0, not all 0): 2 Σ i·x_(i) / (n Σx) − (n+1)/n with
 * x sorted ascending, i from 1; 0 when n = 1.  X is sorted in place. */
double conc_gini(double *x, size_t n);
/* Shares held by ranked segments: X sorted descending in place; BOUNDS are
 * the last ranks of the segments (e.g. 1, 10, 100, 1000) and the rest is
 * one more segment; OUT receives n_bounds + 1 shares. */
void conc_segments(double *x, size_t n, const uint32_t *bounds, size_t n_bounds, double *out);

/* Concentration at LEVEL over PT, entity of model m = MODEL_SLOT[m] (dense,
 * < N_SLOTS). */
Concentration *concentration_compute(const PeriodTable *pt, ConcLevel level, const uint32_t *model_slot,
				     uint32_t n_slots);
void concentration_free(Concentration *c);
const char *conc_level_name(ConcLevel level);

#endif
