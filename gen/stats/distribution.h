/*
 * distribution.h - weighted quantiles, weighted moments and a weighted
 * Gaussian kernel density estimate (DESIGN.md §3 "Size distributions").
 *
 * Every function takes values X and weights W of length N and leaves both
 * arrays untouched.  Weights must be >= 0; elements with weight 0 take no
 * part.  Values must be finite.  With no positive weight the results are
 * NAN (the density is all 0).
 */
#ifndef EOI_DISTRIBUTION_H
#define EOI_DISTRIBUTION_H

#include <stddef.h>

/* Bandwidth used when the sample has no spread (σ and IQR both 0, e.g. a
 * single value): 0.05 in the units of X, which for log10(params) is a
 * factor of about 1.12 in size. */
#define DIST_KDE_FALLBACK_BW 0.05

/* Above DIST_KDE_EXACT_MAX elements dist_kde() bins X onto DIST_KDE_BINS
 * points (linear binning) before summing kernels, so a year of a million
 * models costs the same as one of a few thousand; the error is far below
 * what a figure can show (see distribution.c). */
#define DIST_KDE_BINS 4096
#define DIST_KDE_EXACT_MAX DIST_KDE_BINS

/*
 * Weighted quantile Q (0..1): the smallest x (X sorted ascending) whose
 * cumulative weight reaches q·W, W = Σw.  q = 0 gives the smallest x with
 * positive weight, q = 1 the largest.  "Reaches" tolerates a rounding error
 * of 1e-12·W in the running sum.  NAN when Q is NaN or there is no weight.
 */
double dist_weighted_quantile(const double *x, const double *w, size_t n, double q);

/* Several quantiles Q[0..nq) at once (one sort); OUT receives nq values. */
void dist_weighted_quantiles(const double *x, const double *w, size_t n, const double *q, size_t nq,
			     double *out);

/* Weighted mean Σ w·x / Σ w; NAN without weight. */
double dist_weighted_mean(const double *x, const double *w, size_t n);

/*
 * Weighted standard deviation with the reliability-weights correction:
 * σ² = Σ w (x − μ)² / (W − Σw²/W).  With equal weights this is the usual
 * sample standard deviation (divisor n − 1).  0 when n_eff = 1 (one value
 * carries all the weight); NAN without weight.
 */
double dist_weighted_sd(const double *x, const double *w, size_t n);

/* Effective sample size (Σw)² / Σw²; 0 without weight. */
double dist_effective_n(const double *w, size_t n);

/*
 * Silverman's bandwidth 0.9·min(σ, IQR/1.34)·n_eff^(−1/5), σ from
 * dist_weighted_sd() and IQR = q75 − q25 from dist_weighted_quantile().
 * When the minimum is 0 the non-zero one of the two is used; when both are
 * 0 the result is DIST_KDE_FALLBACK_BW.  NAN without weight.
 */
double dist_silverman_bandwidth(const double *x, const double *w, size_t n);

/*
 * Gaussian KDE of X with weights W normalised to sum 1, so the density
 * integrates to 1 over the real line.  GRID receives POINTS evenly spaced
 * values from LO to HI (LO alone when POINTS is 1) and DENSITY the estimate
 * at each; both are caller-owned arrays of POINTS doubles.  The bandwidth
 * is dist_silverman_bandwidth(); it is stored in *BANDWIDTH when that is
 * not NULL.  Without weight DENSITY is all 0 and the bandwidth NAN.
 */
void dist_kde(const double *x, const double *w, size_t n, double lo, double hi, size_t points,
	      double *grid, double *density, double *bandwidth);

/* The same with a given bandwidth H > 0 (figures that share one bandwidth
 * across panels, tests). */
void dist_kde_with_bandwidth(const double *x, const double *w, size_t n, double h, double lo, double hi,
			     size_t points, double *grid, double *density);

#endif
