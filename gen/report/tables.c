/*
 * tables.c - Table 1, Table 2, provenance, warnings and the changes tables
 * as rows of markup cells, from the data model.
 */
#include "tables.h"

#include <math.h>
#include <string.h>

#include "format.h"
#include "template.h"

/* ---- building blocks ------------------------------------------------------- */

static TableSpec *spec_new(int n_cols, const char *align, int flex_col)
{
	TableSpec *t = g_new0(TableSpec, 1);
	t->n_cols = n_cols;
	t->header = g_new0(char *, n_cols + 1);
	t->align = g_strdup(align);
	t->flex_col = flex_col;
	t->rows = g_ptr_array_new();
	return t;
}

void table_spec_free(TableSpec *t)
{
	if (!t)
		return;
	for (guint i = 0; i < t->rows->len; i++) {
		TableRow *r = g_ptr_array_index(t->rows, i);
		g_strfreev(r->cell);
		g_free(r);
	}
	g_ptr_array_free(t->rows, TRUE);
	g_strfreev(t->header);
	g_free(t->align);
	g_free(t->note);
	g_free(t);
}

static void set_header(TableSpec *t, const char *const *names)
{
	for (int c = 0; c < t->n_cols; c++)
		t->header[c] = g_markup_escape_text(names[c], -1);
}

static TableRow *add_row(TableSpec *t)
{
	TableRow *r = g_new0(TableRow, 1);
	r->cell = g_new0(char *, t->n_cols + 1);
	for (int c = 0; c < t->n_cols; c++)
		r->cell[c] = g_strdup("");
	g_ptr_array_add(t->rows, r);
	return r;
}

static void set_cell(TableRow *r, int c, char *markup)
{
	g_free(r->cell[c]);
	r->cell[c] = markup;
}

static void add_section(TableSpec *t, const char *title)
{
	TableRow *r = add_row(t);
	r->section = true;
	set_cell(r, 0, g_markup_escape_text(title, -1));
}

/* The member PATH of NODE as text through FILTER (NULL: none), escaped.
 * A missing or null value is an en dash. */
static char *cell(JsonNode *node, const char *path, const char *filter)
{
	JsonNode *v = node ? template_resolve(node, path) : NULL;
	if (!v || JSON_NODE_HOLDS_NULL(v))
		return g_strdup("\xe2\x80\x93");
	FmtValue fv = fmt_value_from_json(v);
	const char *why;
	if (filter && !fmt_apply(filter, &fv, &why)) {
		fmt_value_clear(&fv);
		return g_strdup("?");
	}
	char *text = fmt_to_text(&fv);
	fmt_value_clear(&fv);
	char *m = g_markup_escape_text(text, -1);
	g_free(text);
	return m;
}

static JsonArray *array_at(JsonNode *root, const char *path)
{
	JsonNode *n = template_resolve(root, path);
	return n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

static const char *string_at(JsonNode *node, const char *path)
{
	JsonNode *n = template_resolve(node, path);
	return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING ? json_node_get_string(n)
											      : NULL;
}

/* ---- Table 1: temporal shifts ------------------------------------------------ */

typedef enum { T1_WEIGHTED, T1_CREATED, T1_COVERAGE } T1Section;

static void table1_rows(TableSpec *t, JsonArray *rows, guint np, T1Section sec, GString *skipped)
{
	static const char *const key[] = { "download_weighted", "per_created_model", "coverage" };
	for (guint r = 0; r < json_array_get_length(rows); r++) {
		JsonNode *row = json_array_get_element(rows, r);
		const char *unit = string_at(row, "unit");
		bool params = unit && strcmp(unit, "params") == 0;
		const char *skip = string_at(row, "skipped");
		if (skip) {
			if (sec == T1_WEIGHTED)
				g_string_append_printf(skipped, "%s%s (%s)", skipped->len ? "; " : "",
						       string_at(row, "name"), skip);
			continue;
		}
		TableRow *tr = add_row(t);
		set_cell(tr, 0, cell(row, "name", NULL));
		for (guint p = 0; p < np; p++) {
			char path[64];
			g_snprintf(path, sizeof path, "%s[%u]", key[sec], p);
			const char *filter = sec == T1_COVERAGE ? "pct0" : params ? "params" : "pct1";
			set_cell(tr, (int)p + 1, cell(row, path, filter));
		}
		if (sec != T1_COVERAGE)
			set_cell(tr, (int)np + 1,
				 cell(row, sec == T1_WEIGHTED ? "growth_download_weighted" : "growth_per_created_model",
				      "times"));
		if (sec == T1_CREATED) {
			set_cell(tr, (int)np + 2, cell(row, "p_value", "pvalue"));
			set_cell(tr, (int)np + 3, cell(row, "stars", NULL));
		}
	}
}

static TableSpec *table1(JsonNode *root, char **skipped, char **error)
{
	JsonArray *periods = array_at(root, "temporal_shifts.periods");
	JsonArray *rows = array_at(root, "temporal_shifts.rows");
	if (!periods || !rows) {
		*error = g_strdup("the statistics have no temporal_shifts");
		return NULL;
	}
	guint np = json_array_get_length(periods), computed = 0;
	for (guint r = 0; r < json_array_get_length(rows); r++)
		computed += string_at(json_array_get_element(rows, r), "skipped") == NULL;
	if (computed == 0) {
		*skipped = g_strdup("no model property could be computed from the input");
		return NULL;
	}
	int n_cols = (int)np + 4;
	char *align = g_strnfill((gsize)n_cols, 'r');
	align[0] = 'l';
	align[n_cols - 1] = 'l';
	TableSpec *t = spec_new(n_cols, align, 0);
	g_free(align);
	t->header[0] = g_strdup("Property");
	for (guint p = 0; p < np; p++)
		t->header[p + 1] = g_markup_escape_text(json_array_get_string_element(periods, p), -1);
	t->header[np + 1] = g_strdup("Growth");
	t->header[np + 2] = g_strdup("<i>p</i>");
	t->header[np + 3] = g_strdup("");
	GString *skip = g_string_new(NULL);
	add_section(t, "Download-weighted");
	table1_rows(t, rows, np, T1_WEIGHTED, skip);
	add_section(t, "Per created model");
	table1_rows(t, rows, np, T1_CREATED, skip);
	add_section(t, "Coverage: share of downloads with a known value");
	table1_rows(t, rows, np, T1_COVERAGE, skip);
	JsonNode *partial = template_resolve(root, "temporal_shifts.last_partial");
	GString *note = g_string_new(NULL);
	if (partial && json_node_get_boolean(partial))
		g_string_append(note, "* The last period ends at the as-of date. ");
	g_string_append(note, "Growth = last / first period. <i>p</i>: first vs last period on created models, "
			      "Mann–Whitney U for sizes, Pearson χ² for proportions; * <i>p</i> &lt; 0.05, "
			      "** <i>p</i> &lt; 0.01, *** <i>p</i> &lt; 0.001.");
	if (skip->len) {
		char *esc = g_markup_escape_text(skip->str, -1);
		g_string_append_printf(note, " Not computed: %s.", esc);
		g_free(esc);
	}
	g_string_free(skip, TRUE);
	t->note = g_string_free(note, FALSE);
	return t;
}

/* ---- Table 2: top intermediaries ---------------------------------------------- */

static char *bases(JsonNode *entry)
{
	JsonArray *b = array_at(entry, "base_developers");
	GString *s = g_string_new(NULL);
	for (guint i = 0; b && i < json_array_get_length(b) && i < 2; i++) {
		JsonNode *e = json_array_get_element(b, i);
		char *name = cell(e, "name", NULL), *share = cell(e, "share", "pct0");
		g_string_append_printf(s, "%s%s\xc2\xa0%s", i ? ", " : "", name, share);
		g_free(name);
		g_free(share);
	}
	return g_string_free(s, FALSE);
}

static TableSpec *table2(JsonNode *root, char **skipped, char **error)
{
	const char *skip = string_at(root, "intermediaries.skipped");
	if (skip) {
		*skipped = g_strdup(skip);
		return NULL;
	}
	JsonArray *top = array_at(root, "intermediaries.top");
	if (!top) {
		*error = g_strdup("the statistics have no intermediaries");
		return NULL;
	}
	static const char *const head[] = { "#", "Intermediary", "Downloads", "Share", "Models", "Main role",
					    "Repackages (share)", "Nation group", "Org type" };
	TableSpec *t = spec_new(9, "rlrrrllll", 6);
	set_header(t, head);
	for (guint i = 0; i < json_array_get_length(top); i++) {
		JsonNode *e = json_array_get_element(top, i);
		TableRow *r = add_row(t);
		set_cell(r, 0, cell(e, "rank", NULL));
		set_cell(r, 1, cell(e, "name", NULL));
		set_cell(r, 2, cell(e, "downloads", "thousands"));
		set_cell(r, 3, cell(e, "share", "pct2"));
		set_cell(r, 4, cell(e, "models", "thousands"));
		set_cell(r, 5, cell(e, "main_role", NULL));
		set_cell(r, 6, bases(e));
		set_cell(r, 7, cell(e, "nation_group", NULL));
		set_cell(r, 8, cell(e, "org_type", NULL));
	}
	char *share = cell(root, "intermediaries.intermediary_share", "pct1");
	t->note = g_strdup_printf("Share of all counted downloads; intermediaries together hold %s. Repackages: the "
				  "credited developers of the base models, by share of the intermediary's downloads.",
				  share);
	g_free(share);
	return t;
}

/* ---- provenance and warnings ------------------------------------------------------ */

static TableSpec *provenance(JsonNode *root, char **error)
{
	JsonArray *in = array_at(root, "inputs");
	if (!in) {
		*error = g_strdup("the statistics have no inputs");
		return NULL;
	}
	static const char *const head[] = { "File", "Role", "Format", "Rows" };
	TableSpec *t = spec_new(4, "lllr", 0);
	set_header(t, head);
	for (guint i = 0; i < json_array_get_length(in); i++) {
		JsonNode *f = json_array_get_element(in, i);
		TableRow *r = add_row(t);
		set_cell(r, 0, cell(f, "path", NULL));
		set_cell(r, 1, cell(f, "role", NULL));
		set_cell(r, 2, cell(f, "format", NULL));
		set_cell(r, 3, cell(f, "rows", "thousands"));
		r = add_row(t);
		r->span = true;
		char *sha = cell(f, "sha256", NULL);
		set_cell(r, 0, g_strdup_printf("<small>SHA-256 %s</small>", sha));
		g_free(sha);
	}
	return t;
}

static TableSpec *warnings(JsonNode *root, char **error)
{
	static const struct {
		const char *key, *what;
	} w[] = {
		{ "rows_after_as_of", "Rows dated after the as-of date (dropped)" },
		{ "duplicate_rows", "Duplicate (model, date) rows (larger count kept)" },
		{ "counter_drops", "Drops of a cumulative counter (counted as 0)" },
		{ "models_without_created", "Models without created_at (outside the first-year window)" },
		{ "attribution_cycles", "Attribution walks stopped by a cycle" },
		{ "attribution_depth_capped", "Attribution walks stopped by the depth cap" },
		{ "attribution_disagreements", "Models where given and computed attribution disagree" },
		{ "models_table_unmatched", "Models-table rows for models not in the data" },
		{ "unknown_columns", "Unknown input columns (ignored)" },
	};
	JsonNode *node = template_resolve(root, "warnings");
	if (!node || !JSON_NODE_HOLDS_OBJECT(node)) {
		*error = g_strdup("the statistics have no warnings");
		return NULL;
	}
	static const char *const head[] = { "Tolerated on the way", "Count" };
	TableSpec *t = spec_new(2, "lr", 0);
	set_header(t, head);
	for (size_t i = 0; i < G_N_ELEMENTS(w); i++) {
		TableRow *r = add_row(t);
		set_cell(r, 0, g_markup_escape_text(w[i].what, -1));
		set_cell(r, 1, cell(node, w[i].key, "thousands"));
	}
	const char *names = string_at(node, "unknown_column_names");
	if (names && *names)
		t->note = g_markup_printf_escaped("Unknown columns: %s.", names);
	return t;
}

/* ---- changes ------------------------------------------------------------------------ */

static TableSpec *share_changes(JsonNode *root, const char *what, const char *path, char **error)
{
	JsonArray *rows = array_at(root, path);
	if (!rows) {
		*error = g_strdup_printf("table changes_%s needs a previous run (put it inside {%% if changes %%})",
					 what);
		return NULL;
	}
	const char *head[] = { strcmp(what, "developers") == 0 ? "Developer" : "Nation group", "Previous",
			       "Current", "Change", "Rank" };
	TableSpec *t = spec_new(5, "lrrrr", 0);
	set_header(t, head);
	char *q = cell(root, "changes.previous_quarter", NULL), *c = cell(root, "report.quarter", NULL);
	g_free(t->header[1]);
	g_free(t->header[2]);
	t->header[1] = q;
	t->header[2] = c;
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonNode *e = json_array_get_element(rows, i);
		TableRow *r = add_row(t);
		set_cell(r, 0, cell(e, "name", NULL));
		set_cell(r, 1, cell(e, "prev", "pct2"));
		set_cell(r, 2, cell(e, "cur", "pct2"));
		set_cell(r, 3, cell(e, "change", "pp"));
		char *a = cell(e, "rank_prev", NULL), *b = cell(e, "rank_cur", NULL);
		set_cell(r, 4, g_strdup_printf("%s → %s", a, b));
		g_free(a);
		g_free(b);
	}
	t->note = g_strdup("All-time shares of counted downloads as of each quarter's date; change in percentage "
			   "points (pp); – : not among that quarter's top groups.");
	return t;
}

static TableSpec *conc_changes(JsonNode *root, char **error)
{
	static const struct {
		const char *key, *label;
	} levels[] = { { "model", "Models" }, { "developer", "Developers" }, { "nation", "Nation groups" } };
	if (!template_resolve(root, "changes.concentration")) {
		*error = g_strdup("table changes_concentration needs a previous run (put it inside {% if changes %})");
		return NULL;
	}
	static const char *const head[] = { "Level", "HHI before", "HHI now", "Change", "Gini before", "Gini now",
					    "Change" };
	TableSpec *t = spec_new(7, "lrrrrrr", 0);
	set_header(t, head);
	static const char *const field[] = { "hhi_prev", "hhi_cur", "hhi_change", "gini_prev", "gini_cur",
					     "gini_change" };
	for (size_t l = 0; l < G_N_ELEMENTS(levels); l++) {
		char path[64];
		g_snprintf(path, sizeof path, "changes.concentration.%s", levels[l].key);
		JsonNode *n = template_resolve(root, path);
		TableRow *r = add_row(t);
		set_cell(r, 0, g_strdup(levels[l].label));
		for (int f = 0; f < 6; f++)
			set_cell(r, f + 1, cell(n, field[f], f % 3 == 2 ? "signed3" : "num3"));
	}
	char *a = cell(root, "changes.concentration.developer.period_prev", NULL);
	char *b = cell(root, "changes.concentration.developer.period_cur", NULL);
	t->note = g_strdup_printf("HHI on 0–1 and Gini of the last period with downloads of each quarter's run "
				  "(%s and %s).",
				  a, b);
	g_free(a);
	g_free(b);
	return t;
}

/* ---- key figures ------------------------------------------------------------------- */

static double num_at(JsonNode *root, const char *path)
{
	JsonNode *n = template_resolve(root, path);
	return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) != G_TYPE_STRING ? json_node_get_double(n)
												: NAN;
}

/* Text of the number X through FILTER (NAN: an en dash), escaped. */
static char *fmt_num(double x, const char *filter)
{
	if (isnan(x))
		return g_strdup("\xe2\x80\x93");
	FmtValue v = { FMT_NUM, x, NULL, false };
	const char *why;
	fmt_apply(filter, &v, &why);
	char *text = fmt_to_text(&v);
	fmt_value_clear(&v);
	char *m = g_markup_escape_text(text, -1);
	g_free(text);
	return m;
}

/* One row: LABEL, current and previous values through FILTER, and the
 * change through CHANGE_FILTER ("rel": relative change in percent). */
static void key_row(TableSpec *t, const char *label, double cur, double prev, const char *filter,
		    const char *change_filter)
{
	TableRow *r = add_row(t);
	set_cell(r, 0, g_markup_escape_text(label, -1));
	set_cell(r, 1, fmt_num(cur, filter));
	if (t->n_cols < 4)
		return;
	set_cell(r, 2, fmt_num(prev, filter));
	if (strcmp(change_filter, "rel") == 0) {
		double rel = prev > 0 ? cur / prev - 1 : NAN;
		char *p = fmt_num(rel, "pct1");
		set_cell(r, 3, rel >= 0.0005 ? g_strconcat("+", p, NULL) : g_strdup(p));
		g_free(p);
	} else {
		set_cell(r, 3, fmt_num(cur - prev, change_filter));
	}
}

static TableSpec *key_figures(JsonNode *root, char **error)
{
	bool ch = template_resolve(root, "changes.concentration") != NULL;
	TableSpec *t = spec_new(ch ? 4 : 2, ch ? "lrrr" : "lr", 0);
	t->header[0] = g_strdup("Key figure");
	t->header[1] = cell(root, "report.quarter", NULL);
	if (ch) {
		t->header[2] = cell(root, "changes.previous_quarter", NULL);
		t->header[3] = g_strdup("Change");
	}
	key_row(t, "Counted downloads, all time", num_at(root, "shares_all_time.total"),
		num_at(root, "changes.total_prev"), "thousands", "rel");
	key_row(t, "Models", num_at(root, "counts.models"), num_at(root, "changes.previous_counts.models"),
		"thousands", "rel");
	key_row(t, "Credited developers", num_at(root, "counts.credited_developers"),
		num_at(root, "changes.previous_counts.credited_developers"), "thousands", "rel");
	static const struct {
		const char *what, *rows, *fallback;
	} lead[] = { { "Leading nation group", "changes.nation_groups.rows[0]", "shares_all_time.nation_groups[0]" },
		     { "Leading developer", "changes.developers.rows[0]", "shares_all_time.developers[0]" } };
	for (size_t i = 0; i < G_N_ELEMENTS(lead); i++) {
		const char *base = ch ? lead[i].rows : lead[i].fallback;
		char path[96];
		g_snprintf(path, sizeof path, "%s.name", base);
		const char *name = string_at(root, path);
		if (!name)
			continue;
		char *label = g_strdup_printf("%s: %s (share)", lead[i].what, name);
		char cur[96], prev[96];
		g_snprintf(cur, sizeof cur, ch ? "%s.cur" : "%s.share", base);
		g_snprintf(prev, sizeof prev, "%s.prev", base);
		key_row(t, label, num_at(root, cur), num_at(root, prev), "pct1", "pp");
		g_free(label);
	}
	static const struct {
		const char *label, *level;
	} lv[] = { { "models", "model" }, { "developers", "developer" }, { "nation groups", "nation" } };
	for (int g = 0; g < 2; g++) {
		for (size_t i = 0; i < G_N_ELEMENTS(lv); i++) {
			char label[64], cur[96], prev[96];
			g_snprintf(label, sizeof label, "%s over %s, last period", g ? "Gini" : "HHI", lv[i].label);
			if (ch) {
				g_snprintf(cur, sizeof cur, "changes.concentration.%s.%s_cur", lv[i].level, g ? "gini" : "hhi");
				g_snprintf(prev, sizeof prev, "changes.concentration.%s.%s_prev", lv[i].level,
					   g ? "gini" : "hhi");
			} else {
				g_snprintf(cur, sizeof cur, "concentration.%s.%s[-1]", lv[i].level, g ? "gini" : "hhi");
				prev[0] = '\0';
			}
			key_row(t, label, num_at(root, cur), ch ? num_at(root, prev) : NAN, "num3", "signed3");
		}
	}
	t->note = g_strdup("Shares are all-time shares of counted downloads; HHI (0–1) and Gini of the last period "
			   "with downloads.");
	(void)error;
	return t;
}

/* ---- dispatch ---------------------------------------------------------------------- */

static const char *const names[] = { "key_figures",
				     "table1",
				     "table2",
				     "provenance",
				     "warnings",
				     "changes_nation_groups",
				     "changes_developers",
				     "changes_concentration" };

bool report_table_known(const char *name, void *unused)
{
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

TableSpec *report_table_build(const char *name, JsonNode *root, char **skipped, char **error)
{
	*skipped = *error = NULL;
	if (strcmp(name, "key_figures") == 0)
		return key_figures(root, error);
	if (strcmp(name, "table1") == 0)
		return table1(root, skipped, error);
	if (strcmp(name, "table2") == 0)
		return table2(root, skipped, error);
	if (strcmp(name, "provenance") == 0)
		return provenance(root, error);
	if (strcmp(name, "warnings") == 0)
		return warnings(root, error);
	if (strcmp(name, "changes_nation_groups") == 0)
		return share_changes(root, "nation_groups", "changes.nation_groups.rows", error);
	if (strcmp(name, "changes_developers") == 0)
		return share_changes(root, "developers", "changes.developers.rows", error);
	if (strcmp(name, "changes_concentration") == 0)
		return conc_changes(root, error);
	*error = g_strdup_printf("unknown table \"%s\"", name);
	return NULL;
}
