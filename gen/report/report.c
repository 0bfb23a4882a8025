/*
 * report.c - the quarterly report: template + statistics -> PDF.
 */
#include "report.h"

#include <errno.h>
#include <string.h>

#include "../eoi.h"
#include "../paths.h"
#include "../stats/changes.h"
#include "figset.h"
#include "model.h"
#include "tables.h"
#include "template.h"
#include "typeset.h"

Day report_previous_quarter_end(Day as_of)
{
	int y, m, d;
	day_to_civil(as_of, &y, &m, &d);
	int first_month = (m - 1) / 3 * 3 + 1;
	return day_from_civil(y, first_month, 1) - 1;
}

Day report_default_previous(const Stats *st)
{
	if (st->info.as_of == DAY_NONE)
		return DAY_NONE;
	Day prev = report_previous_quarter_end(st->info.as_of);
	return st->info.first_day != DAY_NONE && st->info.first_day <= prev ? prev : DAY_NONE;
}

char *report_path(const char *out_dir, const Stats *st)
{
	char q[16], name[40];
	g_snprintf(name, sizeof name, "eoi-report-%s.pdf", report_quarter(st->info.as_of, q));
	return g_build_filename(out_dir, name, NULL);
}

/* What the blocks need besides their text: a table per table block, an
 * SVG or a skip reason per figure block (indexed like the blocks). */
typedef struct {
	TableSpec **table;
	char **note;       /* "not shown" notes */
	const char **svg;
} Prepared;

static void prepared_free(Prepared *p, guint n)
{
	for (guint i = 0; i < n; i++) {
		table_spec_free(p->table[i]);
		g_free(p->note[i]);
	}
	g_free(p->table);
	g_free(p->note);
	g_free(p->svg);
}

/* "Figure 5" for fig5, "Table 2" for table2, else "WHAT NAME". */
static char *object_name(const char *what, const char *name)
{
	const char *digits = name + strcspn(name, "0123456789");
	if (*digits && strspn(name, "abcdefghijklmnopqrstuvwxyz") == (size_t)(digits - name))
		return g_strdup_printf("%c%s %s", g_ascii_toupper(what[0]), what + 1, digits);
	return g_strdup_printf("The %s \"%s\"", what, name);
}

/* Build every table and render every figure the blocks name. */
static bool prepare(const Template *t, const TemplateDoc *doc, JsonNode *model, FigSet *fs, Prepared *p,
		    GError **err)
{
	guint n = doc->blocks->len;
	p->table = g_new0(TableSpec *, n + 1);
	p->note = g_new0(char *, n + 1);
	p->svg = g_new0(const char *, n + 1);
	for (guint i = 0; i < n; i++) {
		const Block *b = g_ptr_array_index(doc->blocks, i);
		if (b->kind == BLK_TABLE) {
			char *skipped = NULL, *error = NULL;
			p->table[i] = report_table_build(b->name, model, &skipped, &error);
			if (error) {
				g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: %s", template_name(t), b->line, error);
				g_free(error);
				return false;
			}
			if (skipped) {
				char *what = object_name("table", b->name);
				p->note[i] = g_markup_printf_escaped("%s is not shown: %s.", what, skipped);
				g_free(what);
			}
			g_free(skipped);
		} else if (b->kind == BLK_FIGURE) {
			const char *skipped = NULL;
			if (!figset_get(fs, b->name, &p->svg[i], &skipped, err))
				return false;
			if (skipped) {
				char *what = object_name("figure", b->name);
				p->note[i] = g_markup_printf_escaped("%s is not shown: %s.", what, skipped);
				g_free(what);
			}
		}
	}
	return true;
}

static bool typeset(Typesetter *ts, const TemplateDoc *doc, const Prepared *p, GError **err)
{
	for (guint i = 0; i < doc->blocks->len; i++) {
		const Block *b = g_ptr_array_index(doc->blocks, i);
		switch (b->kind) {
		case BLK_HEADING: ts_heading(ts, b->level, b->markup, b->cover); break;
		case BLK_PARA: ts_paragraph(ts, b->markup, b->cover); break;
		case BLK_ITEM: ts_item(ts, b->markup, b->cover); break;
		case BLK_PAGEBREAK: ts_pagebreak(ts); break;
		case BLK_TABLE:
			if (p->table[i])
				ts_table(ts, p->table[i], b->markup);
			else
				ts_note(ts, p->note[i]);
			break;
		case BLK_FIGURE:
			if (p->svg[i]) {
				if (!ts_figure(ts, p->svg[i], b->markup, err))
					return false;
			} else {
				ts_note(ts, p->note[i]);
			}
			break;
		}
	}
	return true;
}

static bool make_dir(const char *dir, GError **err)
{
	if (g_mkdir_with_parents(dir, 0777) == 0)
		return true;
	g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", dir, g_strerror(errno));
	return false;
}

bool report_write(const Stats *st, const Stats *prev, const ReportOptions *ro, FILE *log, GError **err)
{
	TemplateHooks hooks = { figset_known, report_table_known, NULL };
	char *tpath = ro->template_path ? g_strdup(ro->template_path) : eoi_resource_path("templates/report.tmpl", err);
	Template *t = tpath ? template_load(tpath, &hooks, err) : NULL;
	Changes *ch = t && prev ? changes_compute(st, prev) : NULL;
	JsonNode *model = t ? report_model_new(st, prev, ch, ro->letter) : NULL;
	TemplateDoc *doc = model ? template_expand(t, model, err) : NULL;
	FigSet *fs = doc ? figset_new(st, err) : NULL;
	Prepared p = { 0 };
	Typesetter *ts = NULL;
	char *path = NULL;
	int pages = 0;
	bool ok = fs && prepare(t, doc, model, fs, &p, err);
	if (ok) {
		TypesetOptions to = { ro->letter, doc->title ? doc->title : "eoi quarterly report", doc->header };
		ts = ts_new(&to, err);
		ok = ts && typeset(ts, doc, &p, err) && make_dir(ro->out_dir, err);
	}
	if (ok) {
		path = report_path(ro->out_dir, st);
		ok = ts_write(ts, path, &pages, err);
	}
	if (ok && log)
		fprintf(log, "eoi: wrote %s (%d pages)\n", path, pages);
	g_free(path);
	ts_free(ts);
	if (doc)
		prepared_free(&p, doc->blocks->len);
	figset_free(fs);
	template_doc_free(doc);
	if (model)
		json_node_unref(model);
	changes_free(ch);
	template_free(t);
	g_free(tpath);
	return ok;
}
