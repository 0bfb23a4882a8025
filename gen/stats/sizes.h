/*
 * sizes.h - model size distributions per calendar year (Figure 5; DESIGN.md
 * §3 "Size distributions", §3.1 "Sizes").
 *
 * Two families of distributions of log10(params), over models with known
 * params (params > 0):
 *   downloaded in year Y: models with counted downloads D(m, Y) > 0 under
 *     the run's window, weight D(m, Y);
 *   created in year Y: models whose created_at falls in Y, weight 1 (every
 *     year is computed; the figure shows the years it wants).
 * Per year: the number of models, their total weight, the weighted 25th,
 * 50th and 75th percentiles and the weighted mean of params (in parameters,
 * not log), coverage, and a Gaussian KDE of log10(params) on one grid
 * shared by every year of both families, so violins are comparable.  A
 * year without weight is omitted.
 *
 * Ownership: sizes_free() releases the struct, its years and their arrays.
 */
#ifndef EOI_SIZES_H
#define EOI_SIZES_H

#include <stdint.h>

#include "../data/dataset.h"
#include "../derive/properties.h"
#include "periods.h"

/* KDE points per year. */
#define SIZES_KDE_POINTS 128

typedef struct {
	int year;
	uint32_t n;         /* models with known params and weight > 0 */
	double weight;      /* Σ weight: downloads, or models created */
	double coverage;    /* downloaded: share of the year's counted downloads
			       whose model has known params; created: share of
			       the models created in Y with known params */
	double q25, median, q75, mean; /* params (weighted) */
	double bandwidth;   /* KDE bandwidth, log10 units */
	double *density;    /* SIZES_KDE_POINTS values over Sizes.grid */
} SizeYear;

typedef struct {
	SizeYear *downloaded;  /* ascending years */
	uint32_t n_downloaded;
	SizeYear *created;     /* ascending years */
	uint32_t n_created;
	uint32_t n_points;     /* SIZES_KDE_POINTS, or 0 when skipped */
	double *grid;          /* log10(params): data range ± 3 largest bandwidths */
	char *skipped;         /* non-NULL: why nothing was computed */
} Sizes;

/*
 * Size distributions of DS.  P gives params; YEARS is a PERIOD_YEAR table
 * of counted downloads (the run's window applied).  Without params (no
 * params column, or no model with params > 0) the result has no years and
 * SKIPPED names the column.  Never NULL.
 */
Sizes *sizes_compute(const Dataset *ds, const ModelProps *p, const PeriodTable *years);
void sizes_free(Sizes *s);

#endif
