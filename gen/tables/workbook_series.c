/*
 * workbook_series.c - the Leaderboards, Developer shares, National shares,
 * Concentration and Org type by nation sheets (Figures 1-4 as numbers).
 */
#include <math.h>
#include <string.h>

#include "workbook_sheets.h"

#define HR WB_HEADER_ROW

static GPtrArray *notes_new(void)
{
	return g_ptr_array_new_with_free_func(g_free);
}

/* "2021-03, 2021-04" for the periods P of LABELS whose TOTAL is 0. */
static char *empty_periods(char *const *labels, const double *total, uint32_t n)
{
	GString *s = g_string_new(NULL);
	for (uint32_t p = 0; p < n; p++)
		if (!(total[p] > 0))
			g_string_append_printf(s, "%s%s", s->len ? ", " : "", labels[p]);
	return g_string_free(s, s->len == 0);
}

/* ---- Leaderboards --------------------------------------------------------------- */

static const char *const span_label[BOARD_SPAN_COUNT] = { "All-time", "Last 12 months" };
static const char *const board_label[BOARD_COUNT] = { "Countries", "Developers", "Models" };

static void board_row(Sheet *s, uint32_t r, BoardSpan span, BoardKind kind, const LeaderEntry *e, uint32_t rank)
{
	uint32_t c = 0;
	sheet_text(s, r, c++, span_label[span], STYLE_PLAIN);
	sheet_text(s, r, c++, board_label[kind], STYLE_PLAIN);
	sheet_number(s, r, c++, rank, STYLE_INT);
	sheet_text(s, r, c++, e->name, STYLE_PLAIN);
	sheet_number(s, r, c++, e->downloads, STYLE_INT);
	sheet_number(s, r, c++, e->share, STYLE_PERCENT);
	bool ranked_models = kind != BOARD_COUNTRY;
	sheet_text(s, r, c++, ranked_models ? classify_kind_name(e->kind) : NULL, STYLE_PLAIN);
	sheet_text(s, r, c++, ranked_models ? leaderboard_dev_kind_name(e->dev_kind) : NULL, STYLE_PLAIN);
	sheet_text(s, r, c++, e->group, STYLE_PLAIN);
	sheet_text(s, r, c++, kind == BOARD_MODEL ? e->developer : NULL, STYLE_PLAIN);
}

static void board_totals(Sheet *s, const Stats *st, uint32_t c0)
{
	static const char *const h[] = { "Span", "Board", "Total downloads", "Unknown share", "Ranked entities" };
	wb_headers(s, HR, c0, h, G_N_ELEMENTS(h));
	uint32_t r = HR + 1;
	for (int span = 0; span < BOARD_SPAN_COUNT; span++)
		for (int k = 0; k < BOARD_COUNT; k++, r++) {
			const Leaderboard *b = st->board[k][span];
			sheet_text(s, r, c0, span_label[span], STYLE_PLAIN);
			sheet_text(s, r, c0 + 1, board_label[k], STYLE_PLAIN);
			sheet_number(s, r, c0 + 2, b->total, STYLE_INT);
			sheet_number(s, r, c0 + 3, b->unknown_share, STYLE_PERCENT);
			sheet_number(s, r, c0 + 4, b->n_entities, STYLE_INT);
		}
	sheet_add_table(s, "Leaderboard_totals", HR, c0, r - 1, c0 + G_N_ELEMENTS(h) - 1);
}

Sheet *wb_leaderboards(const Stats *st)
{
	Sheet *s = sheet_new("Leaderboards", "leaderboards");
	wb_preamble(s, st, "Leaderboards (Figure 1)",
		    "Top countries, developers and models by counted downloads, all-time and for models created in the "
		    "last 12 months",
		    4);
	static const char *const h[] = { "Span",  "Board",      "Rank",           "Name",         "Downloads",
					 "Share", "Model kind", "Developer kind", "Nation group", "Developer" };
	uint32_t n = G_N_ELEMENTS(h);
	wb_headers(s, HR, 0, h, n);
	GPtrArray *notes = notes_new();
	uint32_t r = HR + 1;
	for (int span = 0; span < BOARD_SPAN_COUNT; span++)
		for (int k = 0; k < BOARD_COUNT; k++) {
			const Leaderboard *b = st->board[k][span];
			for (uint32_t i = 0; i < b->n; i++)
				board_row(s, r++, span, k, &b->entry[i], i + 1);
			if (b->n == 0)
				g_ptr_array_add(notes, g_strdup_printf("%s, %s: no entity has counted downloads.",
								       span_label[span], board_label[k]));
		}
	sheet_add_table(s, "Leaderboards", HR, 0, r - 1, n - 1);
	board_totals(s, st, n + 1);
	g_ptr_array_add(notes, g_strdup("Share: of the board's total counted downloads, Unknown included. Unknown "
					"(missing or \"Unknown\") is not ranked; its share is in Unknown share."));
	g_ptr_array_add(notes, g_strdup("Last 12 months: models created in the 365 days up to the as-of date. Model "
					"kind: output kind (for developers, the kind with most downloads)."));
	wb_notes(s, MAX(r - 1, HR + 2 * BOARD_COUNT), notes);
	g_ptr_array_unref(notes);
	return s;
}

/* ---- Developer and national shares -------------------------------------------- */

static uint32_t group_colour(const ShareSeries *ss, uint32_t g)
{
	if (ss->group_kind[g] == GROUP_OTHERS)
		return wb_others_colour();
	if (ss->group_kind[g] == GROUP_UNKNOWN)
		return wb_unknown_colour();
	return wb_series_colour((int)g);
}

static void shares_chart(Sheet *s, const ShareSeries *ss, const char *title, uint32_t col)
{
	if (ss->n_periods == 0)
		return;
	SheetChart *ch = sheet_add_chart(s, CHART_AREA_PERCENT, title, HR, col);
	ch->y_format = g_strdup("0%");
	ch->x_interval = wb_period_interval(ss->period, ss->n_periods);
	ch->width_px = 880;
	ch->height_px = 480;
	for (uint32_t g = 0; g < ss->n_groups; g++) {
		ChartSeries cs = { HR, 3 + g, 0, 3 + g, HR + 1, HR + ss->n_periods, group_colour(ss, g), false };
		sheet_chart_series(ch, &cs);
	}
}

Sheet *wb_shares(const Stats *st, bool national)
{
	const ShareSeries *ss = national ? st->nation_shares : st->developer_shares;
	Sheet *s = sheet_new(national ? "National shares" : "Developer shares",
			     national ? "national_shares" : "developer_shares");
	const char *who = national ? "nation groups" : "developers";
	char *what = g_strdup_printf("Share of each period's counted downloads by credited %s: the top %s by "
				     "downloads over the whole span, then Others and Unknown",
				     who, national ? "12" : "20");
	wb_preamble(s, st,
		    national ? "National download shares over time (Figure 2, bottom)"
			     : "Developer download shares over time (Figure 2, top)",
		    what, 1);
	g_free(what);
	sheet_text(s, HR, 0, "Period", STYLE_HEADER);
	sheet_text(s, HR, 1, "Period start", STYLE_HEADER);
	sheet_text(s, HR, 2, "Total downloads", STYLE_HEADER);
	for (uint32_t g = 0; g < ss->n_groups; g++)
		sheet_text(s, HR, 3 + g, ss->group_name[g], STYLE_HEADER);
	for (uint32_t p = 0; p < ss->n_periods; p++) {
		uint32_t r = HR + 1 + p;
		sheet_text(s, r, 0, ss->period_label[p], STYLE_PLAIN);
		sheet_date(s, r, 1, ss->period_start[p]);
		sheet_number(s, r, 2, ss->total[p], STYLE_INT);
		for (uint32_t g = 0; g < ss->n_groups; g++)
			sheet_number(s, r, 3 + g, share_at(ss, p, g), STYLE_PERCENT);
	}
	GPtrArray *notes = notes_new();
	uint32_t last_col = 2 + ss->n_groups;
	if (sheet_add_table(s, national ? "National_shares" : "Developer_shares", HR, 0, HR + ss->n_periods,
			    last_col))
		shares_chart(s, ss, national ? "National download shares" : "Developer download shares",
			     last_col + 2);
	else
		g_ptr_array_add(notes, g_strdup("No period with counted downloads."));
	char *empty = empty_periods(ss->period_label, ss->total, ss->n_periods);
	if (empty)
		g_ptr_array_add(notes, g_strdup_printf("No counted downloads in %s: shares left blank.", empty));
	g_free(empty);
	g_ptr_array_add(notes, g_strdup("Others: every other named group; Unknown: missing or \"Unknown\", never "
					"in the top groups or in Others. Each row sums to 100 %."));
	wb_notes(s, HR + ss->n_periods, notes);
	g_ptr_array_unref(notes);
	return s;
}

/* ---- Concentration ----------------------------------------------------------------- */

static const char *const level_label[LEVEL_COUNT] = { "Models", "Developers", "Nation groups" };
static const char *const level_name[LEVEL_COUNT] = { "Concentration_models", "Concentration_developers",
						     "Concentration_nations" };

/* One level's columns from C: segments, HHI, HHI ×10,000, Gini, entities. */
static uint32_t conc_block(Sheet *s, const Concentration *cn, ConcLevel l, uint32_t c, bool *blank)
{
	for (uint32_t k = 0; k < cn->n_segments; k++) {
		const char *seg = cn->segment_label[k];
		char *h = strcmp(seg, "1") == 0	      ? g_strdup_printf("%s: top 1", level_label[l])
			  : strcmp(seg, "rest") == 0 ? g_strdup_printf("%s: rest", level_label[l])
						      : g_strdup_printf("%s: ranks %s", level_label[l], seg);
		sheet_text(s, HR, c + k, h, STYLE_HEADER);
		g_free(h);
	}
	uint32_t m = c + cn->n_segments;
	const char *tail[] = { "HHI", "HHI ×10,000", "Gini", "entities" };
	for (int i = 0; i < 4; i++) {
		char *h = g_strdup_printf("%s: %s", level_label[l], tail[i]);
		sheet_text(s, HR, m + i, h, STYLE_HEADER);
		g_free(h);
	}
	for (uint32_t p = 0; p < cn->n_periods; p++) {
		uint32_t r = HR + 1 + p;
		for (uint32_t k = 0; k < cn->n_segments; k++)
			*blank |= !sheet_number(s, r, c + k, cn->segment_share[p * cn->n_segments + k], STYLE_PERCENT);
		*blank |= !sheet_number(s, r, m, cn->hhi[p], STYLE_DECIMAL);
		sheet_number(s, r, m + 1, cn->hhi[p] * 10000, STYLE_INT);
		sheet_number(s, r, m + 2, cn->gini[p], STYLE_DECIMAL);
		sheet_number(s, r, m + 3, cn->n_entities[p], STYLE_INT);
	}
	sheet_add_name(s, level_name[l], HR, c, HR + cn->n_periods, m + 3);
	return m + 4;
}

static void conc_charts(Sheet *s, const Stats *st, const uint32_t *first_col, uint32_t col)
{
	uint32_t np = st->concentration[0]->n_periods, row = HR;
	uint16_t interval = wb_period_interval(st->info.period, np);
	for (int l = 0; l < LEVEL_COUNT; l++, row += 22) {
		const Concentration *cn = st->concentration[l];
		char *title = g_strdup_printf("%s: share of downloads by rank segment", level_label[l]);
		SheetChart *ch = sheet_add_chart(s, CHART_AREA_PERCENT, title, row, col);
		g_free(title);
		ch->y_format = g_strdup("0%");
		ch->x_interval = interval;
		for (uint32_t k = 0; k < cn->n_segments; k++) {
			ChartSeries cs = { HR, first_col[l] + k, 0, first_col[l] + k, HR + 1, HR + np,
					   wb_series_colour((int)k), false };
			sheet_chart_series(ch, &cs);
		}
	}
	SheetChart *ch = sheet_add_chart(s, CHART_LINE, "HHI (dashed) and Gini (solid), 0–1", row, col);
	ch->y_format = g_strdup("0.0");
	ch->y_max = 1;
	ch->x_interval = interval;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		uint32_t m = first_col[l] + st->concentration[l]->n_segments;
		ChartSeries gini = { HR, m + 2, 0, m + 2, HR + 1, HR + np, wb_series_colour(l), false };
		ChartSeries hhi = { HR, m, 0, m, HR + 1, HR + np, wb_series_colour(l), true };
		sheet_chart_series(ch, &gini);
		sheet_chart_series(ch, &hhi);
	}
}

Sheet *wb_concentration(const Stats *st)
{
	const ShareSeries *ref = st->developer_shares; /* the run's periods */
	Sheet *s = sheet_new("Concentration", "concentration");
	wb_preamble(s, st, "Concentration over time (Figure 3)",
		    "Per period and level: share of counted downloads held by ranked segments, HHI (0–1 and ×10,000) "
		    "and Gini, over the entities with downloads",
		    1);
	sheet_text(s, HR, 0, "Period", STYLE_HEADER);
	sheet_text(s, HR, 1, "Period start", STYLE_HEADER);
	uint32_t np = st->concentration[0]->n_periods;
	for (uint32_t p = 0; p < np; p++) {
		sheet_text(s, HR + 1 + p, 0, ref->period_label[p], STYLE_PLAIN);
		sheet_date(s, HR + 1 + p, 1, ref->period_start[p]);
	}
	uint32_t c = 2, first_col[LEVEL_COUNT];
	bool blank = false;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		first_col[l] = c;
		c = conc_block(s, st->concentration[l], l, c, &blank);
	}
	GPtrArray *notes = notes_new();
	if (sheet_add_table(s, "Concentration_by_period", HR, 0, HR + np, c - 1))
		conc_charts(s, st, first_col, c + 1);
	else
		g_ptr_array_add(notes, g_strdup("No period with counted downloads."));
	if (blank) {
		char *empty = empty_periods(ref->period_label, ref->total, np);
		g_ptr_array_add(notes, g_strdup_printf("No counted downloads in %s: concentration left blank.",
						       empty ? empty : "some periods"));
		g_free(empty);
	}
	g_ptr_array_add(notes, g_strdup("Segments are ranks by the period's downloads (e.g. ranks 2–10: the 2nd to "
					"10th largest). Unknown counts as one entity. Each level's columns are also a "
					"defined name (Concentration_models, _developers, _nations)."));
	wb_notes(s, HR + np, notes);
	g_ptr_array_unref(notes);
	return s;
}

/* ---- Organisation type by nation --------------------------------------------------- */

static void org_chart(Sheet *s, const OrgMatrix *om, uint32_t col)
{
	SheetChart *ch = sheet_add_chart(s, CHART_BAR_PERCENT, "Downloads by organisation type within each nation group",
					 HR, col);
	ch->y_format = g_strdup("0%");
	ch->width_px = 760;
	ch->height_px = 460;
	for (uint32_t c = 0; c < om->n_cols; c++) {
		uint32_t colour = strcmp(om->col[c], "Unknown") == 0 ? wb_unknown_colour() : wb_series_colour((int)c);
		ChartSeries cs = { HR, 2 + c, 0, 2 + c, HR + 1, HR + om->n_rows, colour, false };
		sheet_chart_series(ch, &cs);
	}
}

Sheet *wb_org_matrix(const Stats *st)
{
	const OrgMatrix *om = st->org_matrix;
	Sheet *s = sheet_new("Org type by nation", "org_type_by_nation");
	wb_preamble(s, st, "Organisation type by nation group (Figure 4)",
		    "Proportion of each nation group's counted downloads by the credited developer's organisation type, "
		    "whole span",
		    1);
	sheet_text(s, HR, 0, "Nation group", STYLE_HEADER);
	sheet_text(s, HR, 1, "Downloads", STYLE_HEADER);
	for (uint32_t c = 0; c < om->n_cols; c++)
		sheet_text(s, HR, 2 + c, om->col[c], STYLE_HEADER);
	for (uint32_t r = 0; r < om->n_rows; r++) {
		sheet_text(s, HR + 1 + r, 0, om->row[r], STYLE_PLAIN);
		sheet_number(s, HR + 1 + r, 1, om->row_total[r], STYLE_INT);
		for (uint32_t c = 0; c < om->n_cols; c++)
			sheet_number(s, HR + 1 + r, 2 + c, om->proportion[(size_t)r * om->n_cols + c], STYLE_PERCENT);
	}
	GPtrArray *notes = notes_new();
	if (sheet_add_table(s, "Org_type_by_nation", HR, 0, HR + om->n_rows, 1 + om->n_cols))
		org_chart(s, om, om->n_cols + 3);
	else
		g_ptr_array_add(notes, g_strdup("No nation group has counted downloads."));
	g_ptr_array_add(notes, g_strdup("Rows: the top 12 nation groups, then Others and Unknown. Each row sums to "
					"100 %."));
	wb_notes(s, HR + om->n_rows, notes);
	g_ptr_array_unref(notes);
	return s;
}
