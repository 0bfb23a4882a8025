/*
 * downloads.c - d_k from cumulative counters or interval counts, the
 * baseline rule and the first-year window.
 */
#include "downloads.h"

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

/* Mark duplicates of (model, day) in rows [lo, hi) and return, in VALUE,
 * the representative's count: the largest of the group.  The group's last
 * row (the later row on a tie) represents it. */
static void mark_duplicates(const Dataset *ds, Downloads *d, uint64_t lo, uint64_t hi)
{
	uint64_t i = lo;
	while (i < hi) {
		uint64_t j = i + 1;
		while (j < hi && ds->row_day[j] == ds->row_day[i])
			j++;
		for (uint64_t k = i; k + 1 < j; k++) {
			d->flags[k] |= ROW_DUPLICATE;
			d->duplicates++;
		}
		i = j;
	}
}

/* Largest value of the (model, day) group ending at row LAST. */
static int64_t group_max(const Dataset *ds, uint64_t lo, uint64_t last)
{
	int64_t v = ds->row_value[last];
	for (uint64_t k = last; k > lo && ds->row_day[k - 1] == ds->row_day[last]; k--)
		if (ds->row_value[k - 1] > v)
			v = ds->row_value[k - 1];
	return v;
}

static void cumulative_model(const Dataset *ds, Downloads *d, uint32_t m, uint64_t lo, uint64_t hi)
{
	Day created = ds_day(ds, m, COL_CREATED_AT);
	bool first = true;
	int64_t prev = 0, max = 0;
	for (uint64_t i = lo; i < hi; i++) {
		if (d->flags[i] & ROW_DUPLICATE)
			continue;
		int64_t c = group_max(ds, lo, i);
		if (first) {
			Day before = dataset_previous_day(ds, ds->row_day[i]);
			bool fresh = created != DAY_NONE && before != DAY_NONE && created > before;
			d->delta[i] = fresh ? c : 0;
			if (!fresh)
				d->flags[i] |= ROW_BASELINE;
			max = c;
			first = false;
		} else {
			if (c < prev) {
				d->flags[i] |= ROW_DROP;
				d->drops++;
			}
			d->delta[i] = c > max ? c - max : 0;
			if (c > max)
				max = c;
		}
		prev = c;
	}
	/* All-time as of the as-of date: the counter at the last date. */
	d->all_time[m] = first ? 0 : prev;
}

static void interval_model(const Dataset *ds, Downloads *d, uint32_t m, uint64_t lo, uint64_t hi)
{
	int64_t total = 0;
	for (uint64_t i = lo; i < hi; i++) {
		if (d->flags[i] & ROW_DUPLICATE)
			continue;
		d->delta[i] = group_max(ds, lo, i);
		total += d->delta[i];
	}
	d->all_time[m] = total;
}

static void apply_window(const Dataset *ds, Downloads *d, uint32_t m, uint64_t lo, uint64_t hi)
{
	Day created = ds_day(ds, m, COL_CREATED_AT);
	if (d->first_year && created == DAY_NONE) {
		d->models_without_created++;
		return;
	}
	for (uint64_t i = lo; i < hi; i++) {
		if (d->flags[i] & (ROW_DUPLICATE | ROW_BASELINE))
			continue;
		int64_t age = (int64_t)ds->row_day[i] - created;
		if (!d->first_year || (age >= 0 && age <= 365))
			d->flags[i] |= ROW_COUNTED;
	}
}

Downloads *downloads_compute(const Dataset *ds, bool first_year)
{
	Downloads *d = g_new0(Downloads, 1);
	d->n_rows = ds->n_rows;
	d->delta = g_new0(int64_t, ds->n_rows);
	d->flags = g_new0(uint8_t, ds->n_rows);
	d->all_time = g_new0(int64_t, ds->n_models);
	d->first_year = first_year;
	uint64_t lo = 0;
	while (lo < ds->n_rows) {
		uint32_t m = ds->row_model[lo];
		uint64_t hi = lo + 1;
		while (hi < ds->n_rows && ds->row_model[hi] == m)
			hi++;
		mark_duplicates(ds, d, lo, hi);
		if (ds->cumulative)
			cumulative_model(ds, d, m, lo, hi);
		else
			interval_model(ds, d, m, lo, hi);
		apply_window(ds, d, m, lo, hi);
		lo = hi;
	}
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
