/*
 * periods.c - the (model, period) table of counted downloads.
 *
 * period_tables_derive() is the run's hot loop: one pass over every row,
 * model after model, deriving d_k (downloads_model()) into a per-thread
 * scratch buffer and adding the counted downloads to each requested
 * table.  The models are split into contiguous ranges of about equal row
 * counts, one per thread; each range's cells come out in (model, period)
 * order, so concatenating the ranges in order gives the same table as one
 * thread would.  Sums are of whole numbers below 2^53, exact in any order,
 * so the result does not depend on the number of threads.
 */
#include "periods.h"

#include <string.h>

/* Period index of every day in DS's span, and the periods' starts and
 * labels, into T (cells left empty). */
static uint32_t *table_frame(const Dataset *ds, PeriodKind kind, PeriodTable *t)
{
	t->kind = kind;
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
	return day_period;
}

/* Cells of one table under construction. */
typedef struct {
	GArray *model, *period, *downloads;
	double *period_total; /* this part's own sums */
} Cells;

static void cells_init(Cells *c, uint32_t n_periods)
{
	c->model = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	c->period = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	c->downloads = g_array_new(FALSE, FALSE, sizeof(double));
	c->period_total = g_new0(double, n_periods ? n_periods : 1);
}

/* Add model M's counted downloads of rows [LO, HI) (d_k in DELTA, flags in
 * FLAGS, indexed from LO) to C; its total to MODEL_TOTAL[M]. */
static void cells_add_model(Cells *c, const Dataset *ds, const uint32_t *day_period, uint32_t m, uint64_t lo,
			    uint64_t hi, const int64_t *delta, const uint8_t *flags, double *model_total)
{
	uint32_t cur_p = UINT32_MAX;
	for (uint64_t i = lo; i < hi; i++) {
		if (!(flags[i - lo] & ROW_COUNTED) || delta[i - lo] <= 0)
			continue;
		double v = (double)delta[i - lo];
		uint32_t p = day_period[ds->row_day[i] - ds->first_day];
		if (p != cur_p) {
			double zero = 0;
			g_array_append_val(c->model, m);
			g_array_append_val(c->period, p);
			g_array_append_val(c->downloads, zero);
			cur_p = p;
		}
		g_array_index(c->downloads, double, c->downloads->len - 1) += v;
		model_total[m] += v;
		c->period_total[p] += v;
	}
}

#define MAX_KINDS 2
#define MAX_THREADS 2

/* One thread's share: models [m0, m1). */
typedef struct {
	const Dataset *ds;
	bool first_year;
	int n_kinds;
	uint32_t *const *day_period;
	PeriodTable *const *tables;
	uint32_t m0, m1;
	Cells cells[MAX_KINDS];
	DownloadsCounts counts;
} Part;

static gpointer part_run(gpointer data)
{
	Part *p = data;
	const Dataset *ds = p->ds;
	uint64_t cap = 0;
	for (uint32_t m = p->m0; m < p->m1; m++)
		cap = MAX(cap, ds->model_start[m + 1] - ds->model_start[m]);
	int64_t *delta = g_new(int64_t, cap ? cap : 1);
	uint8_t *flags = g_new(uint8_t, cap ? cap : 1);
	for (uint32_t m = p->m0; m < p->m1; m++) {
		uint64_t lo = ds->model_start[m], hi = ds->model_start[m + 1];
		downloads_model(ds, m, p->first_year, delta, flags, &p->counts);
		for (int k = 0; k < p->n_kinds; k++)
			cells_add_model(&p->cells[k], ds, p->day_period[k], m, lo, hi, delta, flags,
					p->tables[k]->model_total);
	}
	g_free(delta);
	g_free(flags);
	return NULL;
}

/* Move the parts' cells, in order, into table K. */
static void gather(PeriodTable *t, Part *parts, int n_parts, int k)
{
	uint64_t n = 0;
	for (int i = 0; i < n_parts; i++)
		n += parts[i].cells[k].model->len;
	t->n = n;
	t->model = g_new(uint32_t, n ? n : 1);
	t->period = g_new(uint32_t, n ? n : 1);
	t->downloads = g_new(double, n ? n : 1);
	uint64_t at = 0;
	for (int i = 0; i < n_parts; i++) {
		Cells *c = &parts[i].cells[k];
		guint len = c->model->len;
		if (len) {
			memcpy(t->model + at, c->model->data, len * sizeof(uint32_t));
			memcpy(t->period + at, c->period->data, len * sizeof(uint32_t));
			memcpy(t->downloads + at, c->downloads->data, len * sizeof(double));
		}
		at += len;
		for (uint32_t p = 0; p < t->n_periods; p++)
			t->period_total[p] += c->period_total[p];
		g_array_free(c->model, TRUE);
		g_array_free(c->period, TRUE);
		g_array_free(c->downloads, TRUE);
		g_free(c->period_total);
	}
}

void period_tables_derive(const Dataset *ds, bool first_year, const PeriodKind *kinds, int n_kinds,
			  int threads, PeriodTable **out, DownloadsCounts *counts)
{
	g_assert(n_kinds >= 1 && n_kinds <= MAX_KINDS);
	uint32_t *day_period[MAX_KINDS];
	for (int k = 0; k < n_kinds; k++) {
		out[k] = g_new0(PeriodTable, 1);
		day_period[k] = table_frame(ds, kinds[k], out[k]);
	}
	int n_parts = CLAMP(threads, 1, MAX_THREADS);
	if (ds->n_rows < 100000 || ds->n_models < 2)
		n_parts = 1;
	Part parts[MAX_THREADS];
	uint32_t m = 0;
	for (int i = 0; i < n_parts; i++) {
		/* Models up to about (i + 1) / n_parts of the rows. */
		uint64_t goal = ds->n_rows / (uint64_t)n_parts * (uint64_t)(i + 1);
		uint32_t m1 = m;
		if (i == n_parts - 1)
			m1 = ds->n_models;
		else
			while (m1 < ds->n_models && ds->model_start[m1] < goal)
				m1++;
		parts[i] = (Part){ ds, first_year, n_kinds, day_period, out, m, m1, { { 0 } }, { 0 } };
		for (int k = 0; k < n_kinds; k++)
			cells_init(&parts[i].cells[k], out[k]->n_periods);
		m = m1;
	}
	GThread *thread[MAX_THREADS] = { NULL };
	for (int i = 1; i < n_parts; i++)
		thread[i] = g_thread_try_new("eoi-derive", part_run, &parts[i], NULL);
	part_run(&parts[0]);
	for (int i = 1; i < n_parts; i++) {
		if (thread[i])
			g_thread_join(thread[i]);
		else
			part_run(&parts[i]); /* no thread to be had: run it here */
	}
	memset(counts, 0, sizeof *counts);
	for (int i = 0; i < n_parts; i++) {
		counts->duplicates += parts[i].counts.duplicates;
		counts->drops += parts[i].counts.drops;
		counts->models_without_created += parts[i].counts.models_without_created;
	}
	for (int k = 0; k < n_kinds; k++) {
		gather(out[k], parts, n_parts, k);
		g_free(day_period[k]);
	}
}

PeriodTable *period_table_build(const Dataset *ds, const Downloads *dl, PeriodKind kind)
{
	PeriodTable *t = g_new0(PeriodTable, 1);
	uint32_t *day_period = table_frame(ds, kind, t);
	Cells c;
	cells_init(&c, t->n_periods);
	for (uint32_t m = 0; m < ds->n_models; m++) {
		uint64_t lo = ds->model_start[m], hi = ds->model_start[m + 1];
		cells_add_model(&c, ds, day_period, m, lo, hi, dl->delta + lo, dl->flags + lo, t->model_total);
	}
	Part part = { .cells = { c } };
	gather(t, &part, 1, 0);
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
