/* concentration.c - HHI, Gini and ranked segments per period. */
#include "concentration.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

/* Segment bounds per level (DESIGN.md §3): models 1 | 2–10 | 11–100 |
 * 101–1000 | rest; developers 1 | 2–5 | 6–20 | 21–100 | rest; nation groups
 * 1 | 2–3 | 4–10 | rest. */
static const uint32_t model_bounds[] = { 1, 10, 100, 1000 };
static const uint32_t developer_bounds[] = { 1, 5, 20, 100 };
static const uint32_t nation_bounds[] = { 1, 3, 10 };

static void level_bounds(ConcLevel level, const uint32_t **b, size_t *n)
{
	switch (level) {
	case LEVEL_MODEL:
		*b = model_bounds;
		*n = G_N_ELEMENTS(model_bounds);
		return;
	case LEVEL_DEVELOPER:
		*b = developer_bounds;
		*n = G_N_ELEMENTS(developer_bounds);
		return;
	default:
		*b = nation_bounds;
		*n = G_N_ELEMENTS(nation_bounds);
		return;
	}
}

const char *conc_level_name(ConcLevel level)
{
	static const char *const names[] = { "model", "developer", "nation" };
	return level < LEVEL_COUNT ? names[level] : "?";
}

double conc_hhi(const double *x, size_t n)
{
	double sum = 0, sq = 0;
	for (size_t i = 0; i < n; i++)
		sum += x[i];
	for (size_t i = 0; i < n; i++)
		sq += (x[i] / sum) * (x[i] / sum);
	return sq;
}

static int cmp_asc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_desc(const void *a, const void *b)
{
	return cmp_asc(b, a);
}

double conc_gini(double *x, size_t n)
{
	if (n <= 1)
		return 0;
	qsort(x, n, sizeof *x, cmp_asc);
	double sum = 0, weighted = 0;
	for (size_t i = 0; i < n; i++) {
		sum += x[i];
		weighted += (double)(i + 1) * x[i];
	}
	return 2 * weighted / ((double)n * sum) - ((double)n + 1) / (double)n;
}

void conc_segments(double *x, size_t n, const uint32_t *bounds, size_t n_bounds, double *out)
{
	qsort(x, n, sizeof *x, cmp_desc);
	double sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += x[i];
	size_t rank = 0;
	for (size_t s = 0; s <= n_bounds; s++) {
		size_t last = s < n_bounds ? bounds[s] : n;
		double held = 0;
		for (; rank < last && rank < n; rank++)
			held += x[rank];
		out[s] = held / sum;
	}
}

/* Gini of X sorted descending: ascending rank of x_j is n - j. */
static double gini_sorted_desc(const double *x, size_t n)
{
	if (n <= 1)
		return 0;
	double sum = 0, weighted = 0;
	for (size_t j = 0; j < n; j++) {
		sum += x[j];
		weighted += (double)(n - j) * x[j];
	}
	return 2 * weighted / ((double)n * sum) - ((double)n + 1) / (double)n;
}

static char **segment_labels(const uint32_t *b, size_t n)
{
	char **labels = g_new0(char *, n + 2);
	uint32_t first = 1;
	for (size_t s = 0; s < n; s++) {
		labels[s] = first == b[s] ? g_strdup_printf("%u", first) : g_strdup_printf("%u\u2013%u", first, b[s]);
		first = b[s] + 1;
	}
	labels[n] = g_strdup_printf("%u+", first);
	return labels;
}

Concentration *concentration_compute(const PeriodTable *pt, ConcLevel level, const uint32_t *model_slot,
				     uint32_t n_slots)
{
	const uint32_t *bounds;
	size_t nb;
	level_bounds(level, &bounds, &nb);
	uint32_t np = pt->n_periods;
	Concentration *c = g_new0(Concentration, 1);
	c->level = level;
	c->n_periods = np;
	c->n_segments = (uint32_t)nb + 1;
	c->segment_label = segment_labels(bounds, nb);
	c->segment_share = g_new(double, (size_t)np * c->n_segments + 1);
	c->hhi = g_new(double, np + 1);
	c->gini = g_new(double, np + 1);
	c->n_entities = g_new0(uint32_t, np + 1);

	/* Bucket the cells by period (counting sort), then per period add up
	 * each entity in a scratch array and collect the non-zero totals. */
	uint64_t *start = g_new0(uint64_t, (size_t)np + 1);
	for (uint64_t i = 0; i < pt->n; i++)
		start[pt->period[i] + 1]++;
	for (uint32_t p = 0; p < np; p++)
		start[p + 1] += start[p];
	uint64_t *fill = g_memdup2(start, ((size_t)np + 1) * sizeof *start);
	uint64_t *order = g_new(uint64_t, pt->n + 1);
	for (uint64_t i = 0; i < pt->n; i++)
		order[fill[pt->period[i]]++] = i;
	double *scratch = g_new0(double, n_slots + 1);
	uint32_t *touched = g_new(uint32_t, pt->n + 1);
	double *x = g_new(double, pt->n + 1);
	for (uint32_t p = 0; p < np; p++) {
		size_t nt = 0;
		for (uint64_t k = start[p]; k < start[p + 1]; k++) {
			uint64_t i = order[k];
			uint32_t e = model_slot[pt->model[i]];
			if (scratch[e] == 0)
				touched[nt++] = e;
			scratch[e] += pt->downloads[i];
		}
		for (size_t k = 0; k < nt; k++) {
			x[k] = scratch[touched[k]];
			scratch[touched[k]] = 0;
		}
		c->n_entities[p] = (uint32_t)nt;
		double *seg = c->segment_share + (size_t)p * c->n_segments;
		if (nt == 0) {
			c->hhi[p] = c->gini[p] = NAN;
			for (uint32_t s = 0; s < c->n_segments; s++)
				seg[s] = NAN;
			continue;
		}
		c->hhi[p] = conc_hhi(x, nt);
		conc_segments(x, nt, bounds, nb, seg); /* sorts X descending */
		c->gini[p] = gini_sorted_desc(x, nt);
	}
	g_free(x);
	g_free(touched);
	g_free(scratch);
	g_free(order);
	g_free(fill);
	g_free(start);
	return c;
}

void concentration_free(Concentration *c)
{
	if (!c)
		return;
	g_strfreev(c->segment_label);
	g_free(c->segment_share);
	g_free(c->hhi);
	g_free(c->gini);
	g_free(c->n_entities);
	g_free(c);
}
