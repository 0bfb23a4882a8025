/*
 * typeset_table.c - booktabs-style tables: a heavy rule above the header,
 * a light rule below it, a heavy rule at the end; section rows in italics;
 * numbers right-aligned; one column may wrap when the table is too wide.
 */
#include <math.h>
#include <string.h>

#include "typeset_priv.h"

#define RULE_HEAVY 0.8
#define RULE_LIGHT 0.45
#define SECTION_SPACE 3.0 /* extra space above a section row */

struct TsTable {
	const Theme *th;
	int n_cols, n_rows;
	double width;
	double *col_x, *col_w;   /* n_cols */
	char *align;
	PangoLayout *caption;    /* may be NULL */
	PangoLayout *note;       /* may be NULL */
	PangoLayout **header;    /* n_cols */
	double header_h;
	PangoLayout ***cell;     /* n_rows × n_cols (a section row: only [0]) */
	bool *section;           /* the row is one cell across the table */
	bool *italic;            /* ... set as a section title */
	double *row_h;
};

PangoLayout *ts_markup_layout(TextEngine *te, const char *markup, double size, double width)
{
	PangoLayout *l = text_layout(te, "", size, TEXT_REGULAR, width);
	if (pango_parse_markup(markup, -1, 0, NULL, NULL, NULL, NULL))
		pango_layout_set_markup(l, markup, -1);
	else
		pango_layout_set_text(l, markup, -1);
	return l;
}

static double layout_w(PangoLayout *l)
{
	double w;
	text_extent(l, &w, NULL);
	return w;
}

static double layout_h(PangoLayout *l)
{
	double h;
	text_extent(l, NULL, &h);
	return h;
}

/* Column widths: natural widths; the flexible column takes what is left
 * (and wraps) when they do not fit; extra room goes to the first column. */
static void column_widths(TsTable *tt, const TableSpec *t, double width)
{
	double total = TS_COL_GAP * (tt->n_cols - 1);
	for (int c = 0; c < tt->n_cols; c++) {
		double w = layout_w(tt->header[c]);
		for (int r = 0; r < tt->n_rows; r++)
			if (!tt->section[r] && layout_w(tt->cell[r][c]) > w)
				w = layout_w(tt->cell[r][c]);
		tt->col_w[c] = ceil(w);
		total += tt->col_w[c];
	}
	int grow = t->flex_col >= 0 && t->flex_col < tt->n_cols ? t->flex_col : 0;
	double spare = width - total;
	if (spare < 0) {
		if (tt->col_w[grow] + spare < 40)
			spare = 40 - tt->col_w[grow]; /* still too wide: overflow rather than vanish */
		tt->col_w[grow] += spare;
	} else {
		/* A narrow table keeps near its natural width; a wide one fills
		 * the line, half the room to the flexible column, half spread. */
		if (total < 0.7 * width)
			spare = fmax(0, 0.6 * width - total);
		double share = tt->n_cols > 1 ? spare / 2 / (tt->n_cols - 1) : 0;
		for (int c = 0; c < tt->n_cols; c++)
			tt->col_w[c] += c == grow ? (tt->n_cols > 1 ? spare / 2 : spare) : share;
	}
	double x = 0;
	for (int c = 0; c < tt->n_cols; c++) {
		tt->col_x[c] = x;
		x += tt->col_w[c] + TS_COL_GAP;
	}
	tt->width = x - TS_COL_GAP;
	/* Wrap (and right-align) the cells of every column to its width. */
	for (int c = 0; c < tt->n_cols; c++) {
		PangoAlignment a = tt->align[c] == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
		int w = (int)(tt->col_w[c] * PANGO_SCALE);
		pango_layout_set_width(tt->header[c], w);
		pango_layout_set_alignment(tt->header[c], a);
		for (int r = 0; r < tt->n_rows; r++) {
			if (tt->section[r])
				continue;
			pango_layout_set_width(tt->cell[r][c], w);
			pango_layout_set_wrap(tt->cell[r][c], PANGO_WRAP_WORD_CHAR);
			pango_layout_set_alignment(tt->cell[r][c], a);
		}
	}
}

TsTable *ts_table_layout(TextEngine *te, const Theme *th, const TableSpec *t, const char *caption,
			 double width)
{
	TsTable *tt = g_new0(TsTable, 1);
	tt->th = th;
	tt->n_cols = t->n_cols;
	tt->n_rows = (int)t->rows->len;
	tt->col_x = g_new0(double, tt->n_cols);
	tt->col_w = g_new0(double, tt->n_cols);
	tt->align = g_strdup(t->align);
	tt->header = g_new0(PangoLayout *, tt->n_cols);
	for (int c = 0; c < tt->n_cols; c++) {
		char *m = g_strdup_printf("<b>%s</b>", t->header[c]);
		tt->header[c] = ts_markup_layout(te, m, TS_TABLE, 0);
		g_free(m);
	}
	tt->cell = g_new0(PangoLayout **, tt->n_rows + 1);
	tt->section = g_new0(bool, tt->n_rows + 1);
	tt->italic = g_new0(bool, tt->n_rows + 1);
	tt->row_h = g_new0(double, tt->n_rows + 1);
	for (int r = 0; r < tt->n_rows; r++) {
		const TableRow *row = g_ptr_array_index(t->rows, r);
		tt->section[r] = row->section || row->span;
		tt->italic[r] = row->section;
		tt->cell[r] = g_new0(PangoLayout *, tt->n_cols);
		if (tt->section[r]) {
			char *m = g_strdup_printf(row->section ? "<i>%s</i>" : "%s", row->cell[0]);
			tt->cell[r][0] = ts_markup_layout(te, m, TS_TABLE, width);
			g_free(m);
			continue;
		}
		for (int c = 0; c < tt->n_cols; c++)
			tt->cell[r][c] = ts_markup_layout(te, row->cell[c], TS_TABLE, 0);
	}
	column_widths(tt, t, width);
	tt->header_h = 0;
	for (int c = 0; c < tt->n_cols; c++)
		tt->header_h = fmax(tt->header_h, layout_h(tt->header[c]));
	tt->header_h += 2 * TS_CELL_PAD;
	for (int r = 0; r < tt->n_rows; r++) {
		double h = 0;
		for (int c = 0; c < (tt->section[r] ? 1 : tt->n_cols); c++)
			h = fmax(h, layout_h(tt->cell[r][c]));
		tt->row_h[r] = h + 2 * TS_CELL_PAD + (tt->italic[r] && r > 0 ? SECTION_SPACE : 0);
	}
	if (caption) {
		tt->caption = ts_markup_layout(te, caption, TS_SMALL, width);
		pango_layout_set_spacing(tt->caption, (int)(1.5 * PANGO_SCALE));
	}
	if (t->note) {
		tt->note = ts_markup_layout(te, t->note, TS_TABLE - 0.5, width);
		pango_layout_set_spacing(tt->note, (int)(1.0 * PANGO_SCALE));
	}
	return tt;
}

void ts_table_free(TsTable *tt)
{
	if (!tt)
		return;
	for (int r = 0; r < tt->n_rows; r++) {
		for (int c = 0; c < tt->n_cols; c++)
			if (tt->cell[r][c])
				g_object_unref(tt->cell[r][c]);
		g_free(tt->cell[r]);
	}
	for (int c = 0; c < tt->n_cols; c++)
		g_object_unref(tt->header[c]);
	if (tt->caption)
		g_object_unref(tt->caption);
	if (tt->note)
		g_object_unref(tt->note);
	g_free(tt->cell);
	g_free(tt->header);
	g_free(tt->section);
	g_free(tt->italic);
	g_free(tt->row_h);
	g_free(tt->col_x);
	g_free(tt->col_w);
	g_free(tt->align);
	g_free(tt);
}

int ts_table_rows(const TsTable *tt)
{
	return tt->n_rows;
}

#define CAPTION_GAP 5.0
#define NOTE_GAP 4.0

double ts_table_part_height(const TsTable *tt, int from, int to)
{
	double h = RULE_HEAVY + tt->header_h + RULE_LIGHT + RULE_HEAVY;
	if (from == 0 && tt->caption)
		h += layout_h(tt->caption) + CAPTION_GAP;
	for (int r = from; r < to; r++)
		h += tt->row_h[r];
	if (to == tt->n_rows && tt->note)
		h += NOTE_GAP + layout_h(tt->note);
	return h;
}

/* Draw LAYOUT with the top left of its box at (X, Y): alignment within a
 * set width is kept (text_draw would undo it). */
static void show(cairo_t *cr, PangoLayout *layout, double x, double y, Colour c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
}

static void rule(cairo_t *cr, const Theme *th, double x, double y, double w, double lw)
{
	cairo_set_source_rgb(cr, th->axis.r, th->axis.g, th->axis.b);
	cairo_set_line_width(cr, lw);
	cairo_move_to(cr, x, y + lw / 2);
	cairo_line_to(cr, x + w, y + lw / 2);
	cairo_stroke(cr);
}

static void draw_row(const TsTable *tt, cairo_t *cr, double x, double y, PangoLayout **cells, bool section,
		     bool italic, double extra)
{
	if (section) {
		show(cr, cells[0], x, y + extra + TS_CELL_PAD, italic ? tt->th->text_muted : tt->th->text);
		return;
	}
	for (int c = 0; c < tt->n_cols; c++)
		show(cr, cells[c], x + tt->col_x[c], y + TS_CELL_PAD, tt->th->text);
}

void ts_table_draw(const TsTable *tt, cairo_t *cr, double x, double y, int from, int to)
{
	const Theme *th = tt->th;
	if (from == 0 && tt->caption) {
		show(cr, tt->caption, x, y, th->text);
		y += layout_h(tt->caption) + CAPTION_GAP;
	}
	rule(cr, th, x, y, tt->width, RULE_HEAVY);
	y += RULE_HEAVY;
	draw_row(tt, cr, x, y, tt->header, false, false, 0);
	y += tt->header_h;
	rule(cr, th, x, y, tt->width, RULE_LIGHT);
	y += RULE_LIGHT;
	for (int r = from; r < to; r++) {
		double extra = tt->italic[r] && r > 0 ? SECTION_SPACE : 0;
		draw_row(tt, cr, x, y, tt->cell[r], tt->section[r], tt->italic[r], extra);
		y += tt->row_h[r];
	}
	rule(cr, th, x, y, tt->width, RULE_HEAVY);
	y += RULE_HEAVY;
	if (to == tt->n_rows && tt->note)
		show(cr, tt->note, x, y + NOTE_GAP, th->text_muted);
}
