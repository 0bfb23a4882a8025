/*
 * downloads.c - d_k from cumulative counters or interval counts, the
 * baseline rule and the first-year window.
 */
#include "downloads.h"

#include <string.h>

Day dataset_previous_day(const Dataset *ds, Day day)
{
	/* Binary search for the last snapshot day < DAY. */
	uint32_t lo = 0, hi = ds->n_days;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ds->days[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? ds->days[lo - 1] : DAY_NONE;
}

/* The rows of one model: [lo, hi) of the dataset, their d_k and flags in
 * DELTA[i - lo] and FLAGS[i - lo]. */
typedef struct {
	const Dataset *ds;
	uint64_t lo, hi;
	int64_t *delta;
	uint8_t *flags;
	DownloadsCounts *counts;
} ModelRows;

/* Mark duplicates of (model, day): every row of a group but its last (the
 * later row on a tie), which represents it. */
static void mark_duplicates(ModelRows *r)
{
	const RowDay *day = r->ds->row_day;
	uint64_t i = r->lo;
	while (i < r->hi) {
		uint64_t j = i + 1;
		while (j < r->hi && day[j] == day[i])
			j++;
		for (uint64_t k = i; k + 1 < j; k++) {
			r->flags[k - r->lo] |= ROW_DUPLICATE;
			r->counts->duplicates++;
		}
		i = j;
	}
}

/* Largest value of the (model, day) group ending at row LAST. */
static int64_t group_max(const ModelRows *r, uint64_t last)
{
	const RowDay *day = r->ds->row_day;
	const int64_t *value = r->ds->row_value;
	int64_t v = value[last];
	for (uint64_t k = last; k > r->lo && day[k - 1] == day[last]; k--)
		if (value[k - 1] > v)
			v = value[k - 1];
	return v;
}

static int64_t cumulative_model(ModelRows *r, uint32_t m)
{
	const Dataset *ds = r->ds;
	Day created = ds_day(ds, m, COL_CREATED_AT);
	bool first = true;
	int64_t prev = 0, max = 0;
	for (uint64_t i = r->lo; i < r->hi; i++) {
		uint64_t k = i - r->lo;
		if (r->flags[k] & ROW_DUPLICATE)
			continue;
		int64_t c = group_max(r, i);
		if (first) {
			Day before = dataset_previous_day(ds, ds->row_day[i]);
			bool fresh = created != DAY_NONE && before != DAY_NONE && created > before;
			r->delta[k] = fresh ? c : 0;
			if (!fresh)
				r->flags[k] |= ROW_BASELINE;
			max = c;
			first = false;
		} else {
			if (c < prev) {
				r->flags[k] |= ROW_DROP;
				r->counts->drops++;
			}
			r->delta[k] = c > max ? c - max : 0;
			if (c > max)
				max = c;
		}
		prev = c;
	}
	/* All-time as of the as-of date: the counter at the last date. */
	return first ? 0 : prev;
}

static int64_t interval_model(ModelRows *r)
{
	int64_t total = 0;
	for (uint64_t i = r->lo; i < r->hi; i++) {
		uint64_t k = i - r->lo;
		if (r->flags[k] & ROW_DUPLICATE)
			continue;
		r->delta[k] = group_max(r, i);
		/* Saturate: counts near 2^63 must not wrap the total. */
		if (__builtin_add_overflow(total, r->delta[k], &total))
			total = INT64_MAX;
	}
	return total;
}

static void apply_window(ModelRows *r, uint32_t m, bool first_year)
{
	Day created = ds_day(r->ds, m, COL_CREATED_AT);
	if (first_year && created == DAY_NONE) {
		r->counts->models_without_created++;
		return;
	}
	for (uint64_t i = r->lo; i < r->hi; i++) {
		uint64_t k = i - r->lo;
		if (r->flags[k] & (ROW_DUPLICATE | ROW_BASELINE))
			continue;
		int64_t age = (int64_t)r->ds->row_day[i] - created;
		if (!first_year || (age >= 0 && age <= 365))
			r->flags[k] |= ROW_COUNTED;
	}
}

int64_t downloads_model(const Dataset *ds, uint32_t m, bool first_year, int64_t *delta, uint8_t *flags,
			DownloadsCounts *counts)
{
	ModelRows r = { ds, ds->model_start[m], ds->model_start[m + 1], delta, flags, counts };
	uint64_t n = r.hi - r.lo;
	memset(delta, 0, n * sizeof *delta);
	memset(flags, 0, n);
	mark_duplicates(&r);
	int64_t all_time = ds->cumulative ? cumulative_model(&r, m) : interval_model(&r);
	apply_window(&r, m, first_year);
	return all_time;
}

uint64_t dataset_max_model_rows(const Dataset *ds)
{
	uint64_t max = 0;
	for (uint32_t m = 0; m < ds->n_models; m++)
		max = MAX(max, ds->model_start[m + 1] - ds->model_start[m]);
	return max;
}

Downloads *downloads_compute(const Dataset *ds, bool first_year)
{
	Downloads *d = g_new0(Downloads, 1);
	d->n_rows = ds->n_rows;
	d->delta = g_new0(int64_t, ds->n_rows);
	d->flags = g_new0(uint8_t, ds->n_rows);
	d->all_time = g_new0(int64_t, ds->n_models);
	d->first_year = first_year;
	DownloadsCounts c = { 0 };
	for (uint32_t m = 0; m < ds->n_models; m++) {
		uint64_t lo = ds->model_start[m];
		d->all_time[m] = downloads_model(ds, m, first_year, d->delta + lo, d->flags + lo, &c);
	}
	d->duplicates = c.duplicates;
	d->drops = c.drops;
	d->models_without_created = c.models_without_created;
	return d;
}

void downloads_free(Downloads *d)
{
	if (!d)
		return;
	g_free(d->delta);
	g_free(d->flags);
	g_free(d->all_time);
	g_free(d);
}
