/*
 * test_scale.c - the paper-scale machinery gives the same answers as the
 * plain one:
 *   - rows fed model after model (no sort), day after day (the in-place
 *     permutation) and in a scrambled order build the same per-model
 *     series;
 *   - rows of one (model, day) keep their file order through the in-place
 *     sort (the derivation keeps the later one);
 *   - period_tables_derive() on 1 and 2 threads equals downloads_compute()
 *     followed by period_table_build(), cell by cell, with the same counts.
 */
#include <string.h>

#include "data/dataset.h"
#include "derive/downloads.h"
#include "stats/periods.h"
#include "tk.h"

#define N_MODELS 2000
#define N_DAYS 60
#define DAY0 19723 /* 2024-01-01 */

/* Model M's cumulative count on day index K: grows by a model-dependent
 * step, with a drop now and then. */
static int64_t count_of(uint32_t m, uint32_t k)
{
	if (m % 13 == 0 && k == 30)
		k = 28; /* below day 29's count: a drop */
	return (int64_t)(k + 1) * (int64_t)(1 + m % 97) * 10;
}

static Sym model_sym(DatasetBuilder *b, uint32_t m)
{
	char id[32];
	g_snprintf(id, sizeof id, "org%u/model-%u", m % 50, m);
	return dsb_intern(b, id, strlen(id));
}

/* Feed every (model, day) once in ORDER: 0 model-major, 1 day-major, 2
 * scrambled (a fixed permutation of the model-major order), 3 and 4 the
 * same as 1 and 2 sorted in place (as from 2^25 rows).  Models get a
 * created_at (every 7th none) so the first-year window has work. */
static Dataset *build(int order)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	if (order >= 3) {
		opt.inplace_min_rows = 1;
		order -= 2;
	}
	DatasetBuilder *b = dsb_new(&opt);
	uint64_t n = (uint64_t)N_MODELS * N_DAYS;
	for (uint64_t i = 0; i < n; i++) {
		uint64_t j = i;
		if (order == 2)
			j = (i * 7919 + 104729) % n; /* 7919 is prime, coprime with n */
		uint32_t m, k;
		if (order == 1) {
			k = (uint32_t)(j / N_MODELS);
			m = (uint32_t)(j % N_MODELS);
		} else {
			m = (uint32_t)(j / N_DAYS);
			k = (uint32_t)(j % N_DAYS);
		}
		uint32_t rec;
		if (dsb_add_download(b, model_sym(b, m), DAY0 + 7 * (Day)k, count_of(m, k), true, &rec) &&
		    m % 7 != 0)
			dsb_set_day(b, rec, COL_CREATED_AT, DAY0 - 300 + (Day)(m % 400));
	}
	dsb_has_column(b, COL_CREATED_AT);
	GError *err = NULL;
	Dataset *ds = dataset_build(b, &err);
	g_assert_no_error(err);
	return ds;
}

/* Does model M of A (by id) have the same rows in B? */
static bool same_series(const Dataset *a, const Dataset *b, uint32_t m)
{
	Sym sb = strpool_find(b->strings, dataset_str(a, a->model_id[m]));
	int64_t mb = dataset_model_index(b, sb);
	if (mb < 0)
		return false;
	uint64_t lo = a->model_start[m], n = a->model_start[m + 1] - lo;
	uint64_t lob = b->model_start[mb];
	if (b->model_start[mb + 1] - lob != n)
		return false;
	return memcmp(a->row_day + lo, b->row_day + lob, n * sizeof *a->row_day) == 0 &&
	       memcmp(a->row_value + lo, b->row_value + lob, n * sizeof(int64_t)) == 0;
}

static void test_orders(void)
{
	Dataset *ds[5];
	for (int o = 0; o < 5; o++)
		ds[o] = build(o);
	for (int o = 0; o < 5; o++) {
		TK_EQ_INT(ds[o]->n_rows, (uint64_t)N_MODELS * N_DAYS);
		TK_EQ_INT(ds[o]->n_models, N_MODELS);
		TK_EQ_INT(ds[o]->n_days, N_DAYS);
	}
	/* Model-major input: models in feed order, series ascending. */
	TK_EQ_INT(ds[0]->model_start[1], N_DAYS);
	TK_EQ_INT(ds[0]->row_day[N_DAYS - 1], DAY0 + 7 * (N_DAYS - 1));
	TK_EQ_INT(ds[0]->row_value[2], count_of(0, 2));
	TK_EQ_INT(dataset_row_model(ds[0], N_DAYS), 1);
	TK_EQ_INT(dataset_row_model(ds[0], (uint64_t)N_MODELS * N_DAYS - 1), N_MODELS - 1);
	for (int o = 1; o < 5; o++) {
		uint32_t bad = 0;
		for (uint32_t m = 0; m < N_MODELS; m++)
			bad += !same_series(ds[0], ds[o], m);
		TK_EQ_INT(bad, 0);
	}
	for (int o = 0; o < 5; o++)
		dataset_free(ds[o]);
}

/* Two rows of one (model, day) keep their file order whatever the sort:
 * day-major input of 3 models where model 1 has day 2 twice (values 500
 * then 400) and days arrive out of order. */
static void duplicates_keep_file_order(uint64_t inplace_min_rows)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE, .inplace_min_rows = inplace_min_rows };
	DatasetBuilder *b = dsb_new(&opt);
	static const struct {
		uint32_t m, k;
		int64_t v;
	} rows[] = { { 0, 3, 30 }, { 1, 3, 31 }, { 2, 3, 32 }, { 0, 1, 10 }, { 1, 2, 500 },
		     { 2, 1, 12 }, { 1, 1, 11 }, { 1, 2, 400 }, { 0, 2, 20 }, { 2, 2, 22 } };
	for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
		uint32_t rec;
		dsb_add_download(b, model_sym(b, rows[i].m), DAY0 + (Day)rows[i].k, rows[i].v, true, &rec);
	}
	GError *err = NULL;
	Dataset *ds = dataset_build(b, &err);
	g_assert_no_error(err);
	/* Model 1 (second to appear): days 1, 2, 2, 3 with 11, 500, 400, 31. */
	uint64_t lo = ds->model_start[1];
	TK_EQ_INT(ds->model_start[2] - lo, 4);
	TK_EQ_INT(ds->row_value[lo], 11);
	TK_EQ_INT(ds->row_value[lo + 1], 500);
	TK_EQ_INT(ds->row_value[lo + 2], 400);
	TK_EQ_INT(ds->row_value[lo + 3], 31);
	TK_EQ_INT(ds->row_day[lo + 2], DAY0 + 2);
	/* Model 2: 12, 22, 32; model 0: 10, 20, 30. */
	TK_EQ_INT(ds->row_value[ds->model_start[2] + 1], 22);
	TK_EQ_INT(ds->row_value[1], 20);
	dataset_free(ds);
}

static void test_duplicates_keep_file_order(void)
{
	duplicates_keep_file_order(0); /* a column at a time */
	duplicates_keep_file_order(1); /* in place */
}

static bool same_table(const PeriodTable *a, const PeriodTable *b)
{
	if (a->n != b->n || a->n_periods != b->n_periods || a->n_models != b->n_models)
		return false;
	return memcmp(a->model, b->model, a->n * sizeof *a->model) == 0 &&
	       memcmp(a->period, b->period, a->n * sizeof *a->period) == 0 &&
	       memcmp(a->downloads, b->downloads, a->n * sizeof *a->downloads) == 0 &&
	       memcmp(a->model_total, b->model_total, a->n_models * sizeof(double)) == 0 &&
	       memcmp(a->period_total, b->period_total, a->n_periods * sizeof(double)) == 0;
}

static void test_threads(bool first_year)
{
	Dataset *ds = build(1);
	TK_CHECK(ds->n_rows >= 100000); /* enough for the second thread */
	Downloads *dl = downloads_compute(ds, first_year);
	PeriodTable *month = period_table_build(ds, dl, PERIOD_MONTH);
	PeriodTable *year = period_table_build(ds, dl, PERIOD_YEAR);
	TK_CHECK(month->n > 1000);
	for (int threads = 1; threads <= 2; threads++) {
		PeriodKind kinds[2] = { PERIOD_MONTH, PERIOD_YEAR };
		PeriodTable *t[2];
		DownloadsCounts c;
		period_tables_derive(ds, first_year, kinds, 2, threads, t, &c);
		TK_CHECK(same_table(t[0], month));
		TK_CHECK(same_table(t[1], year));
		TK_EQ_INT(c.duplicates, dl->duplicates);
		TK_EQ_INT(c.drops, dl->drops);
		TK_EQ_INT(c.models_without_created, dl->models_without_created);
		period_table_free(t[0]);
		period_table_free(t[1]);
	}
	/* Hand-counted: a drop in every 13th model (154 of 2000); under the
	 * window, models without created_at are every 7th (286). */
	TK_EQ_INT(dl->drops, 154);
	TK_EQ_INT(dl->models_without_created, first_year ? 286 : 0);
	period_table_free(month);
	period_table_free(year);
	downloads_free(dl);
	dataset_free(ds);
}

static void test_threads_first_year(void)
{
	test_threads(true);
}

static void test_threads_all(void)
{
	test_threads(false);
}

TK_MAIN(test_orders, test_duplicates_keep_file_order, test_threads_first_year, test_threads_all)
