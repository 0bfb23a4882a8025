/* map.c - Equal Earth projection and choropleth drawing. */
#include "map.h"

#include <math.h>

#define EE_A1 1.340264
#define EE_A2 (-0.081106)
#define EE_A3 0.000893
#define EE_A4 0.003796

void map_equal_earth(double lon, double lat, double *x, double *y)
{
	double lam = lon * G_PI / 180.0, phi = lat * G_PI / 180.0;
	double t = asin(sqrt(3.0) / 2.0 * sin(phi));
	double t2 = t * t, t6 = t2 * t2 * t2;
	*x = 2.0 * sqrt(3.0) * lam * cos(t) /
	     (3.0 * (9.0 * EE_A4 * t6 * t2 + 7.0 * EE_A3 * t6 + 3.0 * EE_A2 * t2 + EE_A1));
	*y = t * (EE_A1 + EE_A2 * t2 + t6 * (EE_A3 + EE_A4 * t2));
}

MapExtent map_extent(const GeoWorld *w)
{
	MapExtent e = { INFINITY, INFINITY, -INFINITY, -INFINITY };
	for (uint32_t c = 0; w && c < w->n; c++)
		for (uint32_t r = 0; r < w->country[c].n_rings; r++) {
			const GeoRing *g = &w->country[c].ring[r];
			for (uint32_t i = 0; i < g->n; i++) {
				double x, y;
				map_equal_earth(g->xy[2 * i], g->xy[2 * i + 1], &x, &y);
				e = (MapExtent){ fmin(e.x0, x), fmin(e.y0, y), fmax(e.x1, x),
						 fmax(e.y1, y) };
			}
		}
	if (!isfinite(e.x0))
		e = (MapExtent){ 0, 0, 0, 0 };
	return e;
}

MapView map_view_fit(MapExtent ext, Rect room)
{
	double ew = ext.x1 - ext.x0, eh = ext.y1 - ext.y0;
	MapView v = { ext, room, 0 };
	if (ew <= 0 || eh <= 0)
		return v;
	v.scale = fmin(room.w / ew, room.h / eh);
	v.box = (Rect){ room.x + (room.w - ew * v.scale) / 2, room.y, ew * v.scale, eh * v.scale };
	return v;
}

void map_view_point(const MapView *v, double lon, double lat, double *px, double *py)
{
	double x, y;
	map_equal_earth(lon, lat, &x, &y);
	*px = v->box.x + (x - v->ext.x0) * v->scale;
	*py = v->box.y + (v->ext.y1 - y) * v->scale;
}

static Colour fill_of(int iso, const MapFill *fills, int n, Colour base)
{
	for (int i = 0; iso != GEO_NO_ISO && i < n; i++)
		if (fills[i].iso == iso)
			return fills[i].fill;
	return base;
}

static void country_path(cairo_t *cr, const MapView *v, const GeoCountry *c)
{
	for (uint32_t r = 0; r < c->n_rings; r++) {
		const GeoRing *g = &c->ring[r];
		for (uint32_t i = 0; i < g->n; i++) {
			double px, py;
			map_view_point(v, g->xy[2 * i], g->xy[2 * i + 1], &px, &py);
			if (i == 0)
				cairo_move_to(cr, px, py);
			else
				cairo_line_to(cr, px, py);
		}
		cairo_close_path(cr);
	}
}

bool map_draw(Canvas *cv, const MapView *v, const GeoWorld *w, const MapFill *fills, int n,
	      Colour base, Colour border, double line)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_width(cr, line);
	for (uint32_t c = 0; w && c < w->n; c++) {
		Colour f = fill_of(w->country[c].iso, fills, n, base);
		cairo_new_path(cr);
		country_path(cr, v, &w->country[c]);
		cairo_set_source_rgb(cr, f.r, f.g, f.b);
		if (line > 0) {
			cairo_fill_preserve(cr);
			cairo_set_source_rgb(cr, border.r, border.g, border.b);
			cairo_stroke(cr);
		} else {
			cairo_fill(cr);
		}
	}
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

bool map_draw_marker(Canvas *cv, const MapView *v, double lon, double lat, double r, Colour fill,
		     Colour border, double line)
{
	cairo_t *cr = canvas_cairo(cv);
	double px, py;
	map_view_point(v, lon, lat, &px, &py);
	cairo_save(cr);
	cairo_new_path(cr);
	cairo_arc(cr, px, py, r, 0, 2 * G_PI);
	cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
	cairo_fill_preserve(cr);
	cairo_set_line_width(cr, line);
	cairo_set_source_rgb(cr, border.r, border.g, border.b);
	cairo_stroke(cr);
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* The I-th value of the 1, 2, 5 sequence (I = 3k + j: {1, 2, 5}[j] × 10^k). */
static double seq125(int i)
{
	static const double m[3] = { 1, 2, 5 };
	int k = (int)floor(i / 3.0);
	return m[i - 3 * k] * pow(10, k);
}

int map_class_breaks(double lo, double hi, double *edges, int max)
{
	if (!(lo > 0) || !(hi >= lo) || !isfinite(hi) || max < 2)
		return 0;
	int i = 3 * (int)floor(log10(lo)) - 3;
	while (seq125(i + 1) <= lo * (1 + 1e-12))
		i++;
	int n = 0;
	for (; n < max; i++) {
		edges[n++] = seq125(i);
		if (seq125(i) > hi * (1 + 1e-12))
			break;
	}
	return n;
}

int map_class_of(const double *edges, int n_edges, double v)
{
	int k = 0;
	while (k + 2 < n_edges && v >= edges[k + 1])
		k++;
	return k;
}
