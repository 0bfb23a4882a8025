/*
 * mkdata.h - build small datasets for tests from a table of rows, through
 * the same DatasetBuilder the readers use.  Header-only (static functions).
 */
#ifndef MKDATA_H
#define MKDATA_H

#include <glib.h>
#include <string.h>

#include "data/dataset.h"

typedef struct {
	const char *model, *date;
	int64_t value;
	const char *created;     /* NULL: missing */
	const char *author;      /* NULL: namespace */
	const char *parents;     /* ';'-joined base_models, NULL: missing */
	const char *derived;     /* derived_author, NULL: missing */
	const char *group;       /* uploader country_group */
	const char *dev_group;   /* developer_country_group */
	const char *extra;       /* more cells: "column=value|column=value", any
				    column name eoi knows, typed by its kind */
} Row;

static Day D(const char *s)
{
	Day d = DAY_NONE;
	g_assert(date_parse(s, strlen(s), &d));
	return d;
}

static void set_str(DatasetBuilder *b, uint32_t rec, ColId col, const char *s)
{
	if (s)
		dsb_set_sym(b, rec, col, dsb_intern(b, s, strlen(s)));
}

/* Set the "name=value|name=value" cells of EXTRA on record REC. */
static void set_extra(DatasetBuilder *b, uint32_t rec, const char *extra, GString *list)
{
	gchar **cells = g_strsplit(extra, "|", -1);
	for (gchar **c = cells; *c; c++) {
		char *eq = strchr(*c, '=');
		g_assert(eq);
		*eq = '\0';
		const char *v = eq + 1;
		int col = columns_lookup(*c);
		g_assert(col >= 0);
		dsb_has_column(b, col);
		double f;
		bool flag;
		Day day;
		switch (columns_kind(col)) {
		case COLK_STRING:
			set_str(b, rec, col, v);
			break;
		case COLK_LIST:
			cell_parse_list(v, strlen(v), list);
			dsb_set_sym(b, rec, col, dsb_intern(b, list->str, list->len));
			break;
		case COLK_FLOAT:
			g_assert(cell_parse_float(v, strlen(v), &f));
			dsb_set_num(b, rec, col, f);
			break;
		case COLK_BOOL:
			g_assert(cell_parse_bool(v, strlen(v), &flag));
			dsb_set_flag(b, rec, col, flag);
			break;
		case COLK_DAY:
			g_assert(date_parse(v, strlen(v), &day));
			dsb_set_day(b, rec, col, day);
			break;
		default:
			g_assert_not_reached();
		}
	}
	g_strfreev(cells);
}

static Dataset *build(const Row *rows, size_t n, bool cumulative, Day as_of)
{
	DatasetOptions opt = { as_of, DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	dsb_has_column(b, COL_DEVELOPER);
	dsb_has_column(b, COL_CREATED_AT);
	dsb_has_column(b, COL_BASE_MODELS);
	GString *list = g_string_new(NULL);
	for (size_t i = 0; i < n; i++) {
		const Row *r = &rows[i];
		uint32_t rec;
		Sym m = dsb_intern(b, r->model, strlen(r->model));
		if (!dsb_add_download(b, m, D(r->date), r->value, cumulative, &rec))
			continue;
		if (r->created)
			dsb_set_day(b, rec, COL_CREATED_AT, D(r->created));
		set_str(b, rec, COL_AUTHOR, r->author);
		if (r->parents) {
			cell_parse_list(r->parents, strlen(r->parents), list);
			dsb_set_sym(b, rec, COL_BASE_MODELS, dsb_intern(b, list->str, list->len));
		}
		set_str(b, rec, COL_DEVELOPER, r->derived);
		set_str(b, rec, COL_COUNTRY_GROUP, r->group);
		set_str(b, rec, COL_DEVELOPER_COUNTRY_GROUP, r->dev_group);
		if (r->extra)
			set_extra(b, rec, r->extra, list);
	}
	g_string_free(list, TRUE);
	GError *err = NULL;
	Dataset *ds = dataset_build(b, &err);
	g_assert(ds);
	return ds;
}

#endif
