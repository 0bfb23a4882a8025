/* Table 1 on a seven-model dataset whose every number is worked out by
 * hand below. */
#include "mkdata.h"
#include "derive/attribution.h"
#include "derive/downloads.h"
#include "derive/properties.h"
#include "stats/shifts.h"
#include "tk.h"

/*
 * Interval downloads, window "all", so D(m, Y) is the sum of a model's
 * values dated in Y.  Snapshots 2022-06-01, 2023-06-07, 2024-06-05,
 * 2025-06-04 (the as-of date, before 31 Dec: "2025*").
 *
 * model         created     params moe   modality                data          openness  ≤2022 2023 2024 2025
 * a/small       2021-08-01  1e9    false Text --> Text           available     source     100  100    -    -
 * b/mid         2022-05-01  1e10   false Text --> Text           available     weights    300  100  100    -
 * c/big         2023-02-01  1e11   true  Image + Text --> Text   not_disclosed weights      -  200  400  300
 * d/img         2024-01-10  1e9    false Text --> Image          unavailable   -            -    -  100  100
 * e/huge-gguf   2025-01-15  1e12   true  Text --> Text           not_disclosed weights      -    -    -  600
 * f/embed       2025-02-01  -      -     Text --> Text Embed/Class -           -            -    -    - 1000
 * g/tiny-gguf   2025-03-01  1e9    false Text --> Text           not_disclosed source       -    -    -  100
 * period totals                                                                           400  400  600 2100
 *
 * e and g are quantized by their ids; nobody has parents (derivative has
 * no known value).
 */
#define XA "params=1e9|moe=false|modality=Text --> Text|data_transparency=disclosed_available|openness=open_source"
#define XB "params=1e10|moe=false|modality=Text --> Text|data_transparency=disclosed_available|openness=open_weights"
#define XC "params=1e11|moe=true|modality=Image + Text --> Text|data_transparency=not_disclosed|openness=open_weights"
#define XD "params=1e9|moe=false|modality=Text --> Image|data_transparency=disclosed_unavailable"
#define XE "params=1e12|moe=true|modality=Text --> Text|data_transparency=not_disclosed|openness=open_weights"
#define XF "modality=Text --> Text Embed/Class"
#define XG "params=1e9|moe=false|modality=Text --> Text|data_transparency=not_disclosed|openness=open_source"

static const Row rows[] = {
	{ "a/small", "2022-06-01", 100, "2021-08-01", .extra = XA },
	{ "a/small", "2023-06-07", 100, "2021-08-01", .extra = XA },
	{ "b/mid", "2022-06-01", 300, "2022-05-01", .extra = XB },
	{ "b/mid", "2023-06-07", 100, "2022-05-01", .extra = XB },
	{ "b/mid", "2024-06-05", 100, "2022-05-01", .extra = XB },
	{ "c/big", "2023-06-07", 200, "2023-02-01", .extra = XC },
	{ "c/big", "2024-06-05", 400, "2023-02-01", .extra = XC },
	{ "c/big", "2025-06-04", 300, "2023-02-01", .extra = XC },
	{ "d/img", "2024-06-05", 100, "2024-01-10", .extra = XD },
	{ "d/img", "2025-06-04", 100, "2024-01-10", .extra = XD },
	{ "e/huge-gguf", "2025-06-04", 600, "2025-01-15", .extra = XE },
	{ "f/embed", "2025-06-04", 1000, "2025-02-01", .extra = XF },
	{ "g/tiny-gguf", "2025-06-04", 100, "2025-03-01", .extra = XG },
};

typedef struct {
	Dataset *ds;
	Downloads *dl;
	Attribution *a;
	ModelProps *p;
	PeriodTable *years;
	Shifts *s;
} Fixture;

static void open_fixture(Fixture *f, const Row *r, size_t n, Day as_of)
{
	f->ds = build(r, n, false, as_of);
	f->dl = downloads_compute(f->ds, false);
	f->a = attribution_compute(f->ds, f->ds->strings, false);
	f->p = properties_compute(f->ds, f->a);
	f->years = period_table_build(f->ds, f->dl, PERIOD_YEAR);
	f->s = shifts_compute(f->ds, f->p, f->years);
}

static void close_fixture(Fixture *f)
{
	shifts_free(f->s);
	period_table_free(f->years);
	properties_free(f->p);
	attribution_free(f->a);
	downloads_free(f->dl);
	dataset_free(f->ds);
}

static void test_periods(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows), DAY_NONE);
	const Shifts *s = f.s;
	TK_EQ_INT(s->n_periods, 4);
	TK_EQ_STR(s->label[0], "\u22642022");
	TK_EQ_STR(s->label[1], "2023");
	TK_EQ_STR(s->label[2], "2024");
	TK_EQ_STR(s->label[3], "2025*");
	TK_CHECK(s->label[4] == NULL);
	TK_CHECK(s->last_partial);
	TK_EQ_INT(s->last_year[0], 2022);
	TK_EQ_INT(s->last_year[3], 2025);
	close_fixture(&f);
	/* Cut on 31 December: no star. */
	open_fixture(&f, rows, G_N_ELEMENTS(rows) - 5, D("2024-12-31"));
	TK_EQ_INT(f.s->n_periods, 3);
	TK_EQ_STR(f.s->label[2], "2024");
	TK_CHECK(!f.s->last_partial);
	close_fixture(&f);
}

static void test_size_rows(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows), DAY_NONE);
	const ShiftRow *mean = &f.s->rows[SHIFT_MEAN_SIZE], *med = &f.s->rows[SHIFT_MEDIAN_SIZE];
	TK_CHECK(mean->skipped == NULL);
	TK_EQ_INT(mean->kind, SHIFT_KIND_SIZE);
	/* Weighted mean: ≤2022 (100·1e9 + 300·1e10)/400 = 7.75e9;
	 * 2023 (1e11 + 1e12 + 2e13)/400 = 5.275e10; 2024 (1e12 + 4e13 + 1e11)/600
	 * = 6.85e10; 2025 over known params (f has none):
	 * (3e13 + 1e11 + 6e14 + 1e11)/1100 = 5.72909e11. */
	TK_EQ_DBL(mean->weighted[0] / 7.75e9, 1, 1e-12);
	TK_EQ_DBL(mean->weighted[1] / 5.275e10, 1, 1e-12);
	TK_EQ_DBL(mean->weighted[2] / 6.85e10, 1, 1e-12);
	TK_EQ_DBL(mean->weighted[3] / (6.302e14 / 1100), 1, 1e-12);
	/* Coverage: f's 1000 of 2100 downloads have no params. */
	TK_EQ_DBL(mean->coverage[0], 1, 1e-15);
	TK_EQ_DBL(mean->coverage[3], 1100.0 / 2100, 1e-15);
	TK_EQ_DBL(med->coverage[3], 1100.0 / 2100, 1e-15);
	/* Created: ≤2022 {1e9, 1e10}, 2023 {1e11}, 2024 {1e9}, 2025 {1e12, 1e9}. */
	TK_EQ_DBL(mean->created[0] / 5.5e9, 1, 1e-12);
	TK_EQ_DBL(mean->created[1], 1e11, 1);
	TK_EQ_DBL(mean->created[2], 1e9, 1e-3);
	TK_EQ_DBL(mean->created[3] / 5.005e11, 1, 1e-12);
	TK_EQ_INT(mean->n_created[0], 2);
	TK_EQ_INT(mean->n_created[3], 2);
	/* Growth: 5.72909e11 / 7.75e9 = 73.9238; 5.005e11 / 5.5e9 = 91. */
	TK_EQ_DBL(mean->growth_weighted, 6.302e14 / 1100 / 7.75e9, 1e-9);
	TK_EQ_DBL(mean->growth_created, 91, 1e-9);
	/* Weighted median: ≤2022 cumulative 100, 400 reaches 200 at 1e10;
	 * 2023 100, 200 reaches 200 at 1e10; 2024 target 300: 100 (1e9), 200
	 * (1e10), 600 (1e11) → 1e11; 2025 target 550: 200 (1e9), 500 (1e11),
	 * 1100 (1e12) → 1e12. */
	TK_EQ_DBL(med->weighted[0], 1e10, 0);
	TK_EQ_DBL(med->weighted[1], 1e10, 0);
	TK_EQ_DBL(med->weighted[2], 1e11, 0);
	TK_EQ_DBL(med->weighted[3], 1e12, 0);
	TK_EQ_DBL(med->growth_weighted, 100, 1e-12);
	/* Created medians (weight 1, lower median): 1e9, 1e11, 1e9, 1e9. */
	TK_EQ_DBL(med->created[0], 1e9, 0);
	TK_EQ_DBL(med->created[3], 1e9, 0);
	TK_EQ_DBL(med->growth_created, 1, 1e-15);
	/* Mann–Whitney, created ≤2022 {1e9, 1e10} vs 2025 {1e12, 1e9}: ranks
	 * 1.5 (1e9 ×2), 3, 4; R_a = 4.5, U = 1.5; σ² = 4/12·(5 − 6/12) = 1.5,
	 * z = −0.5/√1.5, p = 0.6830914. */
	TK_EQ_INT(mean->test_kind, SHIFT_TEST_MANN_WHITNEY);
	TK_EQ_DBL(mean->statistic, 1.5, 1e-12);
	TK_EQ_DBL(mean->p, 0.6830913983096086, 1e-9);
	TK_EQ_DBL(med->statistic, 1.5, 1e-12);
	TK_EQ_STR(mean->stars, "");
	close_fixture(&f);
}

static void test_share_rows(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows), DAY_NONE);
	/* MoE (c, e true; f unknown).  Weighted: ≤2022 0/400; 2023 200/400;
	 * 2024 400/600; 2025 (300 + 600) / (300 + 100 + 600 + 100) = 9/11. */
	const ShiftRow *moe = &f.s->rows[SHIFT_MOE];
	TK_CHECK(moe->skipped == NULL);
	TK_EQ_INT(moe->kind, SHIFT_KIND_SHARE);
	TK_EQ_DBL(moe->weighted[0], 0, 0);
	TK_EQ_DBL(moe->weighted[1], 0.5, 1e-15);
	TK_EQ_DBL(moe->weighted[2], 2.0 / 3, 1e-15);
	TK_EQ_DBL(moe->weighted[3], 9.0 / 11, 1e-15);
	TK_EQ_DBL(moe->coverage[2], 1, 1e-15);
	TK_EQ_DBL(moe->coverage[3], 1100.0 / 2100, 1e-15);
	/* Created: ≤2022 0/2, 2023 1/1, 2024 0/1, 2025 1/2 (f unknown). */
	TK_EQ_DBL(moe->created[0], 0, 0);
	TK_EQ_DBL(moe->created[1], 1, 0);
	TK_EQ_DBL(moe->created[2], 0, 0);
	TK_EQ_DBL(moe->created[3], 0.5, 0);
	TK_EQ_INT(moe->n_created[3], 2);
	/* First value 0: growth null both ways. */
	TK_CHECK(isnan(moe->growth_weighted) && isnan(moe->growth_created));
	/* χ² on (0 yes, 2 no | 1 yes, 1 no): 4·(0 − 2)² / (2·2·1·3) = 4/3,
	 * p = 0.2482131. */
	TK_EQ_INT(moe->test_kind, SHIFT_TEST_CHI2);
	TK_EQ_DBL(moe->statistic, 4.0 / 3, 1e-12);
	TK_EQ_DBL(moe->p, 0.24821307898992362, 1e-9);
	TK_EQ_STR(moe->stars, "");

	/* Not disclosed (c, e, g): weighted 0/400, 200/400, 400/600,
	 * 1000/1100; created 0/2, 1/1, 0/1, 2/2; χ² on (0, 2 | 2, 0) = 4,
	 * p = 0.0455003 → "*". */
	const ShiftRow *nd = &f.s->rows[SHIFT_DATA_NOT_DISCLOSED];
	TK_EQ_DBL(nd->weighted[0], 0, 0);
	TK_EQ_DBL(nd->weighted[1], 0.5, 1e-15);
	TK_EQ_DBL(nd->weighted[2], 2.0 / 3, 1e-15);
	TK_EQ_DBL(nd->weighted[3], 10.0 / 11, 1e-15);
	TK_EQ_DBL(nd->created[3], 1, 0);
	TK_EQ_DBL(nd->statistic, 4, 1e-12);
	TK_EQ_DBL(nd->p, 0.045500263896358396, 1e-9);
	TK_EQ_STR(nd->stars, "*");
	/* Available (a, b): weighted 1, 0.5, 100/600, 0 → growth 0/1 = 0. */
	const ShiftRow *av = &f.s->rows[SHIFT_DATA_AVAILABLE];
	TK_EQ_DBL(av->weighted[0], 1, 0);
	TK_EQ_DBL(av->weighted[2], 1.0 / 6, 1e-15);
	TK_EQ_DBL(av->weighted[3], 0, 0);
	TK_EQ_DBL(av->growth_weighted, 0, 0);
	TK_EQ_DBL(av->growth_created, 0, 0);
	/* Unavailable (d): 2024 100/600; 2025 100/1100. */
	const ShiftRow *un = &f.s->rows[SHIFT_DATA_UNAVAILABLE];
	TK_EQ_DBL(un->weighted[2], 1.0 / 6, 1e-15);
	TK_EQ_DBL(un->weighted[3], 1.0 / 11, 1e-15);
	TK_CHECK(isnan(un->growth_weighted)); /* first is 0 */
	/* Multimodal (c, d): 2024 (400 + 100)/600; 2025 known for everyone,
	 * (300 + 100) / 2100; coverage 1.  Created 2025: 0 of 3. */
	const ShiftRow *mm = &f.s->rows[SHIFT_MULTIMODAL];
	TK_EQ_DBL(mm->weighted[2], 5.0 / 6, 1e-15);
	TK_EQ_DBL(mm->weighted[3], 400.0 / 2100, 1e-15);
	TK_EQ_DBL(mm->coverage[3], 1, 1e-15);
	TK_EQ_DBL(mm->created[3], 0, 0);
	TK_EQ_INT(mm->n_created[3], 3);
	/* Quantized (e, g by id): 2025 700/2100; created 2/3; ≤2022 0. */
	const ShiftRow *q = &f.s->rows[SHIFT_QUANTIZED];
	TK_EQ_DBL(q->weighted[3], 1.0 / 3, 1e-15);
	TK_EQ_DBL(q->created[3], 2.0 / 3, 1e-15);
	TK_EQ_DBL(q->weighted[0], 0, 0);
	/* Open source (a, g; b, c, e open weights; d, f unknown):
	 * ≤2022 100/400 → 2025 100/1000; growth 0.1/0.25 = 0.4. */
	const ShiftRow *os = &f.s->rows[SHIFT_OPEN_SOURCE];
	TK_EQ_DBL(os->weighted[0], 0.25, 1e-15);
	TK_EQ_DBL(os->weighted[3], 0.1, 1e-15);
	TK_EQ_DBL(os->coverage[3], 1000.0 / 2100, 1e-15);
	TK_EQ_DBL(os->growth_weighted, 0.4, 1e-12);
	close_fixture(&f);
}

static void test_skipped(void)
{
	Fixture f;
	open_fixture(&f, rows, G_N_ELEMENTS(rows), DAY_NONE);
	/* mkdata declares a base_models column, but nobody has a cell. */
	const ShiftRow *dv = &f.s->rows[SHIFT_DERIVATIVE];
	TK_EQ_STR(dv->skipped, "no model has a value in the base_models column");
	TK_CHECK(isnan(dv->weighted[0]) && isnan(dv->created[3]) && isnan(dv->coverage[1]));
	TK_CHECK(isnan(dv->growth_weighted) && isnan(dv->p));
	TK_EQ_STR(dv->stars, "");
	close_fixture(&f);
	/* No moe, params, transparency or openness columns at all. */
	static const Row bare[] = {
		{ "a/x", "2022-06-01", 10, "2022-01-01", .extra = "modality=Text --> Text" },
		{ "b/y", "2024-06-05", 20, "2024-01-01", .extra = "modality=Text --> Image" },
	};
	open_fixture(&f, bare, G_N_ELEMENTS(bare), DAY_NONE);
	TK_EQ_STR(f.s->rows[SHIFT_MOE].skipped, "no moe column in the input");
	TK_EQ_STR(f.s->rows[SHIFT_MEAN_SIZE].skipped, "no params column in the input");
	TK_EQ_STR(f.s->rows[SHIFT_MEDIAN_SIZE].skipped, "no params column in the input");
	TK_EQ_STR(f.s->rows[SHIFT_DATA_AVAILABLE].skipped, "no data_transparency column in the input");
	TK_EQ_STR(f.s->rows[SHIFT_OPEN_SOURCE].skipped, "no openness column in the input");
	TK_CHECK(f.s->rows[SHIFT_QUANTIZED].skipped == NULL);
	/* Periods ≤2022, 2023 (no data: null), 2024*. */
	const ShiftRow *mm = &f.s->rows[SHIFT_MULTIMODAL];
	TK_EQ_INT(f.s->n_periods, 3);
	TK_EQ_STR(f.s->label[2], "2024*");
	TK_EQ_DBL(mm->weighted[0], 0, 0);
	TK_CHECK(isnan(mm->weighted[1]) && isnan(mm->coverage[1]));
	TK_EQ_DBL(mm->weighted[2], 1, 0);
	/* χ² on (0, 1 | 1, 0): 2·1/(1·1·1·1) = 2; growth 1/0 null. */
	TK_EQ_DBL(mm->statistic, 2, 1e-12);
	TK_CHECK(isnan(mm->growth_weighted));
	close_fixture(&f);
}

static void test_early_data(void)
{
	/* Data ending before 2023: "≤2020" (first snapshot year) then years to
	 * the as-of year; a model created in 2019 joins the first period. */
	static const Row early[] = {
		{ "a/x", "2020-06-03", 10, "2019-05-01", .extra = "moe=true" },
		{ "b/y", "2021-06-02", 30, "2021-01-01", .extra = "moe=false" },
		{ "c/z", "2022-03-02", 40, "2022-01-01", .extra = "moe=true" },
	};
	Fixture f;
	open_fixture(&f, early, G_N_ELEMENTS(early), DAY_NONE);
	TK_EQ_INT(f.s->n_periods, 3);
	TK_EQ_STR(f.s->label[0], "\u22642020");
	TK_EQ_STR(f.s->label[1], "2021");
	TK_EQ_STR(f.s->label[2], "2022*");
	const ShiftRow *moe = &f.s->rows[SHIFT_MOE];
	TK_EQ_DBL(moe->weighted[0], 1, 0);
	TK_EQ_DBL(moe->weighted[1], 0, 0);
	TK_EQ_DBL(moe->created[0], 1, 0);
	TK_EQ_INT(moe->n_created[0], 1);
	TK_EQ_DBL(moe->growth_created, 1, 0);
	/* χ² on (1, 0 | 1, 0): column margin "no" is 0 → null. */
	TK_CHECK(isnan(moe->statistic) && isnan(moe->p));
	close_fixture(&f);
	/* One year only: a single period, no growth, no test. */
	open_fixture(&f, early, 1, DAY_NONE);
	TK_EQ_INT(f.s->n_periods, 1);
	TK_EQ_STR(f.s->label[0], "\u22642020*");
	TK_EQ_DBL(f.s->rows[SHIFT_MOE].weighted[0], 1, 0);
	TK_CHECK(isnan(f.s->rows[SHIFT_MOE].growth_weighted));
	TK_CHECK(isnan(f.s->rows[SHIFT_MOE].p));
	close_fixture(&f);
}

TK_MAIN(test_periods, test_size_rows, test_share_rows, test_skipped, test_early_data)
