/*
 * stats.c - the statistics stage: derive once, compute every statistic.
 *
 * stats_compute() runs the derivations (period downloads and window,
 * attribution, model properties), aggregates counted downloads per (model,
 * period) once, and fills every section of Stats from those.
 */
#include "stats.h"

#include <string.h>

#include "../derive/attribution.h"
#include "../derive/downloads.h"
#include "../derive/properties.h"
#include "periods.h"

const char *window_name(WindowKind w)
{
	return w == WINDOW_FIRST_YEAR ? "first-year" : "all";
}

const char *attribution_name(AttributionKind a)
{
	return a == ATTRIBUTION_GIVEN ? "given" : "computed";
}

const char *view_name(View v)
{
	return v == VIEW_ATTRIBUTED ? "attributed" : "uploader";
}

const char *grouping_name(Grouping g)
{
	static const char *const names[] = { "model", "developer", "country", "nation_group", "org_type" };
	return g < BY_COUNT ? names[g] : "?";
}

const char *board_kind_name(BoardKind k)
{
	static const char *const names[] = { "countries", "developers", "models" };
	return k < BOARD_COUNT ? names[k] : "?";
}

const char *board_span_name(BoardSpan s)
{
	return s == BOARD_ALL_TIME ? "all_time" : "last_12_months";
}

const char *property_name(PropertyId p)
{
	static const char *const names[] = { "multimodal_generation", "quantized", "moe", "derivative",
					     "output_modality", "data_transparency", "openness" };
	return p < PROP_COUNT ? names[p] : "?";
}

void run_warning_items(const RunWarnings *w, WarningItem out[RUN_WARNING_ITEMS])
{
	const WarningItem items[RUN_WARNING_ITEMS] = {
		{ "rows_after_as_of", "rows dated after the as-of date, dropped", w->rows_after_as_of },
		{ "duplicate_rows", "duplicate (model, date) rows, the larger count kept", w->duplicate_rows },
		{ "counter_drops", "drops of a cumulative counter, counted as 0", w->counter_drops },
		{ "models_without_created", "models without created_at, left out of the first-year window",
		  w->models_without_created },
		{ "attribution_cycles", "attribution walks stopped by a cycle", w->attribution_cycles },
		{ "attribution_depth_capped", "attribution walks stopped by the depth cap (64)",
		  w->attribution_depth_capped },
		{ "attribution_disagreements", "models where given and computed attribution disagree",
		  w->attribution_disagreements },
		{ "models_table_unmatched", "models-table rows for models not in the data",
		  w->models_table_unmatched },
		{ "unknown_columns", "unknown columns, ignored", w->unknown_columns },
	};
	memcpy(out, items, sizeof items);
}

static char *source_label(const Dataset *ds)
{
	if (ds->synthetic)
		return g_strdup("synthetic sample data");
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < ds->inputs->len; i++) {
		const InputFile *f = g_ptr_array_index(ds->inputs, i);
		char *base = g_path_get_basename(f->path);
		g_string_append_printf(s, "%s%s", i ? ", " : "", base);
		g_free(base);
	}
	return g_string_free(s, FALSE);
}

static void fill_warnings(Stats *st, const Dataset *ds, const DownloadsCounts *dl, const Attribution *a)
{
	RunWarnings *w = &st->warnings;
	w->rows_after_as_of = ds->warnings.rows_after_as_of;
	w->duplicate_rows = dl->duplicates;
	w->counter_drops = dl->drops;
	w->models_without_created = dl->models_without_created;
	w->attribution_cycles = a->cycles;
	w->attribution_depth_capped = a->depth_capped;
	w->attribution_disagreements = a->disagreements;
	w->models_table_unmatched = ds->warnings.models_table_unmatched;
	w->unknown_columns = ds->warnings.unknown_columns;
	w->unknown_column_names = g_strdup(ds->warnings.unknown_column_names
						   ? ds->warnings.unknown_column_names->str
						   : "");
}

/* Group keys of every model for a view and grouping. */
static void group_keys(const Dataset *ds, const Attribution *a, View v, Grouping g, Sym *key)
{
	for (uint32_t m = 0; m < ds->n_models; m++) {
		Sym dev = v == VIEW_ATTRIBUTED ? a->credited[m] : a->author[m];
		DeveloperInfo info = attribution_developer(a, dev);
		switch (g) {
		case BY_MODEL:
			key[m] = ds->model_id[m];
			break;
		case BY_DEVELOPER:
			key[m] = dev;
			break;
		case BY_COUNTRY:
			key[m] = info.country;
			break;
		case BY_NATION:
			key[m] = info.country_group;
			break;
		default:
			key[m] = info.org_type;
			break;
		}
	}
}

static void compute_shares(Stats *st, const Dataset *ds, const Attribution *a, const PeriodTable *pt)
{
	static const uint32_t top[BY_COUNT] = { 20, 20, 12, 12, UINT32_MAX };
	Sym *key = g_new(Sym, ds->n_models ? ds->n_models : 1);
	for (int v = 0; v < VIEW_COUNT; v++)
		for (int g = 0; g < BY_COUNT; g++) {
			if (v == VIEW_UPLOADER && g == BY_MODEL) {
				st->shares[v][g] = NULL; /* the same as the attributed view */
				continue;
			}
			group_keys(ds, a, v, g, key);
			st->shares[v][g] = shares_compute(pt, ds->strings, key, top[g]);
		}
	st->developer_shares = st->shares[VIEW_ATTRIBUTED][BY_DEVELOPER];
	st->nation_shares = st->shares[VIEW_ATTRIBUTED][BY_NATION];
	g_free(key);
}

static void compute_concentration(Stats *st, const Dataset *ds, const Attribution *a, const PeriodTable *pt)
{
	static const Grouping by[LEVEL_COUNT] = { BY_MODEL, BY_DEVELOPER, BY_NATION };
	Sym *key = g_new(Sym, ds->n_models ? ds->n_models : 1);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		group_keys(ds, a, VIEW_ATTRIBUTED, by[l], key);
		GArray *slot_key;
		uint32_t *slot;
		uint32_t ns = shares_slots(ds->strings, key, ds->n_models, &slot_key, &slot);
		st->concentration[l] = concentration_compute(pt, l, slot, ns);
		g_free(slot);
		g_array_free(slot_key, TRUE);
	}
	g_free(key);
}

static void compute_org_matrix(Stats *st, const Dataset *ds, const Attribution *a, const PeriodTable *pt)
{
	uint32_t n = ds->n_models ? ds->n_models : 1;
	Sym *nation = g_new(Sym, n), *org = g_new(Sym, n);
	group_keys(ds, a, VIEW_ATTRIBUTED, BY_NATION, nation);
	group_keys(ds, a, VIEW_ATTRIBUTED, BY_ORG_TYPE, org);
	st->org_matrix = org_matrix_compute(pt, ds->strings, nation, org, 12);
	g_free(nation);
	g_free(org);
}

/* The kind with the most downloads among each developer's models. */
static ModelKind developer_main_kind(const Attribution *a, const ModelProps *p, const PeriodTable *pt, Sym dev)
{
	double by_kind[KIND_COUNT] = { 0 };
	for (uint32_t m = 0; m < p->n; m++)
		if (a->credited[m] == dev)
			by_kind[p->kind[m]] += pt->model_total[m];
	ModelKind best = KIND_UNKNOWN;
	for (int k = 1; k < KIND_COUNT; k++)
		if (by_kind[k] > by_kind[best])
			best = k;
	return best;
}

static void decorate_board(Leaderboard *b, BoardKind kind, const Dataset *ds, const Attribution *a,
			   const ModelProps *p, const PeriodTable *pt)
{
	for (uint32_t i = 0; i < b->n; i++) {
		LeaderEntry *e = &b->entry[i];
		Sym s = strpool_find(ds->strings, e->name);
		Sym dev = s;
		if (kind == BOARD_MODEL) {
			int64_t m = dataset_model_index(ds, s);
			dev = a->credited[m];
			e->kind = p->kind[m];
			e->developer = g_strdup(dataset_str(ds, dev));
		}
		if (kind == BOARD_COUNTRY)
			continue;
		DeveloperInfo info = attribution_developer(a, dev);
		const char *group = info.country_group ? dataset_str(ds, info.country_group) : NULL;
		e->dev_kind = leaderboard_dev_kind(group, info.org_type ? dataset_str(ds, info.org_type) : NULL);
		e->group = g_strdup(group ? group : "Unknown");
		if (kind == BOARD_DEVELOPER)
			e->kind = developer_main_kind(a, p, pt, dev);
	}
}

static void compute_boards(Stats *st, const Dataset *ds, const Attribution *a, const ModelProps *p,
			   const PeriodTable *pt)
{
	static const Grouping by[BOARD_COUNT] = { BY_COUNTRY, BY_DEVELOPER, BY_MODEL };
	uint32_t n = ds->n_models ? ds->n_models : 1;
	Sym *key = g_new(Sym, n);
	bool *cohort = g_new(bool, n);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		Day c = ds_day(ds, m, COL_CREATED_AT);
		cohort[m] = c != DAY_NONE && c > ds->as_of - 365 && c <= ds->as_of;
	}
	for (int k = 0; k < BOARD_COUNT; k++) {
		group_keys(ds, a, VIEW_ATTRIBUTED, by[k], key);
		for (int s = 0; s < BOARD_SPAN_COUNT; s++) {
			/* Countries keep 12: Figure 1's map shows the top 12 nations,
			 * its tables the top 10 of every board. */
			st->board[k][s] = leaderboard_rank(pt->model_total, s == BOARD_ALL_TIME ? NULL : cohort,
							   ds->n_models, key, ds->strings,
							   k == BOARD_COUNTRY ? 12 : 10);
			decorate_board(st->board[k][s], k, ds, a, p, pt);
		}
	}
	g_free(cohort);
	g_free(key);
}

static CategorySeries *yes_no(const PeriodTable *pt, const char *name, const int8_t *flag, bool known,
			      const char *column)
{
	static const char *const names[] = { "no", "yes" };
	char *why = known ? NULL : g_strdup_printf("no %s column in the input", column);
	CategorySeries *s = category_series(pt, name, flag, 2, names, why);
	g_free(why);
	return s;
}

static void compute_properties(Stats *st, const ModelProps *p, const PeriodTable *pt)
{
	st->property[PROP_MULTIMODAL] =
		yes_no(pt, "multimodal generation", p->multimodal, p->has_modality, "modality (or pipeline_tag)");
	st->property[PROP_QUANTIZED] = yes_no(pt, "quantized", p->quantized, true, "quantization");
	st->property[PROP_MOE] = yes_no(pt, "mixture of experts", p->moe, p->has_moe, "moe");
	st->property[PROP_DERIVATIVE] =
		yes_no(pt, "derivative", p->derivative, p->has_parents, "base_models (or Hub tags)");
	/* Output modality mix over the known kinds (KIND_UNKNOWN left out). */
	const char *kinds[KIND_COUNT - 1];
	int8_t *kind = g_new(int8_t, p->n ? p->n : 1);
	for (int k = 1; k < KIND_COUNT; k++)
		kinds[k - 1] = classify_kind_name(k);
	for (uint32_t m = 0; m < p->n; m++)
		kind[m] = (int8_t)p->kind[m] - 1;
	st->property[PROP_MODALITY] =
		category_series(pt, "output modality", kind, KIND_COUNT - 1, kinds,
				p->has_modality ? NULL : "no modality (or pipeline_tag) column in the input");
	g_free(kind);
	const char *transparency[TRANSPARENCY_COUNT];
	for (int t = 0; t < TRANSPARENCY_COUNT; t++)
		transparency[t] = transparency_name(t);
	st->property[PROP_TRANSPARENCY] =
		category_series(pt, "training-data transparency", p->transparency, TRANSPARENCY_COUNT, transparency,
				p->has_transparency ? NULL : "no data_transparency column in the input");
	static const char *const openness[] = { "open_weights", "open_source" };
	st->property[PROP_OPENNESS] = category_series(pt, "openness", p->open_source, 2, openness,
						      p->has_openness ? NULL : "no openness column in the input");
}

static void fill_info(Stats *st, const Dataset *ds, const StatsOptions *opt)
{
	RunInfo *info = &st->info;
	info->window = opt->window;
	info->attribution = opt->attribution == ATTRIBUTION_AUTO
				    ? (ds->has_col[COL_DEVELOPER] ? ATTRIBUTION_GIVEN : ATTRIBUTION_COMPUTED)
				    : (AttributionKind)opt->attribution;
	info->period = opt->period;
	info->as_of = ds->as_of;
	info->first_day = ds->first_day;
	info->synthetic = ds->synthetic;
	info->source = source_label(ds);
	st->inputs = g_ptr_array_new_with_free_func(input_file_free);
	for (guint i = 0; i < ds->inputs->len; i++)
		g_ptr_array_add(st->inputs, input_file_copy(g_ptr_array_index(ds->inputs, i)));
	st->n_rows = ds->n_rows;
	st->n_models = ds->n_models;
}

/* The half of the statistics a second thread computes (see stats_compute). */
typedef struct {
	Stats *st;
	const Dataset *ds;
	const Attribution *a;
	const ModelProps *p;
	const PeriodTable *pt;
} Half;

static gpointer second_half(gpointer data)
{
	Half *h = data;
	compute_concentration(h->st, h->ds, h->a, h->pt);
	compute_boards(h->st, h->ds, h->a, h->p, h->pt);
	return NULL;
}

Stats *stats_compute(const Dataset *ds, const StatsOptions *opt, GError **err)
{
	Stats *st = g_new0(Stats, 1);
	fill_info(st, ds, opt);
	double t0 = timings_now();
	/* Period downloads and the window, aggregated per (model, period) for
	 * the run's period and for years (Table 1, Figure 5) in one pass. */
	PeriodKind kinds[2] = { opt->period, PERIOD_YEAR };
	PeriodTable *tables[2] = { NULL, NULL };
	DownloadsCounts dl;
	period_tables_derive(ds, opt->window == WINDOW_FIRST_YEAR, kinds, opt->period == PERIOD_YEAR ? 1 : 2,
			     opt->threads ? opt->threads : 2, tables, &dl);
	PeriodTable *pt = tables[0];
	PeriodTable *years = tables[1] ? tables[1] : pt;
	Attribution *a = attribution_compute(ds, ds->strings, st->info.attribution == ATTRIBUTION_GIVEN);
	ModelProps *p = properties_compute(ds, a);
	fill_warnings(st, ds, &dl, a);
	GHashTable *devs = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (uint32_t m = 0; m < ds->n_models; m++)
		g_hash_table_add(devs, GUINT_TO_POINTER(a->credited[m]));
	st->n_developers = g_hash_table_size(devs);
	g_hash_table_destroy(devs);
	timings_add(opt->timings, "derive", ds->n_rows, t0);

	t0 = timings_now();
	/* Every section reads the derived data and writes its own fields of
	 * ST, nothing else (no interning), so the sections split over two
	 * threads: concentration and leaderboards (about half the time at
	 * scale) on a second one, the rest here. */
	Half half = { st, ds, a, p, pt };
	GThread *second = opt->threads == 1 ? NULL : g_thread_try_new("eoi-stats", second_half, &half, NULL);
	if (!second)
		second_half(&half);
	compute_shares(st, ds, a, pt);
	compute_org_matrix(st, ds, a, pt);
	compute_properties(st, p, pt);
	st->intermediaries = intermediaries_compute(ds, pt, a, p, 20);
	st->sizes = sizes_compute(ds, p, years);
	st->shifts = shifts_compute(ds, p, years);
	if (second)
		g_thread_join(second);
	if (years != pt)
		period_table_free(years);

	period_table_free(pt);
	properties_free(p);
	attribution_free(a);
	timings_add(opt->timings, "stats", ds->n_rows, t0);
	return st;
}

void stats_free(Stats *st)
{
	if (!st)
		return;
	g_free(st->info.source);
	g_free(st->warnings.unknown_column_names);
	if (st->inputs)
		g_ptr_array_free(st->inputs, TRUE);
	for (int v = 0; v < VIEW_COUNT; v++)
		for (int g = 0; g < BY_COUNT; g++)
			share_series_free(st->shares[v][g]);
	for (int l = 0; l < LEVEL_COUNT; l++)
		concentration_free(st->concentration[l]);
	org_matrix_free(st->org_matrix);
	for (int k = 0; k < BOARD_COUNT; k++)
		for (int s = 0; s < BOARD_SPAN_COUNT; s++)
			leaderboard_free(st->board[k][s]);
	for (int p = 0; p < PROP_COUNT; p++)
		category_series_free(st->property[p]);
	intermediaries_free(st->intermediaries);
	sizes_free(st->sizes);
	shifts_free(st->shifts);
	g_free(st);
}
