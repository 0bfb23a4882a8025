/*
 * workbook_tables.c - the Table 1 (temporal shifts), Table 2 (top
 * intermediaries) and Sizes sheets.
 */
#include <math.h>

#include "../derive/properties.h"
#include "../stats/significance.h"
#include "workbook_sheets.h"

#define HR WB_HEADER_ROW

static GPtrArray *notes_new(void)
{
	return g_ptr_array_new_with_free_func(g_free);
}

/* ---- Table 1 ----------------------------------------------------------------- */

typedef struct {
	bool value, growth, p;
} ShiftBlanks;

/* Headers: Property, Unit, per period weighted, growth, per model, growth,
 * test, statistic, p, stars, coverage per period, models per period. */
static uint32_t table1_headers(Sheet *s, const Shifts *sh)
{
	uint32_t c = 0;
	sheet_text(s, HR, c++, "Property", STYLE_HEADER);
	sheet_text(s, HR, c++, "Unit", STYLE_HEADER);
	const char *groups[] = { "Weighted", "Per model" };
	for (int g = 0; g < 2; g++) {
		for (uint32_t p = 0; p < sh->n_periods; p++) {
			char *h = g_strdup_printf("%s %s", groups[g], sh->label[p]);
			sheet_text(s, HR, c++, h, STYLE_HEADER);
			g_free(h);
		}
		char *h = g_strdup_printf("%s growth", groups[g]);
		sheet_text(s, HR, c++, h, STYLE_HEADER);
		g_free(h);
	}
	static const char *const test[] = { "Test", "Statistic", "p-value", "Significance" };
	wb_headers(s, HR, c, test, 4);
	c += 4;
	const char *tail[] = { "Coverage", "Created models" };
	for (int g = 0; g < 2; g++)
		for (uint32_t p = 0; p < sh->n_periods; p++) {
			char *h = g_strdup_printf("%s %s", tail[g], sh->label[p]);
			sheet_text(s, HR, c++, h, STYLE_HEADER);
			g_free(h);
		}
	return c;
}

static void table1_row(Sheet *s, uint32_t r, const Shifts *sh, const ShiftRow *row, ShiftBlanks *b)
{
	uint32_t c = 0;
	CellStyle unit = row->kind == SHIFT_KIND_SIZE ? STYLE_PARAMS : STYLE_PERCENT;
	sheet_text(s, r, c++, row->name, STYLE_PLAIN);
	sheet_text(s, r, c++, row->kind == SHIFT_KIND_SIZE ? "parameters" : "share", STYLE_PLAIN);
	const double *values[] = { row->weighted, row->created };
	const double growth[] = { row->growth_weighted, row->growth_created };
	for (int g = 0; g < 2; g++) {
		for (uint32_t p = 0; p < sh->n_periods; p++)
			b->value |= !sheet_number(s, r, c++, values[g][p], unit);
		b->growth |= !sheet_number(s, r, c++, growth[g], STYLE_GROWTH);
	}
	sheet_text(s, r, c++, row->test, STYLE_PLAIN);
	bool has_p = sheet_number(s, r, c++, row->statistic, STYLE_STATISTIC);
	has_p &= sheet_number(s, r, c++, row->p, STYLE_PVALUE);
	b->p |= !has_p;
	sheet_text(s, r, c++, has_p ? (*row->stars ? row->stars : "n.s.") : NULL, STYLE_PLAIN);
	for (uint32_t p = 0; p < sh->n_periods; p++)
		b->value |= !sheet_number(s, r, c++, row->coverage[p], STYLE_PERCENT);
	for (uint32_t p = 0; p < sh->n_periods; p++)
		sheet_number(s, r, c++, row->n_created[p], STYLE_INT);
}

Sheet *wb_table1(const Stats *st)
{
	const Shifts *sh = st->shifts;
	Sheet *s = sheet_new("Table 1", "table1");
	wb_preamble(s, st, "Table 1. Temporal shifts in model properties",
		    "Weighted: by the period's counted downloads; per model: over the models created in the period", 1);
	uint32_t last_col = table1_headers(s, sh) - 1;
	uint32_t r = HR + 1;
	ShiftBlanks blanks = { 0 };
	GPtrArray *notes = notes_new();
	for (int i = 0; i < SHIFT_ROW_COUNT; i++) {
		const ShiftRow *row = &sh->rows[i];
		if (row->skipped)
			g_ptr_array_add(notes, g_strdup_printf("%s: not computed: %s.", row->name, row->skipped));
		else
			table1_row(s, r++, sh, row, &blanks);
	}
	if (!sheet_add_table(s, "Table1_shifts", HR, 0, r - 1, last_col))
		g_ptr_array_add(notes, g_strdup("No property could be computed from this input."));
	if (sh->last_partial)
		g_ptr_array_add(notes, g_strdup_printf("%s is partial: it ends at the as-of date.",
						       sh->label[sh->n_periods - 1]));
	g_ptr_array_add(notes, g_strdup("Growth = last period / first period. Significance compares the models created "
					"in the first and last period (Mann–Whitney U for sizes, Pearson χ² for "
					"shares): * p < 0.05, ** p < 0.01, *** p < 0.001, n.s. not significant."));
	g_ptr_array_add(notes, g_strdup("Coverage: share of the period's counted downloads whose model has a known "
					"value; shares are among those models."));
	if (blanks.value)
		g_ptr_array_add(notes, g_strdup("A blank value or coverage: the period has no model with a known value "
						"(or no counted downloads)."));
	if (blanks.growth)
		g_ptr_array_add(notes, g_strdup("A blank growth: the first period's value is 0 or blank, or there is "
						"only one period."));
	if (blanks.p)
		g_ptr_array_add(notes, g_strdup("A blank test: too few created models in the first or last period, or "
						"a margin of the 2×2 table is 0."));
	wb_notes(s, r - 1, notes);
	g_ptr_array_unref(notes);
	return s;
}

/* ---- Table 2 ----------------------------------------------------------------- */

static void table2_row(Sheet *s, uint32_t r, const Intermediary *e, uint32_t rank)
{
	uint32_t c = 0;
	sheet_number(s, r, c++, rank, STYLE_INT);
	sheet_text(s, r, c++, e->name, STYLE_PLAIN);
	sheet_number(s, r, c++, e->downloads, STYLE_INT);
	sheet_number(s, r, c++, e->share, STYLE_PERCENT);
	sheet_number(s, r, c++, e->n_models, STYLE_INT);
	sheet_text(s, r, c++, role_name(e->main_role), STYLE_PLAIN);
	for (uint32_t k = 0; k < INTERMEDIARY_BASES; k++) {
		sheet_text(s, r, c++, k < e->n_bases ? e->base[k] : NULL, STYLE_PLAIN);
		sheet_number(s, r, c++, k < e->n_bases ? e->base_share[k] : NAN, STYLE_PERCENT);
	}
	sheet_text(s, r, c++, e->country, STYLE_PLAIN);
	sheet_text(s, r, c++, e->group, STYLE_PLAIN);
	sheet_text(s, r, c++, e->org_type, STYLE_PLAIN);
}

/* The key figures beside the table, from column C. */
static void table2_summary(Sheet *s, const Intermediaries *im, uint32_t c)
{
	static const char *const h[] = { "Measure", "Value" };
	wb_headers(s, HR, c, h, 2);
	sheet_text(s, HR + 1, c, "Counted downloads, all uploads", STYLE_PLAIN);
	sheet_number(s, HR + 1, c + 1, im->total, STYLE_INT);
	sheet_text(s, HR + 2, c, "Share held by intermediary uploads", STYLE_PLAIN);
	sheet_number(s, HR + 2, c + 1, im->intermediary_share, STYLE_PERCENT);
	sheet_text(s, HR + 3, c, "Intermediaries listed", STYLE_PLAIN);
	sheet_number(s, HR + 3, c + 1, im->n_top, STYLE_INT);
	sheet_add_table(s, "Table2_summary", HR, c, HR + 3, c + 1);
}

Sheet *wb_table2(const Stats *st)
{
	const Intermediaries *im = st->intermediaries;
	Sheet *s = sheet_new("Table 2", "table2");
	wb_preamble(s, st, "Table 2. Top intermediaries",
		    "Uploaders of derivatives credited to another developer, by counted downloads of those uploads", 2);
	GPtrArray *notes = notes_new();
	uint32_t last = HR;
	if (im->skipped) {
		g_ptr_array_add(notes, g_strdup_printf("Not computed: %s.", im->skipped));
	} else {
		static const char *const h[] = { "Rank", "Uploader", "Downloads", "Share of all downloads", "Models",
						 "Main role", "Base developer 1", "Share 1", "Base developer 2",
						 "Share 2", "Base developer 3", "Share 3", "Country", "Nation group",
						 "Organisation type" };
		uint32_t n = G_N_ELEMENTS(h);
		wb_headers(s, HR, 0, h, n);
		for (uint32_t i = 0; i < im->n_top; i++)
			table2_row(s, HR + 1 + i, &im->top[i], i + 1);
		last = HR + im->n_top;
		if (!sheet_add_table(s, "Table2_intermediaries", HR, 0, last, n - 1))
			g_ptr_array_add(notes, g_strdup("No intermediary upload has counted downloads."));
		table2_summary(s, im, n + 1);
		last = MAX(last, HR + 3);
		g_ptr_array_add(notes, g_strdup("Base developer k: the credited developers whose models it repackages "
						"most, with their share of its downloads (blank when it has fewer)."));
	}
	wb_notes(s, last, notes);
	g_ptr_array_unref(notes);
	return s;
}

/* ---- Sizes --------------------------------------------------------------------- */

static uint32_t size_rows(Sheet *s, uint32_t r, const char *family, const SizeYear *y, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++, r++) {
		uint32_t c = 0;
		sheet_text(s, r, c++, family, STYLE_PLAIN);
		sheet_number(s, r, c++, y[i].year, STYLE_YEAR);
		sheet_number(s, r, c++, y[i].n, STYLE_INT);
		sheet_number(s, r, c++, y[i].weight, STYLE_INT);
		sheet_number(s, r, c++, y[i].coverage, STYLE_PERCENT);
		sheet_number(s, r, c++, y[i].q25, STYLE_PARAMS);
		sheet_number(s, r, c++, y[i].median, STYLE_PARAMS);
		sheet_number(s, r, c++, y[i].q75, STYLE_PARAMS);
		sheet_number(s, r, c++, y[i].mean, STYLE_PARAMS);
	}
	return r;
}

/* The chart goes below the table and notes, from ROW (the table is short). */
static void sizes_chart(Sheet *s, uint32_t r_down, uint32_t n_down, uint32_t r_created, uint32_t n_created,
			uint32_t row)
{
	SheetChart *ch = sheet_add_chart(s, CHART_SCATTER_LINE, "Median model size by year", row, 0);
	ch->y_log = true;
	ch->y_format = g_strdup("[>=1000000000]0,,,\"B\";[>=1000000]0,,\"M\";#,##0");
	ch->y_title = g_strdup("Parameters (log scale)");
	ch->width_px = 600;
	if (n_down) {
		ChartSeries a = { r_down, 0, 1, 6, r_down, r_down + n_down - 1, wb_series_colour(3), false };
		sheet_chart_series(ch, &a);
	}
	if (n_created) {
		ChartSeries b = { r_created, 0, 1, 6, r_created, r_created + n_created - 1, wb_series_colour(2), false };
		sheet_chart_series(ch, &b);
	}
}

Sheet *wb_sizes(const Stats *st)
{
	const Sizes *z = st->sizes;
	Sheet *s = sheet_new("Sizes", "sizes");
	wb_preamble(s, st, "Model sizes by year (Figure 5)",
		    "Parameters of the models downloaded in each year (weighted by counted downloads) and created in "
		    "each year (one each)",
		    2);
	GPtrArray *notes = notes_new();
	uint32_t last = HR, r_down = HR + 1, r_created = HR + 1;
	bool chart = false;
	if (z->skipped) {
		g_ptr_array_add(notes, g_strdup_printf("Not computed: %s.", z->skipped));
	} else {
		static const char *const h[] = { "Distribution", "Year", "Models", "Weight", "Coverage",
						 "25th percentile", "Median", "75th percentile", "Mean" };
		wb_headers(s, HR, 0, h, G_N_ELEMENTS(h));
		r_created = size_rows(s, r_down, "Downloaded in year", z->downloaded, z->n_downloaded);
		last = size_rows(s, r_created, "Created in year", z->created, z->n_created) - 1;
		chart = sheet_add_table(s, "Sizes_by_year", HR, 0, last, G_N_ELEMENTS(h) - 1);
		if (!chart)
			g_ptr_array_add(notes, g_strdup("No year has models with a known size."));
		g_ptr_array_add(notes, g_strdup("Weight: counted downloads in the year for \"Downloaded in year\"; "
						"models created in the year (one each) for \"Created in year\". "
						"Percentiles, median and mean are weighted; a year without weight is "
						"left out."));
		g_ptr_array_add(notes, g_strdup("Coverage: share of the year's counted downloads (downloaded) or of the "
						"year's created models (created) whose size is known."));
	}
	uint32_t end = wb_notes(s, last, notes);
	if (chart)
		sizes_chart(s, r_down, z->n_downloaded, r_created, z->n_created, end + 1);
	g_ptr_array_unref(notes);
	return s;
}
