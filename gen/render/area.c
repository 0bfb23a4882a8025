/* area.c - 100 % stacked areas with gaps. */
#include "area.h"

#include <math.h>

bool area_position_drawn(const StackedShares *ss, int i)
{
	double sum = 0;
	for (int s = 0; s < ss->n_series; s++) {
		double v = ss->share[(size_t)i * ss->n_series + s];
		if (!isfinite(v))
			return false;
		sum += v > 0 ? v : 0;
	}
	return sum > 0;
}

/* Cumulative share below the top of series S at position I (S = -1: 0). */
static double top_of(const StackedShares *ss, int i, int s)
{
	const double *row = ss->share + (size_t)i * ss->n_series;
	double sum = 0, below = 0;
	for (int k = 0; k < ss->n_series; k++) {
		double v = row[k] > 0 ? row[k] : 0;
		sum += v;
		if (k <= s)
			below += v;
	}
	return s >= ss->n_series - 1 ? 1.0 : below / sum;
}

/* Page x of position I, or, for a lone position, the left (SIDE -1) or
 * right (SIDE +1) edge of its narrow bar. */
static double px(const StackedShares *ss, const Scale *sx, int i, int side, bool lone)
{
	double x = scale_map(sx, ss->x[i]);
	if (!lone || side == 0)
		return x;
	double gap = INFINITY;
	if (i > 0)
		gap = fmin(gap, fabs(x - scale_map(sx, ss->x[i - 1])));
	if (i + 1 < ss->n_x)
		gap = fmin(gap, fabs(scale_map(sx, ss->x[i + 1]) - x));
	if (!isfinite(gap))
		gap = fabs(sx->r1 - sx->r0);
	return x + side * fmax(gap / 6, 0.5);
}

/* Trace the top of series S over run [A, B] left to right. */
static void trace_top(cairo_t *cr, const StackedShares *ss, const Scale *sx, const Scale *sy, int a,
		      int b, int s, bool move)
{
	bool lone = a == b;
	for (int i = a; i <= b; i++) {
		double y = scale_map(sy, top_of(ss, i, s));
		for (int side = lone ? -1 : 0; side <= (lone ? 1 : 0); side += 2) {
			double x = px(ss, sx, i, side, lone);
			if (move && i == a && side <= 0)
				cairo_move_to(cr, x, y);
			else
				cairo_line_to(cr, x, y);
		}
	}
}

/* Fill the run [A, B]: each series from the baseline to its top, the top
 * series first, so neighbouring fills never leave a hairline between them. */
static void fill_run(cairo_t *cr, const StackedShares *ss, const Scale *sx, const Scale *sy, int a,
		     int b)
{
	bool lone = a == b;
	double y0 = scale_map(sy, 0);
	for (int s = ss->n_series - 1; s >= 0; s--) {
		Colour c = ss->colours[s];
		cairo_set_source_rgb(cr, c.r, c.g, c.b);
		trace_top(cr, ss, sx, sy, a, b, s, true);
		cairo_line_to(cr, px(ss, sx, b, 1, lone), y0);
		cairo_line_to(cr, px(ss, sx, a, -1, lone), y0);
		cairo_close_path(cr);
		cairo_fill(cr);
	}
}

static void separate_run(cairo_t *cr, const Theme *th, const StackedShares *ss, const Scale *sx,
			 const Scale *sy, int a, int b)
{
	if (th->line_separator <= 0)
		return;
	cairo_set_source_rgb(cr, th->separator.r, th->separator.g, th->separator.b);
	cairo_set_line_width(cr, th->line_separator);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (int s = 0; s < ss->n_series - 1; s++) {
		trace_top(cr, ss, sx, sy, a, b, s, true);
		cairo_stroke(cr);
	}
}

bool area_draw_stacked(Canvas *cv, const Theme *th, Rect plot, const Scale *sx, const Scale *sy,
		       const StackedShares *ss)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	cairo_rectangle(cr, plot.x, plot.y, plot.w, plot.h);
	cairo_clip(cr);
	for (int i = 0; i < ss->n_x;) {
		if (!area_position_drawn(ss, i)) {
			i++;
			continue;
		}
		int b = i;
		while (b + 1 < ss->n_x && area_position_drawn(ss, b + 1))
			b++;
		fill_run(cr, ss, sx, sy, i, b);
		separate_run(cr, th, ss, sx, sy, i, b);
		i = b + 1;
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
