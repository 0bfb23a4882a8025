/*
 * test_fig2.c - Figure 2 from a hand-built series: 3 monthly periods, 3
 * named groups + Others + Unknown, the middle period without downloads.
 * Checks the files and their magic, byte-identical re-rendering, the fonts
 * embedded in the PDF (pdffonts) and the text it carries (pdftotext).
 */
#include "tk.h"

#include "figtest.h"
#include "figures/figure.h"
#include "figures/sharepanel.h"

static const char *const names[] = { "alpha", "beta", "gamma", "Others", "Unknown" };
static const GroupKind kinds[] = { GROUP_NAMED, GROUP_NAMED, GROUP_NAMED, GROUP_OTHERS,
				   GROUP_UNKNOWN };

typedef struct {
	ShareSeries s;
	Day start[3];
	char *label[3];
	double share[3 * 5];
} Fixture;

static void fixture_init(Fixture *f)
{
	static const double shares[3 * 5] = {
		0.40, 0.30, 0.10, 0.15, 0.05, /* 2025-01 */
		NAN,  NAN,  NAN,  NAN,  NAN,  /* 2025-02: no downloads */
		0.20, 0.35, 0.25, 0.12, 0.08, /* 2025-03 */
	};
	memset(f, 0, sizeof *f);
	memcpy(f->share, shares, sizeof shares);
	for (int p = 0; p < 3; p++)
		f->start[p] = day_from_civil(2025, p + 1, 1);
	f->s = (ShareSeries){ .period = PERIOD_MONTH,
			      .n_periods = 3,
			      .period_start = f->start,
			      .period_label = f->label,
			      .n_groups = 5,
			      .group_name = (char **)names,
			      .group_kind = (GroupKind *)kinds,
			      .share = f->share };
}

static Stats stats_for(Fixture *dev, Fixture *nat)
{
	Stats st = { 0 };
	st.info = ft_info();
	st.developer_shares = dev ? &dev->s : NULL;
	st.nation_shares = nat ? &nat->s : NULL;
	return st;
}

/* Render the fixture's Figure 2 into DIR (created); true on success. */
static bool render(const char *dir, unsigned formats, bool single)
{
	Fixture dev, nat;
	fixture_init(&dev);
	fixture_init(&nat);
	Stats st = stats_for(&dev, &nat);
	return ft_render(fig2_render, &st, dir, formats, single);
}

static void test_three_formats(void)
{
	char *dir = g_dir_make_tmp("eoi-fig2-XXXXXX", NULL);
	char *out = g_build_filename(dir, "new", "figures", NULL); /* made by fig2_render */
	TK_CHECK(render(out, FIG_ALL, false));
	ft_check_files(out, "fig2", false); /* 7 in at 300 dpi */
	/* the SVG is 504 pt wide */
	gsize ls;
	char *svg = ft_slurp(out, "fig2.svg", &ls);
	TK_CHECK(svg && strstr(svg, "width=\"504pt\"") != NULL);
	g_free(svg);
	g_free(out);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_identical_twice(void)
{
	Fixture dev, nat;
	fixture_init(&dev);
	fixture_init(&nat);
	Stats st = stats_for(&dev, &nat);
	ft_check_identical(fig2_render, &st, "fig2", false);
}

static void test_pdf_fonts_and_text(void)
{
	char *dir = g_dir_make_tmp("eoi-fig2-XXXXXX", NULL);
	char *pdf = g_build_filename(dir, "fig2.pdf", NULL);
	TK_CHECK(render(dir, FIG_PDF, false));
	ft_check_fonts(pdf); /* embedded Liberation Sans: bold title, regular text */
	char *text = ft_pdf_text(dir, "fig2");
	const char *want[] = { "Figure 2.",
			       "alpha",
			       "gamma",
			       "Others",
			       "Unknown",
			       "100%",
			       "Jan 2025",
			       "Mar 2025",
			       "Share of downloads (%)",
			       "First-year window",
			       "given attribution",
			       "2025-03-31",
			       "synthetic sample data",
			       "Blank: no counted downloads" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	g_free(pdf);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_single_column_png_only(void)
{
	char *dir = g_dir_make_tmp("eoi-fig2-XXXXXX", NULL);
	TK_CHECK(render(dir, FIG_PNG, true));
	gsize ln, lp;
	char *png = ft_slurp(dir, "fig2.png", &ln), *pdf = ft_slurp(dir, "fig2.pdf", &lp);
	TK_EQ_INT(png && ln > 24 ? ft_be32(png + 16) : 0, 1050); /* 3.5 in at 300 dpi */
	TK_CHECK(pdf == NULL);                                /* not asked for */
	g_free(png);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_empty_and_missing_series(void)
{
	char *dir = g_dir_make_tmp("eoi-fig2-XXXXXX", NULL);
	Fixture empty;
	fixture_init(&empty);
	empty.s.n_periods = 0;
	Stats st = stats_for(&empty, NULL);
	FigureOptions fo = { dir, FIG_PDF | FIG_PNG, false };
	GError *err = NULL;
	TK_CHECK(fig2_render(&st, &fo, &err));
	g_clear_error(&err);
	Fixture nan;
	fixture_init(&nan);
	for (int i = 0; i < 15; i++)
		nan.s.share[i] = NAN;
	st = stats_for(&nan, &nan);
	TK_CHECK(fig2_render(&st, &fo, &err));
	g_clear_error(&err);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_unwritable_dir(void)
{
	char *dir = g_dir_make_tmp("eoi-fig2-XXXXXX", NULL);
	char *file = g_build_filename(dir, "plain-file", NULL);
	g_file_set_contents(file, "x", 1, NULL);
	char *out = g_build_filename(file, "figures", NULL);
	Fixture dev;
	fixture_init(&dev);
	Stats st = stats_for(&dev, &dev);
	FigureOptions fo = { out, FIG_ALL, false };
	GError *err = NULL;
	TK_CHECK(!fig2_render(&st, &fo, &err));
	TK_CHECK(err && err->code == EOI_EXIT_CANTCREAT);
	TK_CHECK(err && strstr(err->message, "plain-file") != NULL);
	g_clear_error(&err);
	g_free(out);
	g_free(file);
	ft_remove_tree(dir);
	g_free(dir);
}

/* A series of 20 named groups + Others + Unknown over 24 months, the
 * largest legend Figure 2 draws. */
typedef struct {
	ShareSeries s;
	Day start[24];
	char *name[22];
	GroupKind kind[22];
	double share[24 * 22];
} Big;

static void big_init(Big *b)
{
	memset(b, 0, sizeof *b);
	for (int g = 0; g < 22; g++) {
		b->name[g] = g < 20 ? g_strdup_printf("developer-number-%02d", g + 1)
				    : g_strdup(g == 20 ? "Others" : "Unknown");
		b->kind[g] = g < 20 ? GROUP_NAMED : g == 20 ? GROUP_OTHERS : GROUP_UNKNOWN;
	}
	for (int p = 0; p < 24; p++) {
		b->start[p] = day_from_civil(2023 + p / 12, p % 12 + 1, 1);
		for (int g = 0; g < 22; g++)
			b->share[p * 22 + g] = 1.0 / 22;
	}
	b->s = (ShareSeries){ .period = PERIOD_MONTH,
			      .n_periods = 24,
			      .period_start = b->start,
			      .n_groups = 22,
			      .group_name = b->name,
			      .group_kind = b->kind,
			      .share = b->share };
}

/* The layout of both panels: same plot columns, legends clear of the plots
 * and inside the figure, panel b below everything of panel a. */
static void check_layout(bool single)
{
	FigureOptions fo = { ".", FIG_PDF, single };
	FigureEnv env;
	GError *err = NULL;
	TK_CHECK(figure_env_open(&env, &fo, &err));
	if (!env.te)
		return;
	Big dev;
	Fixture nat;
	big_init(&dev);
	fixture_init(&nat);
	SharePanel p[2];
	share_panel_init(&p[0], "a", "Developers", "Share of downloads (%)", NULL, &dev.s);
	share_panel_init(&p[1], "b", "Nation groups", "Share of downloads (%)", "Period start",
			 &nat.s);
	double w = env.width - 2 * FIGURE_MARGIN;
	double h = share_panels_layout(p, 2, &env, FIGURE_MARGIN, 40, w, 120);
	Rect page = { FIGURE_MARGIN, 40, w, h };
	TK_EQ_DBL(p[0].plot.x, p[1].plot.x, 0);
	TK_EQ_DBL(p[0].plot.w, p[1].plot.w, 0);
	TK_CHECK(p[0].plot.w > 0.5 * w);
	for (int i = 0; i < 2; i++) {
		Rect lg = legend_box(p[i].legend);
		TK_CHECK(!rect_overlaps(lg, p[i].plot));
		TK_CHECK(rect_contains(page, lg, 1e-6));
		TK_CHECK(rect_contains(page, p[i].plot, 1e-6));
		TK_CHECK(rect_contains(p[i].box, lg, 1e-6));
		for (int k = 0; k < legend_count(p[i].legend); k++)
			TK_CHECK(rect_contains(lg, legend_item_box(p[i].legend, k), 1e-6));
	}
	TK_CHECK(p[1].box.y >= rect_bottom(p[0].box));
	TK_EQ_INT(legend_count(p[0].legend), 22);
	/* 22 long names do not fit beside a plot in two columns: below it */
	TK_CHECK(!p[0].legend_right);
	TK_CHECK(legend_box(p[0].legend).y > rect_bottom(p[0].plot));
	/* the time axis: 2023-01 .. 2024-12, labelled by year or finer */
	TK_CHECK(p[0].xt.n >= 2);
	TK_EQ_DBL(p[0].xt.value[0], day_from_civil(2023, 1, 1), 0);
	for (int i = 0; i < 2; i++)
		share_panel_free(&p[i]);
	for (int g = 0; g < 22; g++)
		g_free(dev.name[g]);
	figure_env_close(&env);
}

static void test_layout_double(void)
{
	check_layout(false);
}

static void test_layout_single(void)
{
	check_layout(true);
}

TK_MAIN(test_layout_double, test_layout_single, test_three_formats, test_identical_twice,
	test_pdf_fonts_and_text, test_single_column_png_only, test_empty_and_missing_series,
	test_unwritable_dir)
