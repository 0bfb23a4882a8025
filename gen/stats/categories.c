/* categories.c - category shares per period with coverage. */
#include "categories.h"

#include <math.h>

CategorySeries *category_series(const PeriodTable *pt, const char *name, const int8_t *cat,
				uint32_t n_categories, const char *const *names, const char *skipped)
{
	CategorySeries *s = g_new0(CategorySeries, 1);
	uint32_t np = pt->n_periods, nc = n_categories;
	s->name = g_strdup(name);
	s->n_periods = np;
	s->n_categories = nc;
	s->category = g_new0(char *, nc + 1);
	for (uint32_t c = 0; c < nc; c++)
		s->category[c] = g_strdup(names[c]);
	s->share = g_new(double, (size_t)np * nc + 1);
	s->coverage = g_new(double, np + 1);
	s->overall = g_new(double, nc + 1);
	if (skipped) {
		s->skipped = g_strdup(skipped);
		for (size_t i = 0; i < (size_t)np * nc; i++)
			s->share[i] = NAN;
		for (uint32_t p = 0; p < np; p++)
			s->coverage[p] = NAN;
		for (uint32_t c = 0; c < nc; c++)
			s->overall[c] = NAN;
		s->overall_coverage = NAN;
		return s;
	}
	double *d = g_new0(double, (size_t)np * nc + 1);
	double *known = g_new0(double, np + 1);
	double *cat_total = g_new0(double, nc + 1);
	double all_known = 0, all = 0;
	for (uint64_t i = 0; i < pt->n; i++) {
		int c = cat[pt->model[i]];
		all += pt->downloads[i];
		if (c < 0 || (uint32_t)c >= nc)
			continue;
		d[(size_t)pt->period[i] * nc + (uint32_t)c] += pt->downloads[i];
		known[pt->period[i]] += pt->downloads[i];
		cat_total[c] += pt->downloads[i];
		all_known += pt->downloads[i];
	}
	for (uint32_t p = 0; p < np; p++) {
		s->coverage[p] = pt->period_total[p] > 0 ? known[p] / pt->period_total[p] : NAN;
		for (uint32_t c = 0; c < nc; c++)
			s->share[(size_t)p * nc + c] = known[p] > 0 ? d[(size_t)p * nc + c] / known[p] : NAN;
	}
	for (uint32_t c = 0; c < nc; c++)
		s->overall[c] = all_known > 0 ? cat_total[c] / all_known : NAN;
	s->overall_coverage = all > 0 ? all_known / all : NAN;
	g_free(cat_total);
	g_free(known);
	g_free(d);
	return s;
}

void category_series_free(CategorySeries *s)
{
	if (!s)
		return;
	g_free(s->name);
	g_strfreev(s->category);
	g_free(s->share);
	g_free(s->coverage);
	g_free(s->overall);
	g_free(s->skipped);
	g_free(s);
}
