/*
 * parquet_cells.h - one Parquet column of one row group as eoi's cells
 * (private to parquet_ingest.c; split out to keep each file to one job).
 *
 * An ICol holds a decoded column chunk and, per row of the row group, where
 * the row's value (flat columns) or list elements (list columns) are.
 * Cells are converted the way the CSV reader converts text cells (a null
 * and an empty string are missing; list entries trimmed); conversions of a
 * dictionary-encoded chunk are cached per dictionary entry, so each
 * distinct string is interned once per chunk.
 */
#ifndef EOI_PARQUET_CELLS_H
#define EOI_PARQUET_CELLS_H

#include "../data/dataset.h"
#include "parquet.h"

typedef struct {
	int leaf;              /* leaf column index */
	ColId col;
	const PqLeaf *lf;
	const char *name;      /* the top-level field's name */
	bool list;             /* list-shaped field */
	PqColumn data;
	int64_t n_rows;
	int64_t *pos;          /* list: first level of each row (n_rows + 1) */
	int64_t *vstart;       /* per row: index of its first value; flat: -1 when null */
	bool dense;            /* flat without nulls: row r's value is value r */
	size_t rows_cap;
	Sym *dict_sym;         /* per dictionary entry (UINT32_MAX: not yet) */
	Day *dict_day;
	uint8_t *dict_state;   /* day/number cache state: 0 unknown, 1 ok, 2 missing, 3 bad */
	double *dict_num;
	size_t dict_cap;
	GString *buf;          /* scratch for lists and text */
} ICol;

/* Check that leaf LF (of field FD) can feed column COL; NULL or a reason
 * ("DOUBLE cannot hold dates"). */
const char *icol_check_type(const ParquetFile *f, const PqField *fd, ColId col);

void icol_init(ICol *c, const ParquetFile *f, int field, ColId col);
void icol_clear(ICol *c);
/* Read row group RG of the column and index its rows. */
bool icol_load(ICol *c, ParquetFile *f, int rg, GError **err);

/* Conversions of row R's cell.  Each returns false with *WHY set when the
 * value is invalid; a missing cell gives SYM_NONE / DAY_NONE / NAN /
 * *PRESENT = false. */
bool icol_sym(ICol *c, DatasetBuilder *b, int64_t r, Sym *out, const char **why);
/* icol_sym() for a key column, trying first PREV and PREV + 1: in input
 * sorted by model a row repeats the previous row's model, and in input
 * sorted by date with the models in a stable order it names the model
 * interned right after it, so a comparison replaces a hash lookup. */
bool icol_key_sym(ICol *c, DatasetBuilder *b, int64_t r, Sym prev, Sym *out, const char **why);
bool icol_day(ICol *c, int64_t r, Day *out, const char **why);
bool icol_int(ICol *c, int64_t r, int64_t *out, bool *present, const char **why);
bool icol_num(ICol *c, int64_t r, double *out, const char **why);
bool icol_flag(ICol *c, int64_t r, int *out, const char **why);
/* Does the column need every row checked (text holding dates, numbers,
 * booleans, or lists)? */
bool icol_needs_check(const ICol *c);

#endif
