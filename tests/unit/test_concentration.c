/* HHI, Gini and ranked segments, with hand-computed values. */
#include "mkdata.h"
#include "derive/downloads.h"
#include "stats/concentration.h"
#include "stats/shares.h"
#include "tk.h"

static void test_hhi(void)
{
	double x[] = { 50, 30, 20 };
	TK_EQ_DBL(conc_hhi(x, 3), 0.25 + 0.09 + 0.04, 1e-15);
	double one[] = { 7 };
	TK_EQ_DBL(conc_hhi(one, 1), 1.0, 0);
	double even[] = { 1, 1, 1, 1 };
	TK_EQ_DBL(conc_hhi(even, 4), 0.25, 1e-15);
}

static void test_gini(void)
{
	double a[] = { 4, 1, 3, 2 }; /* 2*(1+4+9+16)/(4*10) - 5/4 */
	TK_EQ_DBL(conc_gini(a, 4), 0.25, 1e-15);
	double one[] = { 9 };
	TK_EQ_DBL(conc_gini(one, 1), 0.0, 0);
	double ties[] = { 5, 5, 5 };
	TK_EQ_DBL(conc_gini(ties, 3), 0.0, 1e-15);
	double skew[] = { 10, 0, 0, 0 }; /* 2*40/40 - 5/4 */
	TK_EQ_DBL(conc_gini(skew, 4), 0.75, 1e-15);
}

static void test_segments(void)
{
	double x[] = { 1, 2, 3, 4, 10 };
	uint32_t bounds[] = { 1, 3 };
	double out[3];
	conc_segments(x, 5, bounds, 2, out);
	TK_EQ_DBL(out[0], 0.5, 1e-15);
	TK_EQ_DBL(out[1], 0.35, 1e-15);
	TK_EQ_DBL(out[2], 0.15, 1e-15);
	double y[] = { 4, 6 };
	uint32_t nb[] = { 1, 3, 10 };
	double o2[4];
	conc_segments(y, 2, nb, 3, o2);
	TK_EQ_DBL(o2[0], 0.6, 1e-15);
	TK_EQ_DBL(o2[1], 0.4, 1e-15);
	TK_EQ_DBL(o2[2], 0.0, 0);
	TK_EQ_DBL(o2[3], 0.0, 0);
}

static void test_per_period(void)
{
	/* January: A 60, B 30, C 10, Unknown 20 (one entity); February: B 10,
	 * C 30; March: nothing. */
	static const Row rows[] = {
		{ "a/1", "2024-01-10", 60, "2024-01-01", NULL, NULL, NULL, "A" },
		{ "b/1", "2024-01-10", 30, "2024-01-01", NULL, NULL, NULL, "B" },
		{ "c/1", "2024-01-10", 10, "2024-01-01", NULL, NULL, NULL, "C" },
		{ "u/1", "2024-01-10", 15, "2024-01-01" },
		{ "u/2", "2024-01-10", 5, "2024-01-01", NULL, NULL, NULL, "Unknown" },
		{ "b/1", "2024-02-07", 10, "2024-01-01", NULL, NULL, NULL, "B" },
		{ "c/1", "2024-02-07", 30, "2024-01-01", NULL, NULL, NULL, "C" },
		{ "c/1", "2024-03-06", 0, "2024-01-01", NULL, NULL, NULL, "C" },
	};
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), false, DAY_NONE);
	Downloads *dl = downloads_compute(ds, false);
	PeriodTable *pt = period_table_build(ds, dl, PERIOD_MONTH);
	Sym *key = g_new(Sym, ds->n_models);
	for (uint32_t m = 0; m < ds->n_models; m++)
		key[m] = ds_sym(ds, m, COL_COUNTRY_GROUP);
	GArray *slot_key;
	uint32_t *slot;
	uint32_t ns = shares_slots(ds->strings, key, ds->n_models, &slot_key, &slot);
	Concentration *c = concentration_compute(pt, LEVEL_NATION, slot, ns);
	TK_EQ_INT(c->n_periods, 3);
	TK_EQ_INT(c->n_segments, 4);
	TK_EQ_STR(c->segment_label[1], "2\u20133");
	TK_EQ_STR(c->segment_label[3], "11+");
	TK_EQ_INT(c->n_entities[0], 4);
	TK_EQ_DBL(c->hhi[0], 5000.0 / 14400.0, 1e-15);
	TK_EQ_DBL(c->gini[0], 760.0 / 480.0 - 1.25, 1e-15);
	TK_EQ_DBL(c->segment_share[0], 0.5, 1e-15);
	TK_EQ_DBL(c->segment_share[1], 50.0 / 120, 1e-15);
	TK_EQ_DBL(c->segment_share[2], 10.0 / 120, 1e-15);
	TK_EQ_DBL(c->segment_share[3], 0.0, 0);
	TK_EQ_DBL(c->hhi[1], 0.625, 1e-15);
	TK_EQ_DBL(c->gini[1], 0.25, 1e-15);
	TK_CHECK(isnan(c->hhi[2]) && isnan(c->gini[2]) && isnan(c->segment_share[8]));
	TK_EQ_INT(c->n_entities[2], 0);
	concentration_free(c);
	/* Model level: u/1 and u/2 are separate models. */
	uint32_t *self = g_new(uint32_t, ds->n_models);
	for (uint32_t m = 0; m < ds->n_models; m++)
		self[m] = m;
	c = concentration_compute(pt, LEVEL_MODEL, self, ds->n_models);
	TK_EQ_INT(c->n_entities[0], 5);
	TK_EQ_DBL(c->hhi[0], (3600.0 + 900 + 100 + 225 + 25) / 14400, 1e-15);
	TK_EQ_INT(c->n_segments, 5);
	concentration_free(c);
	g_free(self);
	g_free(slot);
	g_array_free(slot_key, TRUE);
	g_free(key);
	period_table_free(pt);
	downloads_free(dl);
	dataset_free(ds);
}

TK_MAIN(test_hhi, test_gini, test_segments, test_per_period)
