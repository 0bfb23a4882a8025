/*
 * significance.h - the tests of Table 1 (DESIGN.md §3 "Temporal shifts",
 * §3.1): Mann–Whitney U with the tie-corrected normal approximation,
 * Pearson χ² on a 2×2 table, and significance stars.
 *
 * Pure functions; no allocation visible to the caller.
 */
#ifndef EOI_SIGNIFICANCE_H
#define EOI_SIGNIFICANCE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Mann–Whitney U of sample A against sample B (finite values; the arrays
 * are not modified).  *U_A = R_a − na(na+1)/2, R_a the sum of A's ranks in
 * the pooled sample with mid-ranks for ties.  *P is two-sided, 2·Q(|z|),
 * z = (U_a − na·nb/2) / σ with
 *   σ² = na·nb/12 · ((n+1) − Σ(t³−t) / (n(n−1))),  n = na + nb,
 * t the size of each tie group, and no continuity correction.  Returns
 * false (null: *U_A and *P set to NAN) when either sample is empty or σ = 0
 * (every value equal).
 */
bool sig_mann_whitney(const double *a, size_t na, const double *b, size_t nb, double *u_a, double *p);

/*
 * Pearson χ² (no Yates correction, df 1) of the 2×2 table
 *   | a  b |
 *   | c  d |
 * of counts >= 0: χ² = N(ad − bc)² / ((a+b)(c+d)(a+c)(b+d)), *P its upper
 * tail.  Returns false (null: NAN) when a row or column margin is 0.
 */
bool sig_chi2_2x2(double a, double b, double c, double d, double *chi2, double *p);

/* "***" for p < 0.001, "**" for p < 0.01, "*" for p < 0.05, "" otherwise
 * (NaN included).  A static string. */
const char *sig_stars(double p);

#endif
