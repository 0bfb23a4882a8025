/*
 * test_fig4.c - Figure 4 and its 100 % stacked horizontal bars: segment
 * arithmetic and bar boxes worked by hand, then the figure from a
 * hand-built organisation matrix (files, identical twice, text in the PDF,
 * an empty matrix).
 */
#include "tk.h"

#include "figtest.h"
#include "render/hbars.h"

static void test_segments(void)
{
	static const double v[] = {
		2, 1, 1,     /* rescaled to 0.5, 0.25, 0.25 */
		0, 0, 0,     /* empty */
		NAN, 1, 1,   /* not finite: empty */
		0.2, 0, 0.8, /* a zero segment in the middle */
	};
	static const char *const labels[] = { "a", "b", "c", "d" };
	Colour c[3] = { { 0 } };
	StackedBars sb = { 4, 3, labels, NULL, v, c };
	double start, frac;
	TK_CHECK(hbars_segment(&sb, 0, 0, &start, &frac));
	TK_EQ_DBL(start, 0, 1e-15);
	TK_EQ_DBL(frac, 0.5, 1e-15);
	TK_CHECK(hbars_segment(&sb, 0, 2, &start, &frac));
	TK_EQ_DBL(start, 0.75, 1e-15);
	TK_EQ_DBL(frac, 0.25, 1e-15);
	TK_CHECK(!hbars_segment(&sb, 1, 0, &start, &frac));
	TK_CHECK(!hbars_segment(&sb, 2, 1, &start, &frac));
	TK_CHECK(hbars_segment(&sb, 3, 2, &start, &frac));
	TK_EQ_DBL(start, 0.2, 1e-15);
	TK_EQ_DBL(frac, 0.8, 1e-15);
}

static void test_bar_boxes(void)
{
	Rect plot = { 10, 20, 100, 30 };
	/* 3 rows: slots of 10 points, bars 7.2 tall centred in them */
	Rect b0 = hbars_bar_box(plot, 3, 0), b2 = hbars_bar_box(plot, 3, 2);
	TK_EQ_DBL(b0.y, 21.4, 1e-12);
	TK_EQ_DBL(b0.h, 7.2, 1e-12);
	TK_EQ_DBL(b2.y, 41.4, 1e-12);
	TK_EQ_DBL(b0.x, 10, 0);
	TK_EQ_DBL(b0.w, 100, 0);
	TK_CHECK(!rect_overlaps(b0, hbars_bar_box(plot, 3, 1)));
}

typedef struct {
	OrgMatrix om;
	char *row[5], *col[5];
	double prop[4 * 4], row_total[4], col_total[4];
	Stats st;
} Fixture;

static void fixture_init(Fixture *f, bool empty)
{
	static const char *const rows[] = { "China", "International / Online", "Others", "Unknown" };
	static const char *const cols[] = { "company", "academic", "user", "Unknown" };
	static const double prop[] = {
		0.75, 0.25, 0, 0, /* China */
		0.10, 0.60, 0.30, 0, /* International / Online */
		0.5, 0.5, 0, 0,   /* Others */
		0, 0, 0, 1,       /* Unknown */
	};
	static const double totals[] = { 1500000, 420000, 999, 12345 };
	memset(f, 0, sizeof *f);
	for (int i = 0; i < 4; i++) {
		f->row[i] = (char *)rows[i];
		f->col[i] = (char *)cols[i];
		f->row_total[i] = totals[i];
	}
	memcpy(f->prop, prop, sizeof prop);
	f->om = (OrgMatrix){ empty ? 0 : 4, 4, f->row, f->col, f->prop, f->row_total, f->col_total };
	f->st.info = (RunInfo){ WINDOW_ALL, ATTRIBUTION_COMPUTED, PERIOD_MONTH,
				day_from_civil(2025, 3, 31), day_from_civil(2024, 1, 1), false,
				"test.csv" };
	f->st.org_matrix = &f->om;
}

static bool render(const char *dir, unsigned formats, bool empty)
{
	Fixture f;
	fixture_init(&f, empty);
	return ft_render(fig4_render, &f.st, dir, formats, false);
}

static void test_files_identical(void)
{
	Fixture f;
	fixture_init(&f, false);
	ft_check_identical(fig4_render, &f.st, "fig4", true);
}

static void test_pdf_text(void)
{
	char *dir = g_dir_make_tmp("eoi-fig4-XXXXXX", NULL);
	TK_CHECK(render(dir, FIG_PDF, false));
	char *text = ft_pdf_text(dir, "fig4");
	/* 75 % and 25 % of China's bar are labelled; 1.5M, 420K, 999, 12.3K
	 * downloads on the right; the org types capitalised in the legend */
	const char *want[] = { "Figure 4.", "China",   "International / Online", "Others",
			       "Unknown",   "75%",     "25%",		     "60%",
			       "1.5M",	    "420K",    "999",		     "12.3K",
			       "Company",   "Academic", "User",		     "Downloads",
			       "0%",	    "100%",    "All downloads",	     "computed attribution",
			       "test.csv" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_empty(void)
{
	char *dir = g_dir_make_tmp("eoi-fig4-XXXXXX", NULL);
	TK_CHECK(render(dir, FIG_PDF | FIG_PNG, true));
	char *text = ft_pdf_text(dir, "fig4");
	const char *want[] = { "No downloads in this window" };
	ft_check_text(text, want, 1);
	g_free(text);
	Stats st = { 0 };
	FigureOptions fo = { dir, FIG_PDF, false };
	GError *err = NULL;
	TK_CHECK(fig4_render(&st, &fo, &err)); /* no matrix at all */
	g_clear_error(&err);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_segments, test_bar_boxes, test_files_identical, test_pdf_text, test_empty)
