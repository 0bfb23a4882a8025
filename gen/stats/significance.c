/* significance.c - Mann–Whitney U, Pearson χ² on 2×2 tables, stars. */
#include "significance.h"

#include <glib.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

typedef struct {
	double x;
	bool in_a;
} Obs;

static int obs_cmp(const void *l, const void *r)
{
	double x = ((const Obs *)l)->x, y = ((const Obs *)r)->x;
	return (x > y) - (x < y);
}

/* Pool A and B sorted; the caller frees the result. */
static Obs *pooled(const double *a, size_t na, const double *b, size_t nb)
{
	Obs *o = g_new(Obs, na + nb);
	for (size_t i = 0; i < na; i++)
		o[i] = (Obs){ a[i], true };
	for (size_t i = 0; i < nb; i++)
		o[na + i] = (Obs){ b[i], false };
	qsort(o, na + nb, sizeof *o, obs_cmp);
	return o;
}

bool sig_mann_whitney(const double *a, size_t na, const double *b, size_t nb, double *u_a, double *p)
{
	*u_a = NAN;
	*p = NAN;
	if (na == 0 || nb == 0)
		return false;
	size_t n = na + nb;
	Obs *o = pooled(a, na, b, nb);
	double rank_a = 0, ties = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && o[j].x == o[i].x)
			j++;
		/* Positions i..j-1 (ranks i+1..j) share the mid-rank. */
		double t = (double)(j - i), mid = ((double)(i + 1) + (double)j) / 2;
		for (size_t k = i; k < j; k++)
			if (o[k].in_a)
				rank_a += mid;
		ties += t * t * t - t;
		i = j;
	}
	g_free(o);
	double dn = (double)n, da = (double)na, db = (double)nb;
	double var = da * db / 12 * ((dn + 1) - ties / (dn * (dn - 1)));
	double u = rank_a - da * (da + 1) / 2;
	/* All values tied gives var = 0 up to rounding. */
	if (!(var > 1e-9 * da * db))
		return false;
	double z = (u - da * db / 2) / sqrt(var);
	*u_a = u;
	*p = fmin(1.0, 2 * gsl_cdf_ugaussian_Q(fabs(z)));
	return true;
}

bool sig_chi2_2x2(double a, double b, double c, double d, double *chi2, double *p)
{
	*chi2 = NAN;
	*p = NAN;
	double r1 = a + b, r2 = c + d, c1 = a + c, c2 = b + d;
	if (!(r1 > 0 && r2 > 0 && c1 > 0 && c2 > 0))
		return false;
	double n = r1 + r2, diff = a * d - b * c;
	/* Divide step by step: the product of four margins overflows no
	 * sooner than the counts themselves would. */
	double x = n * (diff / r1) * (diff / r2) / c1 / c2;
	*chi2 = x;
	*p = gsl_cdf_chisq_Q(x, 1);
	return true;
}

const char *sig_stars(double p)
{
	if (isnan(p))
		return "";
	if (p < 0.001)
		return "***";
	if (p < 0.01)
		return "**";
	if (p < 0.05)
		return "*";
	return "";
}
