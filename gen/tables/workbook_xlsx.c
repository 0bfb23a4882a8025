/*
 * workbook_xlsx.c - render sheets (sheets.h) as an XLSX workbook with
 * libxlsxwriter: cell formats, column widths, row heights for wrapped
 * text, frozen headers, Excel tables, defined names, native charts and
 * print setup.
 */
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../eoi.h"
#include "workbook.h"

/* Points per line of 11-point text. */
#define LINE_PT 15.0

typedef struct {
	lxw_workbook *wb;
	lxw_format *fmt[STYLE_COUNT];
	lxw_format *left[STYLE_COUNT]; /* number styles aligned left and top */
	lxw_error first_error;
} Xlsx;

static void keep_error(Xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->first_error == LXW_NO_ERROR)
		x->first_error = e;
}

/* ---- formats ----------------------------------------------------------- */

/* The format for NUM_FORMAT in X->fmt[ST], and its left-aligned twin. */
static void number_format(Xlsx *x, CellStyle st, const char *num_format)
{
	x->fmt[st] = workbook_add_format(x->wb);
	format_set_num_format(x->fmt[st], num_format);
	x->left[st] = workbook_add_format(x->wb);
	format_set_num_format(x->left[st], num_format);
	format_set_align(x->left[st], LXW_ALIGN_LEFT);
	format_set_align(x->left[st], LXW_ALIGN_VERTICAL_TOP);
}

static void make_formats(Xlsx *x)
{
	lxw_workbook *wb = x->wb;
	lxw_format **f = x->fmt;
	f[STYLE_PLAIN] = NULL;
	f[STYLE_TITLE] = workbook_add_format(wb);
	format_set_bold(f[STYLE_TITLE]);
	format_set_font_size(f[STYLE_TITLE], 14);
	f[STYLE_CAPTION] = workbook_add_format(wb);
	format_set_italic(f[STYLE_CAPTION]);
	format_set_font_color(f[STYLE_CAPTION], 0x595959);
	f[STYLE_WARNING] = workbook_add_format(wb);
	format_set_bold(f[STYLE_WARNING]);
	format_set_font_color(f[STYLE_WARNING], 0xC00000);
	f[STYLE_SECTION] = workbook_add_format(wb);
	format_set_bold(f[STYLE_SECTION]);
	format_set_font_size(f[STYLE_SECTION], 12);
	format_set_font_color(f[STYLE_SECTION], 0x1F3864);
	f[STYLE_NOTE] = workbook_add_format(wb);
	format_set_italic(f[STYLE_NOTE]);
	format_set_font_color(f[STYLE_NOTE], 0x404040);
	f[STYLE_HEADER] = workbook_add_format(wb);
	format_set_bold(f[STYLE_HEADER]);
	format_set_text_wrap(f[STYLE_HEADER]);
	format_set_align(f[STYLE_HEADER], LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bg_color(f[STYLE_HEADER], 0xDDEBF7);
	format_set_bottom(f[STYLE_HEADER], LXW_BORDER_THIN);
	f[STYLE_LABEL] = workbook_add_format(wb);
	format_set_bold(f[STYLE_LABEL]);
	format_set_text_wrap(f[STYLE_LABEL]);
	format_set_align(f[STYLE_LABEL], LXW_ALIGN_VERTICAL_TOP);
	f[STYLE_PARAGRAPH] = workbook_add_format(wb);
	format_set_text_wrap(f[STYLE_PARAGRAPH]);
	format_set_align(f[STYLE_PARAGRAPH], LXW_ALIGN_VERTICAL_TOP);
	number_format(x, STYLE_INT, "#,##0");
	number_format(x, STYLE_YEAR, "0");
	number_format(x, STYLE_DECIMAL, "0.000");
	number_format(x, STYLE_STATISTIC, "#,##0.00");
	number_format(x, STYLE_PERCENT, "0.0%");
	/* Parameter counts: 1.2B, 350.0M, below a million with separators. */
	number_format(x, STYLE_PARAMS, "[>=1000000000]#,##0.0,,,\"B\";[>=1000000]0.0,,\"M\";#,##0");
	number_format(x, STYLE_PVALUE, "0.00E+00");
	number_format(x, STYLE_GROWTH, "0.0\"×\"");
	number_format(x, STYLE_DATE, "yyyy-mm-dd");
}

/* ---- cells, widths, heights ---------------------------------------------- */

static void write_cell(Xlsx *x, lxw_worksheet *ws, const Sheet *s, uint32_t r, uint32_t c, const Cell *cell)
{
	lxw_format *f = s->left_numbers && x->left[cell->style] ? x->left[cell->style] : x->fmt[cell->style];
	switch (cell->type) {
	case CELL_BLANK:
		if (cell->style == STYLE_HEADER)
			keep_error(x, worksheet_write_blank(ws, r, (lxw_col_t)c, f));
		break;
	case CELL_TEXT:
		keep_error(x, worksheet_write_string(ws, r, (lxw_col_t)c, cell->text, f));
		break;
	case CELL_NUMBER:
		keep_error(x, worksheet_write_number(ws, r, (lxw_col_t)c, cell->num, f));
		break;
	case CELL_DATE: {
		int y, m, d;
		day_to_civil(cell->day, &y, &m, &d);
		lxw_datetime dt = { y, m, d, 0, 0, 0 };
		keep_error(x, worksheet_write_datetime(ws, r, (lxw_col_t)c, &dt, f));
		break;
	}
	}
}

/* Height of row R in points when it holds wrapped text; 0 for default. */
static double row_height(const Sheet *s, uint32_t r)
{
	uint32_t lines = 0;
	double height = 0;
	for (uint32_t c = 0; c < s->n_cols; c++) {
		const Cell *cell = sheet_cell(s, r, c);
		if (cell->style == STYLE_TITLE)
			height = MAX(height, 21);
		if (cell->type != CELL_TEXT ||
		    (cell->style != STYLE_HEADER && cell->style != STYLE_PARAGRAPH && cell->style != STYLE_LABEL))
			continue;
		lines = MAX(lines, sheet_wrapped_lines(cell->text, s->width[c]));
	}
	if (lines > 1 || (lines == 1 && height == 0 && sheet_cell(s, r, 0)->style == STYLE_PARAGRAPH))
		height = MAX(height, lines * LINE_PT + 3);
	return height;
}

static void write_grid(Xlsx *x, lxw_worksheet *ws, const Sheet *s)
{
	uint32_t n_rows = sheet_n_rows(s);
	for (uint32_t r = 0; r < n_rows; r++) {
		for (uint32_t c = 0; c < s->n_cols; c++)
			write_cell(x, ws, s, r, c, sheet_cell(s, r, c));
		double h = row_height(s, r);
		if (h > 0)
			keep_error(x, worksheet_set_row(ws, r, h, NULL));
	}
	for (uint32_t c = 0; c < s->n_cols; c++)
		keep_error(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, s->width[c], NULL));
}

/* ---- tables, names ------------------------------------------------------- */

static void add_table(Xlsx *x, lxw_worksheet *ws, const Sheet *s, const SheetTable *t)
{
	uint32_t n = t->last_col - t->first_col + 1;
	lxw_table_column *cols = g_new0(lxw_table_column, n);
	lxw_table_column **list = g_new0(lxw_table_column *, n + 1);
	for (uint32_t i = 0; i < n; i++) {
		cols[i].header = sheet_cell(s, t->first_row, t->first_col + i)->text;
		cols[i].header_format = x->fmt[STYLE_HEADER];
		list[i] = &cols[i];
	}
	lxw_table_options opt = { 0 };
	opt.name = t->name;
	opt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
	opt.style_type_number = 1;
	opt.columns = list;
	keep_error(x, worksheet_add_table(ws, t->first_row, (lxw_col_t)t->first_col, t->last_row,
					  (lxw_col_t)t->last_col, &opt));
	g_free(list);
	g_free(cols);
}

static void define_name(Xlsx *x, const Sheet *s, const SheetName *n)
{
	char range[64];
	lxw_rowcol_to_range_abs(range, n->first_row, (lxw_col_t)n->first_col, n->last_row, (lxw_col_t)n->last_col);
	char *quoted = g_strdup_printf("='%s'!%s", s->name, range);
	keep_error(x, workbook_define_name(x->wb, n->name, quoted));
	g_free(quoted);
}

/* ---- charts ---------------------------------------------------------------- */

static uint8_t chart_type(ChartKind k)
{
	switch (k) {
	case CHART_AREA_PERCENT:
		return LXW_CHART_AREA_STACKED_PERCENT;
	case CHART_LINE:
		return LXW_CHART_LINE;
	case CHART_BAR_PERCENT:
		return LXW_CHART_BAR_STACKED_PERCENT;
	case CHART_SCATTER_LINE:
		return LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS;
	}
	return LXW_CHART_LINE;
}

static void add_series(lxw_chart *chart, const Sheet *s, const SheetChart *sc, const ChartSeries *cs)
{
	lxw_chart_series *ser = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(ser, s->name, cs->first_row, (lxw_col_t)cs->cat_col, cs->last_row,
				    (lxw_col_t)cs->cat_col);
	chart_series_set_values(ser, s->name, cs->first_row, (lxw_col_t)cs->val_col, cs->last_row,
				(lxw_col_t)cs->val_col);
	chart_series_set_name_range(ser, s->name, cs->name_row, (lxw_col_t)cs->name_col);
	if (sc->kind == CHART_AREA_PERCENT || sc->kind == CHART_BAR_PERCENT) {
		lxw_chart_fill fill = { .color = cs->colour };
		lxw_chart_line edge = { .none = LXW_TRUE };
		chart_series_set_fill(ser, &fill);
		chart_series_set_line(ser, &edge);
	} else {
		lxw_chart_line line = { .color = cs->colour, .width = 1.75f };
		line.dash_type = cs->dashed ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID;
		chart_series_set_line(ser, &line);
		if (sc->kind == CHART_LINE)
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_NONE);
		else {
			lxw_chart_fill mfill = { .color = cs->colour };
			chart_series_set_marker_type(ser, LXW_CHART_MARKER_CIRCLE);
			chart_series_set_marker_size(ser, 5);
			chart_series_set_marker_fill(ser, &mfill);
			chart_series_set_marker_line(ser, &line);
		}
	}
}

static void add_chart(Xlsx *x, lxw_worksheet *ws, const Sheet *s, const SheetChart *sc)
{
	lxw_chart *chart = workbook_add_chart(x->wb, chart_type(sc->kind));
	for (guint i = 0; i < sc->series->len; i++)
		add_series(chart, s, sc, &g_array_index(sc->series, ChartSeries, i));
	chart_title_set_name(chart, sc->title);
	lxw_chart_font title_font = { .size = 12, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	lxw_chart_axis *y = sc->kind == CHART_BAR_PERCENT ? chart->x_axis : chart->y_axis;
	lxw_chart_axis *xa = sc->kind == CHART_BAR_PERCENT ? chart->y_axis : chart->x_axis;
	if (sc->y_format)
		chart_axis_set_num_format(y, sc->y_format);
	if (!isnan(sc->y_max))
		chart_axis_set_max(y, sc->y_max);
	if (sc->kind == CHART_LINE)
		chart_axis_set_min(y, 0);
	if (sc->y_log)
		chart_axis_set_log_base(y, 10);
	if (sc->y_title)
		chart_axis_set_name(y, sc->y_title);
	if (sc->x_interval) {
		chart_axis_set_interval_unit(xa, sc->x_interval);
		chart_axis_set_interval_tick(xa, sc->x_interval);
	}
	if (sc->kind == CHART_BAR_PERCENT)
		chart_axis_set_reverse(xa); /* first row on top, as in the table */
	if (sc->kind == CHART_SCATTER_LINE)
		chart_axis_set_num_format(xa, "0");
	chart_legend_set_position(chart, sc->kind == CHART_BAR_PERCENT ? LXW_CHART_LEGEND_BOTTOM
								  : LXW_CHART_LEGEND_RIGHT);
	lxw_chart_options opt = { 0 };
	opt.x_offset = 8;
	opt.x_scale = sc->width_px / 480.0;
	opt.y_scale = sc->height_px / 288.0;
	keep_error(x, worksheet_insert_chart_opt(ws, sc->row, (lxw_col_t)sc->col, chart, &opt));
}

/* ---- sheets ------------------------------------------------------------------ */

/* TEXT with '&' doubled (header/footer codes), cut to fit Excel's limit. */
static char *hf_escape(const char *prefix, const char *text, const char *suffix)
{
	GString *s = g_string_new(prefix);
	for (const char *p = text ? text : ""; *p && s->len < 180; p = g_utf8_next_char(p)) {
		if (*p == '&')
			g_string_append_c(s, '&');
		g_string_append_unichar(s, g_utf8_get_char(p));
	}
	g_string_append(s, suffix);
	return g_string_free(s, FALSE);
}

static void print_setup(Xlsx *x, lxw_worksheet *ws, const Sheet *s)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
	if (s->repeat_rows)
		keep_error(x, worksheet_repeat_rows(ws, 0, s->repeat_rows - 1));
	char *header = hf_escape("&L&\"-,Bold\"", s->print_title ? s->print_title : s->name, "");
	/* "&8 ": the space ends the font size before text that may start
	 * with a digit. */
	char *footer = hf_escape("&L&8 ", s->print_note, "&R&8 Page &P of &N");
	keep_error(x, worksheet_set_header(ws, header));
	keep_error(x, worksheet_set_footer(ws, footer));
	g_free(header);
	g_free(footer);
}

static void write_sheet(Xlsx *x, const Sheet *s)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, s->name);
	if (!ws) {
		keep_error(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return;
	}
	write_grid(x, ws, s);
	for (guint i = 0; i < s->tables->len; i++)
		add_table(x, ws, s, &g_array_index(s->tables, SheetTable, i));
	for (guint i = 0; i < s->names->len; i++)
		define_name(x, s, &g_array_index(s->names, SheetName, i));
	for (guint i = 0; i < s->charts->len; i++)
		add_chart(x, ws, s, g_ptr_array_index(s->charts, i));
	if (s->freeze_row || s->freeze_col)
		worksheet_freeze_panes(ws, s->freeze_row, (lxw_col_t)s->freeze_col);
	if (s->hide_gridlines)
		worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
	print_setup(x, ws, s);
}

bool workbook_write_xlsx(GPtrArray *sheets, const Stats *st, const char *path, gint64 created, GError **err)
{
	Xlsx x = { 0 };
	x.wb = workbook_new(path);
	if (!x.wb) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create the workbook", path);
		return false;
	}
	char day[11];
	char *subject = g_strdup_printf("Statistics as of %s", day_format(st->info.as_of, day));
	char *comments = g_strdup_printf("Source: %s", st->info.source ? st->info.source : "");
	lxw_doc_properties props = { 0 };
	props.title = "Economies of Open Intelligence: tables";
	props.subject = subject;
	props.author = "eoi " EOI_VERSION;
	props.comments = comments;
	props.created = (time_t)created;
	keep_error(&x, workbook_set_properties(x.wb, &props));
	make_formats(&x);
	for (guint i = 0; i < sheets->len; i++)
		write_sheet(&x, g_ptr_array_index(sheets, i));
	lxw_error e = workbook_close(x.wb);
	g_free(subject);
	g_free(comments);
	if (e != LXW_NO_ERROR) { /* creating or writing the file */
		g_set_error(err, EOI_ERROR, e == LXW_ERROR_CREATING_XLSX_FILE ? EOI_EXIT_CANTCREAT : EOI_EXIT_IO,
			    "%s: %s", path, lxw_strerror(e));
		return false;
	}
	if (x.first_error != LXW_NO_ERROR) { /* a sheet libxlsxwriter refused: our bug */
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: %s", path, lxw_strerror(x.first_error));
		return false;
	}
	return true;
}
