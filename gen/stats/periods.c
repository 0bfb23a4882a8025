/* periods.c - the (model, period) table of counted downloads. */
#include "periods.h"

PeriodTable *period_table_build(const Dataset *ds, const Downloads *dl, PeriodKind kind)
{
	PeriodTable *t = g_new0(PeriodTable, 1);
	t->kind = kind;
	/* Period index of every day in the data's span. */
	uint32_t span = (uint32_t)(ds->last_day - ds->first_day) + 1;
	uint32_t *day_period = g_new0(uint32_t, span);
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(Day));
	for (uint32_t i = 0; i < ds->n_days; i++) {
		Day p = period_start(ds->days[i], kind);
		if (starts->len == 0 || g_array_index(starts, Day, starts->len - 1) != p)
			g_array_append_val(starts, p);
		day_period[ds->days[i] - ds->first_day] = starts->len - 1;
	}
	t->n_periods = starts->len;
	t->start = (Day *)g_array_free(starts, FALSE);
	t->label = g_new0(char *, t->n_periods + 1);
	for (uint32_t p = 0; p < t->n_periods; p++) {
		char buf[32];
		t->label[p] = g_strdup(period_label(t->start[p], kind, buf));
	}
	t->n_models = ds->n_models;
	t->model_total = g_new0(double, ds->n_models ? ds->n_models : 1);
	t->period_total = g_new0(double, t->n_periods ? t->n_periods : 1);

	GArray *model = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *period = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *downloads = g_array_new(FALSE, FALSE, sizeof(double));
	uint32_t cur_m = UINT32_MAX, cur_p = UINT32_MAX;
	for (uint64_t i = 0; i < ds->n_rows; i++) {
		int64_t c = downloads_counted(dl, i);
		if (c <= 0)
			continue;
		uint32_t m = ds->row_model[i];
		uint32_t p = day_period[ds->row_day[i] - ds->first_day];
		if (m != cur_m || p != cur_p) {
			double zero = 0;
			g_array_append_val(model, m);
			g_array_append_val(period, p);
			g_array_append_val(downloads, zero);
			cur_m = m;
			cur_p = p;
		}
		g_array_index(downloads, double, downloads->len - 1) += (double)c;
		t->model_total[m] += (double)c;
		t->period_total[p] += (double)c;
	}
	t->n = model->len;
	t->model = (uint32_t *)g_array_free(model, FALSE);
	t->period = (uint32_t *)g_array_free(period, FALSE);
	t->downloads = (double *)g_array_free(downloads, FALSE);
	g_free(day_period);
	return t;
}

void period_table_free(PeriodTable *t)
{
	if (!t)
		return;
	g_free(t->start);
	g_strfreev(t->label);
	g_free(t->model);
	g_free(t->period);
	g_free(t->downloads);
	g_free(t->model_total);
	g_free(t->period_total);
	g_free(t);
}
