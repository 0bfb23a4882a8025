/* axis.c - axis spines, ticks, labels and titles. */
#include "axis.h"

#include <math.h>

/* Widest and tallest tick label of T at the tick size. */
static void label_extent(TextEngine *te, const Theme *th, const Ticks *t, double *w, double *h)
{
	*w = 0;
	*h = 0;
	for (int i = 0; i < t->n; i++) {
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		double lw, lh;
		text_extent(l, &lw, &lh);
		*w = fmax(*w, lw);
		*h = fmax(*h, lh);
		g_object_unref(l);
	}
}

static double title_height(TextEngine *te, const Theme *th, const char *title)
{
	if (!title || !*title)
		return 0;
	PangoLayout *l = text_layout(te, title, th->size_label, TEXT_REGULAR, 0);
	double h;
	text_extent(l, NULL, &h);
	g_object_unref(l);
	return AXIS_TITLE_GAP + h;
}

double axis_y_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title)
{
	double w, h;
	label_extent(te, th, t, &w, &h);
	return th->tick_length + AXIS_LABEL_GAP + w + title_height(te, th, title);
}

double axis_x_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title)
{
	double w, h;
	label_extent(te, th, t, &w, &h);
	return th->tick_length + AXIS_LABEL_GAP + h + title_height(te, th, title);
}

void axis_x_overhang(TextEngine *te, const Theme *th, const Ticks *t, const Scale *sx, double *left,
		     double *right)
{
	*left = 0;
	*right = 0;
	double lo = fmin(sx->r0, sx->r1), hi = fmax(sx->r0, sx->r1);
	for (int i = 0; i < t->n; i++) {
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		double w;
		text_extent(l, &w, NULL);
		g_object_unref(l);
		double x = scale_map(sx, t->value[i]);
		*left = fmax(*left, lo - (x - w / 2));
		*right = fmax(*right, (x + w / 2) - hi);
	}
}

/* Smallest distance in points between neighbouring ticks of T over WIDTH. */
static double min_tick_gap(const Ticks *t, Day lo, Day hi, double width)
{
	double gap = width;
	for (int i = 1; i < t->n; i++)
		gap = fmin(gap, (t->value[i] - t->value[i - 1]) / (double)(hi - lo) * width);
	return gap;
}

void axis_fit_time_ticks(TextEngine *te, const Theme *th, Day lo, Day hi, double width, Ticks *out)
{
	for (int max = TICKS_MAX; max >= 1; max--) {
		ticks_time(lo, hi, max, out);
		if (out->n <= 1 || hi <= lo)
			return;
		double w, h;
		label_extent(te, th, out, &w, &h);
		double need = fmax(w + 2 * th->size_tick, fmin(AXIS_TIME_MIN_SPACING, width / 6));
		if (min_tick_gap(out, lo, hi, width) >= need)
			return;
		max = out->n; /* the next try must have fewer ticks */
	}
}

static void set_colour(cairo_t *cr, Colour c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Stroke a line from (X0,Y0) to (X1,Y1) of width W, snapped on PNG. */
static void line(Canvas *cv, double x0, double y0, double x1, double y1, double w)
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

bool axis_draw_y_side(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
		      const Ticks *t, const char *title, AxisSide side)
{
	cairo_t *cr = canvas_cairo(cv);
	/* outwards: leftwards of the left edge, rightwards of the right one */
	double out = side == AXIS_RIGHT ? 1.0 : -1.0, anchor = side == AXIS_RIGHT ? 0.0 : 1.0;
	double x0 = side == AXIS_RIGHT ? rect_right(plot) : plot.x;
	double tip = x0 + out * th->tick_length, label_x = tip + out * AXIS_LABEL_GAP;
	cairo_save(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
	set_colour(cr, th->axis);
	line(cv, x0, plot.y, x0, rect_bottom(plot), th->line_axis);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	double label_w = 0, label_h = 0;
	label_extent(te, th, t, &label_w, &label_h);
	for (int i = 0; i < t->n; i++) {
		double y = scale_map(sy, t->value[i]);
		set_colour(cr, th->axis);
		line(cv, fmin(x0, tip), y, fmax(x0, tip), y, th->line_axis);
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		text_draw(cr, l, label_x, y, anchor, 0.5, 0, th->text);
		g_object_unref(l);
	}
	if (title && *title) {
		PangoLayout *l = text_layout(te, title, th->size_label, TEXT_REGULAR, 0);
		double x = label_x + out * label_w + out * AXIS_TITLE_GAP;
		text_draw(cr, l, x, plot.y + plot.h / 2, 0.5, anchor, -G_PI / 2, th->text);
		g_object_unref(l);
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

bool axis_draw_y(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
		 const Ticks *t, const char *title)
{
	return axis_draw_y_side(cv, te, th, plot, sy, t, title, AXIS_LEFT);
}

bool axis_draw_x(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sx,
		 const Ticks *t, const char *title)
{
	cairo_t *cr = canvas_cairo(cv);
	double y0 = rect_bottom(plot);
	cairo_save(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
	set_colour(cr, th->axis);
	line(cv, plot.x, y0, rect_right(plot), y0, th->line_axis);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	for (int i = 0; i < t->n_minor; i++) {
		double x = scale_map(sx, t->minor[i]);
		line(cv, x, y0, x, y0 + th->tick_length * 0.6, th->line_axis * 0.8);
	}
	double label_w = 0, label_h = 0;
	label_extent(te, th, t, &label_w, &label_h);
	for (int i = 0; i < t->n; i++) {
		double x = scale_map(sx, t->value[i]);
		set_colour(cr, th->axis);
		line(cv, x, y0, x, y0 + th->tick_length, th->line_axis);
		PangoLayout *l = text_layout(te, t->label[i], th->size_tick, TEXT_REGULAR, 0);
		text_draw(cr, l, x, y0 + th->tick_length + AXIS_LABEL_GAP, 0.5, 0.0, 0, th->text);
		g_object_unref(l);
	}
	if (title && *title) {
		PangoLayout *l = text_layout(te, title, th->size_label, TEXT_REGULAR, 0);
		double y = y0 + th->tick_length + AXIS_LABEL_GAP + label_h + AXIS_TITLE_GAP;
		text_draw(cr, l, plot.x + plot.w / 2, y, 0.5, 0.0, 0, th->text);
		g_object_unref(l);
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
