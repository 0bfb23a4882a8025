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

double lines_right_axis_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title)
{
	return axis_y_extent(te, th, t, title);
}

bool lines_right_axis_draw(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
			   const Ticks *t, const char *title)
{
	return axis_draw_y_side(cv, te, th, plot, sy, t, title, AXIS_RIGHT);
}
