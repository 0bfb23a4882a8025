/* rtable.c - ranked tables with symbols, and their symbol key. */
#include "rtable.h"

#include <math.h>

#define RT_COL_GAP 4.0   /* between columns */
#define RT_RULE_GAP 2.0  /* around the rules */

typedef struct {
	PangoLayout *rank, *name, *value;
	RtSymbol sym[RT_MAX_SYMBOLS];
} Row;

struct RankTable {
	int n;
	Row *rows;
	PangoLayout *heading, *footnote, *empty;
	Colour text, muted, rule;
	double rule_w;
	double width, row_h, sym_size, rank_w, name_x, name_w, value_w;
	double heading_h, footnote_h, natural_w;
	bool slot_used[RT_MAX_SYMBOLS];
	double x, y;
};

/* ------------------------------------------------------------------ symbols */

static void polygon(cairo_t *cr, const double *pts, int n, double cx, double cy, double r)
{
	for (int i = 0; i < n; i++)
		(i ? cairo_line_to : cairo_move_to)(cr, cx + pts[2 * i] * r, cy + pts[2 * i + 1] * r);
	cairo_close_path(cr);
}

static void draw_globe(cairo_t *cr, double cx, double cy, double r)
{
	cairo_set_line_width(cr, fmax(0.45, r * 0.22));
	cairo_new_path(cr);
	cairo_arc(cr, cx, cy, r * 0.9, 0, 2 * G_PI);
	cairo_move_to(cr, cx - r * 0.9, cy);
	cairo_line_to(cr, cx + r * 0.9, cy);
	cairo_stroke(cr);
	cairo_save(cr);
	cairo_translate(cr, cx, cy);
	cairo_scale(cr, 0.42, 1.0);
	cairo_arc(cr, 0, 0, r * 0.9, 0, 2 * G_PI);
	cairo_restore(cr);
	cairo_stroke(cr);
}

static void draw_person(cairo_t *cr, double cx, double cy, double r)
{
	cairo_new_path(cr);
	cairo_arc(cr, cx, cy - r * 0.45, r * 0.42, 0, 2 * G_PI);
	cairo_fill(cr);
	cairo_move_to(cr, cx - r * 0.9, cy + r);
	cairo_curve_to(cr, cx - r * 0.9, cy + r * 0.05, cx - r * 0.45, cy + r * 0.02, cx, cy + r * 0.02);
	cairo_curve_to(cr, cx + r * 0.45, cy + r * 0.02, cx + r * 0.9, cy + r * 0.05, cx + r * 0.9, cy + r);
	cairo_close_path(cr);
	cairo_fill(cr);
}

void rtable_draw_symbol(cairo_t *cr, RtSymbol s, double cx, double cy, double size)
{
	static const double tri[] = { 0, -1, 0.95, 0.75, -0.95, 0.75 };
	static const double tri_down[] = { 0, 1, 0.95, -0.75, -0.95, -0.75 };
	static const double diamond[] = { 0, -1.05, 0.8, 0, 0, 1.05, -0.8, 0 };
	double r = size / 2;
	cairo_save(cr);
	cairo_set_source_rgb(cr, s.colour.r, s.colour.g, s.colour.b);
	cairo_new_path(cr);
	switch (s.shape) {
	case RT_SYM_NONE: break;
	case RT_SYM_CIRCLE: cairo_arc(cr, cx, cy, r * 0.85, 0, 2 * G_PI); break;
	case RT_SYM_SQUARE: cairo_rectangle(cr, cx - r * 0.78, cy - r * 0.78, r * 1.56, r * 1.56); break;
	case RT_SYM_TRIANGLE: polygon(cr, tri, 3, cx, cy + r * 0.1, r); break;
	case RT_SYM_TRIANGLE_DOWN: polygon(cr, tri_down, 3, cx, cy - r * 0.1, r); break;
	case RT_SYM_DIAMOND: polygon(cr, diamond, 4, cx, cy, r); break;
	case RT_SYM_GLOBE: draw_globe(cr, cx, cy, r); break;
	case RT_SYM_PERSON: draw_person(cr, cx, cy, r); break;
	}
	if (s.shape != RT_SYM_GLOBE && s.shape != RT_SYM_PERSON)
		cairo_fill(cr);
	cairo_restore(cr);
}

/* ------------------------------------------------------------------- tables */

static double width_of(PangoLayout *l)
{
	double w;
	text_extent(l, &w, NULL);
	return w;
}

/* Column widths and symbol slots of RT from its rows. */
static void measure_columns(RankTable *rt, TextEngine *te, const Theme *th)
{
	PangoLayout *probe = text_layout(te, "10", th->size_legend, TEXT_REGULAR, 0);
	rt->rank_w = width_of(probe);
	g_object_unref(probe);
	for (int i = 0; i < rt->n; i++) {
		rt->rank_w = fmax(rt->rank_w, width_of(rt->rows[i].rank));
		rt->value_w = fmax(rt->value_w, width_of(rt->rows[i].value));
		for (int s = 0; s < RT_MAX_SYMBOLS; s++)
			rt->slot_used[s] |= rt->rows[i].sym[s].shape != RT_SYM_NONE;
	}
	rt->name_x = rt->rank_w + RT_COL_GAP;
	for (int s = 0; s < RT_MAX_SYMBOLS; s++)
		if (rt->slot_used[s])
			rt->name_x += rt->sym_size + RT_COL_GAP * 0.6;
	rt->name_w = fmax(10, rt->width - rt->name_x - RT_COL_GAP * 1.5 - rt->value_w);
}

static void make_rows(RankTable *rt, TextEngine *te, const Theme *th, const RtRow *rows)
{
	for (int i = 0; i < rt->n; i++) {
		Row *r = &rt->rows[i];
		char rank[16];
		g_snprintf(rank, sizeof rank, "%d", rows[i].rank);
		r->rank = text_layout(te, rank, th->size_legend, TEXT_REGULAR, 0);
		r->name = text_layout(te, rows[i].name, th->size_legend, TEXT_REGULAR, 0);
		r->value = text_layout(te, rows[i].value, th->size_legend, TEXT_REGULAR, 0);
		for (int s = 0; s < RT_MAX_SYMBOLS; s++)
			r->sym[s] = rows[i].sym[s];
		double h;
		text_extent(r->name, NULL, &h);
		rt->row_h = fmax(rt->row_h, h * 1.12);
	}
}

RankTable *rtable_new(TextEngine *te, const Theme *th, const char *heading, const RtRow *rows,
		      int n, const char *footnote, double width)
{
	RankTable *rt = g_new0(RankTable, 1);
	rt->n = n < 0 ? 0 : n;
	rt->rows = g_new0(Row, rt->n ? rt->n : 1);
	rt->width = width;
	rt->text = th->text;
	rt->muted = th->text_muted;
	rt->rule = th->axis;
	rt->rule_w = th->line_grid;
	rt->heading = text_layout(te, heading, th->size_label, TEXT_BOLD, 0);
	text_ellipsize(rt->heading, width);
	text_extent(rt->heading, NULL, &rt->heading_h);
	PangoLayout *probe = text_layout(te, "Ag", th->size_legend, TEXT_REGULAR, 0);
	text_extent(probe, NULL, &rt->row_h);
	rt->row_h *= 1.12;
	g_object_unref(probe);
	rt->sym_size = th->size_legend * 0.8;
	make_rows(rt, te, th, rows);
	measure_columns(rt, te, th);
	double names = 0;
	for (int i = 0; i < rt->n; i++)
		names = fmax(names, width_of(rt->rows[i].name));
	rt->natural_w = fmax(width_of(rt->heading),
			     rt->name_x + names + RT_COL_GAP * 1.5 + rt->value_w);
	for (int i = 0; i < rt->n; i++)
		if (width_of(rt->rows[i].name) > rt->name_w)
			text_ellipsize(rt->rows[i].name, rt->name_w);
	if (rt->n == 0)
		rt->empty = text_layout(te, "No downloads", th->size_legend, TEXT_ITALIC, 0);
	if (footnote && *footnote) {
		rt->footnote = text_layout(te, footnote, th->size_caption, TEXT_REGULAR, width);
		text_extent(rt->footnote, NULL, &rt->footnote_h);
	}
	return rt;
}

void rtable_free(RankTable *rt)
{
	if (!rt)
		return;
	for (int i = 0; i < rt->n; i++) {
		g_object_unref(rt->rows[i].rank);
		g_object_unref(rt->rows[i].name);
		g_object_unref(rt->rows[i].value);
	}
	g_free(rt->rows);
	g_clear_object(&rt->heading);
	g_clear_object(&rt->footnote);
	g_clear_object(&rt->empty);
	g_free(rt);
}

static double rows_top(const RankTable *rt)
{
	return rt->heading_h + 2 * RT_RULE_GAP;
}

static int shown_rows(const RankTable *rt)
{
	return rt->n ? rt->n : 1;
}

double rtable_natural_width(const RankTable *rt)
{
	return rt->natural_w;
}

double rtable_height(const RankTable *rt)
{
	double h = rows_top(rt) + shown_rows(rt) * rt->row_h + RT_RULE_GAP;
	return rt->footnote ? h + RT_RULE_GAP + rt->footnote_h : h;
}

void rtable_place(RankTable *rt, double x, double y)
{
	rt->x = x;
	rt->y = y;
}

Rect rtable_box(const RankTable *rt)
{
	return (Rect){ rt->x, rt->y, rt->width, rtable_height(rt) };
}

static double row_y(const RankTable *rt, int i)
{
	return rt->y + rows_top(rt) + i * rt->row_h;
}

Rect rtable_name_box(const RankTable *rt, int i)
{
	double w, h;
	text_extent(rt->rows[i].name, &w, &h);
	return (Rect){ rt->x + rt->name_x, row_y(rt, i) + (rt->row_h - h) / 2, w, h };
}

Rect rtable_value_box(const RankTable *rt, int i)
{
	double w, h;
	text_extent(rt->rows[i].value, &w, &h);
	return (Rect){ rt->x + rt->width - w, row_y(rt, i) + (rt->row_h - h) / 2, w, h };
}

bool rtable_name_ellipsized(const RankTable *rt, int i)
{
	return pango_layout_is_ellipsized(rt->rows[i].name);
}

static void rule(cairo_t *cr, const Canvas *cv, const RankTable *rt, double y)
{
	y = canvas_snap(cv, y, rt->rule_w);
	cairo_set_source_rgb(cr, rt->rule.r, rt->rule.g, rt->rule.b);
	cairo_set_line_width(cr, rt->rule_w);
	cairo_move_to(cr, rt->x, y);
	cairo_line_to(cr, rt->x + rt->width, y);
	cairo_stroke(cr);
}

static void draw_row(cairo_t *cr, const RankTable *rt, int i)
{
	const Row *r = &rt->rows[i];
	double cy = row_y(rt, i) + rt->row_h / 2;
	text_draw(cr, r->rank, rt->x + rt->rank_w, cy, 1.0, 0.5, 0, rt->muted);
	double sx = rt->x + rt->rank_w + RT_COL_GAP;
	for (int s = 0; s < RT_MAX_SYMBOLS; s++) {
		if (!rt->slot_used[s])
			continue;
		rtable_draw_symbol(cr, r->sym[s], sx + rt->sym_size / 2, cy, rt->sym_size);
		sx += rt->sym_size + RT_COL_GAP * 0.6;
	}
	text_draw(cr, r->name, rt->x + rt->name_x, cy, 0, 0.5, 0, rt->text);
	text_draw(cr, r->value, rt->x + rt->width, cy, 1.0, 0.5, 0, rt->text);
}

bool rtable_draw(Canvas *cv, const RankTable *rt)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	text_draw(cr, rt->heading, rt->x, rt->y, 0, 0, 0, rt->text);
	rule(cr, cv, rt, rt->y + rt->heading_h + RT_RULE_GAP);
	for (int i = 0; i < rt->n; i++)
		draw_row(cr, rt, i);
	if (rt->empty)
		text_draw(cr, rt->empty, rt->x + rt->name_x, row_y(rt, 0) + rt->row_h / 2, 0, 0.5, 0,
			  rt->muted);
	double bottom = row_y(rt, shown_rows(rt)) + RT_RULE_GAP / 2;
	rule(cr, cv, rt, bottom);
	if (rt->footnote)
		text_draw(cr, rt->footnote, rt->x, bottom + RT_RULE_GAP, 0, 0, 0, rt->muted);
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* --------------------------------------------------------------------- key */

struct RtKey {
	int n;
	PangoLayout **label;
	RtSymbol *sym;
	Rect *box; /* relative to the key's origin */
	Colour text, muted;
	double sym_size, height, x, y;
};

static double item_width(const RtKey *k, int i)
{
	double w;
	text_extent(k->label[i], &w, NULL);
	return k->sym[i].shape != RT_SYM_NONE ? w + k->sym_size + 2.5 : w;
}

static double item_gap(const RtKey *k, int i, double gap)
{
	return k->sym[i].shape == RT_SYM_NONE ? gap * 0.5 : gap;
}

/* Width of the group that lead-in I starts (up to the next lead-in). */
static double group_width(const RtKey *k, int i, double gap)
{
	double w = item_width(k, i);
	for (int j = i + 1; j < k->n && k->sym[j].shape != RT_SYM_NONE; j++)
		w += item_gap(k, j - 1, gap) + item_width(k, j);
	return w;
}

/* Flow the items left to right within WIDTH, wrapping whole items (and
 * whole groups when they fit on a line of their own). */
static void key_flow(RtKey *k, double width, double row_h, double gap)
{
	double x = 0, y = 0;
	for (int i = 0; i < k->n; i++) {
		double w = item_width(k, i);
		bool lead = k->sym[i].shape == RT_SYM_NONE;
		double need = lead && group_width(k, i, gap) <= width ? group_width(k, i, gap) : w;
		if (x > 0 && x + need > width) {
			x = 0;
			y += row_h;
		}
		k->box[i] = (Rect){ x, y, w, row_h };
		x += w + item_gap(k, i, gap);
	}
	k->height = k->n ? y + row_h : 0;
}

RtKey *rtable_key_new(TextEngine *te, const Theme *th, const RtKeyItem *items, int n, double width)
{
	RtKey *k = g_new0(RtKey, 1);
	k->n = n < 0 ? 0 : n;
	k->label = g_new0(PangoLayout *, k->n ? k->n : 1);
	k->sym = g_new0(RtSymbol, k->n ? k->n : 1);
	k->box = g_new0(Rect, k->n ? k->n : 1);
	k->text = th->text;
	k->muted = th->text_muted;
	k->sym_size = th->size_legend * 0.8;
	double row_h = 0;
	for (int i = 0; i < k->n; i++) {
		k->sym[i] = items[i].sym;
		k->label[i] = text_layout(te, items[i].label, th->size_legend,
					  items[i].sym.shape == RT_SYM_NONE ? TEXT_BOLD : TEXT_REGULAR, 0);
		double h;
		text_extent(k->label[i], NULL, &h);
		row_h = fmax(row_h, h * 1.15);
	}
	key_flow(k, width, row_h, th->size_legend * 1.2);
	return k;
}

void rtable_key_free(RtKey *k)
{
	if (!k)
		return;
	for (int i = 0; i < k->n; i++)
		g_object_unref(k->label[i]);
	g_free(k->label);
	g_free(k->sym);
	g_free(k->box);
	g_free(k);
}

double rtable_key_height(const RtKey *k)
{
	return k->height;
}

void rtable_key_place(RtKey *k, double x, double y)
{
	k->x = x;
	k->y = y;
}

Rect rtable_key_item_box(const RtKey *k, int i)
{
	Rect b = k->box[i];
	return (Rect){ k->x + b.x, k->y + b.y, b.w, b.h };
}

Rect rtable_key_box(const RtKey *k)
{
	double w = 0;
	for (int i = 0; i < k->n; i++)
		w = fmax(w, rect_right(k->box[i]));
	return (Rect){ k->x, k->y, w, k->height };
}

bool rtable_key_draw(Canvas *cv, const RtKey *k)
{
	cairo_t *cr = canvas_cairo(cv);
	for (int i = 0; i < k->n; i++) {
		Rect b = rtable_key_item_box(k, i);
		double cy = b.y + b.h / 2, tx = b.x;
		if (k->sym[i].shape != RT_SYM_NONE) {
			rtable_draw_symbol(cr, k->sym[i], b.x + k->sym_size / 2, cy, k->sym_size);
			tx += k->sym_size + 2.5;
		}
		text_draw(cr, k->label[i], tx, cy, 0, 0.5, 0,
			  k->text);
	}
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
