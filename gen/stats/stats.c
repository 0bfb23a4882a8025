/*
 * stats.c - the statistics stage: derive once, compute every statistic.
 */
#include "stats.h"

#include <string.h>

#include "../derive/attribution.h"
#include "../derive/downloads.h"

const char *window_name(WindowKind w)
{
	return w == WINDOW_FIRST_YEAR ? "first-year" : "all";
}

const char *attribution_name(AttributionKind a)
{
	return a == ATTRIBUTION_GIVEN ? "given" : "computed";
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

static void fill_warnings(Stats *st, const Dataset *ds, const Downloads *dl, const Attribution *a)
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

Stats *stats_compute(const Dataset *ds, const StatsOptions *opt, GError **err)
{
	Stats *st = g_new0(Stats, 1);
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

	Downloads *dl = downloads_compute(ds, opt->window == WINDOW_FIRST_YEAR);
	Attribution *a = attribution_compute(ds, ds->strings, info->attribution == ATTRIBUTION_GIVEN);
	fill_warnings(st, ds, dl, a);

	Sym *nation = g_new(Sym, ds->n_models ? ds->n_models : 1);
	GHashTable *devs = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		nation[m] = attribution_developer(a, a->credited[m]).country_group;
		g_hash_table_add(devs, GUINT_TO_POINTER(a->credited[m]));
	}
	st->n_developers = g_hash_table_size(devs);
	g_hash_table_destroy(devs);
	PeriodTable *pt = period_table_build(ds, dl, opt->period);
	st->developer_shares = shares_compute(pt, ds->strings, a->credited, 20);
	st->nation_shares = shares_compute(pt, ds->strings, nation, 12);
	period_table_free(pt);

	g_free(nation);
	attribution_free(a);
	downloads_free(dl);
	return st;
}

void stats_free(Stats *st)
{
	if (!st)
		return;
	g_free(st->info.source);
	if (st->inputs)
		g_ptr_array_free(st->inputs, TRUE);
	g_free(st->warnings.unknown_column_names);
	share_series_free(st->developer_shares);
	share_series_free(st->nation_shares);
	g_free(st);
}
