/*
 * parquet_ingest.c - a Parquet file into the DatasetBuilder, with the CSV
 * reader's meaning of cells (see csv_cells.c): a null or an empty string is
 * missing; model id, date and download count must be present; download
 * counts are integers >= 0.
 *
 * A downloads table is read in two passes over its row groups, each column
 * chunk decoded at most once:
 *
 *   1. the key columns (model, date, downloads) of every row group, decoded
 *      one row group ahead on a second thread (parquet_prefetch.h): every
 *      row goes to dsb_add_download(), and for each model the file
 *      position of the last row that became its latest is kept (a later
 *      latest row resets the model's attributes, so only that row's
 *      attribute cells survive);
 *   2. the attribute columns, only of the row groups holding such rows,
 *      converted and interned for those rows only.
 *
 * So a file sorted by date, whose latest rows all sit in its last row
 * groups, has most attribute chunks never decoded.  Text columns holding
 * dates, numbers or booleans are still checked on every row in pass 1, as
 * the CSV reader does.  Models and developers tables are read in one pass.
 */
#include <math.h>
#include <string.h>

#include "../data/dataset.h"
#include "../eoi.h"
#include "digest.h"
#include "parquet.h"
#include "parquet_cells.h"
#include "parquet_prefetch.h"

/* A row of the file: row group and row within it (rg -1: none). */
typedef struct {
	int32_t rg;
	uint32_t row;
} RowPos;

typedef struct {
	const char *path;
	FileRole role;
	DatasetBuilder *b;
	ParquetFile *f;
	ICol *key;               /* model id, or developer */
	ICol *date;              /* NULL: --snapshot-date */
	ICol *value;             /* downloads column */
	bool cumulative;
	ICol cols[COL_COUNT];    /* by ColId; .lf == NULL when absent */
	int field[COL_COUNT];    /* the file's field of each present column */
	int64_t *rg_row0;        /* file row of each row group's first row */
	int check0;              /* pass 1: the first check column of a group */
	int i_date, i_value;     /* pass 1: the date (-1: none) and value columns */
	ColId attrs[COL_COUNT];  /* attribute columns read */
	int n_attrs;
	int rg;
	int64_t row0;            /* file row of the row group's first row */
	Sym prev_key;            /* the previous row's key */
	GArray *hit_row, *hit_rec; /* rows to set attributes of, and their records */
	RowPos *latest;          /* per record: where its attributes are (pass 2) */
	size_t latest_cap;
	GError **err;
} Ingest;

static bool row_error(Ingest *in, const ICol *c, int64_t r, const char *why)
{
	g_set_error(in->err, EOI_ERROR, EOI_EXIT_DATA, "%s: row group %d, row %" G_GINT64_FORMAT
		    ", column %s: %s", in->path, in->rg, in->row0 + r + 1, c->name, why);
	return false;
}

/* ---- layout --------------------------------------------------------------- */

static bool map_field(Ingest *in, int i, bool present[COL_COUNT])
{
	const PqField *fd = &in->f->fields[i];
	int col = columns_lookup(fd->name);
	if (col < 0) {
		dsb_unknown_column(in->b, fd->name);
		return true;
	}
	if (col == COL_IGNORED)
		return true;
	if (present[col]) {
		char *label = g_strdup_printf("%s (duplicate of %s)", fd->name, columns_name(col));
		dsb_unknown_column(in->b, label);
		g_free(label);
		return true;
	}
	present[col] = true;
	dsb_has_column(in->b, col);
	if (!columns_role_uses(in->role, col))
		return true;
	const char *why = icol_check_type(in->f, fd, col);
	if (why) {
		g_set_error(in->err, EOI_ERROR, EOI_EXIT_DATA, "%s: column %s: %s", in->path, fd->name,
			    why);
		return false;
	}
	icol_init(&in->cols[col], in->f, i, col);
	in->field[col] = i;
	if (col >= COL_FIRST_ATTR && col <= COL_LAST_ATTR && in->role != ROLE_DEVELOPERS)
		in->attrs[in->n_attrs++] = col;
	return true;
}

/* The most top-level columns accepted (as the CSV reader). */
#define MAX_COLUMNS 10000

static bool layout(Ingest *in)
{
	bool present[COL_COUNT] = { false };
	if (in->f->n_fields > MAX_COLUMNS) {
		g_set_error(in->err, EOI_ERROR, EOI_EXIT_DATA, "%s: more than %d columns", in->path,
			    MAX_COLUMNS);
		return false;
	}
	for (int i = 0; i < in->f->n_fields; i++)
		if (!map_field(in, i, present))
			return false;
	if (!columns_check_required(in->path, in->role, present,
				    dsb_options(in->b)->snapshot_date != DAY_NONE, in->err))
		return false;
	in->key = &in->cols[in->role == ROLE_DEVELOPERS ? COL_DEVELOPER : COL_MODEL_ID];
	in->date = in->cols[COL_DATE].lf ? &in->cols[COL_DATE] : NULL;
	in->cumulative = present[COL_DOWNLOADS_CUMULATIVE];
	in->value = &in->cols[in->cumulative ? COL_DOWNLOADS_CUMULATIVE : COL_DOWNLOADS];
	return true;
}

/* ---- rows ----------------------------------------------------------------- */

static bool key_sym(Ingest *in, int64_t r, const char *what, Sym *out)
{
	const char *why = NULL;
	if (!icol_key_sym(in->key, in->b, r, in->prev_key, out, &why))
		return row_error(in, in->key, r, why);
	if (*out == SYM_NONE)
		return row_error(in, in->key, r, what);
	in->prev_key = *out;
	return true;
}

static bool row_download(Ingest *in, int64_t r, Sym *model, Day *day, int64_t *value)
{
	const char *why = NULL;
	bool present;
	if (!key_sym(in, r, "empty model id", model))
		return false;
	if (!in->date) {
		*day = dsb_options(in->b)->snapshot_date;
	} else if (!icol_day(in->date, r, day, &why)) {
		return row_error(in, in->date, r, why);
	} else if (*day == DAY_NONE) {
		return row_error(in, in->date, r, "empty date");
	}
	if (!icol_int(in->value, r, value, &present, &why))
		return row_error(in, in->value, r, why);
	if (!present)
		return row_error(in, in->value, r, "empty download count");
	if (*value < 0) {
		char msg[64];
		g_snprintf(msg, sizeof msg, "negative download count %" G_GINT64_FORMAT, *value);
		return row_error(in, in->value, r, msg);
	}
	return true;
}

/* Remember that record REC's attributes are those of row R. */
static void note_latest(Ingest *in, uint32_t rec, int64_t r)
{
	if (rec >= in->latest_cap) {
		size_t cap = MAX(in->latest_cap * 2, (size_t)rec + 1024);
		in->latest = g_renew(RowPos, in->latest, cap);
		for (size_t i = in->latest_cap; i < cap; i++)
			in->latest[i].rg = -1;
		in->latest_cap = cap;
	}
	in->latest[rec] = (RowPos){ in->rg, (uint32_t)r };
}

/* A row group's dates and counts, converted on the prefetch thread:
 * rows before FIRST_BAD are valid; row FIRST_BAD (when < n) has a bad date
 * or count, which downloads_rows() lets row_download() report. */
typedef struct {
	size_t cap;
	int64_t first_bad;
	Day *day;
	int64_t *value;
} KeyRows;

static void key_rows_free(gpointer p)
{
	KeyRows *k = p;
	g_free(k->day);
	g_free(k->value);
	g_free(k);
}

/* Pass 1's rows of a row group whose dates and counts are in K: model ids
 * interned here, everything else done by the prefetch thread. */
static bool downloads_rows(Ingest *in, int64_t n, const KeyRows *k)
{
	for (int64_t r = 0; r < n; r++) {
		Sym model;
		Day day;
		int64_t value;
		uint32_t rec;
		if (r == k->first_bad) {
			if (!row_download(in, r, &model, &day, &value))
				return false;
		} else {
			if (!key_sym(in, r, "empty model id", &model))
				return false;
			day = k->day[r];
			value = k->value[r];
		}
		if (dsb_add_download(in->b, model, day, value, in->cumulative, &rec))
			note_latest(in, rec, r);
	}
	return true;
}

static bool models_rows(Ingest *in, int64_t n)
{
	for (int64_t r = 0; r < n; r++) {
		Sym model;
		if (!key_sym(in, r, "empty model id", &model))
			return false;
		uint32_t rec = dsb_add_model_row(in->b, model);
		g_array_append_val(in->hit_row, r);
		g_array_append_val(in->hit_rec, rec);
	}
	return true;
}

static bool opt_sym(Ingest *in, ColId col, int64_t r, Sym *out)
{
	const char *why = NULL;
	*out = SYM_NONE;
	ICol *c = &in->cols[col];
	if (!c->lf)
		return true;
	return icol_sym(c, in->b, r, out, &why) || row_error(in, c, r, why);
}

static bool developers_rows(Ingest *in, int64_t n)
{
	for (ColId col = COL_COUNTRY; col <= COL_COUNTRY_GROUP; col++)
		if (in->cols[col].lf && !icol_load(&in->cols[col], in->f, in->rg, in->err))
			return false;
	if (in->cols[COL_ORG_TYPE].lf && !icol_load(&in->cols[COL_ORG_TYPE], in->f, in->rg, in->err))
		return false;
	for (int64_t r = 0; r < n; r++) {
		Sym dev, country, group, org;
		if (!key_sym(in, r, "empty developer", &dev) || !opt_sym(in, COL_COUNTRY, r, &country) ||
		    !opt_sym(in, COL_COUNTRY_GROUP, r, &group) || !opt_sym(in, COL_ORG_TYPE, r, &org))
			return false;
		dsb_add_developer_row(in->b, dev, country, group, org);
	}
	return true;
}

/* ---- attributes ---------------------------------------------------------- */

static bool set_attr(Ingest *in, ICol *c, int64_t r, uint32_t rec)
{
	const char *why = NULL;
	ColId col = c->col;
	switch (columns_kind(col)) {
	case COLK_STRING:
	case COLK_LIST: {
		Sym s;
		if (!icol_sym(c, in->b, r, &s, &why))
			return row_error(in, c, r, why);
		if (s != SYM_NONE)
			dsb_set_sym(in->b, rec, col, s);
		return true;
	}
	case COLK_DAY: {
		Day d;
		if (!icol_day(c, r, &d, &why))
			return row_error(in, c, r, why);
		if (d != DAY_NONE)
			dsb_set_day(in->b, rec, col, d);
		return true;
	}
	case COLK_INT:
	case COLK_FLOAT: {
		double v;
		if (!icol_num(c, r, &v, &why))
			return row_error(in, c, r, why);
		if (!isnan(v))
			dsb_set_num(in->b, rec, col, v);
		return true;
	}
	case COLK_BOOL: {
		int v;
		if (!icol_flag(c, r, &v, &why))
			return row_error(in, c, r, why);
		if (v >= 0)
			dsb_set_flag(in->b, rec, col, v);
		return true;
	}
	case COLK_IGNORED:
		return true;
	}
	return true;
}

/* Set the attribute cells of the hits (rows of row group in->rg). */
static bool attributes(Ingest *in)
{
	for (int a = 0; a < in->n_attrs; a++) {
		ICol *c = &in->cols[in->attrs[a]];
		if (!icol_load(c, in->f, in->rg, in->err))
			return false;
		for (guint h = 0; h < in->hit_row->len; h++)
			if (!set_attr(in, c, g_array_index(in->hit_row, int64_t, h),
				      g_array_index(in->hit_rec, uint32_t, h)))
				return false;
	}
	return true;
}

/* ---- the file's digest, computed by a second thread while rows are read -- */

typedef struct {
	const char *path;
	char sha256[65];
	GError *err;
	bool ok;
	GThread *thread;
} Digest;

static gpointer digest_run(gpointer data)
{
	Digest *d = data;
	d->ok = digest_file_sha256(d->path, d->sha256, &d->err);
	return NULL;
}

static void digest_start(Digest *d, const char *path)
{
	d->path = path;
	d->thread = g_thread_try_new("eoi-digest", digest_run, d, NULL);
	if (!d->thread)
		digest_run(d);
}

/* Wait for the digest; copy it to FILE when OK, else report its error
 * (unless ERR is set already). */
static bool digest_finish(Digest *d, InputFile *file, bool ok, GError **err)
{
	if (d->thread)
		g_thread_join(d->thread);
	d->thread = NULL;
	if (ok && !d->ok) {
		g_propagate_error(err, d->err);
		d->err = NULL;
		return false;
	}
	g_clear_error(&d->err);
	if (ok && file)
		memcpy(file->sha256, d->sha256, sizeof d->sha256);
	return ok;
}

/* ---- the file ------------------------------------------------------------- */

/* The only pass over row group in->rg of a models or developers table. */
static bool row_group(Ingest *in)
{
	int64_t n = in->f->row_groups[in->rg].num_rows;
	g_array_set_size(in->hit_row, 0);
	g_array_set_size(in->hit_rec, 0);
	if (!icol_load(in->key, in->f, in->rg, in->err))
		return false;
	switch (in->role) {
	case ROLE_DOWNLOADS: /* downloads_pass() */
		break;
	case ROLE_MODELS:
		return models_rows(in, n) && attributes(in);
	case ROLE_DEVELOPERS:
		return developers_rows(in, n);
	}
	return true;
}

/* Convert G's dates and counts into its KeyRows, up to the first bad
 * row. */
static void convert_keys(Ingest *in, PrefetchGroup *g)
{
	KeyRows *k = g->scratch;
	if (!k)
		k = g->scratch = g_new0(KeyRows, 1);
	int64_t n = in->f->row_groups[g->rg].num_rows;
	if ((size_t)n > k->cap) {
		k->cap = (size_t)n;
		g_free(k->day);
		g_free(k->value);
		k->day = g_new(Day, k->cap);
		k->value = g_new(int64_t, k->cap);
	}
	ICol *date = in->i_date >= 0 ? &g->cols[in->i_date] : NULL;
	ICol *value = &g->cols[in->i_value];
	Day snapshot = dsb_options(in->b)->snapshot_date;
	k->first_bad = n;
	for (int64_t r = 0; r < n; r++) {
		const char *why = NULL;
		bool present;
		Day d = snapshot;
		int64_t v;
		if ((date && (!icol_day(date, r, &d, &why) || d == DAY_NONE)) ||
		    !icol_int(value, r, &v, &present, &why) || !present || v < 0) {
			k->first_bad = r;
			return;
		}
		k->day[r] = d;
		k->value[r] = v;
	}
}

/* The prefetch thread's work on a row group of pass 1 after decoding:
 * dates and counts converted, and every row of the typed text columns
 * (from cols[in->check0] on, see downloads_pass()) checked. */
static bool prefetch_check(PrefetchGroup *g, void *data, GError **err)
{
	Ingest *in = data;
	convert_keys(in, g);
	for (int a = 0, k = in->check0; a < in->n_attrs; a++) {
		if (!icol_needs_check(&in->cols[in->attrs[a]]))
			continue;
		ICol *c = &g->cols[k++];
		for (int64_t r = 0; r < c->n_rows; r++) {
			const char *why = NULL;
			Day d;
			double v;
			int flag;
			bool ok = columns_kind(c->col) == COLK_DAY ? icol_day(c, r, &d, &why)
				: columns_kind(c->col) == COLK_BOOL ? icol_flag(c, r, &flag, &why)
				: icol_num(c, r, &v, &why);
			if (!ok) {
				g_set_error(err, EOI_ERROR, EOI_EXIT_DATA,
					    "%s: row group %d, row %" G_GINT64_FORMAT ", column %s: %s", in->path,
					    g->rg, in->rg_row0[g->rg] + r + 1, c->name, why);
				return false;
			}
		}
	}
	return true;
}

/* Pass 1 of a downloads table, with each row group's key columns (and the
 * check of its typed text columns) decoded one row group ahead on a second
 * thread while this one adds the rows.  Errors come in the order of a
 * single-threaded read: decoding, then the rows, then the checks. */
static bool downloads_pass(Ingest *in)
{
	int n_rg = in->f->n_row_groups;
	in->rg_row0 = g_new(int64_t, (size_t)n_rg + 1);
	in->rg_row0[0] = 0;
	for (int g = 0; g < n_rg; g++)
		in->rg_row0[g + 1] = in->rg_row0[g] + in->f->row_groups[g].num_rows;
	/* Key, date (unless --snapshot-date), value, then the check columns:
	 * the order a single thread loads them in. */
	PrefetchColumn cols[3 + COL_COUNT];
	int n = 0;
	bool ok = true, has_date = in->date != NULL;
	ColId value_col = in->value->col;
	cols[n++] = (PrefetchColumn){ in->field[COL_MODEL_ID], COL_MODEL_ID };
	if (has_date)
		cols[n++] = (PrefetchColumn){ in->field[COL_DATE], COL_DATE };
	in->i_date = has_date ? 1 : -1;
	in->i_value = n;
	cols[n++] = (PrefetchColumn){ in->field[value_col], value_col };
	in->check0 = n;
	for (int a = 0; a < in->n_attrs; a++)
		if (icol_needs_check(&in->cols[in->attrs[a]]))
			cols[n++] = (PrefetchColumn){ in->field[in->attrs[a]], in->attrs[a] };
	Prefetch *p = prefetch_start(in->f, cols, n, NULL, 0, prefetch_check, key_rows_free, in);
	for (in->rg = 0; ok && in->rg < n_rg; in->rg++) {
		in->row0 = in->rg_row0[in->rg];
		PrefetchGroup *g = prefetch_next(p, in->err);
		if (!g) {
			ok = false;
			break;
		}
		in->key = &g->cols[0];
		in->date = has_date ? &g->cols[1] : NULL;
		in->value = &g->cols[in->i_value];
		ok = downloads_rows(in, in->f->row_groups[in->rg].num_rows, g->scratch);
		if (ok && g->check_error) {
			g_propagate_error(in->err, g->check_error);
			g->check_error = NULL;
			ok = false;
		}
		prefetch_release(p, g);
	}
	prefetch_stop(p);
	in->key = in->value = in->date = NULL;
	in->row0 = 0;
	return ok;
}

/* Pass 2 of a downloads table: group the latest rows by row group (a
 * counting sort), then set their attributes one row group at a time. */
static bool latest_attributes(Ingest *in)
{
	int n_rg = in->f->n_row_groups;
	if (in->n_attrs == 0 || n_rg == 0)
		return true;
	size_t *start = g_new0(size_t, (size_t)n_rg + 1);
	for (size_t rec = 0; rec < in->latest_cap; rec++)
		if (in->latest[rec].rg >= 0)
			start[in->latest[rec].rg + 1]++;
	for (int g = 0; g < n_rg; g++)
		start[g + 1] += start[g];
	size_t total = start[n_rg];
	int64_t *rows = g_new(int64_t, total ? total : 1);
	uint32_t *recs = g_new(uint32_t, total ? total : 1);
	size_t *fill = g_memdup2(start, ((size_t)n_rg + 1) * sizeof *start);
	for (size_t rec = 0; rec < in->latest_cap; rec++) {
		RowPos p = in->latest[rec];
		if (p.rg >= 0) {
			rows[fill[p.rg]] = p.row;
			recs[fill[p.rg]++] = (uint32_t)rec;
		}
	}
	/* The row groups holding latest rows, their attribute columns decoded
	 * one ahead on the second thread.  (A load error of a later column can
	 * come before a conversion error of an earlier one of the same row
	 * group; either names its place.) */
	int *rgs = g_new(int, n_rg);
	int n_hit = 0;
	for (int g = 0; g < n_rg; g++)
		if (start[g + 1] > start[g])
			rgs[n_hit++] = g;
	PrefetchColumn cols[COL_COUNT];
	for (int a = 0; a < in->n_attrs; a++)
		cols[a] = (PrefetchColumn){ in->field[in->attrs[a]], in->attrs[a] };
	Prefetch *p = prefetch_start(in->f, cols, in->n_attrs, rgs, n_hit, NULL, NULL, NULL);
	bool ok = true;
	for (int i = 0; ok && i < n_hit; i++) {
		PrefetchGroup *g = prefetch_next(p, in->err);
		if (!g) {
			ok = false;
			break;
		}
		in->rg = g->rg;
		in->row0 = in->rg_row0[g->rg];
		for (int a = 0; ok && a < in->n_attrs; a++)
			for (size_t h = start[g->rg]; ok && h < start[g->rg + 1]; h++)
				ok = set_attr(in, &g->cols[a], rows[h], recs[h]);
		prefetch_release(p, g);
	}
	prefetch_stop(p);
	g_free(rgs);
	g_free(start);
	g_free(fill);
	g_free(rows);
	g_free(recs);
	return ok;
}

bool parquet_read_file(const char *path, FileRole role, DatasetBuilder *b, GError **err)
{
	Ingest in = { .path = path, .role = role, .b = b, .err = err };
	in.f = parquet_open(path, err);
	if (!in.f)
		return false;
	in.hit_row = g_array_new(FALSE, FALSE, sizeof(int64_t));
	in.hit_rec = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	InputFile *file = NULL;
	Digest digest = { 0 };
	bool ok = layout(&in);
	if (ok && role == ROLE_DOWNLOADS && in.f->num_rows == 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: no data rows", path);
		ok = false;
	}
	if (ok) {
		file = dsb_begin_file(b, path, role, "parquet");
		file->rows = (uint64_t)in.f->num_rows;
		digest_start(&digest, path);
		/* Reserve the row arrays once; a footer's row count is only
		 * trusted as far as the file's size could hold it. */
		if (role == ROLE_DOWNLOADS && in.f->num_rows > 0)
			dsb_reserve_rows(b, MIN((uint64_t)in.f->num_rows, in.f->size * 4));
	}
	if (ok && role == ROLE_DOWNLOADS) {
		ok = downloads_pass(&in) && latest_attributes(&in);
	} else {
		for (in.rg = 0; ok && in.rg < in.f->n_row_groups; in.rg++) {
			ok = row_group(&in);
			in.row0 += in.f->row_groups[in.rg].num_rows;
		}
	}
	if (file)
		ok = digest_finish(&digest, file, ok, err);
	for (int c = 0; c < COL_COUNT; c++)
		if (in.cols[c].lf)
			icol_clear(&in.cols[c]);
	g_array_free(in.hit_row, TRUE);
	g_array_free(in.hit_rec, TRUE);
	g_free(in.latest);
	g_free(in.rg_row0);
	parquet_close(in.f);
	return ok;
}
