/*
 * test_fig6.c - Figure 6 from hand-built property series (yes/no shares
 * over three months): files, determinism, fonts, the PDF's text (legend,
 * coverage, the skipped property named with why, the y axis zoomed to the
 * data), the lines-only panel's layout, and the registry skipping the
 * figure when all four properties are skipped.
 */
#include "tk.h"

#include "figtest.h"
#include "figures/figure.h"
#include "figures/sharepanel.h"

static char *yes_no[] = { "no", "yes", NULL };

typedef struct {
	CategorySeries cs[4];
	double share[4][3 * 2];
	double coverage[4][3];
	FtPeriods periods;
	Stats st;
} Fixture;

static const PropertyId props[4] = { PROP_MULTIMODAL, PROP_QUANTIZED, PROP_MOE, PROP_DERIVATIVE };

/* Yes-shares per property and month; MoE (index 2) is skipped. */
static void fixture_init(Fixture *f)
{
	static const double yes[4][3] = {
		{ 0.10, 0.20, 0.30 }, { 0.05, NAN, 0.15 }, { 0, 0, 0 }, { 0.25, 0.22, 0.28 }
	};
	static const double overall[4] = { 0.75, 0.9, NAN, 0.5 };
	memset(f, 0, sizeof *f);
	ft_periods(&f->periods, 3);
	for (int i = 0; i < 4; i++) {
		for (int p = 0; p < 3; p++) {
			f->share[i][2 * p] = isnan(yes[i][p]) ? NAN : 1 - yes[i][p];
			f->share[i][2 * p + 1] = yes[i][p];
			f->coverage[i][p] = overall[i];
		}
		f->cs[i] = (CategorySeries){ .name = "property",
					     .n_periods = 3,
					     .n_categories = 2,
					     .category = yes_no,
					     .share = f->share[i],
					     .coverage = f->coverage[i],
					     .overall_coverage = overall[i] };
		f->st.property[props[i]] = &f->cs[i];
	}
	f->cs[2].skipped = "no moe column in the input";
	f->st.info = ft_info();
	f->st.developer_shares = &f->periods.s;
}

/* Occurrences of NEEDLE in HAY. */
static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void test_files_and_text(void)
{
	Fixture f;
	fixture_init(&f);
	char *dir = g_dir_make_tmp("eoi-fig6-XXXXXX", NULL);
	TK_CHECK(ft_render(fig6_render, &f.st, dir, FIG_ALL, false));
	ft_check_files(dir, "fig6", false);
	char *pdf = g_build_filename(dir, "fig6.pdf", NULL);
	ft_check_fonts(pdf);
	char *text = ft_pdf_text(dir, "fig6");
	const char *want[] = {
		"Figure 6.", "Multimodal generation", "Quantized", "Derivative", "30%",
		"Share of downloads (%)", "Period start (month)",
		"Per month, the run's --period (the paper reports quarters)",
		("Known values cover 75.0% (multimodal generation), 90.0% (quantized), 50.0% "
		 "(derivative) of counted downloads."),
		"Not drawn: Mixture of experts (no moe column in the input).",
		"Gaps: no counted downloads with a known value.", "synthetic sample data"
	};
	ft_check_text(text, want, G_N_ELEMENTS(want));
	/* the y axis ends at 30 % (the highest point), not at 100 % */
	const char *avoid[] = { "40%", "100%" };
	ft_check_no_text(text, avoid, G_N_ELEMENTS(avoid));
	TK_EQ_INT(count(text, "Mixture of experts"), 1); /* the caption only: no legend entry */
	g_free(text);
	g_free(pdf);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_identical_and_single(void)
{
	Fixture f;
	fixture_init(&f);
	ft_check_identical(fig6_render, &f.st, "fig6", false);
	char *dir = g_dir_make_tmp("eoi-fig6-XXXXXX", NULL);
	TK_CHECK(ft_render(fig6_render, &f.st, dir, FIG_ALL, true));
	ft_check_files(dir, "fig6", true);
	ft_remove_tree(dir);
	g_free(dir);
}

/* A lines-only panel: left axis 0..30 % in steps of 10 %, grid-free
 * legend beside the plot, lines mapped onto the plot. */
static void test_layout(void)
{
	FigureOptions fo = { ".", FIG_PDF, false };
	FigureEnv env;
	GError *err = NULL;
	TK_CHECK(figure_env_open(&env, &fo, &err));
	if (!env.te)
		return;
	Fixture f;
	fixture_init(&f);
	double x[3];
	for (int p = 0; p < 3; p++)
		x[p] = f.periods.start[p];
	LineSeries ls[2] = { { .n = 3, .x = x, .y = f.share[0] + 1, .stride = 2 },
			     { .n = 3, .x = x, .y = f.share[1] + 1, .stride = 2 } };
	const char *names[] = { "Multimodal generation", "Quantized" };
	SharePanel p;
	share_panel_init(&p, "", "heading", "Share of downloads (%)", "Period start", NULL);
	share_panel_set_lines(&p, ls, names, 2, PERIOD_MONTH);
	double w = env.width - 2 * FIGURE_MARGIN;
	double h = share_panels_layout(&p, 1, &env, FIGURE_MARGIN, 30, w, 150);
	TK_EQ_INT(p.yt.n, 4);
	TK_EQ_STR(p.yt.label[3], "30%");
	TK_EQ_DBL(p.sy.d1, 0.3, 1e-12);
	double px, py;
	TK_CHECK(line_point(&ls[0], &p.sx, &p.sy, 2, &px, &py)); /* 30 % in March */
	TK_EQ_DBL(px, rect_right(p.plot), 1e-9);
	TK_EQ_DBL(py, p.plot.y, 1e-9);
	TK_CHECK(line_point(&ls[0], &p.sx, &p.sy, 0, &px, &py)); /* 10 % in January */
	TK_EQ_DBL(px, p.plot.x, 1e-9);
	TK_EQ_DBL(py, rect_bottom(p.plot) - p.plot.h / 3, 1e-9);
	TK_CHECK(!line_point(&ls[1], &p.sx, &p.sy, 1, &px, &py)); /* the gap */
	TK_EQ_INT(legend_count(p.legend), 2);
	TK_CHECK(p.legend_right);
	TK_CHECK(!rect_overlaps(legend_box(p.legend), p.plot));
	TK_CHECK(rect_contains((Rect){ FIGURE_MARGIN, 30, w, h }, legend_box(p.legend), 1e-6));
	share_panel_free(&p);
	figure_env_close(&env);
}

static void test_skipped(void)
{
	Fixture f;
	fixture_init(&f);
	for (int i = 0; i < 4; i++)
		f.cs[i].skipped = "no column";
	char *dir = g_dir_make_tmp("eoi-fig6-XXXXXX", NULL);
	FigureOptions fo = { dir, FIG_PNG, false };
	FILE *log = tmpfile();
	GError *err = NULL;
	TK_CHECK(figures_render(&f.st, &fo, "fig6", log, &err));
	char line[256] = "";
	rewind(log);
	TK_CHECK(fgets(line, sizeof line, log) != NULL);
	TK_CHECK(g_str_has_prefix(line, "eoi: fig6 not drawn: "));
	fclose(log);
	gsize n;
	char *png = ft_slurp(dir, "fig6.png", &n);
	TK_CHECK(png == NULL); /* nothing written */
	g_free(png);
	/* one property left: drawn */
	f.cs[1].skipped = NULL;
	TK_CHECK(figures_render(&f.st, &fo, "fig6", NULL, &err));
	png = ft_slurp(dir, "fig6.png", &n);
	TK_CHECK(png != NULL);
	g_free(png);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_files_and_text, test_identical_and_single, test_layout, test_skipped)
