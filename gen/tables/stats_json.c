/*
 * stats_json.c - the JSON export of Stats with json-glib.
 */
#include "stats_json.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../eoi.h"
#include "jsonb.h"

static void period_labels(JsonBuilder *b, char *const *labels, const Day *start, uint32_t n)
{
	jsonb_strings(b, "periods", labels, n);
	json_builder_set_member_name(b, "period_start");
	json_builder_begin_array(b);
	for (uint32_t p = 0; p < n; p++) {
		char buf[11];
		json_builder_add_string_value(b, day_format(start[p], buf));
	}
	json_builder_end_array(b);
}

/* ---- sections ----------------------------------------------------------- */

static void run_info(JsonBuilder *b, const Stats *st)
{
	jsonb_str(b, "eoi_version", EOI_VERSION);
	json_builder_set_member_name(b, "inputs");
	json_builder_begin_array(b);
	for (guint i = 0; i < st->inputs->len; i++) {
		const InputFile *f = g_ptr_array_index(st->inputs, i);
		json_builder_begin_object(b);
		jsonb_str(b, "path", f->path);
		jsonb_str(b, "role", file_role_name(f->role));
		jsonb_str(b, "format", f->format);
		jsonb_str(b, "sha256", f->sha256);
		jsonb_int(b, "rows", (int64_t)f->rows);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "options");
	json_builder_begin_object(b);
	jsonb_str(b, "window", window_name(st->info.window));
	jsonb_str(b, "attribution", attribution_name(st->info.attribution));
	jsonb_str(b, "period", period_kind_name(st->info.period));
	json_builder_end_object(b);
	jsonb_day(b, "as_of", st->info.as_of);
	jsonb_day(b, "first_date", st->info.first_day);
	json_builder_set_member_name(b, "synthetic");
	json_builder_add_boolean_value(b, st->info.synthetic);
	jsonb_str(b, "source", st->info.source);
	json_builder_set_member_name(b, "counts");
	json_builder_begin_object(b);
	jsonb_int(b, "rows", (int64_t)st->n_rows);
	jsonb_int(b, "models", st->n_models);
	jsonb_int(b, "credited_developers", st->n_developers);
	json_builder_end_object(b);
}

static void warnings(JsonBuilder *b, const RunWarnings *w)
{
	WarningItem items[RUN_WARNING_ITEMS];
	run_warning_items(w, items);
	json_builder_set_member_name(b, "warnings");
	json_builder_begin_object(b);
	for (size_t i = 0; i < RUN_WARNING_ITEMS; i++)
		jsonb_int(b, items[i].key, (int64_t)items[i].n);
	jsonb_str(b, "unknown_column_names", w->unknown_column_names);
	json_builder_end_object(b);
}

static const char *group_kind_name(GroupKind k)
{
	return k == GROUP_NAMED ? "named" : k == GROUP_OTHERS ? "others" : "unknown";
}

static void share_series(JsonBuilder *b, const char *key, const ShareSeries *s)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	period_labels(b, s->period_label, s->period_start, s->n_periods);
	jsonb_doubles(b, "total", s->total, s->n_periods, 1);
	json_builder_set_member_name(b, "groups");
	json_builder_begin_array(b);
	for (uint32_t g = 0; g < s->n_groups; g++) {
		json_builder_begin_object(b);
		jsonb_str(b, "name", s->group_name[g]);
		jsonb_str(b, "kind", group_kind_name(s->group_kind[g]));
		jsonb_num(b, "downloads_total", s->group_total[g]);
		jsonb_doubles(b, "downloads", s->downloads + g, s->n_periods, s->n_groups);
		jsonb_doubles(b, "share", s->share + g, s->n_periods, s->n_groups);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void shares(JsonBuilder *b, const Stats *st)
{
	json_builder_set_member_name(b, "shares");
	json_builder_begin_object(b);
	for (int v = 0; v < VIEW_COUNT; v++) {
		json_builder_set_member_name(b, view_name(v));
		json_builder_begin_object(b);
		for (int g = 0; g < BY_COUNT; g++)
			if (st->shares[v][g])
				share_series(b, grouping_name(g), st->shares[v][g]);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void concentration(JsonBuilder *b, const Stats *st, char *const *labels, const Day *start)
{
	json_builder_set_member_name(b, "concentration");
	json_builder_begin_object(b);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		const Concentration *c = st->concentration[l];
		json_builder_set_member_name(b, conc_level_name(l));
		json_builder_begin_object(b);
		period_labels(b, labels, start, c->n_periods);
		jsonb_doubles(b, "hhi", c->hhi, c->n_periods, 1);
		json_builder_set_member_name(b, "hhi_10000");
		json_builder_begin_array(b);
		for (uint32_t p = 0; p < c->n_periods; p++)
			jsonb_num(b, NULL, c->hhi[p] * 10000);
		json_builder_end_array(b);
		jsonb_doubles(b, "gini", c->gini, c->n_periods, 1);
		json_builder_set_member_name(b, "entities");
		json_builder_begin_array(b);
		for (uint32_t p = 0; p < c->n_periods; p++)
			json_builder_add_int_value(b, c->n_entities[p]);
		json_builder_end_array(b);
		json_builder_set_member_name(b, "segments");
		json_builder_begin_array(b);
		for (uint32_t s = 0; s < c->n_segments; s++) {
			json_builder_begin_object(b);
			jsonb_str(b, "ranks", c->segment_label[s]);
			jsonb_doubles(b, "share", c->segment_share + s, c->n_periods, c->n_segments);
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void org_matrix(JsonBuilder *b, const OrgMatrix *om)
{
	json_builder_set_member_name(b, "org_type_by_nation");
	json_builder_begin_object(b);
	jsonb_strings(b, "org_types", om->col, om->n_cols);
	json_builder_set_member_name(b, "nations");
	json_builder_begin_array(b);
	for (uint32_t r = 0; r < om->n_rows; r++) {
		json_builder_begin_object(b);
		jsonb_str(b, "name", om->row[r]);
		jsonb_num(b, "downloads", om->row_total[r]);
		jsonb_doubles(b, "proportion", om->proportion + (size_t)r * om->n_cols, om->n_cols, 1);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void board(JsonBuilder *b, const char *key, const Leaderboard *lb, BoardKind kind)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	jsonb_num(b, "total", lb->total);
	jsonb_num(b, "unknown_share", lb->unknown_share);
	jsonb_int(b, "entities", lb->n_entities);
	json_builder_set_member_name(b, "top");
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < lb->n; i++) {
		const LeaderEntry *e = &lb->entry[i];
		json_builder_begin_object(b);
		jsonb_int(b, "rank", i + 1);
		jsonb_str(b, "name", e->name);
		jsonb_num(b, "downloads", e->downloads);
		jsonb_num(b, "share", e->share);
		if (kind != BOARD_COUNTRY) {
			jsonb_str(b, "model_kind", classify_kind_name(e->kind));
			jsonb_str(b, "developer_kind", leaderboard_dev_kind_name(e->dev_kind));
			jsonb_str(b, "nation_group", e->group);
		}
		if (kind == BOARD_MODEL)
			jsonb_str(b, "developer", e->developer);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void boards(JsonBuilder *b, const Stats *st)
{
	json_builder_set_member_name(b, "leaderboards");
	json_builder_begin_object(b);
	for (int k = 0; k < BOARD_COUNT; k++) {
		json_builder_set_member_name(b, board_kind_name(k));
		json_builder_begin_object(b);
		for (int s = 0; s < BOARD_SPAN_COUNT; s++)
			board(b, board_span_name(s), st->board[k][s], k);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void category(JsonBuilder *b, const char *key, const CategorySeries *s, char *const *labels,
		     const Day *start)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	jsonb_str(b, "name", s->name);
	if (s->skipped) {
		jsonb_str(b, "skipped", s->skipped);
		json_builder_end_object(b);
		return;
	}
	period_labels(b, labels, start, s->n_periods);
	jsonb_doubles(b, "coverage", s->coverage, s->n_periods, 1);
	jsonb_num(b, "overall_coverage", s->overall_coverage);
	json_builder_set_member_name(b, "categories");
	json_builder_begin_array(b);
	for (uint32_t c = 0; c < s->n_categories; c++) {
		json_builder_begin_object(b);
		jsonb_str(b, "name", s->category[c]);
		jsonb_num(b, "overall_share", s->overall[c]);
		jsonb_doubles(b, "share", s->share + c, s->n_periods, s->n_categories);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void properties(JsonBuilder *b, const Stats *st, char *const *labels, const Day *start)
{
	json_builder_set_member_name(b, "properties");
	json_builder_begin_object(b);
	for (int p = 0; p < PROP_COUNT; p++)
		category(b, property_name(p), st->property[p], labels, start);
	json_builder_end_object(b);
}

static void intermediaries(JsonBuilder *b, const Intermediaries *im, char *const *labels, const Day *start)
{
	json_builder_set_member_name(b, "intermediaries");
	json_builder_begin_object(b);
	if (im->skipped) {
		jsonb_str(b, "skipped", im->skipped);
		json_builder_end_object(b);
		return;
	}
	jsonb_num(b, "total", im->total);
	jsonb_num(b, "intermediary_share", im->intermediary_share);
	category(b, "roles", im->roles, labels, start);
	json_builder_set_member_name(b, "top");
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < im->n_top; i++) {
		const Intermediary *e = &im->top[i];
		json_builder_begin_object(b);
		jsonb_int(b, "rank", i + 1);
		jsonb_str(b, "name", e->name);
		jsonb_num(b, "downloads", e->downloads);
		jsonb_num(b, "share", e->share);
		jsonb_int(b, "models", e->n_models);
		jsonb_str(b, "main_role", role_name(e->main_role));
		json_builder_set_member_name(b, "base_developers");
		json_builder_begin_array(b);
		for (uint32_t k = 0; k < e->n_bases; k++) {
			json_builder_begin_object(b);
			jsonb_str(b, "name", e->base[k]);
			jsonb_num(b, "share", e->base_share[k]);
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		jsonb_str(b, "country", e->country);
		jsonb_str(b, "nation_group", e->group);
		jsonb_str(b, "org_type", e->org_type);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void size_years(JsonBuilder *b, const char *key, const SizeYear *y, uint32_t n, uint32_t points)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < n; i++) {
		json_builder_begin_object(b);
		jsonb_int(b, "year", y[i].year);
		jsonb_int(b, "models", y[i].n);
		jsonb_num(b, "weight", y[i].weight);
		jsonb_num(b, "coverage", y[i].coverage);
		jsonb_num(b, "q25", y[i].q25);
		jsonb_num(b, "median", y[i].median);
		jsonb_num(b, "q75", y[i].q75);
		jsonb_num(b, "mean", y[i].mean);
		jsonb_num(b, "bandwidth", y[i].bandwidth);
		jsonb_doubles(b, "density", y[i].density, points, 1);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void sizes(JsonBuilder *b, const Sizes *s)
{
	json_builder_set_member_name(b, "sizes");
	json_builder_begin_object(b);
	if (s->skipped) {
		jsonb_str(b, "skipped", s->skipped);
		json_builder_end_object(b);
		return;
	}
	jsonb_doubles(b, "grid_log10_params", s->grid, s->n_points, 1);
	size_years(b, "downloaded", s->downloaded, s->n_downloaded, s->n_points);
	size_years(b, "created", s->created, s->n_created, s->n_points);
	json_builder_end_object(b);
}

static void shifts(JsonBuilder *b, const Shifts *s)
{
	json_builder_set_member_name(b, "temporal_shifts");
	json_builder_begin_object(b);
	jsonb_strings(b, "periods", s->label, s->n_periods);
	json_builder_set_member_name(b, "last_partial");
	json_builder_add_boolean_value(b, s->last_partial);
	json_builder_set_member_name(b, "rows");
	json_builder_begin_array(b);
	for (int r = 0; r < SHIFT_ROW_COUNT; r++) {
		const ShiftRow *row = &s->rows[r];
		json_builder_begin_object(b);
		jsonb_str(b, "key", row->key);
		jsonb_str(b, "name", row->name);
		jsonb_str(b, "unit", row->kind == SHIFT_KIND_SIZE ? "params" : "share");
		if (row->skipped) {
			jsonb_str(b, "skipped", row->skipped);
			json_builder_end_object(b);
			continue;
		}
		jsonb_doubles(b, "download_weighted", row->weighted, s->n_periods, 1);
		jsonb_doubles(b, "per_created_model", row->created, s->n_periods, 1);
		jsonb_doubles(b, "coverage", row->coverage, s->n_periods, 1);
		json_builder_set_member_name(b, "created_models");
		json_builder_begin_array(b);
		for (uint32_t p = 0; p < s->n_periods; p++)
			json_builder_add_int_value(b, row->n_created[p]);
		json_builder_end_array(b);
		jsonb_num(b, "growth_download_weighted", row->growth_weighted);
		jsonb_num(b, "growth_per_created_model", row->growth_created);
		jsonb_str(b, "test", row->test);
		jsonb_num(b, "statistic", row->statistic);
		jsonb_num(b, "p_value", row->p);
		jsonb_str(b, "stars", row->stars);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

char *stats_json(const Stats *st)
{
	JsonBuilder *b = json_builder_new();
	const ShareSeries *ref = st->developer_shares; /* the run's periods */
	json_builder_begin_object(b);
	run_info(b, st);
	warnings(b, &st->warnings);
	shares(b, st);
	concentration(b, st, ref->period_label, ref->period_start);
	org_matrix(b, st->org_matrix);
	boards(b, st);
	properties(b, st, ref->period_label, ref->period_start);
	intermediaries(b, st->intermediaries, ref->period_label, ref->period_start);
	sizes(b, st->sizes);
	shifts(b, st->shifts);
	json_builder_end_object(b);
	JsonGenerator *gen = json_generator_new();
	JsonNode *root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, TRUE);
	json_generator_set_indent(gen, 1);
	char *text = json_generator_to_data(gen, NULL);
	json_node_unref(root);
	g_object_unref(gen);
	g_object_unref(b);
	return text;
}

bool stats_json_write(const Stats *st, const char *path, GError **err)
{
	char *text = stats_json(st);
	bool ok = true;
	if (strcmp(path, "-") == 0) {
		ok = fputs(text, stdout) >= 0 && fputc('\n', stdout) != EOF && fflush(stdout) == 0;
		if (!ok)
			g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "standard output: %s", g_strerror(errno));
	} else {
		GError *e = NULL;
		GString *s = g_string_new(text);
		g_string_append_c(s, '\n');
		ok = g_file_set_contents_full(path, s->str, (gssize)s->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &e);
		g_string_free(s, TRUE);
		if (!ok) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", path, eoi_file_error_reason(e));
			g_error_free(e);
		}
	}
	g_free(text);
	return ok;
}
