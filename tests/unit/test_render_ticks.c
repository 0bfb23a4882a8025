/* test_render_ticks.c - nice ticks and tick labels, values worked by hand. */
#include "render/ticks.h"
#include "tk.h"

static void check_ticks(const Ticks *t, int n, const double *values, const char *const *labels)
{
	TK_EQ_INT(t->n, n);
	for (int i = 0; i < n && i < t->n; i++) {
		TK_EQ_DBL(t->value[i], values[i], 1e-12 * fmax(1, fabs(values[i])));
		TK_EQ_STR(t->label[i], labels[i]);
	}
}

static void test_nice_step(void)
{
	TK_EQ_DBL(ticks_nice_step(0.2), 0.2, 1e-15);
	TK_EQ_DBL(ticks_nice_step(7.4), 10, 0);
	TK_EQ_DBL(ticks_nice_step(19399.4), 20000, 0);
	TK_EQ_DBL(ticks_nice_step(3), 5, 0);
	TK_EQ_DBL(ticks_nice_step(1), 1, 0);
	TK_EQ_DBL(ticks_nice_step(0.013), 0.02, 1e-15);
}

static void test_linear_0_1(void)
{
	Ticks t;
	/* (1 - 0) / 5 = 0.2: step 0.2, six ticks, labels with one decimal each */
	TK_CHECK(ticks_linear(0, 1, 6, LABEL_PLAIN, &t));
	check_ticks(&t, 6, (double[]){ 0, 0.2, 0.4, 0.6, 0.8, 1 },
		    (const char *[]){ "0.0", "0.2", "0.4", "0.6", "0.8", "1.0" });
	TK_CHECK(ticks_linear(0, 1, 6, LABEL_PERCENT, &t));
	check_ticks(&t, 6, (double[]){ 0, 0.2, 0.4, 0.6, 0.8, 1 },
		    (const char *[]){ "0%", "20%", "40%", "60%", "80%", "100%" });
	TK_EQ_DBL(t.lo, 0, 0);
	TK_EQ_DBL(t.hi, 1, 0);
}

static void test_linear_0_37(void)
{
	Ticks t;
	/* 37 / 5 = 7.4 -> step 10, range widened to 0..40 */
	TK_CHECK(ticks_linear(0, 37, 6, LABEL_PLAIN, &t));
	check_ticks(&t, 5, (double[]){ 0, 10, 20, 30, 40 },
		    (const char *[]){ "0", "10", "20", "30", "40" });
	TK_EQ_DBL(t.hi, 40, 0);
	/* 37 / 9 = 4.1 -> step 5, 0..40 in 9 ticks */
	TK_CHECK(ticks_linear(0, 37, 10, LABEL_PLAIN, &t));
	TK_EQ_INT(t.n, 9);
	TK_EQ_DBL(t.step, 5, 0);
}

static void test_linear_3_97000(void)
{
	Ticks t;
	/* (97000 - 3) / 5 = 19399.4 -> step 20000, 0..100000 */
	TK_CHECK(ticks_linear(3, 97000, 6, LABEL_THOUSANDS, &t));
	check_ticks(&t, 6, (double[]){ 0, 20000, 40000, 60000, 80000, 100000 },
		    (const char *[]){ "0", "20,000", "40,000", "60,000", "80,000", "100,000" });
	TK_CHECK(ticks_linear(3, 97000, 6, LABEL_SI, &t));
	check_ticks(&t, 6, (double[]){ 0, 20000, 40000, 60000, 80000, 100000 },
		    (const char *[]){ "0", "20K", "40K", "60K", "80K", "100K" });
}

static void test_linear_bad(void)
{
	Ticks t;
	TK_CHECK(!ticks_linear(5, 1, 6, LABEL_PLAIN, &t));
	TK_EQ_INT(t.n, 0);
	TK_CHECK(!ticks_linear(NAN, 1, 6, LABEL_PLAIN, &t));
	TK_CHECK(!ticks_linear(0, INFINITY, 6, LABEL_PLAIN, &t));
	/* a single value is widened: 0 -> 0..1 */
	TK_CHECK(ticks_linear(0, 0, 6, LABEL_PLAIN, &t));
	TK_EQ_DBL(t.lo, 0, 0);
	TK_EQ_DBL(t.hi, 1, 0);
}

static void test_log_1e6_1e12(void)
{
	Ticks t;
	TK_CHECK(ticks_log(1e6, 1e12, 8, LABEL_SI, &t));
	check_ticks(&t, 7, (double[]){ 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12 },
		    (const char *[]){ "1M", "10M", "100M", "1B", "10B", "100B", "1T" });
	/* 7 decades do not fit in 4 ticks: every 2nd decade */
	TK_CHECK(ticks_log(1e6, 1e12, 4, LABEL_SI, &t));
	check_ticks(&t, 4, (double[]){ 1e6, 1e8, 1e10, 1e12 },
		    (const char *[]){ "1M", "100M", "10B", "1T" });
	/* range widened to whole decades */
	TK_CHECK(ticks_log(2.5e6, 7e8, 8, LABEL_THOUSANDS, &t));
	check_ticks(&t, 4, (double[]){ 1e6, 1e7, 1e8, 1e9 },
		    (const char *[]){ "1,000,000", "10,000,000", "100,000,000", "1,000,000,000" });
	TK_CHECK(!ticks_log(0, 10, 8, LABEL_SI, &t));
}

static void test_time_5_years(void)
{
	Ticks t;
	Day lo = day_from_civil(2020, 1, 1), hi = day_from_civil(2025, 1, 1);
	/* 61 months, 21 quarters, 11 half-years, 6 years: years fit in 8 */
	TK_CHECK(ticks_time(lo, hi, 8, &t));
	check_ticks(&t, 6,
		    (double[]){ day_from_civil(2020, 1, 1), day_from_civil(2021, 1, 1),
				day_from_civil(2022, 1, 1), day_from_civil(2023, 1, 1),
				day_from_civil(2024, 1, 1), day_from_civil(2025, 1, 1) },
		    (const char *[]){ "2020", "2021", "2022", "2023", "2024", "2025" });
	/* quarters between the years: 21 - 6 */
	TK_EQ_INT(t.n_minor, 15);
	TK_EQ_DBL(t.minor[0], day_from_civil(2020, 4, 1), 0);
	/* only 3 ticks: every second year */
	TK_CHECK(ticks_time(lo, hi, 3, &t));
	check_ticks(&t, 3,
		    (double[]){ day_from_civil(2020, 1, 1), day_from_civil(2022, 1, 1),
				day_from_civil(2024, 1, 1) },
		    (const char *[]){ "2020", "2022", "2024" });
}

static void test_time_6_months(void)
{
	Ticks t;
	Day lo = day_from_civil(2025, 1, 1), hi = day_from_civil(2025, 7, 1);
	TK_CHECK(ticks_time(lo, hi, 8, &t));
	TK_EQ_INT(t.n, 7);
	TK_EQ_STR(t.label[0], "Jan 2025");
	TK_EQ_STR(t.label[2], "Mar 2025");
	TK_EQ_STR(t.label[6], "Jul 2025");
	TK_EQ_DBL(t.value[6], day_from_civil(2025, 7, 1), 0);
	/* 3 ticks: quarters Jan, Apr, Jul with months between */
	TK_CHECK(ticks_time(lo, hi, 3, &t));
	check_ticks(&t, 3,
		    (double[]){ day_from_civil(2025, 1, 1), day_from_civil(2025, 4, 1),
				day_from_civil(2025, 7, 1) },
		    (const char *[]){ "2025 Q1", "2025 Q2", "2025 Q3" });
	TK_EQ_INT(t.n_minor, 4);
	/* a range starting mid-month starts at the next month */
	TK_CHECK(ticks_time(day_from_civil(2020, 6, 15), day_from_civil(2020, 12, 31), 12, &t));
	TK_EQ_INT(t.n, 6);
	TK_EQ_STR(t.label[0], "Jul 2020");
	TK_EQ_STR(t.label[5], "Dec 2020");
}

static void test_labels(void)
{
	char b[32];
	label_si(1.2e6, b, sizeof b);
	TK_EQ_STR(b, "1.2M");
	label_si(1234567, b, sizeof b);
	TK_EQ_STR(b, "1.23M");
	label_si(999.6, b, sizeof b);
	TK_EQ_STR(b, "1K");
	label_si(950, b, sizeof b);
	TK_EQ_STR(b, "950");
	label_si(-2.5e9, b, sizeof b);
	TK_EQ_STR(b, "-2.5B");
	label_si(3e12, b, sizeof b);
	TK_EQ_STR(b, "3T");
	label_si(2e15, b, sizeof b);
	TK_EQ_STR(b, "2,000T");
	label_si(0, b, sizeof b);
	TK_EQ_STR(b, "0");
	label_si(0.25, b, sizeof b);
	TK_EQ_STR(b, "0.25");
	label_thousands(12345, 0, b, sizeof b);
	TK_EQ_STR(b, "12,345");
	label_thousands(-1234567.5, 1, b, sizeof b);
	TK_EQ_STR(b, "-1,234,567.5");
	label_thousands(999, 0, b, sizeof b);
	TK_EQ_STR(b, "999");
	label_thousands(-0.2, 0, b, sizeof b);
	TK_EQ_STR(b, "0");
	label_percent(0.45, 0, b, sizeof b);
	TK_EQ_STR(b, "45%");
	label_percent(0.1234, 1, b, sizeof b);
	TK_EQ_STR(b, "12.3%");
}

TK_MAIN(test_nice_step, test_linear_0_1, test_linear_0_37, test_linear_3_97000, test_linear_bad,
	test_log_1e6_1e12, test_time_5_years, test_time_6_months, test_labels)
