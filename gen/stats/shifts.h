/*
 * shifts.h - temporal shifts in model properties (Table 1; DESIGN.md §3
 * "Model properties", "Temporal shifts", §3.1).
 *
 * Periods: "≤2022", then each calendar year from 2023 to the as-of year;
 * the last is starred ("2025*") when the as-of date is before 31 December.
 * When the as-of year is before 2023 the first period is "≤Y" with Y the
 * year of the first snapshot date, followed by each year after it up to
 * the as-of year (a single period "≤Y" when the data spans one year).
 *
 * Rows, one per property, each with a value per period twice over:
 *   weighted: weighted by the counted downloads of the period, D(m, P) =
 *     Σ D(m, Y) over the years Y of P (the run's window applied);
 *   created:  over the models created in P, weight 1.
 * Size rows give params (mean; median = weighted 0.5 quantile, the lower
 * median for an even count of created models); share rows give a fraction
 * 0..1 of the models with a known value.  Coverage is the share of the
 * period's counted downloads whose model has a known value.  Growth is
 * last / first, NAN when the first is 0, either is NAN, or there is one
 * period.  Significance compares the created models of the first and last
 * period: sizes by Mann–Whitney U (statistic: U of the first period),
 * shares by Pearson χ² on the 2×2 table period × (yes, no).  NAN is null
 * throughout.
 *
 * Ownership: shifts_free() releases the struct, its labels and rows.  Row
 * names, keys, test names and stars are static strings.
 */
#ifndef EOI_SHIFTS_H
#define EOI_SHIFTS_H

#include <stdbool.h>
#include <stdint.h>

#include "../data/dataset.h"
#include "../derive/properties.h"
#include "periods.h"

typedef enum {
	SHIFT_MEAN_SIZE,
	SHIFT_MEDIAN_SIZE,
	SHIFT_MULTIMODAL,
	SHIFT_QUANTIZED,
	SHIFT_MOE,
	SHIFT_DERIVATIVE,
	SHIFT_DATA_AVAILABLE,
	SHIFT_DATA_UNAVAILABLE,
	SHIFT_DATA_NOT_DISCLOSED,
	SHIFT_OPEN_SOURCE,
	SHIFT_ROW_COUNT
} ShiftRowId;

typedef enum { SHIFT_KIND_SIZE, SHIFT_KIND_SHARE } ShiftKind;
typedef enum { SHIFT_TEST_NONE, SHIFT_TEST_MANN_WHITNEY, SHIFT_TEST_CHI2 } ShiftTest;

typedef struct {
	ShiftRowId id;
	const char *name;      /* "Mean size (params)", "Mixture-of-experts", ... */
	const char *key;       /* "mean_size", "moe", ... (for JSON, CSV) */
	ShiftKind kind;
	double *weighted;      /* per period */
	double *created;       /* per period */
	double *coverage;      /* per period: share of downloads with a known value */
	uint32_t *n_created;   /* per period: created models with a known value */
	double growth_weighted, growth_created;
	ShiftTest test_kind;
	const char *test;      /* "Mann–Whitney U", "χ²", "" when none */
	double statistic, p;   /* U or χ², and p; NAN when null */
	const char *stars;     /* sig_stars(p) */
	char *skipped;         /* non-NULL: why the row has no numbers (all NAN) */
} ShiftRow;

typedef struct {
	uint32_t n_periods;
	char **label;          /* "≤2022", "2023", ..., "2025*"; NULL-terminated */
	int *last_year;        /* per period: its last calendar year */
	bool last_partial;     /* the last period is cut before 31 December */
	ShiftRow rows[SHIFT_ROW_COUNT];
} Shifts;

/*
 * Table 1 for DS.  P gives the properties; YEARS is a PERIOD_YEAR table of
 * counted downloads (the run's window applied).  A row whose property the
 * input cannot tell (e.g. no moe column) or that no model has a value for
 * is present with SKIPPED naming the column.  Never NULL.
 */
Shifts *shifts_compute(const Dataset *ds, const ModelProps *p, const PeriodTable *years);
void shifts_free(Shifts *s);

#endif
