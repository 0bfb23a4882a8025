/*
 * test_lines.c - line series (render/lines.h): page positions of points
 * for hand-computed values, gaps at NAN, lone points as dots, strides into
 * a share matrix, and the drawing checked pixel by pixel (line, gap, dot,
 * dashes, halo); the right-hand axis; line samples in legends.
 */
#include <string.h>

#include "eoi.h"
#include "paths.h"
#include "render/axis.h"
#include "render/canvas.h"
#include "render/legend.h"
#include "render/lines.h"
#include "render/text.h"
#include "render/theme.h"
#include "tk.h"

#include "figtest.h"

static const Colour red = { 1, 0, 0 }, blue = { 0, 0, 1 }, white = { 1, 1, 1 };

static void test_points(void)
{
	const double x[] = { 0, 1, 2, 3, 4 };
	const double y[] = { 0.25, 0.5, NAN, 1.0, NAN };
	LineSeries ls = { .n = 5, .x = x, .y = y, .colour = red };
	/* x 0..4 -> 10..90 points; y 0..1 -> 100..20 (page y grows downwards) */
	Scale sx = { 0, 4, 10, 90, false }, sy = { 0, 1, 100, 20, false };
	double px = -1, py = -1;
	TK_CHECK(line_point(&ls, &sx, &sy, 0, &px, &py));
	TK_EQ_DBL(px, 10, 1e-12);
	TK_EQ_DBL(py, 80, 1e-12); /* 100 - 0.25 * 80 */
	TK_CHECK(line_point(&ls, &sx, &sy, 1, &px, &py));
	TK_EQ_DBL(px, 30, 1e-12);
	TK_EQ_DBL(py, 60, 1e-12);
	px = py = -1;
	TK_CHECK(!line_point(&ls, &sx, &sy, 2, &px, &py)); /* NAN: a gap */
	TK_EQ_DBL(px, -1, 0);                               /* nothing written */
	TK_CHECK(line_point(&ls, &sx, &sy, 3, &px, &py));
	TK_EQ_DBL(px, 70, 1e-12);
	TK_EQ_DBL(py, 20, 1e-12);
	TK_CHECK(!line_point(&ls, &sx, &sy, 4, &px, &py));
	TK_CHECK(!line_point(&ls, &sx, &sy, 5, &px, &py)); /* out of range */
	TK_CHECK(!line_point_lone(&ls, 0) && !line_point_lone(&ls, 1));
	TK_CHECK(line_point_lone(&ls, 3)); /* both neighbours are gaps */
	TK_CHECK(!line_point_lone(&ls, 2));
	TK_EQ_INT(line_runs(&ls), 2); /* points 0-1, and point 3 alone */
	TK_EQ_DBL(lines_max(&ls, 1), 1.0, 0);
	const double none[] = { NAN, NAN };
	LineSeries empty = { .n = 2, .x = x, .y = none };
	TK_EQ_INT(line_runs(&empty), 0);
	TK_EQ_DBL(lines_max(&empty, 1), 0, 0);
}

static void test_stride(void)
{
	/* a periods × categories matrix: category 1 of 3 periods */
	const double share[] = { 0.9, 0.1, 0.6, 0.4, NAN, NAN };
	const double x[] = { 10, 20, 30 };
	LineSeries ls = { .n = 3, .x = x, .y = share + 1, .stride = 2 };
	TK_EQ_DBL(line_value(&ls, 0), 0.1, 0);
	TK_EQ_DBL(line_value(&ls, 1), 0.4, 0);
	TK_CHECK(isnan(line_value(&ls, 2)));
	TK_CHECK(isnan(line_value(&ls, 3)));
	TK_CHECK(isnan(line_value(&ls, -1)));
	TK_EQ_INT(line_runs(&ls), 1);
}

static void test_drawing(void)
{
	Theme th;
	theme_defaults(&th);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 72, 72, NULL, white, &err);
	TK_CHECK(cv != NULL);
	if (!cv)
		return;
	const double x[] = { 0, 1, 2, 3 };
	const double y[] = { 0.5, 0.5, NAN, 0.25 };
	LineSeries ls = { .n = 4, .x = x, .y = y, .colour = red, .width = 2 };
	Rect plot = { 0, 0, 72, 72 };
	Scale sx = { 0, 3, 0, 72, false }, sy = { 0, 1, 72, 0, false };
	TK_CHECK(lines_draw(cv, &th, plot, &sx, &sy, &ls, 1));
	TK_EQ_INT(ft_pixel_at(cv, 12, 36), 0xff0000);   /* x 0.5 on the line y = 0.5 */
	TK_EQ_INT(ft_pixel_at(cv, 12, 32), 0xffffff);   /* 4 points above it */
	TK_EQ_INT(ft_pixel_at(cv, 36, 36), 0xffffff);   /* x 1.5: the run ended at 1 */
	TK_EQ_INT(ft_pixel_at(cv, 60, 54), 0xffffff);   /* x 2.5: gap */
	TK_EQ_INT(ft_pixel_at(cv, 71.2, 54), 0xff0000); /* x 3, y 0.25: a dot (radius 2.6) */
	TK_EQ_INT(ft_pixel_at(cv, 66, 54), 0xffffff);   /* beyond the dot */
	canvas_free(cv);
}

static void test_dash_and_halo(void)
{
	Theme th;
	theme_defaults(&th);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 72, 72, NULL, white, &err);
	TK_CHECK(cv != NULL);
	if (!cv)
		return;
	cairo_t *cr = canvas_cairo(cv);
	cairo_set_source_rgb(cr, 0, 0, 1);
	cairo_rectangle(cr, 0, 0, 72, 72);
	cairo_fill(cr);
	/* a dashed line (4 on, 4 off) along y = 0.5, with a 2-point halo */
	const double x[] = { 0, 1 };
	const double y[] = { 0.5, 0.5 };
	LineSeries ls = { .n = 2, .x = x, .y = y, .colour = red, .width = 1, .dash = 4, .halo = 2 };
	Rect plot = { 0, 0, 72, 72 };
	Scale sx = { 0, 1, 0, 72, false }, sy = { 0, 1, 72, 0, false };
	TK_CHECK(lines_draw(cv, &th, plot, &sx, &sy, &ls, 1));
	TK_EQ_INT(ft_pixel_at(cv, 2, 36), 0xff0000);  /* in the first dash */
	TK_EQ_INT(ft_pixel_at(cv, 6, 36), 0xffffff);  /* in the first gap: the halo shows */
	TK_EQ_INT(ft_pixel_at(cv, 10, 36), 0xff0000); /* the second dash */
	TK_EQ_INT(ft_pixel_at(cv, 30, 34), 0xffffff); /* 2 points above: halo */
	TK_EQ_INT(ft_pixel_at(cv, 30, 31), 0x0000ff); /* 5 points above: the area */
	canvas_free(cv);
}

static void test_right_axis(void)
{
	TextEngine *te = ft_engine();
	if (!te)
		return;
	Theme th;
	theme_defaults(&th);
	Ticks t;
	TK_CHECK(ticks_linear(0, 1, 6, LABEL_PLAIN, &t));
	TK_EQ_INT(t.n, 6);
	TK_EQ_STR(t.label[5], "1.0");
	double widest = 0;
	for (int i = 0; i < t.n; i++)
		widest = fmax(widest, ft_width_of(te, t.label[i], th.size_tick));
	double bare = lines_right_axis_extent(te, &th, &t, NULL);
	TK_EQ_DBL(bare, th.tick_length + AXIS_LABEL_GAP + widest, 1e-9);
	PangoLayout *l = text_layout(te, "Gini, HHI (0–1)", th.size_label, TEXT_REGULAR, 0);
	double title_h;
	text_extent(l, NULL, &title_h);
	g_object_unref(l);
	TK_EQ_DBL(lines_right_axis_extent(te, &th, &t, "Gini, HHI (0–1)"),
		  bare + AXIS_TITLE_GAP + title_h, 1e-9);

	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 144, 72, NULL, white, &err);
	Rect plot = { 10, 10, 60, 50 };
	Scale sy = { 0, 1, 60, 10, false };
	TK_CHECK(lines_right_axis_draw(cv, te, &th, plot, &sy, &t, "Gini"));
	/* the spine along x = 70 and the tick at 0.4 (y = 40) pointing right */
	TK_CHECK(ft_pixel_at(cv, 70, 30) != 0xffffff);
	TK_CHECK(ft_pixel_at(cv, 71.5, 40) != 0xffffff);
	TK_EQ_INT(ft_pixel_at(cv, 68.5, 40), 0xffffff); /* nothing inside the plot */
	canvas_free(cv);
	text_engine_free(te);
}

static void test_legend_line_sample(void)
{
	TextEngine *te = ft_engine();
	if (!te)
		return;
	Theme th;
	theme_defaults(&th);
	LegendItem items[2] = { { "band", blue }, { "line", red } };
	Legend *lg = legend_new(te, &th, items, 2);
	double before = legend_column_width(lg);
	legend_set_line(lg, 1, 1.5, 0);
	double swatch = round(th.size_legend * 0.9 * 4) / 4;
	double sample = round(swatch * LEGEND_LINE_SAMPLE * 4) / 4;
	TK_EQ_DBL(legend_column_width(lg) - before, sample - swatch, 1e-9);
	legend_arrange(lg, 1, true);
	legend_place(lg, 4, 4);
	Rect b1 = legend_item_box(lg, 1);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 72, 36, NULL, white, &err);
	TK_CHECK(legend_draw(cv, lg));
	double cy = b1.y + b1.h / 2;
	TK_EQ_INT(ft_pixel_at(cv, b1.x + sample / 2, cy), 0xff0000);       /* the line */
	TK_EQ_INT(ft_pixel_at(cv, b1.x + sample / 2, cy - 2.5), 0xffffff); /* 1.5 thick */
	Rect b0 = legend_item_box(lg, 0);
	/* the band's swatch widens to the sample's width */
	TK_EQ_INT(ft_pixel_at(cv, b0.x + sample - 1, b0.y + b0.h / 2), 0x0000ff);
	canvas_free(cv);
	legend_free(lg);
	text_engine_free(te);
}

TK_MAIN(test_points, test_stride, test_drawing, test_dash_and_halo, test_right_axis,
	test_legend_line_sample)
