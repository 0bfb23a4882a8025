/*
 * test_fig3.c - Figure 3 from hand-built concentration statistics: three
 * monthly periods, the middle one without downloads, three segments per
 * level.  Checks the files and their magic, byte-identical re-rendering,
 * the fonts and text of the PDF, the panels' layout (segments, lines and
 * the right-hand 0–1 axis; legend clear of plot and axis) and that empty
 * or missing statistics still render.
 */
#include "tk.h"

#include "figtest.h"
#include "figures/figure.h"
#include "figures/seriesview.h"
#include "figures/sharepanel.h"

static char *labels[] = { "1", "2–10", "11+", NULL };

typedef struct {
	Concentration c[LEVEL_COUNT];
	double share[LEVEL_COUNT][3 * 3];
	double hhi[LEVEL_COUNT][3], gini[LEVEL_COUNT][3];
	FtPeriods periods;
	Stats st;
} Fixture;

static void fixture_init(Fixture *f, uint32_t n_periods)
{
	static const double share[3 * 3] = { 0.5, 0.3, 0.2, NAN, NAN, NAN, 0.25, 0.45, 0.30 };
	static const double hhi[3] = { 0.31, NAN, 0.12 }, gini[3] = { 0.62, NAN, 0.71 };
	memset(f, 0, sizeof *f);
	ft_periods(&f->periods, n_periods);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		memcpy(f->share[l], share, sizeof share);
		memcpy(f->hhi[l], hhi, sizeof hhi);
		memcpy(f->gini[l], gini, sizeof gini);
		f->c[l] = (Concentration){ .level = (ConcLevel)l,
					   .n_periods = n_periods,
					   .n_segments = 3,
					   .segment_label = labels,
					   .segment_share = f->share[l],
					   .hhi = f->hhi[l],
					   .gini = f->gini[l] };
		f->st.concentration[l] = &f->c[l];
	}
	f->st.info = ft_info();
	f->st.developer_shares = &f->periods.s;
}

static void test_files_and_text(void)
{
	Fixture f;
	fixture_init(&f, 3);
	char *dir = g_dir_make_tmp("eoi-fig3-XXXXXX", NULL);
	char *out = g_build_filename(dir, "new", NULL);
	TK_CHECK(ft_render(fig3_render, &f.st, out, FIG_ALL, false));
	ft_check_files(out, "fig3", false);
	char *pdf = g_build_filename(out, "fig3.pdf", NULL);
	ft_check_fonts(pdf);
	char *text = ft_pdf_text(out, "fig3");
	const char *want[] = { "Figure 3.", "Models:", "Developers:", "Nation groups:",
			       "Rank 1", "Ranks 2–10", "Ranks 11+", "Gini coefficient",
			       "HHI (0–1)", "Gini, HHI (0–1)", "1.0", "0.4", "100%",
			       "Share of downloads (%)", "Period start (month)", "Jan 2025",
			       "First-year window", "2025-03-31", "synthetic sample data",
			       "Blank: no counted downloads" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	g_free(pdf);
	g_free(out);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_identical_and_single(void)
{
	Fixture f;
	fixture_init(&f, 3);
	ft_check_identical(fig3_render, &f.st, "fig3", false);
	char *dir = g_dir_make_tmp("eoi-fig3-XXXXXX", NULL);
	TK_CHECK(ft_render(fig3_render, &f.st, dir, FIG_ALL, true));
	ft_check_files(dir, "fig3", true);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_empty_and_missing(void)
{
	char *dir = g_dir_make_tmp("eoi-fig3-XXXXXX", NULL);
	Fixture f;
	fixture_init(&f, 3);
	f.st.concentration[LEVEL_NATION] = NULL; /* a panel with a note */
	TK_CHECK(ft_render(fig3_render, &f.st, dir, FIG_PDF | FIG_PNG, false));
	char *text = ft_pdf_text(dir, "fig3");
	const char *want[] = { "No downloads in this window", "Ranks 2–10" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	fixture_init(&f, 0); /* no periods at all */
	f.st.developer_shares = NULL;
	TK_CHECK(ft_render(fig3_render, &f.st, dir, FIG_PDF | FIG_PNG, false));
	Stats none = { 0 };
	none.info = ft_info();
	TK_CHECK(ft_render(fig3_render, &none, dir, FIG_PNG, false));
	ft_remove_tree(dir);
	g_free(dir);
}

/* The panels the way Figure 3 builds them: the segment view holds the
 * concentration's shares; plot, right axis and legend do not collide. */
static void check_layout(bool single)
{
	FigureOptions fo = { ".", FIG_PDF, single };
	FigureEnv env;
	GError *err = NULL;
	TK_CHECK(figure_env_open(&env, &fo, &err));
	if (!env.te)
		return;
	Fixture f;
	fixture_init(&f, 3);
	SeriesView v[LEVEL_COUNT];
	SharePanel p[LEVEL_COUNT];
	LineSeries lines[LEVEL_COUNT][2];
	const char *names[] = { "Gini coefficient", "HHI (0–1)" };
	for (int l = 0; l < LEVEL_COUNT; l++) {
		TK_CHECK(series_view_segments(&v[l], &f.st, &f.c[l], NULL));
		share_panel_init(&p[l], "a", "heading", "Share of downloads (%)",
				 l == 2 ? "Period start" : NULL, &v[l].s);
		lines[l][0] = (LineSeries){ .n = 3, .x = v[l].x, .y = f.gini[l] };
		lines[l][1] = (LineSeries){ .n = 3, .x = v[l].x, .y = f.hhi[l], .dash = 2.5 };
		share_panel_set_lines(&p[l], lines[l], names, 2, PERIOD_MONTH);
		share_panel_set_right_axis(&p[l], "Gini, HHI (0–1)", LABEL_PLAIN);
	}
	/* the view: segments in order, shares as given, dates of the run */
	TK_EQ_INT(v[0].s.n_groups, 3);
	TK_EQ_STR(v[0].s.group_name[1], "2–10");
	TK_EQ_DBL(share_at(&v[0].s, 2, 1), 0.45, 0);
	TK_CHECK(isnan(share_at(&v[0].s, 1, 0)));
	TK_EQ_DBL(v[0].x[2], day_from_civil(2025, 3, 1), 0);
	double w = env.width - 2 * FIGURE_MARGIN;
	double h = share_panels_layout(p, LEVEL_COUNT, &env, FIGURE_MARGIN, 40, w, 112);
	Rect page = { FIGURE_MARGIN, 40, w, h };
	double axis_r = lines_right_axis_extent(env.te, &env.theme, &p[0].y2t, "Gini, HHI (0–1)");
	TK_EQ_INT(p[0].y2t.n, 6); /* 112 points tall: steps of 0.2 */
	TK_EQ_STR(p[0].y2t.label[5], "1.0");
	for (int l = 0; l < LEVEL_COUNT; l++) {
		Rect lg = legend_box(p[l].legend);
		TK_EQ_INT(legend_count(p[l].legend), 3 + 2);
		TK_CHECK(!rect_overlaps(lg, p[l].plot));
		TK_CHECK(rect_contains(page, lg, 1e-6));
		TK_CHECK(rect_contains(page, p[l].plot, 1e-6));
		TK_EQ_DBL(p[l].plot.x, p[0].plot.x, 0);
		TK_EQ_DBL(p[l].plot.w, p[0].plot.w, 0);
		if (p[l].legend_right)
			TK_CHECK(lg.x >= rect_right(p[l].plot) + axis_r - 1e-6);
		else
			TK_CHECK(lg.y >= rect_bottom(p[l].plot));
		/* the right axis: 0 at the plot's bottom, 1 at its top */
		TK_EQ_DBL(scale_map(&p[l].sy2, 1), p[l].plot.y, 1e-9);
		TK_EQ_DBL(scale_map(&p[l].sy2, 0), rect_bottom(p[l].plot), 1e-9);
		TK_EQ_DBL(scale_map(&p[l].sx, v[l].x[0]), p[l].plot.x, 1e-9);
		TK_EQ_DBL(scale_map(&p[l].sx, v[l].x[2]), rect_right(p[l].plot), 1e-9);
		if (l > 0)
			TK_CHECK(p[l].box.y >= rect_bottom(p[l - 1].box));
	}
	/* the right axis fits inside the figure */
	TK_CHECK(rect_right(p[0].plot) + axis_r <= FIGURE_MARGIN + w + 1e-6);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		share_panel_free(&p[l]);
		series_view_free(&v[l]);
	}
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

TK_MAIN(test_files_and_text, test_identical_and_single, test_empty_and_missing,
	test_layout_double, test_layout_single)
