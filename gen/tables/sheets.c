/*
 * sheets.c - the tabular model: a grid of typed cells with blocks, names,
 * charts and column widths.
 */
#include "sheets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cells ---------------------------------------------------------------- */

static void cell_clear(Cell *c)
{
	g_free(c->text);
	memset(c, 0, sizeof *c);
}

static void row_free(gpointer p)
{
	GArray *row = p;
	for (guint i = 0; i < row->len; i++)
		cell_clear(&g_array_index(row, Cell, i));
	g_array_free(row, TRUE);
}

static void chart_free(gpointer p)
{
	SheetChart *c = p;
	g_free(c->title);
	g_free(c->y_title);
	g_free(c->y_format);
	g_array_free(c->series, TRUE);
	g_free(c);
}

Sheet *sheet_new(const char *name, const char *slug)
{
	Sheet *s = g_new0(Sheet, 1);
	s->name = g_strdup(name);
	s->slug = g_strdup(slug);
	s->rows = g_ptr_array_new_with_free_func(row_free);
	s->tables = g_array_new(FALSE, TRUE, sizeof(SheetTable));
	s->names = g_array_new(FALSE, TRUE, sizeof(SheetName));
	s->charts = g_ptr_array_new_with_free_func(chart_free);
	s->fixed_width = g_array_new(FALSE, TRUE, sizeof(double));
	return s;
}

void sheet_free(Sheet *s)
{
	if (!s)
		return;
	g_free(s->name);
	g_free(s->slug);
	g_free(s->print_title);
	g_free(s->print_note);
	g_ptr_array_free(s->rows, TRUE);
	for (guint i = 0; i < s->tables->len; i++)
		g_free(g_array_index(s->tables, SheetTable, i).name);
	for (guint i = 0; i < s->names->len; i++)
		g_free(g_array_index(s->names, SheetName, i).name);
	g_array_free(s->tables, TRUE);
	g_array_free(s->names, TRUE);
	g_ptr_array_free(s->charts, TRUE);
	g_free(s->width);
	g_array_free(s->fixed_width, TRUE);
	g_free(s);
}

uint32_t sheet_n_rows(const Sheet *s)
{
	return s->rows->len;
}

const Cell *sheet_cell(const Sheet *s, uint32_t r, uint32_t c)
{
	static const Cell blank = { CELL_BLANK, STYLE_PLAIN, 0, 0, NULL };
	if (r >= s->rows->len)
		return &blank;
	GArray *row = g_ptr_array_index(s->rows, r);
	return c < row->len ? &g_array_index(row, Cell, c) : &blank;
}

/* The cell at (R, C), growing the grid; cleared for a new value. */
static Cell *cell_at(Sheet *s, uint32_t r, uint32_t c)
{
	while (s->rows->len <= r)
		g_ptr_array_add(s->rows, g_array_new(FALSE, TRUE, sizeof(Cell)));
	GArray *row = g_ptr_array_index(s->rows, r);
	if (row->len <= c)
		g_array_set_size(row, c + 1);
	if (s->n_cols < c + 1)
		s->n_cols = c + 1;
	Cell *cell = &g_array_index(row, Cell, c);
	cell_clear(cell);
	return cell;
}

/* TEXT as valid UTF-8 of at most MAX characters (g_free). */
static char *clean_text(const char *text, glong max)
{
	char *t = g_utf8_validate(text, -1, NULL) ? g_strdup(text) : g_utf8_make_valid(text, -1);
	if (g_utf8_strlen(t, -1) > max)
		*g_utf8_offset_to_pointer(t, max) = '\0';
	return t;
}

void sheet_text(Sheet *s, uint32_t r, uint32_t c, const char *text, CellStyle style)
{
	Cell *cell = cell_at(s, r, c);
	cell->style = style;
	if (text) {
		cell->type = CELL_TEXT;
		cell->text = clean_text(text, SHEET_MAX_TEXT);
	}
}

double sheet_canonical(double v)
{
	char buf[40];
	snprintf(buf, sizeof buf, "%.16G", v);
	return strtod(buf, NULL);
}

bool sheet_number(Sheet *s, uint32_t r, uint32_t c, double v, CellStyle style)
{
	Cell *cell = cell_at(s, r, c);
	cell->style = style;
	if (!isfinite(v))
		return false;
	cell->type = CELL_NUMBER;
	cell->num = sheet_canonical(v);
	return true;
}

void sheet_date(Sheet *s, uint32_t r, uint32_t c, Day day)
{
	Cell *cell = cell_at(s, r, c);
	cell->style = STYLE_DATE;
	if (day != DAY_NONE) {
		cell->type = CELL_DATE;
		cell->day = day;
	}
}

/* ---- blocks, names, charts ------------------------------------------------ */

/* Make the header cells of a block non-empty and unique (case-insensitive). */
static void unique_headers(Sheet *s, uint32_t r, uint32_t c0, uint32_t c1)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (uint32_t c = c0; c <= c1; c++) {
		const Cell *cell = sheet_cell(s, r, c);
		char *base = cell->type == CELL_TEXT && *cell->text ? clean_text(cell->text, SHEET_MAX_HEADER - 8)
								     : g_strdup_printf("Column %u", c - c0 + 1);
		char *name = g_strdup(base);
		for (int k = 2;; k++) {
			char *key = g_utf8_casefold(name, -1);
			if (!g_hash_table_contains(seen, key)) {
				g_hash_table_add(seen, key);
				break;
			}
			g_free(key);
			g_free(name);
			name = g_strdup_printf("%s (%d)", base, k);
		}
		if (cell->type != CELL_TEXT || strcmp(cell->text, name) != 0)
			sheet_text(s, r, c, name, STYLE_HEADER);
		g_free(name);
		g_free(base);
	}
	g_hash_table_destroy(seen);
}

bool sheet_add_table(Sheet *s, const char *name, uint32_t first_row, uint32_t first_col, uint32_t last_row,
		     uint32_t last_col)
{
	if (last_row <= first_row || last_col < first_col)
		return false;
	unique_headers(s, first_row, first_col, last_col);
	SheetTable t = { g_strdup(name), first_row, first_col, last_row, last_col };
	g_array_append_val(s->tables, t);
	return true;
}

void sheet_add_name(Sheet *s, const char *name, uint32_t first_row, uint32_t first_col, uint32_t last_row,
		    uint32_t last_col)
{
	SheetName n = { g_strdup(name), first_row, first_col, last_row, last_col };
	g_array_append_val(s->names, n);
}

SheetChart *sheet_add_chart(Sheet *s, ChartKind kind, const char *title, uint32_t row, uint32_t col)
{
	SheetChart *c = g_new0(SheetChart, 1);
	c->kind = kind;
	c->title = g_strdup(title);
	c->y_max = NAN;
	c->row = row;
	c->col = col;
	c->width_px = 720;
	c->height_px = 380;
	c->series = g_array_new(FALSE, TRUE, sizeof(ChartSeries));
	g_ptr_array_add(s->charts, c);
	return c;
}

void sheet_chart_series(SheetChart *c, const ChartSeries *series)
{
	g_array_append_val(c->series, *series);
}

/* ---- widths ----------------------------------------------------------------- */

/* Digits of the integer part of |V| with thousands separators. */
static double grouped_digits(double v)
{
	double a = fabs(v);
	int digits = a < 1 ? 1 : (int)floor(log10(a)) + 1;
	return digits + (digits - 1) / 3 + (v < 0);
}

double sheet_cell_width(const Cell *cell)
{
	switch (cell->type) {
	case CELL_BLANK:
		return 0;
	case CELL_DATE:
		return 10;
	case CELL_TEXT:
		return (double)g_utf8_strlen(cell->text, -1);
	case CELL_NUMBER:
		break;
	}
	switch (cell->style) {
	case STYLE_INT:
		return grouped_digits(cell->num);
	case STYLE_YEAR:
		return 4;
	case STYLE_DECIMAL:
		return grouped_digits(cell->num) + 3;
	case STYLE_STATISTIC:
		return grouped_digits(cell->num) + 3;
	case STYLE_PERCENT:
		return grouped_digits(cell->num * 100) + 3;
	case STYLE_PARAMS:
		return 7;
	case STYLE_PVALUE:
		return 9;
	case STYLE_GROWTH:
		return grouped_digits(cell->num) + 3;
	default:
		return 12;
	}
}

static bool overflows(CellStyle st)
{
	return st == STYLE_TITLE || st == STYLE_CAPTION || st == STYLE_WARNING || st == STYLE_SECTION ||
	       st == STYLE_NOTE;
}

/* Longest word of TEXT in characters (a header wraps between words). */
static double longest_word(const char *text)
{
	double best = 0, run = 0;
	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		if (*p == ' ') {
			run = 0;
			continue;
		}
		if (++run > best)
			best = run;
	}
	return best;
}

void sheet_fit_columns(Sheet *s)
{
	g_free(s->width);
	s->width = g_new0(double, s->n_cols ? s->n_cols : 1);
	for (uint32_t r = 0; r < s->rows->len; r++) {
		GArray *row = g_ptr_array_index(s->rows, r);
		for (uint32_t c = 0; c < row->len; c++) {
			const Cell *cell = &g_array_index(row, Cell, c);
			if (overflows(cell->style) || cell->style == STYLE_PARAGRAPH)
				continue;
			double w = sheet_cell_width(cell);
			if (cell->style == STYLE_HEADER)
				w = MAX(MIN(w, 24), longest_word(cell->text));
			s->width[c] = MAX(s->width[c], w);
		}
	}
	for (uint32_t c = 0; c < s->n_cols; c++) {
		double fixed = c < s->fixed_width->len ? g_array_index(s->fixed_width, double, c) : 0;
		s->width[c] = fixed > 0 ? fixed : s->width[c] == 0 ? 4 : CLAMP(s->width[c] * 1.1 + 2, 6, 60);
	}
}

void sheet_set_width(Sheet *s, uint32_t c, double width)
{
	if (s->fixed_width->len <= c)
		g_array_set_size(s->fixed_width, c + 1);
	g_array_index(s->fixed_width, double, c) = width;
}

uint32_t sheet_wrapped_lines(const char *text, double width)
{
	/* Greedy word wrap; proportional text fits about 1.2 characters per
	 * width unit (the width of a '0'). */
	double cap = MAX(width * 1.2, 1);
	uint32_t lines = 0;
	gchar **paras = g_strsplit(text, "\n", -1);
	for (gchar **p = paras; *p; p++) {
		gchar **words = g_strsplit(*p, " ", -1);
		double len = -1;
		lines++;
		for (gchar **w = words; *w; w++) {
			double n = (double)g_utf8_strlen(*w, -1);
			if (n == 0)
				continue;
			if (len >= 0 && len + 1 + n > cap) {
				lines++;
				len = -1;
			}
			len += 1 + n; /* from -1 (empty line) this is n */
			while (len > cap) { /* a word longer than a line */
				lines++;
				len -= cap;
			}
		}
		g_strfreev(words);
	}
	g_strfreev(paras);
	return lines ? lines : 1;
}
