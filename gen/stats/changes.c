/*
 * changes.c - the comparison of two runs (definitions in changes.h).
 */
#include "changes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- all-time shares of a series ---------------------------------------- */

static int cmp_ranked(const void *a, const void *b)
{
	const RankedShare *x = a, *y = b;
	if (x->downloads != y->downloads)
		return x->downloads > y->downloads ? -1 : 1;
	return strcmp(x->name, y->name);
}

RankedShares *ranked_shares(const ShareSeries *s)
{
	if (!s)
		return NULL;
	RankedShares *r = g_new0(RankedShares, 1);
	for (uint32_t p = 0; p < s->n_periods; p++)
		r->total += s->total[p];
	r->item = g_new0(RankedShare, s->n_groups ? s->n_groups : 1);
	for (uint32_t g = 0; g < s->n_groups; g++) {
		double share = r->total > 0 ? s->group_total[g] / r->total : NAN;
		if (s->group_kind[g] == GROUP_OTHERS) {
			r->others_share = share;
		} else if (s->group_kind[g] == GROUP_UNKNOWN) {
			r->unknown_share = share;
		} else if (s->group_total[g] > 0) {
			RankedShare *e = &r->item[r->n++];
			e->name = g_strdup(s->group_name[g]);
			e->downloads = s->group_total[g];
			e->share = share;
		}
	}
	qsort(r->item, r->n, sizeof *r->item, cmp_ranked);
	for (uint32_t i = 0; i < r->n; i++)
		r->item[i].rank = i + 1;
	return r;
}

void ranked_shares_free(RankedShares *r)
{
	if (!r)
		return;
	for (uint32_t i = 0; i < r->n; i++)
		g_free(r->item[i].name);
	g_free(r->item);
	g_free(r);
}

/* ---- share changes ------------------------------------------------------ */

static const RankedShare *find_ranked(const RankedShares *r, const char *name)
{
	for (uint32_t i = 0; i < r->n; i++)
		if (strcmp(r->item[i].name, name) == 0)
			return &r->item[i];
	return NULL;
}

/* qsort_r is not C11: sort index arrays with a small insertion sort (the
 * lists hold at most a few dozen groups). */
typedef int (*IndexCmp)(const ShareChange *a, const ShareChange *b);

static void sort_indices(uint32_t *idx, uint32_t n, const ShareChange *item, IndexCmp cmp)
{
	for (uint32_t i = 1; i < n; i++) {
		uint32_t v = idx[i], j = i;
		while (j > 0 && cmp(&item[v], &item[idx[j - 1]]) < 0) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = v;
	}
}

static int by_abs_change(const ShareChange *a, const ShareChange *b)
{
	double x = fabs(a->change), y = fabs(b->change);
	if (x != y)
		return x > y ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_change_desc(const ShareChange *a, const ShareChange *b)
{
	if (a->change != b->change)
		return a->change > b->change ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int by_change_asc(const ShareChange *a, const ShareChange *b)
{
	if (a->change != b->change)
		return a->change < b->change ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void index_lists(ShareChanges *sc)
{
	sc->movers = g_new(uint32_t, sc->n + 1);
	sc->gainers = g_new(uint32_t, sc->n + 1);
	sc->losers = g_new(uint32_t, sc->n + 1);
	for (uint32_t i = 0; i < sc->n; i++) {
		double c = sc->item[i].change;
		if (isnan(c))
			continue;
		sc->movers[sc->n_movers++] = i;
		if (c > 0)
			sc->gainers[sc->n_gainers++] = i;
		else if (c < 0)
			sc->losers[sc->n_losers++] = i;
	}
	sort_indices(sc->movers, sc->n_movers, sc->item, by_abs_change);
	sort_indices(sc->gainers, sc->n_gainers, sc->item, by_change_desc);
	sort_indices(sc->losers, sc->n_losers, sc->item, by_change_asc);
}

static void share_changes(ShareChanges *sc, const ShareSeries *cur_s, const ShareSeries *prev_s)
{
	RankedShares *cur = ranked_shares(cur_s), *prev = ranked_shares(prev_s);
	uint32_t ncur = cur ? cur->n : 0, nprev = prev ? prev->n : 0;
	sc->item = g_new0(ShareChange, ncur + nprev + 1);
	for (uint32_t i = 0; i < ncur; i++) {
		const RankedShare *c = &cur->item[i];
		const RankedShare *p = prev ? find_ranked(prev, c->name) : NULL;
		ShareChange *e = &sc->item[sc->n++];
		e->name = g_strdup(c->name);
		e->cur = c->share;
		e->rank_cur = c->rank;
		e->prev = p ? p->share : NAN;
		e->rank_prev = p ? p->rank : 0;
		e->change = e->cur - e->prev;
	}
	for (uint32_t i = 0; i < nprev; i++) {
		const RankedShare *p = &prev->item[i];
		if (cur && find_ranked(cur, p->name))
			continue;
		ShareChange *e = &sc->item[sc->n++];
		e->name = g_strdup(p->name);
		e->cur = NAN;
		e->prev = p->share;
		e->rank_prev = p->rank;
		e->change = NAN;
	}
	index_lists(sc);
	ranked_shares_free(cur);
	ranked_shares_free(prev);
}

static void share_changes_clear(ShareChanges *sc)
{
	for (uint32_t i = 0; i < sc->n; i++)
		g_free(sc->item[i].name);
	g_free(sc->item);
	g_free(sc->movers);
	g_free(sc->gainers);
	g_free(sc->losers);
}

/* ---- concentration ------------------------------------------------------ */

/* Index of the last period of C with downloads, or -1. */
static int last_period(const Concentration *c)
{
	for (uint32_t p = c ? c->n_periods : 0; p-- > 0;)
		if (!isnan(c->hhi[p]))
			return (int)p;
	return -1;
}

static void conc_side(const Stats *st, ConcLevel l, double *hhi, double *gini, char label[32])
{
	const Concentration *c = st->concentration[l];
	int p = last_period(c);
	const ShareSeries *ref = st->developer_shares;
	*hhi = p < 0 ? NAN : c->hhi[p];
	*gini = p < 0 ? NAN : c->gini[p];
	label[0] = '\0';
	if (p >= 0 && ref && (uint32_t)p < ref->n_periods && ref->period_label)
		g_strlcpy(label, ref->period_label[p], 32);
}

static void conc_change(ConcChange *cc, const Stats *cur, const Stats *prev, ConcLevel l)
{
	conc_side(cur, l, &cc->hhi_cur, &cc->gini_cur, cc->period_cur);
	conc_side(prev, l, &cc->hhi_prev, &cc->gini_prev, cc->period_prev);
	cc->hhi_change = cc->hhi_cur - cc->hhi_prev;
	cc->gini_change = cc->gini_cur - cc->gini_prev;
}

/* ---- top-10 entrants and exits -------------------------------------------- */

static bool in_top(const Leaderboard *b, const char *name)
{
	for (uint32_t i = 0; b && i < b->n && i < CHANGES_TOP; i++)
		if (strcmp(b->entry[i].name, name) == 0)
			return true;
	return false;
}

/* Entries of A's top 10 that are not in B's, in A's rank order. */
static BoardMove *top_only(const Leaderboard *a, const Leaderboard *b, uint32_t *n)
{
	uint32_t cap = a ? (a->n < CHANGES_TOP ? a->n : CHANGES_TOP) : 0;
	BoardMove *out = g_new0(BoardMove, cap + 1);
	*n = 0;
	for (uint32_t i = 0; i < cap; i++) {
		if (in_top(b, a->entry[i].name))
			continue;
		BoardMove *m = &out[(*n)++];
		m->name = g_strdup(a->entry[i].name);
		m->rank = i + 1;
		m->share = a->entry[i].share;
	}
	return out;
}

static void top_change(TopChange *tc, const Leaderboard *cur, const Leaderboard *prev)
{
	tc->entered = top_only(cur, prev, &tc->n_entered);
	tc->exited = top_only(prev, cur, &tc->n_exited);
}

static void top_change_clear(TopChange *tc)
{
	for (uint32_t i = 0; i < tc->n_entered; i++)
		g_free(tc->entered[i].name);
	for (uint32_t i = 0; i < tc->n_exited; i++)
		g_free(tc->exited[i].name);
	g_free(tc->entered);
	g_free(tc->exited);
}

/* ---- the whole comparison ----------------------------------------------- */

static double all_time_total(const Stats *st)
{
	const ShareSeries *s = st->developer_shares;
	double t = 0;
	for (uint32_t p = 0; s && p < s->n_periods; p++)
		t += s->total[p];
	return t;
}

Changes *changes_compute(const Stats *cur, const Stats *prev)
{
	Changes *c = g_new0(Changes, 1);
	c->as_of_cur = cur->info.as_of;
	c->as_of_prev = prev->info.as_of;
	c->total_cur = all_time_total(cur);
	c->total_prev = all_time_total(prev);
	share_changes(&c->nation_groups, cur->shares[VIEW_ATTRIBUTED][BY_NATION],
		      prev->shares[VIEW_ATTRIBUTED][BY_NATION]);
	share_changes(&c->developers, cur->shares[VIEW_ATTRIBUTED][BY_DEVELOPER],
		      prev->shares[VIEW_ATTRIBUTED][BY_DEVELOPER]);
	for (int l = 0; l < LEVEL_COUNT; l++)
		conc_change(&c->conc[l], cur, prev, (ConcLevel)l);
	for (int k = 0; k < BOARD_COUNT; k++)
		top_change(&c->top[k], cur->board[k][BOARD_ALL_TIME], prev->board[k][BOARD_ALL_TIME]);
	return c;
}

void changes_free(Changes *c)
{
	if (!c)
		return;
	share_changes_clear(&c->nation_groups);
	share_changes_clear(&c->developers);
	for (int k = 0; k < BOARD_COUNT; k++)
		top_change_clear(&c->top[k]);
	g_free(c);
}
