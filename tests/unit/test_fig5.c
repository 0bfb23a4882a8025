/*
 * test_fig5.c - Figure 5 and its split violins: density interpolation and
 * tail trimming worked by hand, then the figure from hand-built size
 * distributions (years shown from 2022, the partial last year starred,
 * decade labels, files identical twice) and the registry skipping it when
 * the sizes were skipped.
 */
#include "tk.h"

#include "figtest.h"
#include "render/violin.h"

static void test_density(void)
{
	static const double grid[] = { 0, 1, 2, 3 }, dens[] = { 0, 2, 4, 0 };
	ViolinHalf h = { 4, grid, dens, NAN, NAN, NAN };
	TK_EQ_DBL(violin_density_at(&h, 1.5), 3, 1e-15);
	TK_EQ_DBL(violin_density_at(&h, 2.25), 3, 1e-15);
	TK_EQ_DBL(violin_density_at(&h, 0), 0, 0);
	TK_EQ_DBL(violin_density_at(&h, -1), 0, 0);
	TK_EQ_DBL(violin_density_at(&h, 3.5), 0, 0);
	TK_EQ_DBL(violin_density_at(&h, NAN), 0, 0);
	TK_EQ_DBL(violin_max_density(&h), 4, 0);
}

static void test_trim(void)
{
	/* max 2, cut 2e-3: 1e-5 is trimmed, 0.01 is kept */
	static const double grid[] = { 0, 1, 2, 3, 4, 5 }, dens[] = { 0, 1e-5, 2, 1, 0.01, 0 };
	ViolinHalf h = { 6, grid, dens, 1, 2, 3 };
	double lo, hi;
	TK_CHECK(violin_drawn_range(&h, &lo, &hi));
	TK_EQ_DBL(lo, 2, 0);
	TK_EQ_DBL(hi, 4, 0);
	static const double zero[] = { 0, 0, 0, 0, 0, 0 };
	h.density = zero;
	TK_CHECK(!violin_drawn_range(&h, &lo, &hi));
	TK_EQ_DBL(violin_max_density(&h), 0, 0);
}

#define NP 128

typedef struct {
	Sizes s;
	double grid[NP];
	double dens[5][NP];
	SizeYear down[3], created[2];
	Stats st;
} Fixture;

/* Normal density of log10 params around MU (sd SD) on the grid. */
static void normal(double *out, const double *grid, double mu, double sd)
{
	for (int i = 0; i < NP; i++)
		out[i] = exp(-0.5 * pow((grid[i] - mu) / sd, 2)) / (sd * sqrt(2 * G_PI));
}

static SizeYear year(int y, double mu, double *dens, double coverage)
{
	return (SizeYear){ y, 100, 1000, coverage, pow(10, mu - 0.3), pow(10, mu), pow(10, mu + 0.3),
			   pow(10, mu + 0.2), 0.2, dens };
}

static void fixture_init(Fixture *f, Day as_of)
{
	memset(f, 0, sizeof *f);
	for (int i = 0; i < NP; i++)
		f->grid[i] = 6 + 6.0 * i / (NP - 1); /* 1M .. 1T */
	static const double mu[5] = { 8, 8.5, 9, 8.7, 9.5 };
	for (int k = 0; k < 5; k++)
		normal(f->dens[k], f->grid, mu[k], 0.4);
	f->down[0] = year(2021, mu[0], f->dens[0], 0.8); /* before 2022: not shown */
	f->down[1] = year(2022, mu[1], f->dens[1], 0.85);
	f->down[2] = year(2023, mu[2], f->dens[2], 0.9);
	f->created[0] = year(2022, mu[3], f->dens[3], 0.7);
	f->created[1] = year(2024, mu[4], f->dens[4], 0.75);
	f->s = (Sizes){ f->down, 3, f->created, 2, NP, f->grid, NULL };
	f->st.info = (RunInfo){ WINDOW_FIRST_YEAR, ATTRIBUTION_GIVEN, PERIOD_MONTH, as_of,
				day_from_civil(2021, 1, 6), true, NULL };
	f->st.sizes = &f->s;
}

static bool render(const char *dir, unsigned formats, Day as_of)
{
	Fixture f;
	fixture_init(&f, as_of);
	return ft_render(fig5_render, &f.st, dir, formats, false);
}

static void test_files_identical(void)
{
	Fixture f;
	fixture_init(&f, day_from_civil(2024, 6, 30));
	ft_check_identical(fig5_render, &f.st, "fig5", true);
}

static void check_text(Day as_of, const char *const *want, size_t n, const char *absent)
{
	char *dir = g_dir_make_tmp("eoi-fig5-XXXXXX", NULL);
	TK_CHECK(render(dir, FIG_PDF, as_of));
	char *text = ft_pdf_text(dir, "fig5");
	ft_check_text(text, want, n);
	TK_CHECK(!text || strstr(text, absent) == NULL);
	g_free(text);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_pdf_text(void)
{
	/* as of mid-2024: 2024 is partial; 2021 is before the first year shown.
	 * The shown halves (means 8.5 .. 9.5, sd 0.4) are kept while above
	 * 1/1000 of their peak, i.e. within 3.72 sd: 7.01 .. 10.99, so the
	 * axis runs over the decades 10^7 .. 10^11 (10M .. 100B). */
	const char *partial[] = { "Figure 5.", "2022", "2023", "2024*", "10M", "100M", "1B",
				  "10B",       "100B", "Downloaded that year (left)",
				  "Created that year (right)", "85–90%", "70–75%",
				  "* Year to the as-of date." };
	check_text(day_from_civil(2024, 6, 30), partial, G_N_ELEMENTS(partial), "2021");
	const char *whole[] = { "2024 ", "Parameters (log scale)" };
	check_text(day_from_civil(2024, 12, 31), whole, G_N_ELEMENTS(whole), "2024*");
}

static void test_skipped(void)
{
	char *dir = g_dir_make_tmp("eoi-fig5-XXXXXX", NULL);
	Sizes skipped = { 0 };
	skipped.skipped = (char *)"no params column in the input";
	Stats st = { 0 };
	st.sizes = &skipped;
	FigureOptions fo = { dir, FIG_ALL, false };
	FILE *log = tmpfile();
	GError *err = NULL;
	TK_CHECK(figures_render(&st, &fo, "fig5", log, &err));
	char line[256] = "";
	rewind(log);
	TK_CHECK(fgets(line, sizeof line, log) != NULL);
	TK_EQ_STR(line, "eoi: fig5 not drawn: no params column in the input\n");
	fclose(log);
	gsize n;
	char *pdf = ft_slurp(dir, "fig5.pdf", &n);
	TK_CHECK(pdf == NULL);
	/* drawn directly, a skipped Sizes gives the empty note, not a crash */
	TK_CHECK(fig5_render(&st, &fo, &err));
	char *text = ft_pdf_text(dir, "fig5");
	TK_CHECK(text && strstr(text, "No model with a known size"));
	g_free(text);
	g_clear_error(&err);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_density, test_trim, test_files_identical, test_pdf_text, test_skipped)
