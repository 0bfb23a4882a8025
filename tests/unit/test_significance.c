/* Mann–Whitney U, Pearson χ² and stars against hand-worked cases.  The
 * p-values were evaluated with an independent erfc (Python's math.erfc):
 * two-sided normal p = erfc(|z|/√2), χ²(1) tail = erfc(√(x/2)). */
#include "stats/significance.h"
#include "tk.h"

static void test_mann_whitney_ties(void)
{
	/* a = {1,2,2,3}, b = {2,3,4,5}.  Pooled sorted: 1a 2a 2a 2b 3a 3b 4b 5b;
	 * ranks 1 | 2,3,4 → 3 | 5,6 → 5.5 | 7 | 8.  R_a = 1 + 3 + 3 + 5.5 = 12.5,
	 * U_a = 12.5 − 4·5/2 = 2.5; mean na·nb/2 = 8.  Ties t = 3 and t = 2:
	 * Σ(t³−t) = 24 + 6 = 30; σ² = 16/12·(9 − 30/56) = 11.285714;
	 * z = −5.5/3.359422 = −1.637187, p = 0.1015915. */
	double a[] = { 1, 2, 2, 3 }, b[] = { 2, 3, 4, 5 }, u, p;
	TK_CHECK(sig_mann_whitney(a, 4, b, 4, &u, &p));
	TK_EQ_DBL(u, 2.5, 1e-12);
	TK_EQ_DBL(p, 0.1015914998616528, 1e-9);
	/* Swapped: U_b = na·nb − U_a = 13.5, same p. */
	TK_CHECK(sig_mann_whitney(b, 4, a, 4, &u, &p));
	TK_EQ_DBL(u, 13.5, 1e-12);
	TK_EQ_DBL(p, 0.1015914998616528, 1e-9);
	/* Inputs are not reordered. */
	TK_EQ_DBL(a[0], 1, 0);
	TK_EQ_DBL(b[3], 5, 0);
}

static void test_mann_whitney_no_ties(void)
{
	/* a = {3,1,2} below b = {5,4}: R_a = 6, U_a = 0, mean 3, σ² = 6/12·6
	 * = 3, z = −√3, p = 0.0832645. */
	double a[] = { 3, 1, 2 }, b[] = { 5, 4 }, u, p;
	TK_CHECK(sig_mann_whitney(a, 3, b, 2, &u, &p));
	TK_EQ_DBL(u, 0, 1e-12);
	TK_EQ_DBL(p, 0.08326451666355043, 1e-9);
	/* Identical distributions: U = na·nb/2, z = 0, p = 1.  a = {1, 2},
	 * b = {2, 1}: ranks 1.5, 3.5 each, R_a = 5, U = 2. */
	double c[] = { 1, 2 }, d[] = { 2, 1 };
	TK_CHECK(sig_mann_whitney(c, 2, d, 2, &u, &p));
	TK_EQ_DBL(u, 2, 1e-12);
	TK_EQ_DBL(p, 1, 1e-12);
}

static void test_mann_whitney_null(void)
{
	double a[] = { 1, 1 }, b[] = { 1 }, u = 0, p = 0;
	TK_CHECK(!sig_mann_whitney(a, 2, b, 1, &u, &p)); /* every value tied: σ = 0 */
	TK_CHECK(isnan(u) && isnan(p));
	TK_CHECK(!sig_mann_whitney(a, 0, b, 1, &u, &p));
	TK_CHECK(!sig_mann_whitney(a, 2, b, 0, &u, &p));
	TK_CHECK(isnan(u) && isnan(p));
}

static void test_chi2(void)
{
	/* | 10 20 |  N = 100, ad − bc = 400 − 600 = −200,
	 * | 30 40 |  margins 30, 70, 40, 60:
	 * χ² = 100·40000 / (30·70·40·60) = 4e6 / 5.04e6 = 0.7936508, p = 0.3729985. */
	double x, p;
	TK_CHECK(sig_chi2_2x2(10, 20, 30, 40, &x, &p));
	TK_EQ_DBL(x, 0.7936507936507936, 1e-12);
	TK_EQ_DBL(p, 0.37299848361348714, 1e-9);
	/* | 20 0 | | 0 20 |: χ² = 40·400² / 20⁴ = 40, p = 2.5396e-10. */
	TK_CHECK(sig_chi2_2x2(20, 0, 0, 20, &x, &p));
	TK_EQ_DBL(x, 40, 1e-12);
	TK_EQ_DBL(p / 2.53962858947086e-10, 1, 1e-6);
	/* Proportional rows: χ² = 0, p = 1. */
	TK_CHECK(sig_chi2_2x2(1, 2, 3, 6, &x, &p));
	TK_EQ_DBL(x, 0, 1e-12);
	TK_EQ_DBL(p, 1, 1e-12);
}

static void test_chi2_null(void)
{
	double x = 0, p = 0;
	TK_CHECK(!sig_chi2_2x2(0, 0, 3, 4, &x, &p)); /* row margin 0 */
	TK_CHECK(isnan(x) && isnan(p));
	TK_CHECK(!sig_chi2_2x2(0, 5, 0, 7, &x, &p)); /* column margin 0 */
	TK_CHECK(!sig_chi2_2x2(5, 0, 7, 0, &x, &p));
	TK_CHECK(isnan(x) && isnan(p));
}

static void test_stars(void)
{
	TK_EQ_STR(sig_stars(0.0009999), "***");
	TK_EQ_STR(sig_stars(0), "***");
	TK_EQ_STR(sig_stars(0.001), "**");
	TK_EQ_STR(sig_stars(0.00999), "**");
	TK_EQ_STR(sig_stars(0.01), "*");
	TK_EQ_STR(sig_stars(0.0499), "*");
	TK_EQ_STR(sig_stars(0.05), "");
	TK_EQ_STR(sig_stars(1), "");
	TK_EQ_STR(sig_stars(NAN), "");
}

TK_MAIN(test_mann_whitney_ties, test_mann_whitney_no_ties, test_mann_whitney_null, test_chi2, test_chi2_null,
	test_stars)
