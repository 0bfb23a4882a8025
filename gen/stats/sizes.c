/*
 * sizes.c - per-year size distributions (Figure 5).
 *
 * Models are first sorted into year buckets (params, weight), then each
 * non-empty bucket gets its summary and bandwidth, and only then the
 * densities, because the shared grid depends on every bandwidth.
 */
#include "sizes.h"

#include <math.h>

#include "distribution.h"

typedef struct {
	int year;
	GArray *params;  /* double, known params */
	GArray *weight;  /* double, > 0 */
	double all;      /* coverage denominator */
} Bucket;

static void bucket_init(Bucket *b, int year)
{
	b->year = year;
	b->params = g_array_new(FALSE, FALSE, sizeof(double));
	b->weight = g_array_new(FALSE, FALSE, sizeof(double));
	b->all = 0;
}

static void bucket_add(Bucket *b, double params, double weight)
{
	g_array_append_val(b->params, params);
	g_array_append_val(b->weight, weight);
}

static void buckets_free(Bucket *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		g_array_free(b[i].params, TRUE);
		g_array_free(b[i].weight, TRUE);
	}
	g_free(b);
}

static int year_of(Day d)
{
	int y, m, md;
	day_to_civil(d, &y, &m, &md);
	return y;
}

/* One bucket per period of YEARS, weight D(m, Y). */
static Bucket *downloaded_buckets(const ModelProps *p, const PeriodTable *years)
{
	Bucket *b = g_new(Bucket, years->n_periods ? years->n_periods : 1);
	for (uint32_t i = 0; i < years->n_periods; i++) {
		bucket_init(&b[i], year_of(years->start[i]));
		b[i].all = years->period_total[i];
	}
	for (uint64_t c = 0; c < years->n; c++) {
		uint32_t m = years->model[c];
		if (!isnan(p->params[m]) && years->downloads[c] > 0)
			bucket_add(&b[years->period[c]], p->params[m], years->downloads[c]);
	}
	return b;
}

/* One bucket per year from the first to the last creation year, weight 1. */
static Bucket *created_buckets(const Dataset *ds, const ModelProps *p, uint32_t *n_out)
{
	int lo = INT32_MAX, hi = INT32_MIN;
	for (uint32_t m = 0; m < ds->n_models; m++) {
		Day d = ds_day(ds, m, COL_CREATED_AT);
		if (d == DAY_NONE)
			continue;
		int y = year_of(d);
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	uint32_t n = lo <= hi ? (uint32_t)(hi - lo + 1) : 0;
	Bucket *b = g_new(Bucket, n ? n : 1);
	for (uint32_t i = 0; i < n; i++)
		bucket_init(&b[i], lo + (int)i);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		Day d = ds_day(ds, m, COL_CREATED_AT);
		if (d == DAY_NONE)
			continue;
		Bucket *k = &b[year_of(d) - lo];
		k->all += 1;
		if (!isnan(p->params[m]))
			bucket_add(k, p->params[m], 1.0);
	}
	*n_out = n;
	return b;
}

/* Summaries of the non-empty buckets; returns how many were filled.  *LO,
 * *HI and *BW track the smallest and largest log10(params) and the largest
 * bandwidth. */
static uint32_t summarise(const Bucket *b, uint32_t nb, SizeYear *out, double *lo, double *hi, double *bw)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < nb; i++) {
		const double *x = (const double *)b[i].params->data;
		const double *w = (const double *)b[i].weight->data;
		size_t n = b[i].params->len;
		if (n == 0)
			continue;
		SizeYear *y = &out[k++];
		y->year = b[i].year;
		y->n = (uint32_t)n;
		y->weight = 0;
		double *lx = g_new(double, n);
		for (size_t j = 0; j < n; j++) {
			y->weight += w[j];
			lx[j] = log10(x[j]);
			*lo = fmin(*lo, lx[j]);
			*hi = fmax(*hi, lx[j]);
		}
		y->coverage = b[i].all > 0 ? y->weight / b[i].all : NAN;
		static const double q[3] = { 0.25, 0.5, 0.75 };
		double qv[3];
		dist_weighted_quantiles(x, w, n, q, 3, qv);
		y->q25 = qv[0];
		y->median = qv[1];
		y->q75 = qv[2];
		y->mean = dist_weighted_mean(x, w, n);
		y->bandwidth = dist_silverman_bandwidth(lx, w, n);
		*bw = fmax(*bw, y->bandwidth);
		g_free(lx);
	}
	return k;
}

/* Density of every filled year on S->grid; YEARS[k] matches bucket order
 * of the non-empty buckets of B. */
static void densities(const Bucket *b, uint32_t nb, SizeYear *years, const Sizes *s)
{
	double *grid = g_new(double, s->n_points);
	uint32_t k = 0;
	for (uint32_t i = 0; i < nb; i++) {
		size_t n = b[i].params->len;
		if (n == 0)
			continue;
		const double *x = (const double *)b[i].params->data;
		double *lx = g_new(double, n);
		for (size_t j = 0; j < n; j++)
			lx[j] = log10(x[j]);
		SizeYear *y = &years[k++];
		y->density = g_new(double, s->n_points);
		dist_kde_with_bandwidth(lx, (const double *)b[i].weight->data, n, y->bandwidth, s->grid[0],
					s->grid[s->n_points - 1], s->n_points, grid, y->density);
		g_free(lx);
	}
	g_free(grid);
}

static bool any_params(const ModelProps *p)
{
	for (uint32_t m = 0; m < p->n; m++)
		if (!isnan(p->params[m]))
			return true;
	return false;
}

Sizes *sizes_compute(const Dataset *ds, const ModelProps *p, const PeriodTable *years)
{
	Sizes *s = g_new0(Sizes, 1);
	if (!p->has_params) {
		s->skipped = g_strdup("no params column in the input");
		return s;
	}
	if (!any_params(p)) {
		s->skipped = g_strdup("no model has params > 0 in the params column");
		return s;
	}
	uint32_t nd = years->n_periods, nc;
	Bucket *bd = downloaded_buckets(p, years);
	Bucket *bc = created_buckets(ds, p, &nc);
	s->downloaded = g_new0(SizeYear, nd ? nd : 1);
	s->created = g_new0(SizeYear, nc ? nc : 1);
	double lo = INFINITY, hi = -INFINITY, bw = 0;
	s->n_downloaded = summarise(bd, nd, s->downloaded, &lo, &hi, &bw);
	s->n_created = summarise(bc, nc, s->created, &lo, &hi, &bw);
	if (s->n_downloaded + s->n_created == 0) {
		s->skipped = g_strdup("no model with params > 0 has downloads or a created_at date");
		goto out;
	}
	s->n_points = SIZES_KDE_POINTS;
	s->grid = g_new(double, s->n_points);
	lo -= 3 * bw;
	hi += 3 * bw;
	for (uint32_t g = 0; g < s->n_points; g++)
		s->grid[g] = lo + (hi - lo) * (double)g / (double)(s->n_points - 1);
	densities(bd, nd, s->downloaded, s);
	densities(bc, nc, s->created, s);
out:
	buckets_free(bd, nd);
	buckets_free(bc, nc);
	return s;
}

static void years_free(SizeYear *y, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		g_free(y[i].density);
	g_free(y);
}

void sizes_free(Sizes *s)
{
	if (!s)
		return;
	years_free(s->downloaded, s->n_downloaded);
	years_free(s->created, s->n_created);
	g_free(s->grid);
	g_free(s->skipped);
	g_free(s);
}
