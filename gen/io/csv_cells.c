/*
 * csv_cells.c - header mapping and per-row cell handling for the CSV
 * reader.
 *
 * Typed cells (dates, numbers, booleans) are checked on every row, so a bad
 * value is reported wherever it is; strings and lists are only interned
 * when the row is its model's latest, because only that row's attributes
 * are kept.
 */
#include "csv_cells.h"

#include <stdarg.h>
#include <string.h>

#include "../eoi.h"

/* Cells quoted in messages are cut to this many bytes. */
#define QUOTE_MAX 60

/* ---- messages ----------------------------------------------------------- */

/* S[0..LEN) as a double-quoted, escaped, one-line string (cut when long). */
static GString *quote_cell(const char *s, size_t len)
{
	size_t show = len;
	if (show > QUOTE_MAX) {
		show = QUOTE_MAX;
		while (show > 0 && ((unsigned char)s[show] & 0xC0) == 0x80)
			show--; /* do not cut a UTF-8 sequence */
	}
	bool utf8 = g_utf8_validate_len(s, show, NULL);
	GString *q = g_string_new("\"");
	for (size_t i = 0; i < show; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			g_string_append_printf(q, "\\%c", c);
		else if (c == '\n')
			g_string_append(q, "\\n");
		else if (c == '\r')
			g_string_append(q, "\\r");
		else if (c == '\t')
			g_string_append(q, "\\t");
		else if (c < 0x20 || c == 0x7F || (c >= 0x80 && !utf8))
			g_string_append_printf(q, "\\x%02x", c);
		else
			g_string_append_c(q, (char)c);
	}
	g_string_append(q, show < len ? "\"..." : "\"");
	return q;
}

/* Set ERR to "PATH:LINE:NAME: " + the formatted reason; returns false. */
G_GNUC_PRINTF(5, 6)
static bool cell_error(const CsvLayout *lay, uint64_t line, unsigned field, GError **err,
		       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *reason = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%" G_GUINT64_FORMAT ":%s: %s", lay->path,
		    line, lay->names[field], reason);
	g_free(reason);
	return false;
}

/* "not a date: "2024-13-01"" and the like. */
static bool bad_value(const CsvLayout *lay, uint64_t line, unsigned field, const char *what,
		      const char *s, size_t len, GError **err)
{
	GString *q = quote_cell(s, len);
	cell_error(lay, line, field, err, "not %s: %s", what, q->str);
	g_string_free(q, TRUE);
	return false;
}

/* A cell that failed cell_parse_int(): out of range or not an integer. */
static bool bad_int(const CsvLayout *lay, uint64_t line, unsigned field, const char *s, size_t len,
		    GError **err)
{
	if (!cell_int_out_of_range(s, len))
		return bad_value(lay, line, field, "an integer", s, len, err);
	GString *q = quote_cell(s, len);
	cell_error(lay, line, field, err, "integer out of range: %s", q->str);
	g_string_free(q, TRUE);
	return false;
}

/* Parse date cell S of field F into *OUT: a valid date within
 * DAY_DATA_RANGE. */
static bool day_cell(const CsvLayout *lay, uint64_t line, unsigned f, const char *s, size_t len,
		     Day *out, GError **err)
{
	if (!date_parse(s, len, out))
		return bad_value(lay, line, f, "a date", s, len, err);
	if (day_in_data_range(*out))
		return true;
	GString *q = quote_cell(s, len);
	cell_error(lay, line, f, err, "date out of range (" DAY_DATA_RANGE "): %s", q->str);
	g_string_free(q, TRUE);
	return false;
}

/* ---- header ------------------------------------------------------------- */

/* Map header field I named NAME; PRESENT marks the canonical columns seen. */
static void map_header_name(CsvLayout *lay, unsigned i, const char *name, bool present[COL_COUNT])
{
	int col = columns_lookup(name);
	if (col < 0) {
		if (*name) {
			dsb_unknown_column(lay->b, name);
		} else {
			/* pandas writes its index as a column with no name. */
			char *label = g_strdup_printf("(unnamed column %u)", i + 1);
			dsb_unknown_column(lay->b, label);
			g_free(label);
		}
		return;
	}
	if (col == COL_IGNORED)
		return;
	if (present[col]) {
		char *label = g_strdup_printf("%s (duplicate of %s)", name, columns_name(col));
		dsb_unknown_column(lay->b, label);
		g_free(label);
		return;
	}
	present[col] = true;
	dsb_has_column(lay->b, col);
	if (!columns_role_uses(lay->role, col))
		return;
	lay->col[i] = col;
	lay->field[col] = (int)i;
	if (col >= COL_FIRST_ATTR && col <= COL_LAST_ATTR && lay->role != ROLE_DEVELOPERS)
		lay->attr[lay->n_attr++] = i;
}

bool csv_layout_init(CsvLayout *lay, const char *path, FileRole role, DatasetBuilder *b,
		     const char *const *names, const size_t *lens, unsigned n, GError **err)
{
	memset(lay, 0, sizeof *lay);
	for (unsigned i = 0; i < n; i++)
		if (!g_utf8_validate_len(names[i], lens[i], NULL)) {
			GString *q = quote_cell(names[i], lens[i]);
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA,
				    "%s: header field %u is not UTF-8 text: %s", path, i + 1, q->str);
			g_string_free(q, TRUE);
			return false;
		}
	lay->path = path;
	lay->role = role;
	lay->b = b;
	lay->n_cols = n;
	lay->names = g_new0(char *, (size_t)n + 1);
	lay->col = g_new(int, n);
	lay->attr = g_new(unsigned, n);
	lay->list = g_string_new(NULL);
	lay->last = g_new(GString *, n);
	lay->last_sym = g_new0(Sym, n);
	for (int c = 0; c < COL_COUNT; c++)
		lay->field[c] = -1;
	bool present[COL_COUNT] = { false };
	for (unsigned i = 0; i < n; i++) {
		lay->names[i] = g_strndup(names[i], lens[i]);
		lay->col[i] = -1;
		lay->last[i] = g_string_new(NULL);
		map_header_name(lay, i, lay->names[i], present);
	}
	lay->value_col = present[COL_DOWNLOADS_CUMULATIVE] ? COL_DOWNLOADS_CUMULATIVE : COL_DOWNLOADS;
	return columns_check_required(path, role, present,
				      dsb_options(b)->snapshot_date != DAY_NONE, err);
}

void csv_layout_clear(CsvLayout *lay)
{
	g_strfreev(lay->names);
	g_free(lay->col);
	g_free(lay->attr);
	if (lay->list)
		g_string_free(lay->list, TRUE);
	for (unsigned i = 0; lay->last && i < lay->n_cols; i++)
		g_string_free(lay->last[i], TRUE);
	g_free(lay->last);
	g_free(lay->last_sym);
	memset(lay, 0, sizeof *lay);
}

/* ---- cells -------------------------------------------------------------- */

/* Neighbouring rows often repeat a cell (an org type, a language list), so
 * each field remembers its last interned cell and its symbol. */
static Sym cached_sym(const CsvLayout *lay, unsigned f, const char *s, size_t len)
{
	const GString *last = lay->last[f];
	if (lay->last_sym[f] != SYM_NONE && last->len == len && memcmp(last->str, s, len) == 0)
		return lay->last_sym[f];
	return SYM_NONE;
}

static Sym remember_sym(CsvLayout *lay, unsigned f, const char *s, size_t len, Sym sym)
{
	g_string_truncate(lay->last[f], 0);
	g_string_append_len(lay->last[f], s, (gssize)len);
	lay->last_sym[f] = sym;
	return sym;
}

/* The symbol of text cell S of field F into *OUT; text must be UTF-8 (the
 * figures, workbook and report need it). */
static bool text_sym(CsvLayout *lay, unsigned f, const char *s, size_t len, uint64_t line,
		     Sym *out, GError **err)
{
	Sym sym = cached_sym(lay, f, s, len);
	if (!sym) {
		if (!g_utf8_validate_len(s, len, NULL))
			return bad_value(lay, line, f, "UTF-8 text", s, len, err);
		sym = remember_sym(lay, f, s, len, dsb_intern(lay->b, s, len));
	}
	*out = sym;
	return true;
}

/* The symbol of list cell S of field F (its entries joined by LIST_SEP). */
static bool list_sym(CsvLayout *lay, unsigned f, const char *s, size_t len, uint64_t line,
		     Sym *out, GError **err)
{
	Sym sym = cached_sym(lay, f, s, len);
	if (!sym) {
		GString *l = lay->list;
		if (!cell_parse_list(s, len, l))
			return bad_value(lay, line, f, "a list", s, len, err);
		if (!g_utf8_validate_len(l->str, l->len, NULL))
			return bad_value(lay, line, f, "UTF-8 text", s, len, err);
		sym = remember_sym(lay, f, s, len, dsb_intern(lay->b, l->str, l->len));
	}
	*out = sym;
	return true;
}

/* Set one non-empty attribute cell of field F on record REC (when SET) after
 * checking it.  Strings and lists are only looked at when SET. */
static bool attr_cell(CsvLayout *lay, unsigned f, const char *s, size_t len, bool set,
		      uint32_t rec, uint64_t line, GError **err)
{
	ColId col = (ColId)lay->col[f];
	DatasetBuilder *b = lay->b;
	switch (columns_kind(col)) {
	case COLK_STRING:
	case COLK_LIST: {
		if (!set)
			return true;
		Sym sym = SYM_NONE;
		bool ok = columns_kind(col) == COLK_LIST ? list_sym(lay, f, s, len, line, &sym, err)
							 : text_sym(lay, f, s, len, line, &sym, err);
		if (ok)
			dsb_set_sym(b, rec, col, sym);
		return ok;
	}
	case COLK_DAY: {
		Day d;
		if (!day_cell(lay, line, f, s, len, &d, err))
			return false;
		if (set)
			dsb_set_day(b, rec, col, d);
		return true;
	}
	case COLK_INT: {
		int64_t v;
		if (!cell_parse_int(s, len, &v))
			return bad_int(lay, line, f, s, len, err);
		const char *why = columns_check_number(col, (double)v);
		if (why)
			return cell_error(lay, line, f, err, "%s: %" G_GINT64_FORMAT, why, v);
		if (set)
			dsb_set_num(b, rec, col, (double)v);
		return true;
	}
	case COLK_FLOAT: {
		double v;
		if (!cell_parse_float(s, len, &v))
			return bad_value(lay, line, f, "a number", s, len, err);
		const char *why = columns_check_number(col, v);
		if (why) {
			GString *q = quote_cell(s, len);
			cell_error(lay, line, f, err, "%s: %s", why, q->str);
			g_string_free(q, TRUE);
			return false;
		}
		if (set)
			dsb_set_num(b, rec, col, v);
		return true;
	}
	case COLK_BOOL: {
		bool v;
		if (!cell_parse_bool(s, len, &v))
			return bad_value(lay, line, f, "a boolean", s, len, err);
		if (set)
			dsb_set_flag(b, rec, col, v);
		return true;
	}
	case COLK_IGNORED:
		return true;
	}
	return true;
}

/* Every non-empty attribute cell of the row: checked, and set when SET. */
static bool attr_cells(CsvLayout *lay, const char *const *cells, const size_t *lens, bool set,
		       uint32_t rec, uint64_t line, GError **err)
{
	for (unsigned k = 0; k < lay->n_attr; k++) {
		unsigned f = lay->attr[k];
		if (lens[f] > 0 && !attr_cell(lay, f, cells[f], lens[f], set, rec, line, err))
			return false;
	}
	return true;
}

/* The interned key cell of column COL (model id, developer); empty is an
 * error. */
static bool key_cell(CsvLayout *lay, ColId col, const char *what, const char *const *cells,
		     const size_t *lens, uint64_t line, Sym *out, GError **err)
{
	unsigned f = (unsigned)lay->field[col];
	if (lens[f] == 0)
		return cell_error(lay, line, f, err, "empty %s", what);
	/* keys rarely repeat, so no cache */
	if (!g_utf8_validate_len(cells[f], lens[f], NULL))
		return bad_value(lay, line, f, "UTF-8 text", cells[f], lens[f], err);
	*out = dsb_intern(lay->b, cells[f], lens[f]);
	return true;
}

/* The row's date: its date cell, else --snapshot-date. */
static bool row_day(const CsvLayout *lay, const char *const *cells, const size_t *lens,
		    uint64_t line, Day *out, GError **err)
{
	int f = lay->field[COL_DATE];
	if (f < 0) {
		*out = dsb_options(lay->b)->snapshot_date;
		return true;
	}
	if (lens[f] == 0)
		return cell_error(lay, line, (unsigned)f, err, "empty date");
	return day_cell(lay, line, (unsigned)f, cells[f], lens[f], out, err);
}

/* The row's download count (an integer >= 0). */
static bool row_count(const CsvLayout *lay, const char *const *cells, const size_t *lens,
		      uint64_t line, int64_t *out, GError **err)
{
	unsigned f = (unsigned)lay->field[lay->value_col];
	if (lens[f] == 0)
		return cell_error(lay, line, f, err, "empty download count");
	if (!cell_parse_int(cells[f], lens[f], out))
		return bad_int(lay, line, f, cells[f], lens[f], err);
	if (*out < 0)
		return cell_error(lay, line, f, err, "negative download count %" G_GINT64_FORMAT,
				  *out);
	return true;
}

static bool row_downloads(CsvLayout *lay, const char *const *cells, const size_t *lens,
			  uint64_t line, GError **err)
{
	Sym model = SYM_NONE;
	Day day = DAY_NONE;
	int64_t value = 0;
	if (!key_cell(lay, COL_MODEL_ID, "model id", cells, lens, line, &model, err) ||
	    !row_day(lay, cells, lens, line, &day, err) ||
	    !row_count(lay, cells, lens, line, &value, err))
		return false;
	uint32_t rec = 0;
	bool latest = dsb_add_download(lay->b, model, day, value,
				       lay->value_col == COL_DOWNLOADS_CUMULATIVE, &rec);
	return attr_cells(lay, cells, lens, latest, rec, line, err);
}

static bool row_models(CsvLayout *lay, const char *const *cells, const size_t *lens,
		       uint64_t line, GError **err)
{
	Sym model = SYM_NONE;
	if (!key_cell(lay, COL_MODEL_ID, "model id", cells, lens, line, &model, err))
		return false;
	uint32_t rec = dsb_add_model_row(lay->b, model);
	return attr_cells(lay, cells, lens, true, rec, line, err);
}

/* The interned cell of COL into *OUT; SYM_NONE when the column is absent
 * or the cell empty. */
static bool opt_sym(CsvLayout *lay, ColId col, const char *const *cells, const size_t *lens,
		    uint64_t line, Sym *out, GError **err)
{
	int f = lay->field[col];
	*out = SYM_NONE;
	if (f < 0 || lens[f] == 0)
		return true;
	return text_sym(lay, (unsigned)f, cells[f], lens[f], line, out, err);
}

static bool row_developers(CsvLayout *lay, const char *const *cells, const size_t *lens,
			   uint64_t line, GError **err)
{
	Sym dev = SYM_NONE, country = SYM_NONE, group = SYM_NONE, org = SYM_NONE;
	if (!key_cell(lay, COL_DEVELOPER, "developer", cells, lens, line, &dev, err) ||
	    !opt_sym(lay, COL_COUNTRY, cells, lens, line, &country, err) ||
	    !opt_sym(lay, COL_COUNTRY_GROUP, cells, lens, line, &group, err) ||
	    !opt_sym(lay, COL_ORG_TYPE, cells, lens, line, &org, err))
		return false;
	dsb_add_developer_row(lay->b, dev, country, group, org);
	return true;
}

bool csv_row_apply(CsvLayout *lay, const char *const *cells, const size_t *lens, uint64_t line,
		   GError **err)
{
	switch (lay->role) {
	case ROLE_DOWNLOADS:
		return row_downloads(lay, cells, lens, line, err);
	case ROLE_MODELS:
		return row_models(lay, cells, lens, line, err);
	case ROLE_DEVELOPERS:
		return row_developers(lay, cells, lens, line, err);
	}
	return true;
}
