/* lines.c - line series with gaps, and the right-hand y axis. */
#include "lines.h"

#include <math.h>

#include "axis.h"

double line_value(const LineSeries *ls, int i)
{
	if (!ls || !ls->y || i < 0 || i >= ls->n)
		return NAN;
	int stride = ls->stride > 0 ? ls->stride : 1;
	return ls->y[(size_t)i * (size_t)stride];
}

static bool finite_at(const LineSeries *ls, int i)
{
	return isfinite(line_value(ls, i)) && ls->x && isfinite(ls->x[i]);
}

bool line_point(const LineSeries *ls, const Scale *sx, const Scale *sy, int i, double *px,
		double *py)
{
	if (!finite_at(ls, i))
		return false;
	*px = scale_map(sx, ls->x[i]);
	*py = scale_map(sy, line_value(ls, i));
	return true;
}

bool line_point_lone(const LineSeries *ls, int i)
{
	return finite_at(ls, i) && !finite_at(ls, i - 1) && !finite_at(ls, i + 1);
}

int line_runs(const LineSeries *ls)
{
	int runs = 0;
	for (int i = 0; ls && i < ls->n; i++)
		runs += finite_at(ls, i) && !finite_at(ls, i - 1);
	return runs;
}

double lines_max(const LineSeries *ls, int n)
{
	double max = 0;
	for (int k = 0; k < n; k++)
		for (int i = 0; i < ls[k].n; i++)
			if (finite_at(&ls[k], i))
				max = fmax(max, line_value(&ls[k], i));
	return max;
}

static double width_of(const Theme *th, const LineSeries *ls)
{
	return ls->width > 0 ? ls->width : th->line_data;
}

/* Add LS's runs of two or more points to the path. */
static void trace(cairo_t *cr, const LineSeries *ls, const Scale *sx, const Scale *sy)
{
	for (int i = 0; i < ls->n; i++) {
		double x, y;
		if (line_point_lone(ls, i) || !line_point(ls, sx, sy, i, &x, &y))
			continue;
		if (!finite_at(ls, i - 1)) {
			cairo_move_to(cr, x, y);
		} else {
			cairo_line_to(cr, x, y);
		}
	}
}

/* Stroke LS's runs WIDTH wide in C (dashed when DASHED) and fill its lone
 * points as dots of radius DOT. */
static void stroke_series(cairo_t *cr, const LineSeries *ls, const Scale *sx, const Scale *sy,
			  double width, Colour c, bool dashed, double dot)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
	cairo_set_line_width(cr, width);
	if (dashed && ls->dash > 0) {
		cairo_set_dash(cr, &ls->dash, 1, 0);
	} else {
		cairo_set_dash(cr, NULL, 0, 0);
	}
	trace(cr, ls, sx, sy);
	cairo_stroke(cr);
	for (int i = 0; i < ls->n; i++) {
		double x, y;
		if (line_point_lone(ls, i) && line_point(ls, sx, sy, i, &x, &y)) {
			cairo_new_sub_path(cr);
			cairo_arc(cr, x, y, dot, 0, 2 * G_PI);
		}
	}
	cairo_fill(cr);
}

bool lines_draw(Canvas *cv, const Theme *th, Rect plot, const Scale *sx, const Scale *sy,
		const LineSeries *ls, int n)
{
	cairo_t *cr = canvas_cairo(cv);
	double widest = 0;
	for (int k = 0; k < n; k++)
		widest = fmax(widest, width_of(th, &ls[k]) + 2 * ls[k].halo);
	cairo_save(cr);
	cairo_rectangle(cr, plot.x - widest, plot.y - widest, plot.w + 2 * widest,
			plot.h + 2 * widest);
	cairo_clip(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	for (int k = 0; k < n; k++) {
		double w = width_of(th, &ls[k]);
		if (ls[k].halo > 0)
			stroke_series(cr, &ls[k], sx, sy, w + 2 * ls[k].halo, th->background, false,
				      w * 1.3 + ls[k].halo);
	}
	for (int k = 0; k < n; k++) {
		double w = width_of(th, &ls[k]);
		stroke_series(cr, &ls[k], sx, sy, w, ls[k].colour, true, w * 1.3);
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* Widest tick label of T and the height of TITLE's layout (0 without). */
static void label_sizes(TextEngine *te, const Theme *th, const Ticks *t, const char *title,
			double *label_w, double *title_h)
{
	*label_w = 0;
	*title_h = 0;
	for (int i = 0; i < t->n; i++) {
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		double w;
		text_extent(l, &w, NULL);
		*label_w = fmax(*label_w, w);
		g_object_unref(l);
	}
	if (title && *title) {
		PangoLayout *l = text_layout(te, title, th->size_label, TEXT_REGULAR, 0);
		text_extent(l, NULL, title_h);
		g_object_unref(l);
	}
}

double lines_right_axis_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title)
{
	double label_w, title_h;
	label_sizes(te, th, t, title, &label_w, &title_h);
	return th->tick_length + AXIS_LABEL_GAP + label_w + (title_h > 0 ? AXIS_TITLE_GAP + title_h : 0);
}

/* Stroke a horizontal or vertical line of width W, snapped on PNG. */
static void rule(Canvas *cv, double x0, double y0, double x1, double y1, double w)
{
	cairo_t *cr = canvas_cairo(cv);
	if (x0 == x1)
		x0 = x1 = canvas_snap(cv, x0, w);
	if (y0 == y1)
		y0 = y1 = canvas_snap(cv, y0, w);
	cairo_set_line_width(cr, w);
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

bool lines_right_axis_draw(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
			   const Ticks *t, const char *title)
{
	cairo_t *cr = canvas_cairo(cv);
	double x0 = rect_right(plot), label_w, title_h;
	label_sizes(te, th, t, title, &label_w, &title_h);
	cairo_save(cr);
	cairo_set_source_rgb(cr, th->axis.r, th->axis.g, th->axis.b);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
	rule(cv, x0, plot.y, x0, rect_bottom(plot), th->line_axis);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	for (int i = 0; i < t->n; i++) {
		double y = scale_map(sy, t->value[i]);
		cairo_set_source_rgb(cr, th->axis.r, th->axis.g, th->axis.b);
		rule(cv, x0, y, x0 + th->tick_length, y, th->line_axis);
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		text_draw(cr, l, x0 + th->tick_length + AXIS_LABEL_GAP, y, 0.0, 0.5, 0, th->text);
		g_object_unref(l);
	}
	if (title_h > 0) {
		PangoLayout *l = text_layout(te, title, th->size_label, TEXT_REGULAR, 0);
		double x = x0 + th->tick_length + AXIS_LABEL_GAP + label_w + AXIS_TITLE_GAP;
		text_draw(cr, l, x, plot.y + plot.h / 2, 0.5, 0.0, -G_PI / 2, th->text);
		g_object_unref(l);
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
