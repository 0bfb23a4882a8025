/* fig1_map.c - Figure 1 (a): the choropleth of the top nations and its
 * side legend. */
#include "fig1.h"

#include <math.h>
#include <string.h>

#include "../render/palette.h"
#include "../render/ticks.h"

#define MAP_LEGEND_GAP 10.0 /* map to legend */
#define MAP_HEAD_GAP 2.0    /* legend heading to items */
#define MAP_BLOCK_GAP 8.0   /* between the two legend blocks */

static const Colour map_border = { 1, 1, 1 };

bool fig1_is_geographic(const CountryCodes *codes, const char *name)
{
	return country_codes_lookup(codes, name) != GEO_NO_ISO;
}

/* Light grey of the nations outside the board. */
static Colour base_colour(const Theme *th)
{
	Colour u = th->unknown;
	return (Colour){ u.r + 0.45 * (1 - u.r), u.g + 0.45 * (1 - u.g), u.b + 0.45 * (1 - u.b) };
}

static Colour class_colour(const Fig1Map *m, int k)
{
	int n = m->n_edges - 1;
	return palette_sequential(n <= 1 ? 0.6 : 0.12 + 0.88 * k / (n - 1.0));
}

static Colour share_colour(const Fig1Map *m, double share)
{
	return class_colour(m, map_class_of(m->edges, m->n_edges, share));
}

void fig1_map_init(Fig1Map *m, const Leaderboard *board, const GeoWorld *geo,
		   const CountryCodes *codes)
{
	memset(m, 0, sizeof *m);
	m->board = board;
	m->geo = geo;
	m->codes = codes;
}

static void make_classes(Fig1Map *m)
{
	double lo = INFINITY, hi = 0;
	for (uint32_t i = 0; m->board && i < m->board->n; i++)
		if (m->board->entry[i].share > 0) {
			lo = fmin(lo, m->board->entry[i].share);
			hi = fmax(hi, m->board->entry[i].share);
		}
	m->n_edges = isfinite(lo) ? map_class_breaks(lo, hi, m->edges, FIG1_MAX_CLASSES + 1) : 0;
}

/* "0.5", "2", "20" for a share edge. */
static void edge_text(double share, char *buf, size_t size)
{
	double pct = share * 100;
	int dec = pct >= 1 - 1e-9 ? 0 : pct >= 0.1 - 1e-12 ? 1 : 2;
	g_snprintf(buf, size, "%.*f", dec, pct);
}

/* Class legend, darkest first, then "Outside the top N". */
static void make_class_legend(Fig1Map *m, const FigureEnv *env)
{
	int n = m->n_edges > 1 ? m->n_edges - 1 : 0;
	LegendItem *items = g_new0(LegendItem, n + 1);
	m->class_label = g_new0(char *, n + 2);
	for (int k = n - 1, i = 0; k >= 0; k--, i++) {
		char a[16], b[16];
		double top = fmin(m->edges[k + 1], 1.0); /* no share above 100 % */
		edge_text(m->edges[k], a, sizeof a);
		edge_text(top, b, sizeof b);
		m->class_label[i] = top > m->edges[k] ? g_strdup_printf("%s–%s%%", a, b)
						      : g_strdup_printf("%s%%", a);
		items[i] = (LegendItem){ m->class_label[i], class_colour(m, k) };
	}
	m->class_label[n] = g_strdup_printf("Outside the top %u", m->board ? m->board->n : 0);
	items[n] = (LegendItem){ m->class_label[n], base_colour(&env->theme) };
	m->classes = legend_new(env->te, &env->theme, items, n + 1);
	g_free(items);
}

/* Sort the board's entries onto the map (fill or dot) or off it. */
static void place_entries(Fig1Map *m, const FigureEnv *env)
{
	uint32_t n = m->board ? m->board->n : 0;
	LegendItem *off = g_new0(LegendItem, n + 2);
	m->off_label = g_new0(char *, n + 2);
	int n_off = 0;
	for (uint32_t i = 0; i < n; i++) {
		const LeaderEntry *e = &m->board->entry[i];
		int iso = country_codes_lookup(m->codes, e->name);
		double lon, lat;
		Colour c = share_colour(m, e->share);
		bool room = iso != GEO_NO_ISO && m->n_fill < FIG1_MAP_MAX;
		if (room && geo_world_find(m->geo, iso)) {
			m->fill[m->n_fill++] = (MapFill){ iso, c };
		} else if (room && country_codes_point(m->codes, iso, &lon, &lat)) {
			m->fill[m->n_fill++] = (MapFill){ iso, c };
			m->marker_iso[m->n_marker++] = iso;
		} else {
			char pct[32];
			label_percent(e->share, 1, pct, sizeof pct);
			m->off_label[n_off] = g_strdup_printf("%s: %s", e->name, pct);
			off[n_off] = (LegendItem){ m->off_label[n_off], c };
			n_off++;
		}
	}
	if (m->board && m->board->unknown_share > 0) {
		char pct[32];
		label_percent(m->board->unknown_share, 1, pct, sizeof pct);
		m->off_label[n_off] = g_strdup_printf("Unknown (not ranked): %s", pct);
		off[n_off] = (LegendItem){ m->off_label[n_off],
					   share_colour(m, m->board->unknown_share) };
		n_off++;
	}
	m->off_map = legend_new(env->te, &env->theme, off, n_off);
	g_free(off);
}

static double head_height(PangoLayout *l)
{
	double h;
	text_extent(l, NULL, &h);
	return h + MAP_HEAD_GAP;
}

static double head_width(PangoLayout *l)
{
	double w;
	text_extent(l, &w, NULL);
	return w;
}

/* Place the legend blocks from (X, Y), stacked (or side by side when
 * ACROSS); returns their height.  *WIDTH: their width. */
static double place_legends(Fig1Map *m, double x, double y, bool across, double *width)
{
	double hc = head_height(m->classes_head), ho = head_height(m->off_head);
	double wc = fmax(head_width(m->classes_head), legend_width(m->classes));
	double wo = fmax(head_width(m->off_head), legend_width(m->off_map));
	bool off = legend_count(m->off_map) > 0;
	legend_place(m->classes, x, y + hc);
	double h = hc + legend_height(m->classes);
	if (off && across) {
		legend_place(m->off_map, x + wc + 2 * MAP_BLOCK_GAP, y + ho);
		h = fmax(h, ho + legend_height(m->off_map));
		*width = wc + 2 * MAP_BLOCK_GAP + wo;
	} else if (off) {
		legend_place(m->off_map, x, y + h + MAP_BLOCK_GAP + ho);
		h += MAP_BLOCK_GAP + ho + legend_height(m->off_map);
		*width = fmax(wc, wo);
	} else {
		*width = wc;
	}
	return h;
}

double fig1_map_layout(Fig1Map *m, const FigureEnv *env, double x, double y, double w,
		       bool legend_below)
{
	const Theme *th = &env->theme;
	make_classes(m);
	make_class_legend(m, env);
	place_entries(m, env);
	m->classes_head = text_layout(env->te, "Share of all-time downloads", th->size_legend,
				      TEXT_BOLD, 0);
	m->off_head = text_layout(env->te, "Not on the map", th->size_legend, TEXT_BOLD, 0);
	double lw = 0, lh = place_legends(m, 0, 0, legend_below, &lw);
	double map_w = legend_below ? w : w - lw - MAP_LEGEND_GAP;
	MapExtent ext = map_extent(m->geo);
	m->view = map_view_fit(ext, (Rect){ x, y, map_w, 10 * map_w });
	double h;
	if (legend_below) {
		double ly = y + m->view.box.h + MAP_LEGEND_GAP;
		place_legends(m, x + (w - lw) / 2, ly, true, &lw);
		h = m->view.box.h + MAP_LEGEND_GAP + lh;
	} else {
		double ly = y + fmax(0, (m->view.box.h - lh) / 2);
		place_legends(m, x + w - lw, ly, false, &lw);
		h = fmax(m->view.box.h, lh);
	}
	m->box = (Rect){ x, y, w, h };
	return h;
}

static void draw_markers(Canvas *cv, const FigureEnv *env, const Fig1Map *m)
{
	for (int i = 0; i < m->n_marker; i++) {
		double lon, lat;
		if (!country_codes_point(m->codes, m->marker_iso[i], &lon, &lat))
			continue;
		Colour c = base_colour(&env->theme);
		for (int k = 0; k < m->n_fill; k++)
			if (m->fill[k].iso == m->marker_iso[i])
				c = m->fill[k].fill;
		map_draw_marker(cv, &m->view, lon, lat, 2.2, c, env->theme.text, 0.4);
	}
}

bool fig1_map_draw(Canvas *cv, const FigureEnv *env, const Fig1Map *m)
{
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	if (!map_draw(cv, &m->view, m->geo, m->fill, m->n_fill, base_colour(th), map_border, 0.3))
		return false;
	draw_markers(cv, env, m);
	Rect c = legend_box(m->classes), o = legend_box(m->off_map);
	text_draw(cr, m->classes_head, c.x, c.y - head_height(m->classes_head), 0, 0, 0, th->text);
	if (legend_count(m->off_map) > 0)
		text_draw(cr, m->off_head, o.x, o.y - head_height(m->off_head), 0, 0, 0, th->text);
	return legend_draw(cv, m->classes) && legend_draw(cv, m->off_map);
}

void fig1_map_free(Fig1Map *m)
{
	g_strfreev(m->class_label);
	g_strfreev(m->off_label);
	legend_free(m->classes);
	legend_free(m->off_map);
	g_clear_object(&m->classes_head);
	g_clear_object(&m->off_head);
	m->class_label = m->off_label = NULL;
	m->classes = m->off_map = NULL;
}
