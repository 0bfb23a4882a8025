/*
 * parquet_cells.c - Parquet values as eoi cells (see parquet_cells.h).
 */
#include "parquet_cells.h"

#include <math.h>
#include <string.h>

#define SYM_UNSET UINT32_MAX

enum { ST_UNKNOWN = 0, ST_OK, ST_MISSING, ST_BAD };

/* ---- set-up ------------------------------------------------------------- */

static bool is_int_phys(const PqLeaf *lf)
{
	return lf->type == PQ_INT32 || lf->type == PQ_INT64;
}

const char *icol_check_type(const ParquetFile *f, const PqField *fd, ColId col)
{
	if (fd->shape == PQS_UNSUPPORTED || fd->n_leaves != 1)
		return "nested column not supported";
	const PqLeaf *lf = &f->leaves[fd->first_leaf];
	ColKind kind = columns_kind(col);
	if (fd->shape == PQS_LIST && kind != COLK_LIST)
		return "a list where a single value is expected";
	bool text = lf->kind == PQV_STRING || lf->kind == PQV_BINARY;
	bool number = lf->kind == PQV_INT || lf->kind == PQV_UINT || lf->kind == PQV_FLOAT ||
		      (lf->kind == PQV_OTHER && is_int_phys(lf));
	switch (kind) {
	case COLK_DAY:
		return text || lf->kind == PQV_DATE || lf->kind == PQV_TIMESTAMP
			       ? NULL : "not a date, timestamp or string column";
	case COLK_INT:
	case COLK_FLOAT:
		return text || number ? NULL : "not a number or string column";
	case COLK_BOOL:
		return text || number || lf->kind == PQV_BOOL ? NULL
							     : "not a boolean, integer or string column";
	default:
		return NULL;
	}
}

void icol_init(ICol *c, const ParquetFile *f, int field, ColId col)
{
	memset(c, 0, sizeof *c);
	const PqField *fd = &f->fields[field];
	c->leaf = fd->first_leaf;
	c->lf = &f->leaves[c->leaf];
	c->col = col;
	c->name = fd->name;
	c->list = fd->shape == PQS_LIST;
	c->buf = g_string_new(NULL);
}

void icol_clear(ICol *c)
{
	pq_column_clear(&c->data);
	g_free(c->pos);
	g_free(c->vstart);
	g_free(c->dict_sym);
	g_free(c->dict_day);
	g_free(c->dict_state);
	g_free(c->dict_num);
	if (c->buf)
		g_string_free(c->buf, TRUE);
	memset(c, 0, sizeof *c);
}

static void reset_dict_cache(ICol *c)
{
	size_t n = c->data.dict ? c->data.dictionary.n : 0;
	if (n > c->dict_cap) {
		c->dict_cap = n;
		c->dict_sym = g_renew(Sym, c->dict_sym, n);
		c->dict_day = g_renew(Day, c->dict_day, n);
		c->dict_state = g_renew(uint8_t, c->dict_state, n);
		c->dict_num = g_renew(double, c->dict_num, n);
	}
	if (n) {
		memset(c->dict_sym, 0xff, n * sizeof *c->dict_sym);
		memset(c->dict_state, ST_UNKNOWN, n);
	}
}

bool icol_load(ICol *c, ParquetFile *f, int rg, GError **err)
{
	if (!parquet_read_column(f, rg, c->leaf, &c->data, err))
		return false;
	int64_t n = f->row_groups[rg].num_rows;
	const PqColumn *d = &c->data;
	const PqLeaf *lf = c->lf;
	c->n_rows = n;
	if ((size_t)n + 1 > c->rows_cap) {
		c->rows_cap = (size_t)n + 1;
		c->vstart = g_renew(int64_t, c->vstart, c->rows_cap);
		if (c->list)
			c->pos = g_renew(int64_t, c->pos, c->rows_cap);
	}
	int64_t k = 0, r = 0;
	if (c->list) {
		for (int64_t i = 0; i < d->n_levels; i++) {
			if (d->rep[i] == 0) {
				c->pos[r] = i;
				c->vstart[r++] = k;
			}
			k += !lf->max_def || d->def[i] == lf->max_def;
		}
		c->pos[n] = d->n_levels;
	} else if (d->n_values < (size_t)n) {
		uint8_t m = (uint8_t)lf->max_def;
		for (r = 0; r < n; r++)
			c->vstart[r] = d->def[r] == m ? k++ : -1;
	}
	c->dense = !c->list && d->n_values == (size_t)n; /* no nulls: value r is row r */
	reset_dict_cache(c);
	return true;
}

/* Index of flat row R's value, or -1 when it is null. */
static inline int64_t row_value(const ICol *c, int64_t r)
{
	return c->dense ? r : c->vstart[r];
}

/* ---- values --------------------------------------------------------------- */

/* The values holding value J, and its index there. */
static inline const PqValues *value_at(const ICol *c, size_t j, size_t *k)
{
	if (c->data.dict) {
		*k = c->data.indices[j];
		return &c->data.dictionary;
	}
	*k = j;
	return &c->data.values;
}

/* Value J as text (into c->buf unless it is bytes already). */
static const char *value_text(ICol *c, size_t j, size_t *len)
{
	size_t k;
	const PqValues *v = value_at(c, j, &k);
	GString *b = c->buf;
	g_string_truncate(b, 0);
	switch (c->lf->kind) {
	case PQV_STRING:
	case PQV_BINARY:
		if (v->type == PQ_BYTE_ARRAY || v->type == PQ_FIXED_LEN_BYTE_ARRAY)
			return (const char *)pq_bytes(v, k, len);
		/* fall through */
	case PQV_INT:
	case PQV_OTHER:
		g_string_printf(b, "%" G_GINT64_FORMAT, pq_int(v, k));
		break;
	case PQV_UINT:
		g_string_printf(b, "%" G_GUINT64_FORMAT,
				v->type == PQ_INT32 ? (uint64_t)(uint32_t)pq_int(v, k) : (uint64_t)pq_int(v, k));
		break;
	case PQV_BOOL:
		g_string_assign(b, pq_int(v, k) ? "true" : "false");
		break;
	case PQV_FLOAT: {
		char tmp[G_ASCII_DTOSTR_BUF_SIZE];
		g_string_assign(b, g_ascii_dtostr(tmp, sizeof tmp, pq_double(v, k)));
		break;
	}
	case PQV_DATE:
	case PQV_TIMESTAMP: {
		char tmp[16];
		int64_t day = c->lf->kind == PQV_DATE ? pq_int(v, k) : pq_timestamp_day(v, k, c->lf->unit);
		if (day > INT32_MIN && day <= INT32_MAX)
			g_string_assign(b, day_format((Day)day, tmp));
		break;
	}
	}
	*len = b->len;
	return b->str;
}

/* ---- strings and lists ----------------------------------------------------- */

/* Intern S[0..LEN) into B as *OUT.  Text must be UTF-8, as in the CSV
 * reader (the figures, workbook and report need it); only a string new to
 * the pool is checked, so repeated values cost nothing more. */
static bool intern_utf8(DatasetBuilder *b, const char *s, size_t len, Sym *out, const char **why)
{
	StrPool *pool = dsb_strings(b);
	uint32_t before = strpool_count(pool);
	*out = dsb_intern(b, s, len);
	if (strpool_count(pool) > before && !g_utf8_validate_len(s, len, NULL)) {
		*why = "not UTF-8 text";
		return false;
	}
	return true;
}

/* Sym of value J: plain text (empty: missing), a trimmed list element
 * (ELEMENT), or a list parsed from text (PARSE_LIST). */
static bool text_sym(ICol *c, DatasetBuilder *b, size_t j, int mode, Sym *out, const char **why)
{
	size_t len;
	const char *s = value_text(c, j, &len);
	if (mode == 1) {
		cell_trim(&s, &len);
		return intern_utf8(b, s, len, out, why);
	} else if (len == 0) {
		*out = SYM_NONE;
	} else if (mode == 2) {
		GString *list = g_string_new(NULL);
		bool ok = cell_parse_list(s, len, list);
		*out = SYM_NONE;
		if (!ok)
			*why = "not a list";
		else
			ok = intern_utf8(b, list->str, list->len, out, why);
		g_string_free(list, TRUE);
		return ok;
	} else {
		return intern_utf8(b, s, len, out, why);
	}
	return true;
}

/* text_sym() through the per-dictionary-entry cache. */
static bool cached_sym(ICol *c, DatasetBuilder *b, size_t j, int mode, Sym *out, const char **why)
{
	if (!c->data.dict)
		return text_sym(c, b, j, mode, out, why);
	uint32_t k = c->data.indices[j];
	if (c->dict_sym[k] == SYM_UNSET && !text_sym(c, b, j, mode, &c->dict_sym[k], why))
		return false;
	*out = c->dict_sym[k];
	return true;
}

static bool list_sym(ICol *c, DatasetBuilder *b, int64_t r, Sym *out, const char **why)
{
	const PqLeaf *lf = c->lf;
	const PqColumn *d = &c->data;
	int64_t lo = c->pos[r], hi = c->pos[r + 1];
	int def = lf->max_def ? d->def[lo] : 0;
	if (def < lf->list_def) {
		*out = SYM_NONE;
		return true;
	}
	if (def < lf->elem_def) {
		*out = dsb_intern(b, "", 0);
		return true;
	}
	size_t j = (size_t)c->vstart[r];
	if (hi - lo == 1 && (!lf->max_def || def == lf->max_def))
		return cached_sym(c, b, j, 1, out, why);
	GString *list = g_string_new(NULL);
	for (int64_t i = lo; i < hi; i++) {
		if (i > lo)
			g_string_append_c(list, LIST_SEP);
		if (!lf->max_def || d->def[i] == lf->max_def) {
			size_t len;
			const char *s = value_text(c, j++, &len);
			cell_trim(&s, &len);
			g_string_append_len(list, s, (gssize)len);
		}
	}
	bool ok = intern_utf8(b, list->str, list->len, out, why);
	g_string_free(list, TRUE);
	return ok;
}

bool icol_sym(ICol *c, DatasetBuilder *b, int64_t r, Sym *out, const char **why)
{
	if (c->list)
		return list_sym(c, b, r, out, why);
	int64_t j = row_value(c, r);
	if (j < 0) {
		*out = SYM_NONE;
		return true;
	}
	return cached_sym(c, b, (size_t)j, columns_kind(c->col) == COLK_LIST ? 2 : 0, out, why);
}

bool icol_key_sym(ICol *c, DatasetBuilder *b, int64_t r, Sym prev, Sym *out, const char **why)
{
	const PqValues *v = &c->data.values;
	if (c->list || c->data.dict || prev == SYM_NONE || v->type != PQ_BYTE_ARRAY ||
	    columns_kind(c->col) == COLK_LIST || row_value(c, r) < 0)
		return icol_sym(c, b, r, out, why);
	size_t len;
	const uint8_t *s = pq_bytes(v, (size_t)row_value(c, r), &len);
	StrPool *pool = dsb_strings(b);
	uint32_t count = strpool_count(pool);
	for (Sym cand = prev; len && cand <= prev + 1 && cand < count; cand++) {
		if (strpool_len(pool, cand) == len && memcmp(strpool_str(pool, cand), s, len) == 0) {
			*out = cand;
			return true;
		}
	}
	return icol_sym(c, b, r, out, why);
}

/* ---- typed cells ---------------------------------------------------------- */

bool icol_needs_check(const ICol *c)
{
	ColKind kind = columns_kind(c->col);
	bool text = c->lf->kind == PQV_STRING || c->lf->kind == PQV_BINARY;
	return text && (kind == COLK_DAY || kind == COLK_INT || kind == COLK_FLOAT || kind == COLK_BOOL);
}

/* Parse text value J as KIND into *NUM (days, numbers and booleans all
 * fit a double exactly).  State: ST_OK, ST_MISSING or ST_BAD. */
static int parse_text(ICol *c, size_t j, ColKind kind, double *num)
{
	size_t len;
	const char *s = value_text(c, j, &len);
	if (len == 0)
		return ST_MISSING;
	Day d;
	int64_t i;
	bool f;
	switch (kind) {
	case COLK_DAY:
		if (!date_parse(s, len, &d))
			return ST_BAD;
		*num = d;
		return ST_OK;
	case COLK_INT:
		if (!cell_parse_int(s, len, &i))
			return ST_BAD;
		*num = (double)i;
		return (double)i == *num ? ST_OK : ST_BAD;
	case COLK_BOOL:
		if (!cell_parse_bool(s, len, &f))
			return ST_BAD;
		*num = f;
		return ST_OK;
	default:
		return cell_parse_float(s, len, num) ? ST_OK : ST_BAD;
	}
}

static int cached_text(ICol *c, size_t j, ColKind kind, double *num)
{
	if (!c->data.dict)
		return parse_text(c, j, kind, num);
	uint32_t k = c->data.indices[j];
	if (c->dict_state[k] == ST_UNKNOWN)
		c->dict_state[k] = (uint8_t)parse_text(c, j, kind, &c->dict_num[k]);
	*num = c->dict_num[k];
	return c->dict_state[k];
}

static const char *kind_noun(ColKind kind)
{
	return kind == COLK_DAY ? "not a date" : kind == COLK_INT ? "not an integer"
	     : kind == COLK_BOOL ? "not a boolean" : "not a number";
}

/* Row R's cell as a double for KIND; *STATE as in parse_text. */
static bool typed_cell(ICol *c, int64_t r, ColKind kind, double *num, int *state, const char **why)
{
	int64_t j = row_value(c, r);
	*state = ST_MISSING;
	if (j < 0)
		return true;
	size_t k;
	const PqValues *v = value_at(c, (size_t)j, &k);
	*state = ST_OK;
	switch (c->lf->kind) {
	case PQV_STRING:
	case PQV_BINARY:
		*state = cached_text(c, (size_t)j, kind, num);
		if (*state == ST_BAD) {
			size_t len;
			const char *s = value_text(c, (size_t)j, &len);
			*why = kind == COLK_INT && cell_int_out_of_range(s, len) ? "integer out of range"
										: kind_noun(kind);
		}
		return *state != ST_BAD;
	case PQV_DATE:
		*num = (double)pq_int(v, k);
		return true;
	case PQV_TIMESTAMP:
		*num = (double)pq_timestamp_day(v, k, c->lf->unit);
		return true;
	case PQV_UINT:
		*num = v->type == PQ_INT32 ? (double)(uint32_t)pq_int(v, k) : (double)(uint64_t)pq_int(v, k);
		return true;
	default: /* BOOL, INT, OTHER, FLOAT */
		*num = pq_double(v, k);
		return true;
	}
}

bool icol_day(ICol *c, int64_t r, Day *out, const char **why)
{
	double d;
	int st;
	*out = DAY_NONE;
	if (!typed_cell(c, r, COLK_DAY, &d, &st, why))
		return false;
	if (st != ST_OK)
		return true;
	if (!(d >= DAY_DATA_MIN && d <= DAY_DATA_MAX)) {
		/* Say which date when its year has four digits (0000-03-01
		 * to 9999-12-31). */
		char tmp[16];
		g_string_assign(c->buf, "date out of range (" DAY_DATA_RANGE ")");
		if (d >= -719468 && d <= 2932896)
			g_string_append_printf(c->buf, ": %s", day_format((Day)d, tmp));
		*why = c->buf->str;
		return false;
	}
	*out = (Day)d;
	return true;
}

bool icol_int(ICol *c, int64_t r, int64_t *out, bool *present, const char **why)
{
	double d;
	int st;
	*present = false;
	if (!typed_cell(c, r, COLK_INT, &d, &st, why))
		return false;
	if (st != ST_OK)
		return true;
	*present = true;
	if (c->lf->kind == PQV_INT || c->lf->kind == PQV_OTHER || c->lf->kind == PQV_BOOL) {
		size_t k;
		const PqValues *v = value_at(c, (size_t)row_value(c, r), &k);
		*out = pq_int(v, k); /* exact, even beyond 2^53 */
		return true;
	}
	if (d != floor(d) || isnan(d)) {
		*why = "not an integer";
		return false;
	}
	if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
		*why = "integer out of range";
		return false;
	}
	*out = (int64_t)d;
	return true;
}

bool icol_num(ICol *c, int64_t r, double *out, const char **why)
{
	int st;
	*out = NAN;
	if (!typed_cell(c, r, COLK_FLOAT, out, &st, why))
		return false;
	if (st != ST_OK)
		*out = NAN;
	const char *bad = isnan(*out) ? NULL : columns_check_number(c->col, *out);
	if (bad) {
		*why = bad;
		return false;
	}
	return true;
}

bool icol_flag(ICol *c, int64_t r, int *out, const char **why)
{
	double d;
	int st;
	*out = -1;
	if (!typed_cell(c, r, COLK_BOOL, &d, &st, why))
		return false;
	if (st == ST_OK)
		*out = d != 0;
	return true;
}
