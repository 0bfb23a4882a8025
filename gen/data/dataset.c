/*
 * dataset.c - the dataset builder and the built dataset.
 *
 * Models are found by symbol through a dense Sym -> model array (symbols are
 * small consecutive integers), so adding a row costs one array lookup.
 * Attributes live in columnar AttrTables; the downloads table's record of a
 * model is reset and refilled whenever a newer-or-equal row of it arrives.
 */
#include "dataset.h"

#include <math.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>

#include "../eoi.h"
#include "tags.h"

struct DatasetBuilder {
	DatasetOptions opt;
	StrPool *strings;
	/* Downloads rows, in file order (plain arrays: appending is on the
	 * ingest's hot path): 14 bytes per row. */
	uint32_t *row_model;
	RowDay *row_day;
	int64_t *row_value;
	uint64_t n_rows, cap_rows;
	uint8_t *dirty;    /* per model: an attribute was set since its last reset */
	InputFile *file;   /* the file being read (for progress) */
	uint64_t file_rows;/* downloads rows added from it */
	uint32_t cap_dirty;
	int cumulative;    /* -1 until the first row */
	bool kind_conflict;/* rows of both kinds were added */
	uint32_t *sym_model;
	uint32_t n_sym_model;
	GArray *model_sym;        /* Sym */
	GArray *model_latest_day; /* Day */
	GArray *model_latest_pos; /* uint64_t */
	AttrTable attrs;
	AttrTable overrides;
	GArray *override_sym; /* Sym per override record */
	AttrTable *target;    /* table dsb_set_* writes to */
	GHashTable *developers;
	GPtrArray *inputs;
	Warnings warnings;
	bool has_col[COL_COUNT];
};

/* ---- row arrays ------------------------------------------------------------ */

/* Row arrays run to gigabytes at the paper's scale.  Asking for huge pages
 * (where the kernel leaves that to madvise) cuts the page faults of first
 * touching them by 512x; on a virtual machine each fault is dear.  The
 * memory is released with g_free() like any other. */
#define HUGE_PAGE ((size_t)2 << 20)

static void *rows_realloc(void *old, size_t bytes)
{
	void *p = g_realloc(old, bytes ? bytes : 1);
#ifdef MADV_HUGEPAGE
	if (bytes >= 4 * HUGE_PAGE) {
		uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
		uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
		if (hi > lo)
			madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	}
#endif
	return p;
}

/* ---- attribute tables -------------------------------------------------- */

static void attr_grow(AttrTable *t, uint32_t need)
{
	if (need <= t->cap)
		return;
	uint32_t cap = t->cap ? t->cap : 1024;
	while (cap < need)
		cap *= 2;
	for (int c = COL_FIRST_ATTR; c <= COL_LAST_ATTR; c++) {
		switch (columns_kind(c)) {
		case COLK_STRING:
		case COLK_LIST:
			t->sym[c] = g_renew(Sym, t->sym[c], cap);
			break;
		case COLK_DAY:
			t->day[c] = g_renew(Day, t->day[c], cap);
			break;
		case COLK_FLOAT:
		case COLK_INT:
			t->num[c] = g_renew(double, t->num[c], cap);
			break;
		case COLK_BOOL:
			t->flag[c] = g_renew(int8_t, t->flag[c], cap);
			break;
		case COLK_IGNORED:
			break;
		}
	}
	t->cap = cap;
}

static void attr_reset(AttrTable *t, uint32_t r)
{
	for (int c = COL_FIRST_ATTR; c <= COL_LAST_ATTR; c++) {
		if (t->sym[c])
			t->sym[c][r] = SYM_NONE;
		else if (t->day[c])
			t->day[c][r] = DAY_NONE;
		else if (t->num[c])
			t->num[c][r] = NAN;
		else if (t->flag[c])
			t->flag[c][r] = -1;
	}
}

/* Append a record with every attribute missing; returns its index. */
static uint32_t attr_append(AttrTable *t)
{
	attr_grow(t, t->n + 1);
	attr_reset(t, t->n);
	return t->n++;
}

/* Copy the non-missing cells of SRC record S over DST record D. */
static void attr_overlay(AttrTable *dst, uint32_t d, const AttrTable *src, uint32_t s)
{
	for (int c = COL_FIRST_ATTR; c <= COL_LAST_ATTR; c++) {
		if (src->sym[c] && src->sym[c][s] != SYM_NONE)
			dst->sym[c][d] = src->sym[c][s];
		else if (src->day[c] && src->day[c][s] != DAY_NONE)
			dst->day[c][d] = src->day[c][s];
		else if (src->num[c] && !isnan(src->num[c][s]))
			dst->num[c][d] = src->num[c][s];
		else if (src->flag[c] && src->flag[c][s] >= 0)
			dst->flag[c][d] = src->flag[c][s];
	}
}

static void attr_clear(AttrTable *t)
{
	for (int c = 0; c < COL_COUNT; c++) {
		g_free(t->sym[c]);
		g_free(t->day[c]);
		g_free(t->num[c]);
		g_free(t->flag[c]);
	}
	memset(t, 0, sizeof *t);
}

/* ---- builder ------------------------------------------------------------ */

InputFile *input_file_copy(const InputFile *f)
{
	InputFile *c = g_memdup2(f, sizeof *f);
	c->path = g_strdup(f->path);
	c->format = g_strdup(f->format);
	return c;
}

void input_file_free(gpointer p)
{
	InputFile *f = p;
	g_free(f->path);
	g_free(f->format);
	g_free(f);
}

DatasetBuilder *dsb_new(const DatasetOptions *opt)
{
	DatasetBuilder *b = g_new0(DatasetBuilder, 1);
	b->opt = *opt;
	b->strings = strpool_new();
	b->cumulative = -1;
	b->model_sym = g_array_new(FALSE, FALSE, sizeof(Sym));
	b->model_latest_day = g_array_new(FALSE, FALSE, sizeof(Day));
	b->model_latest_pos = g_array_new(FALSE, FALSE, sizeof(uint64_t));
	b->override_sym = g_array_new(FALSE, FALSE, sizeof(Sym));
	attr_grow(&b->attrs, 1);
	attr_grow(&b->overrides, 1);
	b->target = &b->attrs;
	b->developers = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	b->inputs = g_ptr_array_new_with_free_func(input_file_free);
	b->warnings.unknown_column_names = g_string_new(NULL);
	return b;
}

static void array_free(GArray *a)
{
	if (a)
		g_array_free(a, TRUE);
}

void dsb_free(DatasetBuilder *b)
{
	if (!b)
		return;
	strpool_free(b->strings);
	g_free(b->row_model);
	g_free(b->row_day);
	g_free(b->row_value);
	g_free(b->dirty);
	g_free(b->sym_model);
	array_free(b->model_sym);
	array_free(b->model_latest_day);
	array_free(b->model_latest_pos);
	array_free(b->override_sym);
	attr_clear(&b->attrs);
	attr_clear(&b->overrides);
	if (b->developers)
		g_hash_table_destroy(b->developers);
	if (b->inputs)
		g_ptr_array_free(b->inputs, TRUE);
	if (b->warnings.unknown_column_names)
		g_string_free(b->warnings.unknown_column_names, TRUE);
	g_free(b);
}

void dsb_reserve_rows(DatasetBuilder *b, uint64_t n)
{
	if (n <= b->cap_rows - b->n_rows)
		return;
	b->cap_rows = b->n_rows + n;
	b->row_model = rows_realloc(b->row_model, b->cap_rows * sizeof(uint32_t));
	b->row_day = rows_realloc(b->row_day, b->cap_rows * sizeof(RowDay));
	b->row_value = rows_realloc(b->row_value, b->cap_rows * sizeof(int64_t));
}

StrPool *dsb_strings(DatasetBuilder *b)
{
	return b->strings;
}

Sym dsb_intern(DatasetBuilder *b, const char *s, size_t len)
{
	return strpool_intern_len(b->strings, s, len);
}

const DatasetOptions *dsb_options(const DatasetBuilder *b)
{
	return &b->opt;
}

InputFile *dsb_begin_file(DatasetBuilder *b, const char *path, FileRole role, const char *format)
{
	InputFile *f = g_new0(InputFile, 1);
	f->path = g_strdup(path);
	f->role = role;
	f->format = g_strdup(format);
	g_ptr_array_add(b->inputs, f);
	b->file = f;
	b->file_rows = 0;
	return f;
}

void dsb_unknown_column(DatasetBuilder *b, const char *name)
{
	GString *names = b->warnings.unknown_column_names;
	/* List each name once. */
	gchar **seen = g_strsplit(names->str, ", ", -1);
	bool dup = g_strv_contains((const gchar *const *)seen, name);
	g_strfreev(seen);
	if (dup)
		return;
	b->warnings.unknown_columns++;
	if (names->len)
		g_string_append(names, ", ");
	g_string_append(names, name);
}

void dsb_has_column(DatasetBuilder *b, ColId col)
{
	b->has_col[col] = true;
}

/* Model index of SYM, creating the model when new. */
static uint32_t model_for(DatasetBuilder *b, Sym sym)
{
	if (sym >= b->n_sym_model) {
		uint32_t n = b->n_sym_model ? b->n_sym_model : 1024;
		while (n <= sym)
			n *= 2;
		b->sym_model = g_renew(uint32_t, b->sym_model, n);
		memset(b->sym_model + b->n_sym_model, 0, (n - b->n_sym_model) * sizeof(uint32_t));
		b->n_sym_model = n;
	}
	if (b->sym_model[sym])
		return b->sym_model[sym] - 1;
	uint32_t m = b->model_sym->len;
	Day none = DAY_NONE;
	uint64_t zero = 0;
	g_array_append_val(b->model_sym, sym);
	g_array_append_val(b->model_latest_day, none);
	g_array_append_val(b->model_latest_pos, zero);
	attr_append(&b->attrs);
	if (m >= b->cap_dirty) {
		uint32_t cap = b->cap_dirty ? b->cap_dirty * 2 : 1024;
		b->dirty = g_renew(uint8_t, b->dirty, cap);
		b->cap_dirty = cap;
	}
	b->dirty[m] = 0;
	b->sym_model[sym] = m + 1;
	return m;
}

bool dsb_add_download(DatasetBuilder *b, Sym model, Day day, int64_t value, bool cumulative,
		      uint32_t *rec)
{
	/* The readers refuse dates outside the data range; a row that got
	 * here anyway would not fit its 16 bits. */
	g_return_val_if_fail(day >= DAY_DATA_MIN && day <= DAY_DATA_MAX, false);
	if (b->opt.as_of != DAY_NONE && day > b->opt.as_of) {
		b->warnings.rows_after_as_of++;
		return false;
	}
	if (b->cumulative < 0)
		b->cumulative = cumulative;
	else if (b->cumulative != cumulative)
		b->kind_conflict = true;
	uint32_t m = model_for(b, model);
	if (b->n_rows == b->cap_rows)
		dsb_reserve_rows(b, b->cap_rows ? b->cap_rows : 4096);
	if (++b->file_rows % DSB_PROGRESS_ROWS == 0 && b->opt.progress && b->file)
		b->opt.progress(b->file->path, b->file_rows, b->opt.progress_data);
	uint64_t pos = b->n_rows++;
	b->row_model[pos] = m;
	b->row_day[pos] = day;
	b->row_value[pos] = value;
	Day *latest = &g_array_index(b->model_latest_day, Day, m);
	if (*latest != DAY_NONE && day < *latest)
		return false;
	*latest = day;
	g_array_index(b->model_latest_pos, uint64_t, m) = pos;
	/* Reset the record only when something was set in it since (a
	 * two-pass reader sets attributes after all rows are in). */
	if (b->dirty[m]) {
		attr_reset(&b->attrs, m);
		b->dirty[m] = 0;
	}
	b->target = &b->attrs;
	*rec = m;
	return true;
}

uint32_t dsb_add_model_row(DatasetBuilder *b, Sym model)
{
	g_array_append_val(b->override_sym, model);
	b->target = &b->overrides;
	return attr_append(&b->overrides);
}

void dsb_add_developer_row(DatasetBuilder *b, Sym developer, Sym country, Sym country_group,
			   Sym org_type)
{
	DeveloperInfo *info = g_new(DeveloperInfo, 1);
	*info = (DeveloperInfo){ country, country_group, org_type };
	g_hash_table_replace(b->developers, GUINT_TO_POINTER(developer), info);
}

/* Note that record REC of the current table got a value. */
static void mark(DatasetBuilder *b, uint32_t rec)
{
	if (b->target == &b->attrs)
		b->dirty[rec] = 1;
}

void dsb_set_sym(DatasetBuilder *b, uint32_t rec, ColId col, Sym value)
{
	mark(b, rec);
	g_assert(b->target->sym[col]);
	b->target->sym[col][rec] = value;
}

void dsb_set_day(DatasetBuilder *b, uint32_t rec, ColId col, Day value)
{
	mark(b, rec);
	g_assert(b->target->day[col]);
	b->target->day[col][rec] = value;
}

void dsb_set_num(DatasetBuilder *b, uint32_t rec, ColId col, double value)
{
	mark(b, rec);
	g_assert(b->target->num[col]);
	b->target->num[col][rec] = value;
}

void dsb_set_flag(DatasetBuilder *b, uint32_t rec, ColId col, bool value)
{
	mark(b, rec);
	g_assert(b->target->flag[col]);
	b->target->flag[col][rec] = value ? 1 : 0;
}

/* ---- build -------------------------------------------------------------- */

typedef struct {
	Day day;
	uint64_t pos;
} DayPos;

static int cmp_daypos(const void *a, const void *b)
{
	const DayPos *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Stable sort of rows [lo, hi) of DS by day (file order kept on ties). */
static void sort_segment(Dataset *ds, uint64_t lo, uint64_t hi)
{
	uint64_t n = hi - lo;
	RowDay *day = ds->row_day + lo;
	int64_t *value = ds->row_value + lo;
	if (n <= 64) {
		for (uint64_t i = 1; i < n; i++) {
			RowDay d = day[i];
			int64_t v = value[i];
			uint64_t j = i;
			for (; j > 0 && day[j - 1] > d; j--) {
				day[j] = day[j - 1];
				value[j] = value[j - 1];
			}
			day[j] = d;
			value[j] = v;
		}
		return;
	}
	DayPos *order = g_new(DayPos, n);
	int64_t *copy = g_memdup2(value, n * sizeof *value);
	for (uint64_t i = 0; i < n; i++)
		order[i] = (DayPos){ day[i], i };
	qsort(order, n, sizeof *order, cmp_daypos);
	for (uint64_t i = 0; i < n; i++) {
		day[i] = order[i].day;
		value[i] = copy[order[i].pos];
	}
	g_free(copy);
	g_free(order);
}

/* True when the rows are grouped by model already, in model order (the
 * order of first appearance), so the counting sort would copy them to
 * where they are. */
static bool grouped_in_order(const uint32_t *model, uint64_t n)
{
	uint32_t next = 0; /* the model the next new group must be */
	for (uint64_t i = 0; i < n; i++) {
		if (i && model[i] == model[i - 1])
			continue;
		if (model[i] != next)
			return false;
		next++;
	}
	return true;
}

/* Move column COL (WIDTH-byte cells) into model order: a stable counting
 * sort by MODEL, given each model's first slot in START.  Returns the new
 * array; frees the old one (so one column at a time is doubled). */
static void *scatter(void *col, size_t width, const uint32_t *model, uint64_t n, const uint64_t *start,
		     uint32_t nm)
{
	uint64_t *fill = g_memdup2(start, ((size_t)nm + 1) * sizeof *start);
	void *out = rows_realloc(NULL, n * width);
	if (width == sizeof(RowDay)) {
		const RowDay *src = col;
		RowDay *dst = out;
		for (uint64_t i = 0; i < n; i++)
			dst[fill[model[i]]++] = src[i];
	} else {
		const int64_t *src = col;
		int64_t *dst = out;
		for (uint64_t i = 0; i < n; i++)
			dst[fill[model[i]]++] = src[i];
	}
	g_free(fill);
	g_free(col);
	return out;
}

/* Put B's rows into model order in place: each row's destination (a
 * stable counting sort by model, given each model's first slot in START)
 * replaces its model index, then the permutation is applied cycle by
 * cycle with swaps.  No memory beyond the rows: on a machine where first
 * touching memory is dear, this beats copying into new arrays even though
 * its accesses jump around.  Needs fewer than 2^32 rows. */
static void permute_in_place(DatasetBuilder *b, const uint64_t *start, uint32_t nm)
{
	uint64_t n = b->n_rows;
	uint32_t *dest = b->row_model;
	RowDay *day = b->row_day;
	int64_t *value = b->row_value;
	uint64_t *fill = g_memdup2(start, ((size_t)nm + 1) * sizeof *start);
	for (uint64_t i = 0; i < n; i++)
		dest[i] = (uint32_t)fill[dest[i]]++;
	g_free(fill);
	for (uint64_t i = 0; i < n; i++) {
		while (dest[i] != i) {
			uint32_t j = dest[i];
			RowDay d = day[i];
			day[i] = day[j];
			day[j] = d;
			int64_t v = value[i];
			value[i] = value[j];
			value[j] = v;
			dest[i] = dest[j];
			dest[j] = j;
		}
	}
}

/* From this many rows on, rows are put into model order in place: below,
 * copying a column at a time is faster (sequential writes; the in-place
 * swaps of a file sorted by date miss the cache on every row: 1.0 s
 * against 0.6 s for 3M rows) and its extra 8 bytes per row are at most
 * 256 MB. */
#define INPLACE_MIN_ROWS (UINT64_C(1) << 25)

/* Sort rows by (model, day, file position) into DS, taking over B's row
 * arrays: a stable counting sort by model (nothing to do when the rows
 * are grouped by model already, as in a file written model after model;
 * in place from INPLACE_MIN_ROWS rows, so the peak stays at the builder's
 * 14 bytes per row; else a column at a time), then each model's rows by
 * day where they are not in order already. */
static void sort_rows(DatasetBuilder *b, Dataset *ds)
{
	uint64_t n = b->n_rows;
	uint32_t nm = b->model_sym->len;
	uint64_t *start = g_new0(uint64_t, (size_t)nm + 1);
	for (uint64_t i = 0; i < n; i++)
		start[b->row_model[i] + 1]++;
	for (uint32_t m = 0; m < nm; m++)
		start[m + 1] += start[m];
	uint64_t inplace_from = b->opt.inplace_min_rows ? b->opt.inplace_min_rows : INPLACE_MIN_ROWS;
	if (grouped_in_order(b->row_model, n)) {
		ds->row_day = b->row_day;
		ds->row_value = b->row_value;
	} else if (n >= inplace_from && n < UINT32_MAX) {
		permute_in_place(b, start, nm);
		ds->row_day = b->row_day;
		ds->row_value = b->row_value;
	} else {
		ds->row_day = scatter(b->row_day, sizeof(RowDay), b->row_model, n, start, nm);
		ds->row_value = scatter(b->row_value, sizeof(int64_t), b->row_model, n, start, nm);
	}
	b->row_day = NULL;
	b->row_value = NULL;
	g_free(b->row_model);
	b->row_model = NULL;
	for (uint32_t m = 0; m < nm; m++) {
		uint64_t lo = start[m], hi = start[m + 1];
		for (uint64_t i = lo + 1; i < hi; i++)
			if (ds->row_day[i] < ds->row_day[i - 1]) {
				sort_segment(ds, lo, hi);
				break;
			}
	}
	ds->n_rows = n;
	ds->model_start = start;
}

/* Distinct row days, ascending: a presence table over the days' range
 * (linear time; the range is a few thousand days). */
static void collect_days(Dataset *ds)
{
	Day lo = ds->row_day[0], hi = ds->row_day[0];
	for (uint64_t i = 1; i < ds->n_rows; i++) {
		if (ds->row_day[i] < lo)
			lo = ds->row_day[i];
		if (ds->row_day[i] > hi)
			hi = ds->row_day[i];
	}
	size_t span = (size_t)((int64_t)hi - lo) + 1;
	uint8_t *seen = g_new0(uint8_t, span);
	for (uint64_t i = 0; i < ds->n_rows; i++)
		seen[ds->row_day[i] - lo] = 1;
	uint32_t k = 0;
	for (size_t d = 0; d < span; d++)
		k += seen[d];
	ds->days = g_new(Day, k);
	ds->n_days = 0;
	for (size_t d = 0; d < span; d++)
		if (seen[d])
			ds->days[ds->n_days++] = lo + (Day)d;
	g_free(seen);
	ds->first_day = lo;
	ds->last_day = hi;
}

static void apply_overrides(DatasetBuilder *b, Dataset *ds)
{
	for (uint32_t r = 0; r < b->override_sym->len; r++) {
		int64_t m = dataset_model_index(ds, g_array_index(b->override_sym, Sym, r));
		if (m < 0) {
			ds->warnings.models_table_unmatched++;
			continue;
		}
		attr_overlay(&ds->attrs, (uint32_t)m, &b->overrides, r);
	}
}

Dataset *dataset_build(DatasetBuilder *b, GError **err)
{
	if (b->n_rows == 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s",
			    b->warnings.rows_after_as_of ? "no download rows on or before the as-of date"
							 : "the input has no download rows");
		dsb_free(b);
		return NULL;
	}
	if (b->kind_conflict) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA,
			    "the downloads tables mix cumulative counts (downloads_cumulative) and per-interval "
			    "counts (downloads); give one kind");
		dsb_free(b);
		return NULL;
	}
	Dataset *ds = g_new0(Dataset, 1);
	sort_rows(b, ds);
	collect_days(ds);
	ds->cumulative = b->cumulative == 1;
	ds->as_of = b->opt.as_of != DAY_NONE ? b->opt.as_of : ds->last_day;
	ds->n_models = b->model_sym->len;
	ds->model_id = (Sym *)g_array_free(b->model_sym, FALSE);
	b->model_sym = NULL;
	ds->model_latest_pos = (uint64_t *)g_array_free(b->model_latest_pos, FALSE);
	b->model_latest_pos = NULL;
	ds->sym_model = b->sym_model;
	ds->n_sym_model = b->n_sym_model;
	b->sym_model = NULL;
	ds->attrs = b->attrs;
	memset(&b->attrs, 0, sizeof b->attrs);
	memcpy(ds->has_col, b->has_col, sizeof ds->has_col);
	ds->warnings = b->warnings;
	b->warnings.unknown_column_names = NULL;
	ds->strings = b->strings;
	b->strings = NULL;
	apply_overrides(b, ds);
	tags_fill(ds);
	ds->developers = b->developers;
	b->developers = NULL;
	ds->inputs = b->inputs;
	b->inputs = NULL;
	dsb_free(b);
	return ds;
}

void dataset_free(Dataset *ds)
{
	if (!ds)
		return;
	strpool_free(ds->strings);
	g_free(ds->model_start);
	g_free(ds->row_day);
	g_free(ds->row_value);
	g_free(ds->days);
	g_free(ds->model_id);
	g_free(ds->model_latest_pos);
	g_free(ds->sym_model);
	attr_clear(&ds->attrs);
	if (ds->developers)
		g_hash_table_destroy(ds->developers);
	if (ds->inputs)
		g_ptr_array_free(ds->inputs, TRUE);
	if (ds->warnings.unknown_column_names)
		g_string_free(ds->warnings.unknown_column_names, TRUE);
	g_free(ds);
}

uint32_t dataset_row_model(const Dataset *ds, uint64_t i)
{
	/* The last model whose start is <= I (empty models have none: every
	 * model has a row). */
	uint32_t lo = 0, hi = ds->n_models;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (ds->model_start[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int64_t dataset_model_index(const Dataset *ds, Sym model)
{
	if (model >= ds->n_sym_model || !ds->sym_model[model])
		return -1;
	return (int64_t)ds->sym_model[model] - 1;
}

const char *dataset_str(const Dataset *ds, Sym sym)
{
	return strpool_str(ds->strings, sym);
}
