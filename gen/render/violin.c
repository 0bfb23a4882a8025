/* violin.c - split violin halves with percentile lines. */
#include "violin.h"

#include <math.h>

double violin_max_density(const ViolinHalf *h)
{
	double m = 0;
	for (int i = 0; h && h->density && i < h->n; i++)
		if (isfinite(h->density[i]))
			m = fmax(m, h->density[i]);
	return m;
}

double violin_density_at(const ViolinHalf *h, double y)
{
	if (!h || h->n < 1 || !(y >= h->grid[0]) || !(y <= h->grid[h->n - 1]))
		return 0;
	for (int i = 1; i < h->n; i++)
		if (y <= h->grid[i]) {
			double a = h->grid[i - 1], b = h->grid[i];
			double f = b > a ? (y - a) / (b - a) : 0;
			return h->density[i - 1] + f * (h->density[i] - h->density[i - 1]);
		}
	return h->density[h->n - 1];
}

/* First and last grid index kept after trimming; false when none. */
static bool kept(const ViolinHalf *h, int *first, int *last)
{
	double cut = violin_max_density(h) * VIOLIN_TRIM;
	*first = 0;
	*last = h ? h->n - 1 : -1;
	if (!h || cut <= 0)
		return false;
	while (*first < h->n && !(h->density[*first] > cut))
		(*first)++;
	while (*last > *first && !(h->density[*last] > cut))
		(*last)--;
	return *first <= *last;
}

bool violin_drawn_range(const ViolinHalf *h, double *lo, double *hi)
{
	int a, b;
	if (!kept(h, &a, &b))
		return false;
	*lo = h->grid[a];
	*hi = h->grid[b];
	return true;
}

static void outline_path(cairo_t *cr, const Scale *sy, double x, double dir, double width,
			 const ViolinHalf *h, int a, int b)
{
	cairo_move_to(cr, x, scale_map(sy, h->grid[a]));
	for (int i = a; i <= b; i++)
		cairo_line_to(cr, x + dir * h->density[i] * width, scale_map(sy, h->grid[i]));
	cairo_line_to(cr, x, scale_map(sy, h->grid[b]));
}

static void percentile_line(cairo_t *cr, const Scale *sy, double x, double dir, double width,
			    const ViolinHalf *h, double v, bool dashed, double lw)
{
	if (!isfinite(v))
		return;
	double y = scale_map(sy, v), d = violin_density_at(h, v) * width;
	if (dashed) {
		double dash[2] = { 1.6, 1.0 };
		cairo_set_dash(cr, dash, 2, 0);
	} else {
		cairo_set_dash(cr, NULL, 0, 0);
	}
	cairo_set_line_width(cr, dashed ? lw * 0.8 : lw * 1.3);
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x + dir * d, y);
	cairo_stroke(cr);
}

bool violin_draw_half(Canvas *cv, const Theme *th, const Scale *sy, double x, double width,
		      const ViolinHalf *h, ViolinSide side, Colour fill, Colour line)
{
	cairo_t *cr = canvas_cairo(cv);
	int a, b;
	if (!kept(h, &a, &b))
		return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
	double dir = side == VIOLIN_LEFT ? -1 : 1, lw = th->line_data * 0.6;
	cairo_save(cr);
	cairo_new_path(cr);
	outline_path(cr, sy, x, dir, width, h, a, b);
	cairo_close_path(cr);
	cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, line.r, line.g, line.b);
	cairo_set_line_width(cr, lw);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
	percentile_line(cr, sy, x, dir, width, h, h->q25, true, lw);
	percentile_line(cr, sy, x, dir, width, h, h->q75, true, lw);
	percentile_line(cr, sy, x, dir, width, h, h->median, false, lw);
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
