/*
 * model.c - the report's data model: the statistics JSON plus the report,
 * all-time shares and changes objects (see model.h).
 */
#include "model.h"

#include <math.h>
#include <stdlib.h>

#include "../tables/jsonb.h"
#include "../tables/stats_json.h"

/* ---- builder helpers ------------------------------------------------------ */

static void rank(JsonBuilder *b, const char *key, uint32_t r)
{
	json_builder_set_member_name(b, key);
	if (r)
		json_builder_add_int_value(b, r);
	else
		json_builder_add_null_value(b);
}

char *report_quarter(Day d, char buf[static 16])
{
	int y, m, dd;
	day_to_civil(d, &y, &m, &dd);
	g_snprintf(buf, 16, "%dQ%d", y, (m - 1) / 3 + 1);
	return buf;
}

static void quarter(JsonBuilder *b, const char *key, Day d)
{
	char q[16];
	jsonb_str(b, key, d == DAY_NONE ? NULL : report_quarter(d, q));
}

/* ---- report --------------------------------------------------------------- */

static Day generated_day(void)
{
	const char *s = g_getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	guint64 v = s && *s ? g_ascii_strtoull(s, &end, 10) : 0;
	if (!s || !*s || *end || v > 253402300799u)
		v = 0;
	return day_from_unix((int64_t)v);
}

static void report_info(JsonBuilder *b, const Stats *st, const Stats *prev, bool letter)
{
	char q[16];
	json_builder_set_member_name(b, "report");
	json_builder_begin_object(b);
	quarter(b, "quarter", st->info.as_of);
	report_quarter(st->info.as_of, q);
	char *label = g_strdup_printf("%.4s Q%s", q, q + 5);
	jsonb_str(b, "quarter_label", label);
	g_free(label);
	jsonb_day(b, "as_of", st->info.as_of);
	jsonb_day(b, "previous_as_of", prev ? prev->info.as_of : DAY_NONE);
	quarter(b, "previous_quarter", prev ? prev->info.as_of : DAY_NONE);
	jsonb_str(b, "page_size", letter ? "US Letter" : "A4");
	jsonb_day(b, "generated", generated_day());
	json_builder_end_object(b);
}

static void ranked(JsonBuilder *b, const char *key, const ShareSeries *s)
{
	RankedShares *r = ranked_shares(s);
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (uint32_t i = 0; r && i < r->n; i++) {
		json_builder_begin_object(b);
		rank(b, "rank", r->item[i].rank);
		jsonb_str(b, "name", r->item[i].name);
		jsonb_num(b, "downloads", r->item[i].downloads);
		jsonb_num(b, "share", r->item[i].share);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	if (r) {
		char *others = g_strconcat(key, "_others_share", NULL), *unknown = g_strconcat(key, "_unknown_share", NULL);
		jsonb_num(b, "total", r->total);
		jsonb_num(b, others, r->others_share);
		jsonb_num(b, unknown, r->unknown_share);
		g_free(others);
		g_free(unknown);
	}
	ranked_shares_free(r);
}

static void shares_all_time(JsonBuilder *b, const Stats *st)
{
	json_builder_set_member_name(b, "shares_all_time");
	json_builder_begin_object(b);
	ranked(b, "nation_groups", st->shares[VIEW_ATTRIBUTED][BY_NATION]);
	ranked(b, "developers", st->shares[VIEW_ATTRIBUTED][BY_DEVELOPER]);
	json_builder_end_object(b);
}

/* ---- changes ---------------------------------------------------------------- */

static void share_change(JsonBuilder *b, const ShareChange *c)
{
	json_builder_begin_object(b);
	jsonb_str(b, "name", c->name);
	jsonb_num(b, "prev", c->prev);
	jsonb_num(b, "cur", c->cur);
	jsonb_num(b, "change", c->change);
	rank(b, "rank_prev", c->rank_prev);
	rank(b, "rank_cur", c->rank_cur);
	json_builder_end_object(b);
}

static void index_list(JsonBuilder *b, const char *key, const ShareChanges *sc, const uint32_t *idx, uint32_t n)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < n; i++)
		share_change(b, &sc->item[idx[i]]);
	json_builder_end_array(b);
}

static void share_changes(JsonBuilder *b, const char *key, const ShareChanges *sc)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "rows");
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < sc->n; i++)
		share_change(b, &sc->item[i]);
	json_builder_end_array(b);
	index_list(b, "movers", sc, sc->movers, sc->n_movers);
	index_list(b, "gainers", sc, sc->gainers, sc->n_gainers);
	index_list(b, "losers", sc, sc->losers, sc->n_losers);
	json_builder_end_object(b);
}

static void conc_changes(JsonBuilder *b, const Changes *ch)
{
	json_builder_set_member_name(b, "concentration");
	json_builder_begin_object(b);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		const ConcChange *c = &ch->conc[l];
		json_builder_set_member_name(b, conc_level_name(l));
		json_builder_begin_object(b);
		jsonb_num(b, "hhi_prev", c->hhi_prev);
		jsonb_num(b, "hhi_cur", c->hhi_cur);
		jsonb_num(b, "hhi_change", c->hhi_change);
		jsonb_num(b, "gini_prev", c->gini_prev);
		jsonb_num(b, "gini_cur", c->gini_cur);
		jsonb_num(b, "gini_change", c->gini_change);
		jsonb_str(b, "period_prev", c->period_prev[0] ? c->period_prev : NULL);
		jsonb_str(b, "period_cur", c->period_cur[0] ? c->period_cur : NULL);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void moves(JsonBuilder *b, const char *key, const BoardMove *m, uint32_t n)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (uint32_t i = 0; i < n; i++) {
		json_builder_begin_object(b);
		jsonb_str(b, "name", m[i].name);
		rank(b, "rank", m[i].rank);
		jsonb_num(b, "share", m[i].share);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void top10(JsonBuilder *b, const Changes *ch)
{
	json_builder_set_member_name(b, "top10");
	json_builder_begin_object(b);
	for (int k = 0; k < BOARD_COUNT; k++) {
		const TopChange *t = &ch->top[k];
		json_builder_set_member_name(b, board_kind_name(k));
		json_builder_begin_object(b);
		moves(b, "entered", t->entered, t->n_entered);
		moves(b, "exited", t->exited, t->n_exited);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void changes(JsonBuilder *b, const Changes *ch, const Stats *prev)
{
	json_builder_set_member_name(b, "changes");
	json_builder_begin_object(b);
	jsonb_day(b, "previous_as_of", ch->as_of_prev);
	quarter(b, "previous_quarter", ch->as_of_prev);
	json_builder_set_member_name(b, "previous_counts");
	json_builder_begin_object(b);
	jsonb_num(b, "rows", (double)prev->n_rows);
	jsonb_num(b, "models", prev->n_models);
	jsonb_num(b, "credited_developers", prev->n_developers);
	json_builder_end_object(b);
	jsonb_num(b, "total_prev", ch->total_prev);
	jsonb_num(b, "total_cur", ch->total_cur);
	share_changes(b, "nation_groups", &ch->nation_groups);
	share_changes(b, "developers", &ch->developers);
	conc_changes(b, ch);
	top10(b, ch);
	json_builder_end_object(b);
}

/* ---- the whole model --------------------------------------------------------- */

/* Move every member of the object FROM into the object TO. */
static void merge(JsonObject *to, JsonNode *from)
{
	JsonObject *o = json_node_get_object(from);
	GList *names = json_object_get_members(o);
	for (GList *l = names; l; l = l->next)
		json_object_set_member(to, l->data, json_node_copy(json_object_get_member(o, l->data)));
	g_list_free(names);
}

JsonNode *report_model_new(const Stats *st, const Stats *prev, const Changes *ch, bool letter)
{
	char *text = stats_json(st);
	JsonNode *root = json_from_string(text, NULL);
	g_free(text);
	if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
		if (root)
			json_node_unref(root);
		root = json_node_init_object(json_node_alloc(), json_object_new());
	}
	JsonBuilder *b = json_builder_new();
	json_builder_begin_object(b);
	report_info(b, st, ch ? prev : NULL, letter);
	shares_all_time(b, st);
	if (ch && prev)
		changes(b, ch, prev);
	json_builder_end_object(b);
	JsonNode *extra = json_builder_get_root(b);
	merge(json_node_get_object(root), extra);
	json_node_unref(extra);
	g_object_unref(b);
	return root;
}
