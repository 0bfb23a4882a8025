/* Per-year size distributions (Figure 5) on a dataset worked out by hand. */
#include <gsl/gsl_randist.h>

#include "mkdata.h"
#include "derive/attribution.h"
#include "derive/downloads.h"
#include "derive/properties.h"
#include "stats/sizes.h"
#include "tk.h"

/*
 * Interval downloads, window "all": D(m, Y) is the sum of a model's values
 * dated in Y.
 *
 * model    created     params  2022 2023 2024 2025
 * a/small  2021-08-01  1e9      100  100    -    -
 * b/mid    2022-05-01  1e10     300  100  100    -
 * c/big    2023-02-01  1e11       -  200  400  300
 * d/img    2024-01-10  1e9        -    -  100  100
 * e/huge   2025-01-15  1e12       -    -    -  600
 * f/none   2025-02-01  -          -    -    - 1000
 * g/tiny   2025-03-01  1e9        -    -    -  100
 */
static const Row rows[] = {
	{ "a/small", "2022-06-01", 100, "2021-08-01", .extra = "params=1e9" },
	{ "a/small", "2023-06-07", 100, "2021-08-01", .extra = "params=1e9" },
	{ "b/mid", "2022-06-01", 300, "2022-05-01", .extra = "params=1e10" },
	{ "b/mid", "2023-06-07", 100, "2022-05-01", .extra = "params=1e10" },
	{ "b/mid", "2024-06-05", 100, "2022-05-01", .extra = "params=1e10" },
	{ "c/big", "2023-06-07", 200, "2023-02-01", .extra = "params=1e11" },
	{ "c/big", "2024-06-05", 400, "2023-02-01", .extra = "params=1e11" },
	{ "c/big", "2025-06-04", 300, "2023-02-01", .extra = "params=1e11" },
	{ "d/img", "2024-06-05", 100, "2024-01-10", .extra = "params=1e9" },
	{ "d/img", "2025-06-04", 100, "2024-01-10", .extra = "params=1e9" },
	{ "e/huge", "2025-06-04", 600, "2025-01-15", .extra = "params=1e12" },
	{ "f/none", "2025-06-04", 1000, "2025-02-01", .extra = "params=0" },
	{ "g/tiny", "2025-06-04", 100, "2025-03-01", .extra = "params=1e9" },
};

typedef struct {
	Dataset *ds;
	Downloads *dl;
	Attribution *a;
	ModelProps *p;
	PeriodTable *years;
	Sizes *s;
} Fixture;

static void open_fixture(Fixture *f, const Row *r, size_t n)
{
	f->ds = build(r, n, false, DAY_NONE);
	f->dl = downloads_compute(f->ds, false);
	f->a = attribution_compute(f->ds, f->ds->strings, false);
	f->p = properties_compute(f->ds, f->a);
	f->years = period_table_build(f->ds, f->dl, PERIOD_YEAR);
	f->s = sizes_compute(f->ds, f->p, f->years);
}

static void close_fixture(Fixture *f)
{
	sizes_free(f->s);
	period_table_free(f->years);
	properties_free(f->p);
	attribution_free(f->a);
	downloads_free(f->dl);
	dataset_free(f->ds);
}

static void test_downloaded(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows));
	const Sizes *s = f.s;
	TK_CHECK(s->skipped == NULL);
	TK_EQ_INT(s->n_downloaded, 4);
	/* 2022: 1e9 (100), 1e10 (300); W = 400, cumulative 100, 400.
	 * q25 (100) → 1e9, median (200) → 1e10, q75 (300) → 1e10,
	 * mean (1e11 + 3e12)/400 = 7.75e9.  Bandwidth on log10: μ = 9.75,
	 * Σw(x−μ)² = 56.25 + 18.75 = 75, W − Σw²/W = 400 − 250 = 150, σ = √0.5;
	 * IQR/1.34 = 1/1.34 > σ; n_eff = 400²/100000 = 1.6:
	 * 0.9·√0.5·1.6^(−1/5) = 0.5793000. */
	const SizeYear *y = &s->downloaded[0];
	TK_EQ_INT(y->year, 2022);
	TK_EQ_INT(y->n, 2);
	TK_EQ_DBL(y->weight, 400, 0);
	TK_EQ_DBL(y->coverage, 1, 0);
	TK_EQ_DBL(y->q25, 1e9, 0);
	TK_EQ_DBL(y->median, 1e10, 0);
	TK_EQ_DBL(y->q75, 1e10, 0);
	TK_EQ_DBL(y->mean / 7.75e9, 1, 1e-12);
	TK_EQ_DBL(y->bandwidth, 0.5792999820953508, 1e-12);
	/* 2025: 1e9 (d 100, g 100), 1e11 (300), 1e12 (600); f has no params.
	 * W = 1100, cumulative 200, 500, 1100: q25 (275) → 1e11, median (550)
	 * → 1e12, q75 → 1e12; mean 6.302e14/1100; coverage 1100/2100. */
	y = &s->downloaded[3];
	TK_EQ_INT(y->year, 2025);
	TK_EQ_INT(y->n, 4);
	TK_EQ_DBL(y->weight, 1100, 0);
	TK_EQ_DBL(y->coverage, 1100.0 / 2100, 1e-15);
	TK_EQ_DBL(y->q25, 1e11, 0);
	TK_EQ_DBL(y->median, 1e12, 0);
	TK_EQ_DBL(y->q75, 1e12, 0);
	TK_EQ_DBL(y->mean / (6.302e14 / 1100), 1, 1e-12);
	/* 2024: 1e9 (100), 1e10 (100), 1e11 (400): q25 (150) → 1e10. */
	TK_EQ_DBL(s->downloaded[2].q25, 1e10, 0);
	TK_EQ_DBL(s->downloaded[2].median, 1e11, 0);
	close_fixture(&f);
}

static void test_created(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows));
	const Sizes *s = f.s;
	/* One year per creation year 2021..2025, weight 1 per model. */
	TK_EQ_INT(s->n_created, 5);
	TK_EQ_INT(s->created[0].year, 2021);
	TK_EQ_INT(s->created[4].year, 2025);
	/* 2021: a alone: every quantile 1e9, fixed bandwidth 0.05. */
	const SizeYear *y = &s->created[0];
	TK_EQ_INT(y->n, 1);
	TK_EQ_DBL(y->median, 1e9, 0);
	TK_EQ_DBL(y->bandwidth, 0.05, 0);
	/* 2025: e 1e12, g 1e9 (f unknown: coverage 2/3).  q25 (0.5) → 1e9,
	 * median (1) → 1e9, q75 (1.5) → 1e12, mean 5.005e11.  log10 {9, 12}:
	 * sd √4.5 = 2.1213 < IQR/1.34 = 3/1.34; 0.9·2.1213·2^(−1/5) = 1.662045. */
	y = &s->created[4];
	TK_EQ_INT(y->n, 2);
	TK_EQ_DBL(y->weight, 2, 0);
	TK_EQ_DBL(y->coverage, 2.0 / 3, 1e-15);
	TK_EQ_DBL(y->q25, 1e9, 0);
	TK_EQ_DBL(y->median, 1e9, 0);
	TK_EQ_DBL(y->q75, 1e12, 0);
	TK_EQ_DBL(y->mean / 5.005e11, 1, 1e-12);
	TK_EQ_DBL(y->bandwidth, 1.6620449580156367, 1e-12);
	close_fixture(&f);
}

static void test_grid_and_density(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows));
	const Sizes *s = f.s;
	/* The widest bandwidth is created 2025's (the downloaded years have
	 * 0.579, 0.776, 0.585, 0.556): grid 9 − 3·1.662045 .. 12 + 3·1.662045. */
	TK_EQ_INT(s->n_points, SIZES_KDE_POINTS);
	TK_EQ_DBL(s->grid[0], 4.01386512595309, 1e-12);
	TK_EQ_DBL(s->grid[SIZES_KDE_POINTS - 1], 16.98613487404691, 1e-12);
	/* Created 2021 is one point at log10 1e9 = 9 with h = 0.05. */
	const double *d = s->created[0].density;
	double worst = 0;
	for (uint32_t i = 0; i < s->n_points; i++)
		worst = fmax(worst, fabs(d[i] - gsl_ran_gaussian_pdf(s->grid[i] - 9, 0.05)));
	TK_EQ_DBL(worst, 0, 1e-12);
	/* Created 2025 integrates to 1 less the tails outside the grid: the
	 * point at 9 (weight 1/2) sits 3 bandwidths above the lower end and
	 * loses Φ(−3) = 0.0013499 of its mass below it, the point at 12 the
	 * same above the upper end: 2 · 1/2 · 0.0013499 is missing. */
	d = s->created[4].density;
	double area = 0;
	for (uint32_t i = 1; i < s->n_points; i++)
		area += (s->grid[i] - s->grid[i - 1]) * (d[i] + d[i - 1]) / 2;
	TK_EQ_DBL(area, 1 - 0.0013499, 2e-5);
	close_fixture(&f);
}

static void test_skipped(void)
{
	static const Row none[] = {
		{ "a/x", "2024-06-05", 10, "2024-01-01" },
	};
	Fixture f;
	open_fixture(&f, none, 1);
	TK_EQ_STR(f.s->skipped, "no params column in the input");
	TK_EQ_INT(f.s->n_downloaded + f.s->n_created, 0);
	close_fixture(&f);
	static const Row zero[] = {
		{ "a/x", "2024-06-05", 10, "2024-01-01", .extra = "params=0" },
	};
	open_fixture(&f, zero, 1);
	TK_EQ_STR(f.s->skipped, "no model has params > 0 in the params column");
	close_fixture(&f);
	/* A year whose downloads all go to models without params is omitted:
	 * 2023 below has only b (no params). */
	static const Row gap[] = {
		{ "a/x", "2022-06-01", 10, "2022-01-01", .extra = "params=5e8" },
		{ "b/y", "2023-06-07", 10, "2023-01-01" },
		{ "a/x", "2024-06-05", 10, "2022-01-01", .extra = "params=5e8" },
	};
	open_fixture(&f, gap, G_N_ELEMENTS(gap));
	TK_CHECK(f.s->skipped == NULL);
	TK_EQ_INT(f.s->n_downloaded, 2);
	TK_EQ_INT(f.s->downloaded[0].year, 2022);
	TK_EQ_INT(f.s->downloaded[1].year, 2024);
	TK_EQ_INT(f.s->n_created, 1); /* 2023's only model has no params */
	TK_EQ_INT(f.s->created[0].year, 2022);
	close_fixture(&f);
}

TK_MAIN(test_downloaded, test_created, test_grid_and_density, test_skipped)
