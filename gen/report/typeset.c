/*
 * typeset.c - items, pagination and drawing of the report's pages.
 *
 * Every block becomes an item that knows its height and can be split into
 * units (lines of a paragraph, rows of a table; a figure is one unit).
 * Pagination places items top to bottom: headings stay with the start of
 * what follows, paragraphs split between lines (no single first or last
 * line alone on a page when it can be helped), figures move whole to the
 * next page, tables too unless taller than a page.  Drawing then knows the
 * page count for the footers.
 */
#include "typeset.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "../paths.h"
#include "../render/canvas.h"
#include "figset.h"
#include "typeset_priv.h"

typedef enum { IT_TEXT, IT_FIGURE, IT_TABLE, IT_BREAK } ItemKind;

typedef struct {
	ItemKind kind;
	bool cover, keep_with_next;
	double space_before, space_after;
	double indent;       /* text: left indent (list items) */
	Colour colour;
	PangoLayout *layout; /* text; figure caption */
	PangoLayout *bullet; /* list items */
	int n_units;
	double *unit_y;      /* text: n_units + 1 line boundaries */
	int outline;         /* heading level for the PDF outline (0: none) */
	char *outline_text;
	char *svg;           /* figure */
	double fig_w, fig_h;
	TsTable *table;
} Item;

typedef struct {
	const Item *item;
	int page, from, to;
	double y;
} Placement;

struct Typesetter {
	TypesetOptions o;
	char *title, *header;
	Theme theme;
	TextEngine *te;
	double page_w, page_h, left, top, text_w, text_h;
	GPtrArray *items;    /* Item* */
	GArray *placed;      /* Placement */
	int pages;
	bool has_cover;
};

#define MARGIN_X 62.0
#define MARGIN_TOP 70.0
#define MARGIN_BOTTOM 66.0
#define COVER_TOP 0.27 /* of the page height */
#define FIG_CAPTION_GAP 6.0

/* ---- set-up ----------------------------------------------------------------- */

Typesetter *ts_new(const TypesetOptions *o, GError **err)
{
	Typesetter *ts = g_new0(Typesetter, 1);
	ts->o = *o;
	ts->title = g_strdup(o->title);
	ts->header = g_strdup(o->header);
	ts->o.title = ts->title;
	ts->o.header = ts->header;
	ts->items = g_ptr_array_new();
	ts->placed = g_array_new(FALSE, FALSE, sizeof(Placement));
	char *theme = eoi_resource_path("templates/theme.ini", err);
	char *fonts = theme ? eoi_resource_path("fonts", err) : NULL;
	bool ok = fonts && theme_load(&ts->theme, theme, err) &&
		  (ts->te = text_engine_new(fonts, ts->theme.font_family, err)) != NULL;
	g_free(theme);
	g_free(fonts);
	if (!ok) {
		ts_free(ts);
		return NULL;
	}
	ts->page_w = o->letter ? 612.0 : 595.276;
	ts->page_h = o->letter ? 792.0 : 841.89;
	ts->left = MARGIN_X;
	ts->top = MARGIN_TOP;
	ts->text_w = ts->page_w - 2 * MARGIN_X;
	ts->text_h = ts->page_h - MARGIN_TOP - MARGIN_BOTTOM;
	return ts;
}

static void item_free(Item *it)
{
	if (it->layout)
		g_object_unref(it->layout);
	if (it->bullet)
		g_object_unref(it->bullet);
	g_free(it->unit_y);
	g_free(it->outline_text);
	g_free(it->svg);
	ts_table_free(it->table);
	g_free(it);
}

void ts_free(Typesetter *ts)
{
	if (!ts)
		return;
	for (guint i = 0; i < ts->items->len; i++)
		item_free(g_ptr_array_index(ts->items, i));
	g_ptr_array_free(ts->items, TRUE);
	g_array_free(ts->placed, TRUE);
	text_engine_free(ts->te);
	g_free(ts->title);
	g_free(ts->header);
	g_free(ts);
}

double ts_text_width(const Typesetter *ts)
{
	return ts->text_w;
}

/* ---- text items ------------------------------------------------------------------ */

static Item *add_item(Typesetter *ts, ItemKind kind, bool cover)
{
	Item *it = g_new0(Item, 1);
	it->kind = kind;
	it->cover = cover;
	it->colour = ts->theme.text;
	it->n_units = 1;
	ts->has_cover |= cover;
	g_ptr_array_add(ts->items, it);
	return it;
}

/* Measure the line boundaries of IT's layout (its units). */
static void measure_lines(Item *it)
{
	int n = pango_layout_get_line_count(it->layout);
	it->n_units = n > 0 ? n : 1;
	it->unit_y = g_new0(double, it->n_units + 1);
	PangoLayoutIter *iter = pango_layout_get_iter(it->layout);
	int i = 0;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		if (i < it->n_units) {
			it->unit_y[i] = (double)y0 / PANGO_SCALE;
			it->unit_y[i + 1] = (double)y1 / PANGO_SCALE;
		}
		i++;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	double h;
	text_extent(it->layout, NULL, &h);
	it->unit_y[it->n_units] = fmax(it->unit_y[it->n_units], h);
}

static Item *text_item(Typesetter *ts, const char *markup, double size, double width, bool cover)
{
	Item *it = add_item(ts, IT_TEXT, cover);
	it->layout = ts_markup_layout(ts->te, markup, size, width);
	pango_layout_set_spacing(it->layout, (int)(size * 0.32 * PANGO_SCALE));
	return it;
}

void ts_heading(Typesetter *ts, int level, const char *markup, bool cover)
{
	static const double size[] = { 15.5, 12.0, 10.5 }, cover_size[] = { 27.0, 16.0, 12.0 };
	static const double before[] = { 20.0, 13.0, 10.0 }, after[] = { 7.0, 4.5, 3.0 };
	int l = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	char *bold = g_strdup_printf("<b>%s</b>", markup);
	Item *it = text_item(ts, bold, cover ? cover_size[l] : size[l], ts->text_w, cover);
	g_free(bold);
	it->keep_with_next = true;
	it->space_before = cover ? (l == 0 ? 0 : 10) : before[l];
	it->space_after = cover ? 12 : after[l];
	if (l == 0)
		it->colour = ts->theme.series[0];
	if (!cover) {
		it->outline = l + 1;
		pango_parse_markup(markup, -1, 0, NULL, &it->outline_text, NULL, NULL);
	}
	measure_lines(it);
}

void ts_paragraph(Typesetter *ts, const char *markup, bool cover)
{
	Item *it = text_item(ts, markup, cover ? 11.5 : TS_BODY, ts->text_w, cover);
	if (!cover)
		pango_layout_set_justify(it->layout, TRUE);
	it->space_after = cover ? 9 : 6.5;
	measure_lines(it);
}

void ts_item(Typesetter *ts, const char *markup, bool cover)
{
	double indent = 14;
	Item *it = text_item(ts, markup, cover ? 11.5 : TS_BODY, ts->text_w - indent, cover);
	it->indent = indent;
	it->bullet = text_layout(ts->te, "\xe2\x80\xa2", cover ? 11.5 : TS_BODY, TEXT_REGULAR, 0);
	it->space_after = 3;
	measure_lines(it);
}

void ts_note(Typesetter *ts, const char *markup)
{
	char *m = g_strdup_printf("<i>%s</i>", markup);
	Item *it = text_item(ts, m, TS_SMALL + 0.5, ts->text_w, false);
	g_free(m);
	it->colour = ts->theme.text_muted;
	it->space_before = 4;
	it->space_after = 10;
	measure_lines(it);
}

void ts_pagebreak(Typesetter *ts)
{
	add_item(ts, IT_BREAK, false);
}

/* ---- figures and tables -------------------------------------------------------- */

bool ts_figure(Typesetter *ts, const char *svg_path, const char *caption, GError **err)
{
	double w, h;
	if (!svg_size(svg_path, &w, &h, err))
		return false;
	Item *it = add_item(ts, IT_FIGURE, false);
	it->svg = g_strdup(svg_path);
	if (caption) {
		it->layout = ts_markup_layout(ts->te, caption, TS_SMALL, ts->text_w);
		pango_layout_set_spacing(it->layout, (int)(1.5 * PANGO_SCALE));
	}
	double cap_h = 0;
	if (it->layout)
		text_extent(it->layout, NULL, &cap_h);
	double scale = ts->text_w / w;
	double room = ts->text_h - (cap_h ? cap_h + FIG_CAPTION_GAP : 0);
	if (h * scale > room)
		scale = room / h; /* too tall for a page: smaller, centred */
	it->fig_w = w * scale;
	it->fig_h = h * scale;
	it->space_before = 8;
	it->space_after = 14;
	return true;
}

void ts_table(Typesetter *ts, const TableSpec *t, const char *caption)
{
	Item *it = add_item(ts, IT_TABLE, false);
	it->table = ts_table_layout(ts->te, &ts->theme, t, caption, ts->text_w);
	it->n_units = ts_table_rows(it->table);
	it->space_before = 8;
	it->space_after = 14;
}

/* ---- pagination --------------------------------------------------------------- */

static double part_height(const Item *it, int from, int to)
{
	switch (it->kind) {
	case IT_TEXT: return it->unit_y[to] - it->unit_y[from];
	case IT_TABLE: return ts_table_part_height(it->table, from, to);
	case IT_FIGURE: {
		double cap = 0;
		if (it->layout)
			text_extent(it->layout, NULL, &cap);
		return it->fig_h + (cap ? cap + FIG_CAPTION_GAP : 0);
	}
	case IT_BREAK: return 0;
	}
	return 0;
}

static bool splittable(const Item *it)
{
	return (it->kind == IT_TEXT && !it->keep_with_next) || it->kind == IT_TABLE;
}

/* The least of IT that must share a page with the heading before it. */
static double min_start(const Item *it)
{
	if (!it || it->kind == IT_BREAK)
		return 0;
	if (it->kind == IT_TEXT && splittable(it))
		return part_height(it, 0, it->n_units < 2 ? it->n_units : 2);
	if (it->kind == IT_TABLE && part_height(it, 0, it->n_units) > 0)
		return part_height(it, 0, it->n_units < 3 ? it->n_units : 3);
	return part_height(it, 0, it->n_units);
}

/* What must follow heading H on its page: the start of NEXT, or, when NEXT
 * is a short introduction (at most three lines) to a figure or table
 * (AFTER), all of it and the start of that figure or table. */
static double keep_height(const Item *h, const Item *next, const Item *after)
{
	double need = h->space_after + next->space_before;
	bool intro = next->kind == IT_TEXT && !next->keep_with_next && next->n_units <= 3 && after &&
		     (after->kind == IT_FIGURE || after->kind == IT_TABLE);
	if (!intro)
		return need + min_start(next);
	return need + part_height(next, 0, next->n_units) + next->space_after + after->space_before +
	       min_start(after);
}

typedef struct {
	Typesetter *ts;
	int page;
	double y, bottom;
} Cursor;

static void new_page(Cursor *c)
{
	c->page++;
	c->y = c->ts->top;
}

static void place(Cursor *c, const Item *it, int from, int to, double y)
{
	Placement p = { it, c->page, from, to, y };
	g_array_append_val(c->ts->placed, p);
}

/* The last unit end TO > FROM such that the part fits in ROOM (FROM when
 * none fits). */
static int fit_units(const Item *it, int from, double room)
{
	int to = from;
	while (to < it->n_units && part_height(it, from, to + 1) <= room)
		to++;
	return to;
}

static void place_split(Cursor *c, const Item *it, double before)
{
	int from = 0;
	while (from < it->n_units) {
		bool fresh = c->y <= c->ts->top;
		double sb = fresh ? 0 : before;
		int to = fit_units(it, from, c->bottom - c->y - sb);
		int left = it->n_units - from;
		/* No lone first line at the foot of a page, no lone last line. */
		if (it->kind == IT_TEXT && !fresh && to - from < 2 && left >= 2 && to < it->n_units)
			to = from;
		if (it->kind == IT_TEXT && to < it->n_units && it->n_units - to == 1 && to - from > 2)
			to--;
		if (to == from) {
			if (!fresh) {
				new_page(c);
				continue;
			}
			to = from + 1; /* taller than a page: place it anyway */
		}
		place(c, it, from, to, c->y + sb);
		c->y += sb + part_height(it, from, to);
		from = to;
		if (from < it->n_units)
			new_page(c);
	}
	c->y += it->space_after;
}

static void paginate(Typesetter *ts)
{
	Cursor c = { ts, 0, ts->has_cover ? ts->page_h * COVER_TOP : ts->top, ts->top + ts->text_h };
	g_array_set_size(ts->placed, 0);
	for (guint i = 0; i < ts->items->len; i++) {
		const Item *it = g_ptr_array_index(ts->items, i);
		const Item *next = i + 1 < ts->items->len ? g_ptr_array_index(ts->items, i + 1) : NULL;
		bool fresh = c.y <= ts->top;
		if (it->kind == IT_BREAK) {
			if (!fresh || (c.page == 0 && ts->has_cover))
				new_page(&c);
			continue;
		}
		if (!it->cover && c.page == 0 && ts->has_cover)
			new_page(&c); /* the cover stands alone */
		fresh = c.y <= ts->top;
		double sb = fresh ? 0 : it->space_before;
		double whole = part_height(it, 0, it->n_units);
		bool split = it->kind == IT_TABLE ? whole > ts->text_h : splittable(it);
		if (split && whole > c.bottom - c.y - sb) {
			place_split(&c, it, it->space_before);
			continue;
		}
		double need = sb + part_height(it, 0, it->n_units);
		if (it->keep_with_next && next && next->kind != IT_BREAK)
			need += keep_height(it, next, i + 2 < ts->items->len ? g_ptr_array_index(ts->items, i + 2) : NULL);
		if (!fresh && !it->cover && c.y + need > c.bottom) {
			new_page(&c);
			sb = 0;
		}
		place(&c, it, 0, it->n_units, c.y + sb);
		c.y += sb + part_height(it, 0, it->n_units) + it->space_after;
	}
	ts->pages = c.page + 1;
}

/* ---- drawing --------------------------------------------------------------------- */

static void show(cairo_t *cr, PangoLayout *l, double x, double y, Colour c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

/* Draw units FROM..TO-1 of a text item with the top of FROM at Y: the
 * whole layout, clipped to those lines. */
static void draw_text(const Typesetter *ts, cairo_t *cr, const Item *it, int from, int to, double y)
{
	double y0 = it->unit_y[from], y1 = it->unit_y[to];
	cairo_save(cr);
	cairo_rectangle(cr, 0, y, ts->page_w, y1 - y0);
	cairo_clip(cr);
	if (it->bullet && from == 0)
		show(cr, it->bullet, ts->left + 3, y, it->colour);
	show(cr, it->layout, ts->left + it->indent, y - y0, it->colour);
	cairo_restore(cr);
}

static bool draw_figure(const Typesetter *ts, cairo_t *cr, const Item *it, double y, GError **err)
{
	double x = ts->left + (ts->text_w - it->fig_w) / 2;
	if (!svg_draw(cr, it->svg, x, y, it->fig_w, it->fig_h, err))
		return false;
	if (it->layout)
		show(cr, it->layout, ts->left, y + it->fig_h + FIG_CAPTION_GAP, ts->theme.text);
	return true;
}

static void draw_header_footer(const Typesetter *ts, cairo_t *cr, int page)
{
	const Theme *th = &ts->theme;
	if (ts->header) {
		PangoLayout *h = ts_markup_layout(ts->te, ts->header, 8, 0);
		text_draw(cr, h, ts->left, ts->top - 22, 0, 1, 0, th->text_muted);
		g_object_unref(h);
		cairo_set_source_rgb(cr, th->grid.r, th->grid.g, th->grid.b);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, ts->left, ts->top - 18);
		cairo_line_to(cr, ts->left + ts->text_w, ts->top - 18);
		cairo_stroke(cr);
	}
	char *num = g_strdup_printf("%d / %d", page + 1, ts->pages);
	PangoLayout *f = text_layout(ts->te, num, 8, TEXT_REGULAR, 0);
	text_draw(cr, f, ts->left + ts->text_w / 2, ts->page_h - MARGIN_BOTTOM + 30, 0.5, 0, 0, th->text_muted);
	g_object_unref(f);
	g_free(num);
}

static void draw_cover_band(const Typesetter *ts, cairo_t *cr)
{
	Colour c = ts->theme.series[0];
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
	cairo_rectangle(cr, 0, 0, ts->page_w, 14);
	cairo_fill(cr);
	cairo_rectangle(cr, ts->left, ts->page_h * COVER_TOP - 28, 60, 4);
	cairo_fill(cr);
}

static void outline(cairo_t *cr, const Item *it, int page, double y, int *parent)
{
	if (!it->outline || !it->outline_text)
		return;
	char *link = g_strdup_printf("page=%d pos=[0 %.1f]", page + 1, y);
	int up = it->outline == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent[it->outline - 2];
	int id = cairo_pdf_surface_add_outline(cairo_get_target(cr), up, it->outline_text, link, 0);
	if (it->outline <= 2)
		parent[it->outline - 1] = id;
	if (it->outline == 1)
		parent[1] = id;
	g_free(link);
}

static bool draw_pages(Typesetter *ts, cairo_t *cr, GError **err)
{
	guint k = 0;
	int parent[2] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };
	for (int page = 0; page < ts->pages; page++) {
		if (page > 0)
			cairo_show_page(cr);
		bool cover_page = page == 0 && ts->has_cover;
		if (cover_page)
			draw_cover_band(ts, cr);
		else
			draw_header_footer(ts, cr, page);
		for (; k < ts->placed->len; k++) {
			const Placement *p = &g_array_index(ts->placed, Placement, k);
			if (p->page != page)
				break;
			const Item *it = p->item;
			if (p->from == 0)
				outline(cr, it, page, p->y, parent);
			if (it->kind == IT_TEXT)
				draw_text(ts, cr, it, p->from, p->to, p->y);
			else if (it->kind == IT_TABLE)
				ts_table_draw(it->table, cr, ts->left, p->y, p->from, p->to);
			else if (it->kind == IT_FIGURE && !draw_figure(ts, cr, it, p->y, err))
				return false;
		}
	}
	return true;
}

bool ts_write(Typesetter *ts, const char *path, int *pages, GError **err)
{
	paginate(ts);
	Canvas *cv = canvas_new(CANVAS_PDF, path, ts->page_w, ts->page_h, ts->title, ts->theme.background, err);
	if (!cv)
		return false;
	cairo_t *cr = canvas_cairo(cv);
	cairo_pdf_surface_set_metadata(cairo_get_target(cr), CAIRO_PDF_METADATA_AUTHOR, "eoi");
	if (!draw_pages(ts, cr, err)) {
		canvas_free(cv);
		return false;
	}
	if (pages)
		*pages = ts->pages;
	return canvas_finish(cv, err);
}
