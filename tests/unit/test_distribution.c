/* Weighted quantiles, moments, Silverman's bandwidth and the KDE, against
 * values worked out by hand (and GSL's Gaussian pdf for the kernel). */
#include <gsl/gsl_randist.h>
#include <glib.h>

#include "stats/distribution.h"
#include "tk.h"

static void test_quantile_equal_weights(void)
{
	/* W = 4; q·W = 1 is reached exactly at x = 1, 2 at x = 2. */
	double x[] = { 4, 2, 3, 1 }, w[] = { 1, 1, 1, 1 };
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 0.25), 1, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 0.26), 2, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 0.5), 2, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 0.75), 3, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 1), 4, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 4, 0), 1, 0);
	/* The caller's arrays are untouched. */
	TK_EQ_DBL(x[0], 4, 0);
	TK_EQ_DBL(x[3], 1, 0);
}

static void test_quantile_unequal_weights(void)
{
	/* Sorted: 1 (w 1), 2 (w 4), 3 (w 5); W = 10, cumulative 1, 5, 10. */
	double x[] = { 3, 1, 2 }, w[] = { 5, 1, 4 };
	TK_EQ_DBL(dist_weighted_quantile(x, w, 3, 0.5), 2, 0);  /* 5 reached at 2 */
	TK_EQ_DBL(dist_weighted_quantile(x, w, 3, 0.51), 3, 0); /* 5.1 needs 3 */
	TK_EQ_DBL(dist_weighted_quantile(x, w, 3, 0.1), 1, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 3, 0.11), 2, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 3, 1), 3, 0);
	/* q = 0 is the smallest x with positive weight. */
	double x0[] = { 0.5, 1, 2 }, w0[] = { 0, 1, 1 };
	TK_EQ_DBL(dist_weighted_quantile(x0, w0, 3, 0), 1, 0);
	/* q = 1 is not pulled to a zero-weight tail. */
	double x1[] = { 1, 9 }, w1[] = { 2, 0 };
	TK_EQ_DBL(dist_weighted_quantile(x1, w1, 2, 1), 1, 0);
}

static void test_quantile_edges(void)
{
	double one[] = { 7 }, w1[] = { 3 };
	TK_EQ_DBL(dist_weighted_quantile(one, w1, 1, 0), 7, 0);
	TK_EQ_DBL(dist_weighted_quantile(one, w1, 1, 0.5), 7, 0);
	TK_EQ_DBL(dist_weighted_quantile(one, w1, 1, 1), 7, 0);
	/* Ties: sorted 1, 2, 2, 5; 0.5·4 = 2 and 0.75·4 = 3 both end on a 2. */
	double t[] = { 2, 2, 1, 5 }, wt[] = { 1, 1, 1, 1 };
	TK_EQ_DBL(dist_weighted_quantile(t, wt, 4, 0.5), 2, 0);
	TK_EQ_DBL(dist_weighted_quantile(t, wt, 4, 0.75), 2, 0);
	TK_EQ_DBL(dist_weighted_quantile(t, wt, 4, 0.76), 5, 0);
	/* Weights 0.1 do not add up exactly: over 14 values the running sum
	 * after 7 is 0.7 but 0.5·W is 0.7000000000000001 in doubles; the
	 * median is still the 7th value (half the weight), not the 8th. */
	double x[14], w[14];
	for (int i = 0; i < 14; i++) {
		x[i] = i + 1;
		w[i] = 0.1;
	}
	TK_EQ_DBL(dist_weighted_quantile(x, w, 14, 0.5), 7, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 14, 5.0 / 14), 5, 0);
	TK_EQ_DBL(dist_weighted_quantile(x, w, 14, 0.51), 8, 0);
	/* No weight, no sample, NaN q: null. */
	double z[] = { 0, 0 };
	TK_CHECK(isnan(dist_weighted_quantile(x, z, 2, 0.5)));
	TK_CHECK(isnan(dist_weighted_quantile(x, w, 0, 0.5)));
	TK_CHECK(isnan(dist_weighted_quantile(x, w, 10, NAN)));
	/* Several at once agree with one at a time. */
	double q[] = { 0.25, 0.5, 1 }, out[3];
	double xu[] = { 3, 1, 2 }, wu[] = { 5, 1, 4 };
	dist_weighted_quantiles(xu, wu, 3, q, 3, out);
	TK_EQ_DBL(out[0], 2, 0); /* 2.5 reached at 2 (cumulative 5) */
	TK_EQ_DBL(out[1], 2, 0);
	TK_EQ_DBL(out[2], 3, 0);
}

static void test_moments(void)
{
	double x[] = { 1, 2, 3 }, w[] = { 1, 1, 2 };
	TK_EQ_DBL(dist_weighted_mean(x, w, 3), 9.0 / 4, 1e-15);
	double z[] = { 0, 0, 0 };
	TK_CHECK(isnan(dist_weighted_mean(x, z, 3)));
	/* Equal weights: the sample sd, Σ(x−2.5)² = 5 over n − 1 = 3. */
	double x4[] = { 1, 2, 3, 4 }, w4[] = { 1, 1, 1, 1 };
	TK_EQ_DBL(dist_weighted_sd(x4, w4, 4), sqrt(5.0 / 3), 1e-15);
	/* x {0, 10}, w {1, 3}: μ = 7.5, Σw(x−μ)² = 56.25 + 18.75 = 75,
	 * W − Σw²/W = 4 − 10/4 = 1.5, σ² = 50.  n_eff = 16/10. */
	double x2[] = { 0, 10 }, w2[] = { 1, 3 };
	TK_EQ_DBL(dist_weighted_sd(x2, w2, 2), sqrt(50.0), 1e-13);
	TK_EQ_DBL(dist_effective_n(w2, 2), 1.6, 1e-15);
	/* Weights scaled by 1000 change neither. */
	double w2k[] = { 1000, 3000 };
	TK_EQ_DBL(dist_weighted_sd(x2, w2k, 2), sqrt(50.0), 1e-12);
	double one[] = { 5 }, w1[] = { 2 };
	TK_EQ_DBL(dist_weighted_sd(one, w1, 1), 0, 0);
}

static void test_silverman(void)
{
	/* {1..5}: sd = √2.5 = 1.581; q25 = 2 (1.25 of 5 reached at 2), q75 = 4,
	 * IQR/1.34 = 1.4925 is the smaller; 0.9·1.4925·5^(−1/5) = 0.973585. */
	double x[] = { 1, 2, 3, 4, 5 }, w[] = { 1, 1, 1, 1, 1 };
	TK_EQ_DBL(dist_silverman_bandwidth(x, w, 5), 0.9735846228506357, 1e-12);
	/* {0, 0, 0, 0, 10}: IQR = 0, so σ = √(80/4) = √20 is used:
	 * 0.9·4.4721·5^(−1/5) = 2.917182. */
	double y[] = { 0, 0, 0, 0, 10 };
	TK_EQ_DBL(dist_silverman_bandwidth(y, w, 5), 2.917181874046973, 1e-12);
	/* Weighted: x {0, 10}, w {1, 3}: σ = √50 = 7.071 < IQR/1.34 = 10/1.34;
	 * n_eff = 1.6: 0.9·7.0711·1.6^(−1/5) = 5.793000. */
	double x2[] = { 0, 10 }, w2[] = { 1, 3 };
	TK_EQ_DBL(dist_silverman_bandwidth(x2, w2, 2), 5.792999820953508, 1e-12);
	/* No spread at all: the fixed bandwidth. */
	double one[] = { 9 }, same[] = { 3, 3 };
	TK_EQ_DBL(dist_silverman_bandwidth(one, w, 1), DIST_KDE_FALLBACK_BW, 0);
	TK_EQ_DBL(dist_silverman_bandwidth(same, w, 2), 0.05, 0);
	double z[] = { 0 };
	TK_CHECK(isnan(dist_silverman_bandwidth(one, z, 1)));
}

static void test_kde_one_point(void)
{
	/* One point: N(2, 0.05²) on the grid 1.5, 1.501, ..., 2.5. */
	double x[] = { 2 }, w[] = { 4 };
	enum { N = 1001 };
	double *grid = g_new(double, N), *dens = g_new(double, N), h = 0;
	dist_kde(x, w, 1, 1.5, 2.5, N, grid, dens, &h);
	TK_EQ_DBL(h, 0.05, 0);
	TK_EQ_DBL(grid[0], 1.5, 0);
	TK_EQ_DBL(grid[N - 1], 2.5, 0);
	TK_EQ_DBL(grid[500], 2.0, 1e-15);
	double worst = 0;
	for (int i = 0; i < N; i++)
		worst = fmax(worst, fabs(dens[i] - gsl_ran_gaussian_pdf(grid[i] - 2, 0.05)));
	TK_EQ_DBL(worst, 0, 1e-12);
	TK_EQ_DBL(dens[500], 1 / (0.05 * sqrt(2 * M_PI)), 1e-12); /* 7.97885 */
	g_free(grid);
	g_free(dens);
}

/* Trapezoid integral of DENS over GRID. */
static double integral(const double *grid, const double *dens, int n)
{
	double s = 0;
	for (int i = 1; i < n; i++)
		s += (grid[i] - grid[i - 1]) * (dens[i] + dens[i - 1]) / 2;
	return s;
}

static void test_kde_integrates(void)
{
	double x[] = { 1, 2, 3, 4, 5 }, w[] = { 1, 2, 3, 1, 1 };
	enum { N = 4001 };
	double *grid = g_new(double, N), *dens = g_new(double, N), h;
	dist_kde(x, w, 5, -20, 25, N, grid, dens, &h);
	TK_CHECK(h > 0);
	TK_EQ_DBL(integral(grid, dens, N), 1.0, 1e-6);
	/* Scaling every weight changes nothing. */
	double w1k[] = { 1000, 2000, 3000, 1000, 1000 }, *d2 = g_new(double, N), h2;
	dist_kde(x, w1k, 5, -20, 25, N, grid, d2, &h2);
	TK_EQ_DBL(h2, h, 1e-12);
	TK_EQ_DBL(d2[2000], dens[2000], 1e-12);
	/* No weight: all zero, bandwidth null. */
	double z[] = { 0, 0, 0, 0, 0 };
	dist_kde(x, z, 5, -20, 25, N, grid, d2, &h2);
	TK_CHECK(isnan(h2));
	TK_EQ_DBL(d2[2000], 0, 0);
	g_free(grid);
	g_free(dens);
	g_free(d2);
}

static void test_kde_binned(void)
{
	/* 30 000 values (above DIST_KDE_EXACT_MAX) spread over 6 decades:
	 * the binned estimate stays within 1e-3 of the peak of the exact sum
	 * computed here one kernel at a time. */
	enum { NX = 30000, N = 128 };
	double *x = g_new(double, NX), *w = g_new(double, NX);
	for (int i = 0; i < NX; i++) {
		double u = fmod(i * 0.6180339887498949, 1.0);
		x[i] = 6 + 6 * u * u;
		w[i] = 1 + (i % 7);
	}
	double h = 0.05, grid[N], dens[N], W = 0, peak = 0, worst = 0;
	dist_kde_with_bandwidth(x, w, NX, h, 5, 13, N, grid, dens);
	for (int i = 0; i < NX; i++)
		W += w[i];
	for (int g = 0; g < N; g++) {
		double s = 0;
		for (int i = 0; i < NX; i++)
			s += w[i] * gsl_ran_gaussian_pdf(grid[g] - x[i], h);
		s /= W;
		peak = fmax(peak, s);
		worst = fmax(worst, fabs(s - dens[g]));
	}
	TK_CHECK(peak > 0.1);
	TK_CHECK(worst < 1e-3 * peak);
	g_free(x);
	g_free(w);
}

TK_MAIN(test_quantile_equal_weights, test_quantile_unequal_weights, test_quantile_edges, test_moments,
	test_silverman, test_kde_one_point, test_kde_integrates, test_kde_binned)
