/*
 * test_fig7.c - Figure 7 from a hand-built output-modality series (three
 * kinds over three months, the middle one without downloads): files,
 * determinism, fonts, the PDF's text (legend, coverage, gap note), the
 * category view (order and shares), and the registry skipping the figure
 * when the modality series is skipped.
 */
#include "tk.h"

#include "figtest.h"
#include "figures/seriesview.h"

static char *kinds[] = { "Text generation", "Image", "Other", NULL };

typedef struct {
	CategorySeries cs;
	double share[3 * 3];
	FtPeriods periods;
	Stats st;
} Fixture;

static void fixture_init(Fixture *f)
{
	static const double share[3 * 3] = { 0.7, 0.2, 0.1, NAN, NAN, NAN, 0.5, 0.4, 0.1 };
	memset(f, 0, sizeof *f);
	memcpy(f->share, share, sizeof share);
	ft_periods(&f->periods, 3);
	f->cs = (CategorySeries){ .name = "output modality",
				  .n_periods = 3,
				  .n_categories = 3,
				  .category = kinds,
				  .share = f->share,
				  .overall_coverage = 0.8 };
	f->st.property[PROP_MODALITY] = &f->cs;
	f->st.info = ft_info();
	f->st.developer_shares = &f->periods.s;
}

static void test_files_and_text(void)
{
	Fixture f;
	fixture_init(&f);
	char *dir = g_dir_make_tmp("eoi-fig7-XXXXXX", NULL);
	TK_CHECK(ft_render(fig7_render, &f.st, dir, FIG_ALL, false));
	ft_check_files(dir, "fig7", false);
	char *pdf = g_build_filename(dir, "fig7.pdf", NULL);
	ft_check_fonts(pdf);
	char *text = ft_pdf_text(dir, "fig7");
	const char *want[] = { "Figure 7.", "Text generation", "Image", "Other", "100%",
			       "Share of downloads (%)", "Period start (month)",
			       "The kind is known for 80.0% of counted downloads.",
			       "Blank: no counted downloads of a known kind", "2025-03-31" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	g_free(pdf);
	ft_remove_tree(dir);
	g_free(dir);
	ft_check_identical(fig7_render, &f.st, "fig7", false);
}

static void test_view(void)
{
	Fixture f;
	fixture_init(&f);
	SeriesView v;
	const int order[] = { 2, 0 };
	const char *names[] = { "Other kinds", "Text" };
	TK_CHECK(series_view_categories(&v, &f.st, &f.cs, order, names, 2));
	TK_EQ_INT(v.s.n_groups, 2);
	TK_EQ_INT(v.s.n_periods, 3);
	TK_EQ_STR(v.s.group_name[0], "Other kinds");
	TK_EQ_DBL(share_at(&v.s, 0, 0), 0.1, 0);
	TK_EQ_DBL(share_at(&v.s, 0, 1), 0.7, 0);
	TK_EQ_DBL(share_at(&v.s, 2, 1), 0.5, 0);
	TK_CHECK(isnan(share_at(&v.s, 1, 0)));
	TK_EQ_DBL(v.x[1], day_from_civil(2025, 2, 1), 0);
	TK_CHECK(v.s.period_start == f.periods.start);
	series_view_free(&v);
	/* default order and names */
	TK_CHECK(series_view_categories(&v, &f.st, &f.cs, NULL, NULL, 3));
	TK_EQ_STR(v.s.group_name[2], "Other");
	TK_EQ_DBL(share_at(&v.s, 2, 2), 0.1, 0);
	series_view_free(&v);
	/* a bad index, a skipped series, missing periods: no view */
	const int bad[] = { 3 };
	TK_CHECK(!series_view_categories(&v, &f.st, &f.cs, bad, NULL, 1));
	TK_EQ_INT(v.s.n_periods, 0);
	f.cs.skipped = "no modality column in the input";
	TK_CHECK(!series_view_categories(&v, &f.st, &f.cs, NULL, NULL, 3));
	f.cs.skipped = NULL;
	f.st.developer_shares = NULL;
	TK_CHECK(!series_view_categories(&v, &f.st, &f.cs, NULL, NULL, 3));
	TK_CHECK(stats_period_start(&f.st, 3) == NULL);
}

static void test_skipped_and_missing(void)
{
	Fixture f;
	fixture_init(&f);
	f.cs.skipped = "no modality (or pipeline_tag) column in the input";
	char *dir = g_dir_make_tmp("eoi-fig7-XXXXXX", NULL);
	FigureOptions fo = { dir, FIG_PNG, false };
	FILE *log = tmpfile();
	GError *err = NULL;
	TK_CHECK(figures_render(&f.st, &fo, "fig7", log, &err));
	char line[256] = "";
	rewind(log);
	TK_CHECK(fgets(line, sizeof line, log) != NULL);
	TK_EQ_STR(line, "eoi: fig7 not drawn: no modality (or pipeline_tag) column in the input\n");
	fclose(log);
	gsize n;
	char *png = ft_slurp(dir, "fig7.png", &n);
	TK_CHECK(png == NULL);
	g_free(png);
	/* drawn directly anyway, or without statistics: a note, no crash */
	TK_CHECK(ft_render(fig7_render, &f.st, dir, FIG_PNG, false));
	Stats none = { 0 };
	none.info = ft_info();
	TK_CHECK(ft_render(fig7_render, &none, dir, FIG_PNG, false));
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_files_and_text, test_view, test_skipped_and_missing)
