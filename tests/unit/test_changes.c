/*
 * test_changes.c - the comparison of two quarters on the hand-built
 * fixture tests/fixtures/report/two_quarters.csv; every expected number is
 * worked out in tests/fixtures/report/README.md.  Both runs are computed
 * from the file with different --as-of dates, as `eoi report` does.
 */
#include <math.h>
#include <string.h>

#include "data/dataset.h"
#include "io/input.h"
#include "stats/changes.h"
#include "stats/stats.h"
#include "tk.h"

#define FIXTURE "tests/fixtures/report/two_quarters.csv"

static Stats *run(int y, int m, int d)
{
	DatasetOptions dopt = { day_from_civil(y, m, d), DAY_NONE };
	DatasetBuilder *b = dsb_new(&dopt);
	GError *err = NULL;
	if (!input_read(FIXTURE, ROLE_DOWNLOADS, b, &err)) {
		printf("FAIL %s\n", err->message);
		g_error_free(err);
		dsb_free(b);
		return NULL;
	}
	Dataset *ds = dataset_build(b, &err);
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
	Stats *st = ds ? stats_compute(ds, &so, &err) : NULL;
	if (!st && err)
		printf("FAIL %s\n", err->message);
	g_clear_error(&err);
	dataset_free(ds);
	return st;
}

static Changes *two_quarters(void)
{
	Stats *prev = run(2025, 3, 31), *cur = run(2025, 6, 30);
	Changes *c = prev && cur ? changes_compute(cur, prev) : NULL;
	stats_free(prev);
	stats_free(cur);
	return c;
}

static const ShareChange *find(const ShareChanges *sc, const char *name)
{
	for (uint32_t i = 0; i < sc->n; i++)
		if (strcmp(sc->item[i].name, name) == 0)
			return &sc->item[i];
	return NULL;
}

static void test_developer_shares(void)
{
	Changes *c = two_quarters();
	TK_CHECK(c != NULL);
	if (!c)
		return;
	const ShareChanges *d = &c->developers;
	TK_EQ_INT(d->n, 12);
	TK_EQ_DBL(c->total_prev, 1000, 1e-9);
	TK_EQ_DBL(c->total_cur, 2000, 1e-9);
	/* Table order: current rank, then previous-only groups. */
	static const char *const order[] = { "bolt", "acme", "crane", "delta", "gale", "ember",
					     "fjord", "kite", "harbor", "iris", "jade", "lark" };
	for (uint32_t i = 0; i < 12 && i < d->n; i++)
		TK_EQ_STR(d->item[i].name, order[i]);
	const ShareChange *bolt = find(d, "bolt"), *kite = find(d, "kite"), *lark = find(d, "lark");
	TK_CHECK(bolt && kite && lark);
	if (bolt && kite && lark) {
		TK_EQ_DBL(bolt->prev, 0.20, 1e-12);
		TK_EQ_DBL(bolt->cur, 0.305, 1e-12);
		TK_EQ_DBL(bolt->change, 0.105, 1e-12);
		TK_EQ_INT(bolt->rank_prev, 2);
		TK_EQ_INT(bolt->rank_cur, 1);
		TK_EQ_DBL(kite->change, 0.032, 1e-12);
		TK_EQ_INT(kite->rank_prev, 11);
		TK_EQ_INT(kite->rank_cur, 8);
		TK_CHECK(isnan(lark->prev));
		TK_CHECK(isnan(lark->change));
		TK_EQ_DBL(lark->cur, 0.0085, 1e-12);
		TK_EQ_INT(lark->rank_prev, 0);
	}
	TK_EQ_DBL(find(d, "ember")->change, -0.0275, 1e-12);
	TK_EQ_DBL(find(d, "jade")->change, -0.003, 1e-12);
	static const char *const movers[] = { "bolt", "acme", "crane", "kite", "ember", "gale",
					      "fjord", "harbor", "iris", "delta", "jade" };
	TK_EQ_INT(d->n_movers, 11);
	for (uint32_t i = 0; i < 11 && i < d->n_movers; i++)
		TK_EQ_STR(d->item[d->movers[i]].name, movers[i]);
	static const char *const gainers[] = { "bolt", "kite", "gale" };
	TK_EQ_INT(d->n_gainers, 3);
	for (uint32_t i = 0; i < 3 && i < d->n_gainers; i++)
		TK_EQ_STR(d->item[d->gainers[i]].name, gainers[i]);
	TK_EQ_INT(d->n_losers, 8);
	if (d->n_losers == 8) {
		TK_EQ_STR(d->item[d->losers[0]].name, "acme");
		TK_EQ_STR(d->item[d->losers[7]].name, "jade");
	}
	changes_free(c);
}

static void test_nation_group_shares(void)
{
	Changes *c = two_quarters();
	if (!c) {
		TK_CHECK(c != NULL);
		return;
	}
	const ShareChanges *n = &c->nation_groups;
	TK_EQ_INT(n->n, 5);
	static const struct {
		const char *name;
		double prev, cur;
	} want[] = { { "USA", 0.48, 0.3725 },
		     { "China", 0.252, 0.3715 },
		     { "France", 0.108, 0.135 },
		     { "User", 0.10, 0.0735 },
		     { "International / Online", 0.06, 0.0475 } };
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		const ShareChange *e = find(n, want[i].name);
		TK_CHECK(e != NULL);
		if (!e)
			continue;
		TK_EQ_DBL(e->prev, want[i].prev, 1e-12);
		TK_EQ_DBL(e->cur, want[i].cur, 1e-12);
		TK_EQ_DBL(e->change, want[i].cur - want[i].prev, 1e-12);
	}
	TK_EQ_STR(n->item[n->movers[0]].name, "China");
	TK_EQ_DBL(n->item[n->movers[0]].change, 0.1195, 1e-12);
	TK_EQ_STR(n->item[n->movers[1]].name, "USA");
	TK_EQ_DBL(n->item[n->losers[0]].change, -0.1075, 1e-12);
	changes_free(c);
}

static void test_concentration(void)
{
	Changes *c = two_quarters();
	if (!c) {
		TK_CHECK(c != NULL);
		return;
	}
	const ConcChange *dev = &c->conc[LEVEL_DEVELOPER], *nat = &c->conc[LEVEL_NATION],
			 *mod = &c->conc[LEVEL_MODEL];
	TK_EQ_STR(dev->period_prev, "2025-03");
	TK_EQ_STR(dev->period_cur, "2025-06");
	TK_EQ_DBL(dev->hhi_prev, 10.0 / 36, 1e-12);
	TK_EQ_DBL(dev->hhi_cur, 0.345, 1e-12);
	TK_EQ_DBL(dev->hhi_change, 0.345 - 10.0 / 36, 1e-12);
	TK_EQ_DBL(dev->gini_prev, 1.0 / 6, 1e-12);
	TK_EQ_DBL(dev->gini_cur, 0.325, 1e-12);
	TK_EQ_DBL(dev->gini_change, 0.325 - 1.0 / 6, 1e-12);
	TK_EQ_DBL(mod->hhi_change, 0.345 - 10.0 / 36, 1e-12);
	TK_EQ_DBL(nat->hhi_prev, 14.0 / 36, 1e-12);
	TK_EQ_DBL(nat->hhi_cur, 0.445, 1e-12);
	TK_EQ_DBL(nat->gini_prev, 2.0 / 9, 1e-12);
	TK_EQ_DBL(nat->gini_cur, 0.3, 1e-12);
	TK_EQ_DBL(nat->gini_change, 0.3 - 2.0 / 9, 1e-12);
	changes_free(c);
}

static void test_top10_moves(void)
{
	Changes *c = two_quarters();
	if (!c) {
		TK_CHECK(c != NULL);
		return;
	}
	const TopChange *d = &c->top[BOARD_DEVELOPER], *m = &c->top[BOARD_MODEL], *k = &c->top[BOARD_COUNTRY];
	TK_EQ_INT(d->n_entered, 1);
	TK_EQ_INT(d->n_exited, 1);
	if (d->n_entered == 1 && d->n_exited == 1) {
		TK_EQ_STR(d->entered[0].name, "kite");
		TK_EQ_INT(d->entered[0].rank, 8);
		TK_EQ_DBL(d->entered[0].share, 0.04, 1e-12);
		TK_EQ_STR(d->exited[0].name, "jade");
		TK_EQ_INT(d->exited[0].rank, 10);
		TK_EQ_DBL(d->exited[0].share, 0.012, 1e-12);
	}
	TK_EQ_INT(m->n_entered, 1);
	TK_EQ_INT(m->n_exited, 1);
	if (m->n_entered == 1 && m->n_exited == 1) {
		TK_EQ_STR(m->entered[0].name, "kite/kite-base");
		TK_EQ_STR(m->exited[0].name, "jade/jade-base");
	}
	TK_EQ_INT(k->n_entered, 0);
	TK_EQ_INT(k->n_exited, 0);
	changes_free(c);
}

/* The same run on both sides: nothing moves. */
static void test_no_change(void)
{
	Stats *a = run(2025, 6, 30);
	if (!a) {
		TK_CHECK(a != NULL);
		return;
	}
	Changes *c = changes_compute(a, a);
	TK_EQ_INT(c->developers.n_gainers + c->developers.n_losers, 0);
	TK_EQ_INT(c->developers.n_movers, 12);
	TK_EQ_INT(c->top[BOARD_DEVELOPER].n_entered + c->top[BOARD_DEVELOPER].n_exited, 0);
	TK_EQ_DBL(c->conc[LEVEL_NATION].hhi_change, 0, 0);
	changes_free(c);
	stats_free(a);
}

/* All-time ranked shares straight from a series. */
static void test_ranked_shares(void)
{
	Stats *a = run(2025, 3, 31);
	if (!a) {
		TK_CHECK(a != NULL);
		return;
	}
	RankedShares *r = ranked_shares(a->shares[VIEW_ATTRIBUTED][BY_NATION]);
	TK_EQ_INT(r->n, 5);
	TK_EQ_DBL(r->total, 1000, 1e-9);
	TK_EQ_STR(r->item[0].name, "USA");
	TK_EQ_DBL(r->item[0].share, 0.48, 1e-12);
	TK_EQ_STR(r->item[4].name, "International / Online");
	TK_EQ_INT(r->item[4].rank, 5);
	TK_EQ_DBL(r->unknown_share, 0, 0);
	ranked_shares_free(r);
	TK_CHECK(ranked_shares(NULL) == NULL);
	stats_free(a);
}

TK_MAIN(test_developer_shares, test_nation_group_shares, test_concentration, test_top10_moves, test_no_change,
	test_ranked_shares)
