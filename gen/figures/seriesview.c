/* seriesview.c - category and segment shares as ShareSeries views. */
#include "seriesview.h"

#include <math.h>
#include <string.h>

const Day *stats_period_start(const Stats *st, uint32_t n)
{
	if (!st || n == 0)
		return NULL;
	const ShareSeries *cand[] = { st->developer_shares, st->nation_shares,
				      st->shares[VIEW_ATTRIBUTED][BY_MODEL],
				      st->shares[VIEW_ATTRIBUTED][BY_DEVELOPER] };
	for (size_t i = 0; i < G_N_ELEMENTS(cand); i++)
		if (cand[i] && cand[i]->n_periods == n && cand[i]->period_start)
			return cand[i]->period_start;
	return NULL;
}

double *stats_period_days(const Stats *st, uint32_t n)
{
	const Day *start = stats_period_start(st, n);
	if (!start)
		return NULL;
	double *x = g_new(double, n);
	for (uint32_t p = 0; p < n; p++)
		x[p] = start[p];
	return x;
}

/* Fill V with N_PERIODS periods of N groups; SRC[p * SRC_N + COL[k]] is
 * group k's share in period p, NAME[k] its name (copied). */
static bool fill(SeriesView *v, const Stats *st, uint32_t n_periods, const double *src,
		 uint32_t src_n, const int *col, const char *const *name, int n)
{
	const Day *start = stats_period_start(st, n_periods);
	if (!start || !src || n <= 0)
		return false;
	ShareSeries *s = &v->s;
	s->period = st->info.period;
	s->n_periods = n_periods;
	s->period_start = (Day *)start;
	s->n_groups = (uint32_t)n;
	s->group_name = g_new0(char *, n + 1);
	s->group_kind = g_new0(GroupKind, n);
	s->share = g_new(double, (size_t)n_periods * n);
	v->x = stats_period_days(st, n_periods);
	for (int k = 0; k < n; k++)
		s->group_name[k] = g_strdup(name[k] ? name[k] : "");
	for (uint32_t p = 0; p < n_periods; p++) {
		for (int k = 0; k < n; k++)
			s->share[(size_t)p * n + k] = src[(size_t)p * src_n + (uint32_t)col[k]];
	}
	return true;
}

bool series_view_categories(SeriesView *v, const Stats *st, const CategorySeries *cs,
			    const int *order, const char *const *names, int n)
{
	memset(v, 0, sizeof *v);
	if (!cs || cs->skipped || n <= 0 || (uint32_t)n > cs->n_categories)
		return false;
	int *col = g_new(int, n);
	const char **name = g_new(const char *, n);
	bool ok = true;
	for (int k = 0; k < n; k++) {
		col[k] = order ? order[k] : k;
		ok = ok && col[k] >= 0 && (uint32_t)col[k] < cs->n_categories;
		name[k] = names ? names[k] : ok ? cs->category[col[k]] : NULL;
	}
	ok = ok && fill(v, st, cs->n_periods, cs->share, cs->n_categories, col, name, n);
	g_free(col);
	g_free(name);
	if (!ok)
		series_view_free(v);
	return ok;
}

bool series_view_segments(SeriesView *v, const Stats *st, const Concentration *c,
			  const char *const *names)
{
	memset(v, 0, sizeof *v);
	if (!c || c->n_segments == 0 || !c->segment_label)
		return false;
	int n = (int)c->n_segments;
	int *col = g_new(int, n);
	for (int k = 0; k < n; k++)
		col[k] = k;
	bool ok = fill(v, st, c->n_periods, c->segment_share, c->n_segments, col,
		       names ? names : (const char *const *)c->segment_label, n);
	g_free(col);
	if (!ok)
		series_view_free(v);
	return ok;
}

void series_view_free(SeriesView *v)
{
	if (v->s.group_name)
		for (uint32_t k = 0; k < v->s.n_groups; k++)
			g_free(v->s.group_name[k]);
	g_free(v->s.group_name);
	g_free(v->s.group_kind);
	g_free(v->s.share);
	g_free(v->x);
	memset(v, 0, sizeof *v);
}
