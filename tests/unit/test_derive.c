/*
 * Period downloads, the first-year window, attribution and shares, on small
 * datasets built through the DatasetBuilder, each expectation worked out
 * by hand in the comments.
 */
#include <glib.h>

#include "data/dataset.h"
#include "derive/attribution.h"
#include "derive/downloads.h"
#include "stats/shares.h"
#include "tk.h"

#include "mkdata.h"

/* Row index of (model, date)'s representative row. */
static int64_t row_of(const Dataset *ds, const Downloads *dl, const char *model, const char *date)
{
	int64_t m = dataset_model_index(ds, strpool_find(ds->strings, model));
	for (uint64_t i = 0; i < ds->n_rows; i++)
		if (dataset_row_model(ds, i) == m && ds->row_day[i] == D(date) && !(dl->flags[i] & ROW_DUPLICATE))
			return (int64_t)i;
	return -1;
}

static int64_t delta(const Dataset *ds, const Downloads *dl, const char *model, const char *date)
{
	int64_t i = row_of(ds, dl, model, date);
	return i < 0 ? -999 : dl->delta[i];
}

static int flags(const Dataset *ds, const Downloads *dl, const char *model, const char *date)
{
	int64_t i = row_of(ds, dl, model, date);
	return i < 0 ? -1 : dl->flags[i];
}

static int64_t all_time(const Dataset *ds, const Downloads *dl, const char *model)
{
	return dl->all_time[dataset_model_index(ds, strpool_find(ds->strings, model))];
}

/* Snapshots 01-03, 01-10, 01-17, 01-24 (2024). */
static const Row cumulative_rows[] = {
	/* a: first count at the first snapshot (no previous date): baseline;
	 * then +50, a drop to 140 (0, counted in warnings), 200 - max 150 = 50. */
	{ "org/a", "2024-01-03", 100, "2024-01-01" },
	{ "org/a", "2024-01-10", 150, "2024-01-01" },
	{ "org/a", "2024-01-17", 140, "2024-01-01" },
	{ "org/a", "2024-01-24", 200, "2024-01-01" },
	/* b: created 01-05, after the previous snapshot 01-03: first count is
	 * a real download of the interval ending 01-10. */
	{ "org/b", "2024-01-10", 30, "2024-01-05" },
	{ "org/b", "2024-01-17", 45, "2024-01-05" },
	/* c: created on 01-03, the previous snapshot itself: not strictly
	 * after, so 40 is a baseline. */
	{ "org/c", "2024-01-10", 40, "2024-01-03" },
	/* d: duplicate (d, 01-10) keeps the larger 25 whatever the order;
	 * 01-17 then gives 30 - 25 = 5. */
	{ "org/d", "2024-01-03", 10, "2023-06-01" },
	{ "org/d", "2024-01-10", 25, "2023-06-01" },
	{ "org/d", "2024-01-10", 20, "2023-06-01" },
	{ "org/d", "2024-01-17", 30, "2023-06-01" },
	/* e: no created_at: first count a baseline; left out of first-year. */
	{ "org/e", "2024-01-10", 5 },
	{ "org/e", "2024-01-17", 9 },
};

static void test_cumulative(void)
{
	Dataset *ds = build(cumulative_rows, G_N_ELEMENTS(cumulative_rows), true, DAY_NONE);
	Downloads *dl = downloads_compute(ds, false);
	TK_EQ_INT(delta(ds, dl, "org/a", "2024-01-03"), 0);
	TK_CHECK(flags(ds, dl, "org/a", "2024-01-03") & ROW_BASELINE);
	TK_EQ_INT(delta(ds, dl, "org/a", "2024-01-10"), 50);
	TK_EQ_INT(delta(ds, dl, "org/a", "2024-01-17"), 0);
	TK_CHECK(flags(ds, dl, "org/a", "2024-01-17") & ROW_DROP);
	TK_EQ_INT(delta(ds, dl, "org/a", "2024-01-24"), 50);
	TK_EQ_INT(all_time(ds, dl, "org/a"), 200);
	TK_EQ_INT(delta(ds, dl, "org/b", "2024-01-10"), 30);
	TK_CHECK(!(flags(ds, dl, "org/b", "2024-01-10") & ROW_BASELINE));
	TK_EQ_INT(delta(ds, dl, "org/b", "2024-01-17"), 15);
	TK_EQ_INT(delta(ds, dl, "org/c", "2024-01-10"), 0);
	TK_CHECK(flags(ds, dl, "org/c", "2024-01-10") & ROW_BASELINE);
	TK_EQ_INT(all_time(ds, dl, "org/c"), 40);
	TK_EQ_INT(delta(ds, dl, "org/d", "2024-01-10"), 15);
	TK_EQ_INT(delta(ds, dl, "org/d", "2024-01-17"), 5);
	TK_EQ_INT(delta(ds, dl, "org/e", "2024-01-17"), 4);
	TK_CHECK(flags(ds, dl, "org/e", "2024-01-10") & ROW_BASELINE);
	TK_EQ_INT(dl->duplicates, 1);
	TK_EQ_INT(dl->drops, 1);
	/* Window "all": every non-baseline interval counts, e's 4 included. */
	TK_CHECK(flags(ds, dl, "org/e", "2024-01-17") & ROW_COUNTED);
	TK_CHECK(!(flags(ds, dl, "org/a", "2024-01-03") & ROW_COUNTED));
	TK_EQ_INT(dl->models_without_created, 0);
	downloads_free(dl);
	/* First-year: e has no created_at and is left out (and counted). */
	dl = downloads_compute(ds, true);
	TK_CHECK(!(flags(ds, dl, "org/e", "2024-01-17") & ROW_COUNTED));
	TK_EQ_INT(dl->models_without_created, 1);
	TK_CHECK(flags(ds, dl, "org/a", "2024-01-24") & ROW_COUNTED);
	downloads_free(dl);
	dataset_free(ds);
}

static void test_duplicate_order(void)
{
	/* The same duplicate in the other file order keeps 25 too. */
	static const Row rows[] = {
		{ "x/d", "2024-01-03", 10, "2023-06-01" },
		{ "x/d", "2024-01-10", 20, "2023-06-01" },
		{ "x/d", "2024-01-10", 25, "2023-06-01" },
		{ "x/d", "2024-01-17", 30, "2023-06-01" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), true, DAY_NONE);
	Downloads *dl = downloads_compute(ds, false);
	TK_EQ_INT(delta(ds, dl, "x/d", "2024-01-10"), 15);
	TK_EQ_INT(delta(ds, dl, "x/d", "2024-01-17"), 5);
	downloads_free(dl);
	dataset_free(ds);
}

static void test_unsorted_rows(void)
{
	/* 100 weekly rows of one model given newest first, plus a short
	 * model given in shuffled order: the dataset sorts each by day (the
	 * long one through the qsort path, the short by insertion) and the
	 * counter then rises by 10 a week. */
	Row rows[104];
	char dates[100][11];
	for (int i = 0; i < 100; i++) {
		day_format(D("2023-01-04") + 7 * (99 - i), dates[i]);
		rows[i] = (Row){ "long/m", dates[i], 10 * (99 - i) + 5, "2022-01-01" };
	}
	rows[100] = (Row){ "short/m", "2023-01-18", 30, "2022-01-01" };
	rows[101] = (Row){ "short/m", "2023-01-04", 10, "2022-01-01" };
	rows[102] = (Row){ "short/m", "2023-01-25", 40, "2022-01-01" };
	rows[103] = (Row){ "short/m", "2023-01-11", 20, "2022-01-01" };
	Dataset *ds = build(rows, 104, true, DAY_NONE);
	for (uint64_t i = 1; i < ds->n_rows; i++)
		if (dataset_row_model(ds, i) == dataset_row_model(ds, i - 1))
			TK_CHECK(ds->row_day[i] > ds->row_day[i - 1]);
	Downloads *dl = downloads_compute(ds, false);
	TK_EQ_INT(delta(ds, dl, "long/m", "2023-01-11"), 10);
	TK_EQ_INT(delta(ds, dl, "long/m", "2024-11-27"), 10);
	TK_EQ_INT(all_time(ds, dl, "long/m"), 995);
	TK_EQ_INT(delta(ds, dl, "short/m", "2023-01-25"), 10);
	TK_EQ_INT(dl->drops, 0);
	downloads_free(dl);
	dataset_free(ds);
}

static void test_window_boundaries(void)
{
	/* Interval input, created 2023-01-01 (2023 has 365 days).  Ages: -1
	 * (before creation), 0, 365 (2024-01-01), 366 (2024-01-02). */
	static const Row rows[] = {
		{ "w/m", "2022-12-31", 8, "2023-01-01" },
		{ "w/m", "2023-01-01", 1, "2023-01-01" },
		{ "w/m", "2024-01-01", 2, "2023-01-01" },
		{ "w/m", "2024-01-02", 4, "2023-01-01" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), false, DAY_NONE);
	Downloads *fy = downloads_compute(ds, true), *all = downloads_compute(ds, false);
	int64_t sum_fy = 0, sum_all = 0;
	for (uint64_t i = 0; i < ds->n_rows; i++) {
		sum_fy += downloads_counted(fy, i);
		sum_all += downloads_counted(all, i);
	}
	TK_EQ_INT(sum_fy, 1 + 2);
	TK_EQ_INT(sum_all, 8 + 1 + 2 + 4);
	TK_EQ_INT(all_time(ds, all, "w/m"), 15);
	downloads_free(fy);
	downloads_free(all);
	dataset_free(ds);
}

static void test_as_of(void)
{
	/* --as-of 2024-01-10 drops the later rows before anything else: b's
	 * 01-17 row goes, and a's latest row (its attributes) is 01-10. */
	static const Row rows[] = {
		{ "o/a", "2024-01-03", 1, "2023-01-01", NULL, NULL, NULL, "USA" },
		{ "o/a", "2024-01-10", 2, "2023-01-01", NULL, NULL, NULL, "China" },
		{ "o/a", "2024-01-17", 3, "2023-01-01", NULL, NULL, NULL, "France" },
		{ "o/b", "2024-01-17", 3, "2023-01-01" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), true, D("2024-01-10"));
	TK_EQ_INT(ds->n_rows, 2);
	TK_EQ_INT(ds->n_models, 1);
	TK_EQ_INT(ds->warnings.rows_after_as_of, 2);
	TK_EQ_STR(dataset_str(ds, ds_sym(ds, 0, COL_COUNTRY_GROUP)), "China");
	TK_EQ_INT(ds->as_of, D("2024-01-10"));
	TK_EQ_INT(dataset_model_index(ds, strpool_find(ds->strings, "o/b")), -1);
	dataset_free(ds);
}

/* ---- attribution ---- */

static const char *credited(const Dataset *ds, const Attribution *a, const char *model)
{
	return dataset_str(ds, a->credited[dataset_model_index(ds, strpool_find(ds->strings, model))]);
}

static void test_attribution(void)
{
	static const Row rows[] = {
		/* chain z -> y -> x: all credited to x's author "base" */
		{ "base/x", "2024-01-03", 1 },
		{ "ft/y", "2024-01-03", 1, NULL, NULL, "base/x" },
		{ "q/z", "2024-01-03", 1, NULL, NULL, "ft/y" },
		/* placeholders are skipped; the first real parent counts
		 * (multi-parent: the second parent is ignored) */
		{ "m/p", "2024-01-03", 1, NULL, NULL, "No; Unsure; ft/y; other/w" },
		{ "m/only-placeholders", "2024-01-03", 1, NULL, NULL, "['No', 'Unsure']" },
		/* parent outside the data: its namespace is credited */
		{ "m/q", "2024-01-03", 1, NULL, NULL, "ext/model" },
		{ "m/r", "2024-01-03", 1, NULL, NULL, "legacy-id-without-namespace" },
		/* 2-cycle: a credited to b's author, b to a's */
		{ "ca/a", "2024-01-03", 1, NULL, NULL, "cb/b" },
		{ "cb/b", "2024-01-03", 1, NULL, NULL, "ca/a" },
		/* self-loop credits the model itself */
		{ "s/self", "2024-01-03", 1, NULL, NULL, "s/self" },
		/* an explicit author beats the namespace */
		{ "ns/k", "2024-01-03", 1, NULL, "Alice" },
		{ "ns/kid", "2024-01-03", 1, NULL, NULL, "ns/k" },
		/* given attribution differs from the walk */
		{ "g/x", "2024-01-03", 1, NULL, NULL, "base/x", "given-dev" },
		/* given attribution agrees */
		{ "g/y", "2024-01-03", 1, NULL, NULL, "base/x", "base" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), true, DAY_NONE);
	Attribution *a = attribution_compute(ds, ds->strings, false);
	TK_EQ_STR(credited(ds, a, "base/x"), "base");
	TK_EQ_STR(credited(ds, a, "ft/y"), "base");
	TK_EQ_STR(credited(ds, a, "q/z"), "base");
	TK_EQ_STR(credited(ds, a, "m/p"), "base");
	TK_EQ_STR(credited(ds, a, "m/only-placeholders"), "m");
	TK_EQ_STR(credited(ds, a, "m/q"), "ext");
	TK_EQ_STR(credited(ds, a, "m/r"), "legacy-id-without-namespace");
	TK_EQ_STR(credited(ds, a, "ca/a"), "cb");
	TK_EQ_STR(credited(ds, a, "cb/b"), "ca");
	TK_EQ_STR(credited(ds, a, "s/self"), "s");
	TK_EQ_STR(credited(ds, a, "ns/kid"), "Alice");
	TK_EQ_STR(credited(ds, a, "g/x"), "base");
	TK_EQ_INT(a->cycles, 3); /* a, b and the self-loop */
	TK_EQ_INT(a->disagreements, 1);
	attribution_free(a);
	a = attribution_compute(ds, ds->strings, true);
	TK_EQ_STR(credited(ds, a, "g/x"), "given-dev");
	TK_EQ_STR(credited(ds, a, "g/y"), "base");
	TK_EQ_STR(credited(ds, a, "q/z"), "base"); /* no derived_author: the walk */
	TK_EQ_INT(a->disagreements, 1);
	attribution_free(a);
	dataset_free(ds);
}

static void test_depth_cap(void)
{
	/* c0 <- c1 <- ... <- c69: c69's walk stops after 64 links at c5. */
	Row rows[70];
	char names[70][16], parents[70][16];
	for (int i = 0; i < 70; i++) {
		g_snprintf(names[i], 16, "n%d/c", i);
		g_snprintf(parents[i], 16, "n%d/c", i - 1);
		rows[i] = (Row){ names[i], "2024-01-03", 1, NULL, NULL, i ? parents[i] : NULL };
	}
	Dataset *ds = build(rows, 70, true, DAY_NONE);
	Attribution *a = attribution_compute(ds, ds->strings, false);
	TK_EQ_STR(credited(ds, a, "n69/c"), "n5");
	TK_EQ_STR(credited(ds, a, "n64/c"), "n0");
	TK_EQ_STR(credited(ds, a, "n65/c"), "n1");
	TK_EQ_INT(a->depth_capped, 5); /* c65..c69 */
	attribution_free(a);
	dataset_free(ds);
}

static void test_developer_info(void)
{
	/* Developer "base": the derived cells of a model credited to it in the
	 * release win over its own uploader cells; the latest such row wins. */
	static const Row rows[] = {
		{ "base/x", "2024-01-03", 1, NULL, NULL, NULL, NULL, "USA" },
		{ "ft/y", "2024-01-03", 1, NULL, NULL, "base/x", "base", "France", "China" },
		{ "ft/z", "2024-01-10", 1, NULL, NULL, "base/x", "base", "France", "Germany" },
		/* "solo" only has uploader cells */
		{ "solo/m", "2024-01-03", 1, NULL, NULL, NULL, NULL, "Japan" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), true, DAY_NONE);
	Attribution *a = attribution_compute(ds, ds->strings, true);
	DeveloperInfo base = attribution_developer(a, strpool_find(ds->strings, "base"));
	TK_EQ_STR(dataset_str(ds, base.country_group), "Germany");
	DeveloperInfo solo = attribution_developer(a, strpool_find(ds->strings, "solo"));
	TK_EQ_STR(dataset_str(ds, solo.country_group), "Japan");
	DeveloperInfo ft = attribution_developer(a, strpool_find(ds->strings, "ft"));
	TK_EQ_STR(dataset_str(ds, ft.country_group), "France");
	attribution_free(a);
	dataset_free(ds);
}

/* ---- shares ---- */

static void test_shares(void)
{
	/* Interval input, window all, monthly.  January: a 60, b 30, c 10,
	 * unknown 20 (total 120).  February: a 0, b 10, c 30, unknown 0
	 * (total 40).  Totals: a 60, b 40, c 40, Unknown 20; top 2 = a, then
	 * b before c by name on the tie; c is Others. */
	static const Row rows[] = {
		{ "a/1", "2024-01-10", 60, "2024-01-01", NULL, NULL, NULL, "A" },
		{ "b/1", "2024-01-10", 30, "2024-01-01", NULL, NULL, NULL, "B" },
		{ "c/1", "2024-01-10", 10, "2024-01-01", NULL, NULL, NULL, "C" },
		{ "u/1", "2024-01-10", 15, "2024-01-01", NULL, NULL, NULL, NULL },
		{ "u/2", "2024-01-10", 5, "2024-01-01", NULL, NULL, NULL, "Unknown" },
		{ "b/1", "2024-02-07", 10, "2024-01-01", NULL, NULL, NULL, "B" },
		{ "c/1", "2024-02-07", 30, "2024-01-01", NULL, NULL, NULL, "C" },
		{ "z/0", "2024-02-07", 0, "2024-01-01", NULL, NULL, NULL, "Z" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), false, DAY_NONE);
	Downloads *dl = downloads_compute(ds, false);
	Sym *key = g_new(Sym, ds->n_models);
	for (uint32_t m = 0; m < ds->n_models; m++)
		key[m] = ds_sym(ds, m, COL_COUNTRY_GROUP);
	PeriodTable *pt = period_table_build(ds, dl, PERIOD_MONTH);
	ShareSeries *s = shares_compute(pt, ds->strings, key, 2);
	TK_EQ_INT(s->n_periods, 2);
	TK_EQ_STR(s->period_label[0], "2024-01");
	TK_EQ_INT(s->n_groups, 4);
	TK_EQ_STR(s->group_name[0], "A");
	TK_EQ_STR(s->group_name[1], "B");
	TK_EQ_STR(s->group_name[2], "Others");
	TK_EQ_STR(s->group_name[3], "Unknown");
	TK_EQ_INT(s->group_kind[3], GROUP_UNKNOWN);
	TK_EQ_DBL(share_at(s, 0, 0), 60.0 / 120, 1e-15);
	TK_EQ_DBL(share_at(s, 0, 1), 30.0 / 120, 1e-15);
	TK_EQ_DBL(share_at(s, 0, 2), 10.0 / 120, 1e-15);
	TK_EQ_DBL(share_at(s, 0, 3), 20.0 / 120, 1e-15);
	TK_EQ_DBL(share_at(s, 1, 0), 0.0, 0);
	TK_EQ_DBL(share_at(s, 1, 2), 30.0 / 40, 1e-15);
	TK_EQ_DBL(s->total[1], 40, 0);
	TK_EQ_DBL(s->group_total[2], 40, 0);
	double sum = 0;
	for (uint32_t g = 0; g < s->n_groups; g++)
		sum += share_at(s, 0, g);
	TK_EQ_DBL(sum, 1.0, 1e-12);
	share_series_free(s);
	/* Top 5 > named groups with downloads: no Others. */
	s = shares_compute(pt, ds->strings, key, 5);
	TK_EQ_INT(s->n_groups, 4);
	TK_EQ_STR(s->group_name[2], "C");
	TK_EQ_STR(s->group_name[3], "Unknown");
	share_series_free(s);
	period_table_free(pt);
	g_free(key);
	downloads_free(dl);
	dataset_free(ds);
}

static void test_empty_period_is_null(void)
{
	static const Row rows[] = {
		{ "a/1", "2024-01-10", 0, "2024-01-01", NULL, NULL, NULL, "A" },
		{ "a/1", "2024-02-07", 5, "2024-01-01", NULL, NULL, NULL, "A" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), false, DAY_NONE);
	Downloads *dl = downloads_compute(ds, false);
	Sym *key = g_new(Sym, ds->n_models);
	key[0] = ds_sym(ds, 0, COL_COUNTRY_GROUP);
	PeriodTable *pt = period_table_build(ds, dl, PERIOD_MONTH);
	ShareSeries *s = shares_compute(pt, ds->strings, key, 12);
	TK_EQ_INT(s->n_periods, 2);
	TK_CHECK(isnan(share_at(s, 0, 0)));
	TK_EQ_DBL(share_at(s, 1, 0), 1.0, 0);
	share_series_free(s);
	period_table_free(pt);
	g_free(key);
	downloads_free(dl);
	dataset_free(ds);
}

TK_MAIN(test_cumulative, test_duplicate_order, test_unsorted_rows, test_window_boundaries, test_as_of, test_attribution,
	test_depth_cap, test_developer_info, test_shares, test_empty_period_is_null)
