/*
 * workbook_about.c - the About sheet: what the workbook is, the run (as-of
 * date, window, attribution), the input files with SHA-256 and row counts,
 * the tolerated problems, the sheets and every definition in plain words.
 *
 * The prose lives in templates/about.txt (format described there), read at
 * run time, so it can be reworded without touching code; the facts of the
 * run are written here where "@run", "@inputs" and "@warnings" stand.
 */
#include <string.h>

#include "../eoi.h"
#include "../paths.h"
#include "workbook_sheets.h"

#define ABOUT_TEMPLATE "templates/about.txt"

typedef struct {
	Sheet *s;
	const Stats *st;
	uint32_t r;        /* next row */
	GString *para;     /* paragraph being read */
	char *term;        /* its term, or NULL */
} About;

static void kv_text(About *a, const char *label, const char *value)
{
	sheet_text(a->s, a->r, 0, label, STYLE_LABEL);
	sheet_text(a->s, a->r++, 1, value, STYLE_PLAIN);
}

static void kv_number(About *a, const char *label, double value)
{
	sheet_text(a->s, a->r, 0, label, STYLE_LABEL);
	sheet_number(a->s, a->r++, 1, value, STYLE_INT);
}

static void kv_date(About *a, const char *label, Day day)
{
	sheet_text(a->s, a->r, 0, label, STYLE_LABEL);
	sheet_date(a->s, a->r++, 1, day);
}

/* ---- the facts of the run ---------------------------------------------------- */

static void block_run(About *a)
{
	const RunInfo *in = &a->st->info;
	kv_text(a, "Data", in->synthetic ? "Synthetic sample data (eoi's generator, not the released dataset)"
					 : in->source);
	kv_date(a, "As-of date", in->as_of);
	kv_date(a, "First snapshot date", in->first_day);
	kv_text(a, "Window", in->window == WINDOW_FIRST_YEAR
				     ? "first-year: Rolling Window Filter (downloads count in a model's first 365 days)"
				     : "all: every download counts");
	kv_text(a, "View", "attributed: downloads grouped by credited developer");
	kv_text(a, "Attribution", in->attribution == ATTRIBUTION_GIVEN
					  ? "given: the credited developer published with the data, else the base-model walk"
					  : "computed: the base-model walk for every model");
	kv_text(a, "Periods", period_kind_name(in->period));
	kv_number(a, "Rows read", (double)a->st->n_rows);
	kv_number(a, "Models", a->st->n_models);
	kv_number(a, "Credited developers", a->st->n_developers);
	kv_text(a, "Made by", "eoi " EOI_VERSION);
}

static void block_inputs(About *a)
{
	const GPtrArray *inputs = a->st->inputs;
	for (guint i = 0; inputs && i < inputs->len; i++) {
		const InputFile *f = g_ptr_array_index(inputs, i);
		char *label = g_strdup_printf("File %u (%s table)", i + 1, file_role_name(f->role));
		kv_text(a, label, f->path);
		g_free(label);
		kv_text(a, "Format", f->format);
		kv_text(a, "SHA-256", f->sha256);
		kv_number(a, "Rows", (double)f->rows);
	}
}

static void block_warnings(About *a)
{
	const RunWarnings *w = &a->st->warnings;
	WarningItem items[RUN_WARNING_ITEMS];
	run_warning_items(w, items);
	for (size_t i = 0; i < RUN_WARNING_ITEMS; i++) {
		char *label = g_strdup(items[i].what);
		label[0] = g_ascii_toupper(label[0]);
		kv_number(a, label, (double)items[i].n);
		g_free(label);
	}
	if (w->unknown_column_names && *w->unknown_column_names)
		kv_text(a, "Unknown column names", w->unknown_column_names);
}

/* ---- the template ------------------------------------------------------------- */

static void flush(About *a)
{
	if (a->para->len) {
		sheet_text(a->s, a->r, 0, a->term, STYLE_LABEL);
		sheet_text(a->s, a->r++, 1, a->para->str, STYLE_PARAGRAPH);
	}
	g_string_truncate(a->para, 0);
	g_clear_pointer(&a->term, g_free);
}

static void append(About *a, const char *text)
{
	if (a->para->len)
		g_string_append_c(a->para, ' ');
	g_string_append(a->para, text);
}

/* One line of the template; false (with ERR) for an unknown "@" block. */
static bool template_line(About *a, char *line, const char *path, int lineno, GError **err)
{
	g_strstrip(line);
	if (line[0] == '#')
		return true;
	if (line[0] == '\0' || line[0] == '=' || line[0] == '@' || line[0] == '*')
		flush(a);
	if (line[0] == '=') {
		a->r += a->r > WB_HEADER_ROW ? 1 : 0;
		sheet_text(a->s, a->r++, 0, g_strstrip(line + 1), STYLE_SECTION);
	} else if (line[0] == '@') {
		if (strcmp(line, "@run") == 0)
			block_run(a);
		else if (strcmp(line, "@inputs") == 0)
			block_inputs(a);
		else if (strcmp(line, "@warnings") == 0)
			block_warnings(a);
		else {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: unknown block \"%s\"", path, lineno, line);
			return false;
		}
	} else if (line[0] == '*') {
		char *colon = strchr(line, ':');
		if (!colon) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: a definition needs \"* Term: text\"", path,
				    lineno);
			return false;
		}
		*colon = '\0';
		a->term = g_strdup(g_strstrip(line + 1));
		append(a, g_strstrip(colon + 1));
	} else if (line[0]) {
		append(a, line);
	}
	return true;
}

static bool read_template(About *a, GError **err)
{
	char *path = eoi_resource_path(ABOUT_TEMPLATE, err);
	char *text = NULL;
	bool ok = path != NULL;
	GError *e = NULL;
	if (ok && !g_file_get_contents(path, &text, NULL, &e)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: %s", path, eoi_file_error_reason(e));
		g_error_free(e);
		ok = false;
	}
	if (ok && !g_utf8_validate(text, -1, NULL)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: not UTF-8 text", path);
		ok = false;
	}
	if (ok) {
		gchar **lines = g_strsplit(text, "\n", -1);
		for (int i = 0; ok && lines[i]; i++)
			ok = template_line(a, lines[i], ABOUT_TEMPLATE, i + 1, err);
		g_strfreev(lines);
		flush(a);
	}
	g_free(text);
	g_free(path);
	return ok;
}

Sheet *wb_about(const Stats *st, GError **err)
{
	Sheet *s = sheet_new("About", "about");
	char *run = wb_run_line(st);
	char *caption = g_strdup_printf("eoi %s · %s", EOI_VERSION, run);
	sheet_text(s, 0, 0, "Economies of Open Intelligence: tables", STYLE_TITLE);
	sheet_text(s, 1, 0, caption, STYLE_CAPTION);
	if (st->info.synthetic)
		sheet_text(s, 2, 0,
			   "Synthetic sample data: every number in this workbook comes from eoi's generated sample, "
			   "not from the released dataset.",
			   STYLE_WARNING);
	s->print_title = g_strdup("Economies of Open Intelligence: tables (About)");
	s->print_note = g_strdup_printf("%s · %s", st->info.source ? st->info.source : "", run);
	s->hide_gridlines = true;
	s->left_numbers = true;
	g_free(caption);
	g_free(run);
	sheet_set_width(s, 0, 40);
	sheet_set_width(s, 1, 100);
	About a = { s, st, WB_HEADER_ROW, g_string_new(NULL), NULL };
	bool ok = read_template(&a, err);
	g_string_free(a.para, TRUE);
	g_free(a.term);
	if (!ok) {
		sheet_free(s);
		return NULL;
	}
	return s;
}
