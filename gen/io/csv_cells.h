/*
 * csv_cells.h - the CSV reader's header mapping and per-row cell handling
 * (private to csv.c; split out to keep each file to one job).
 *
 * csv.c turns bytes into records; this module turns the header record into
 * a CsvLayout (which field feeds which canonical column) and each data
 * record into builder calls, coercing cells with columns.h.
 */
#ifndef EOI_CSV_CELLS_H
#define EOI_CSV_CELLS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "../data/dataset.h"
#include "columns.h"

/* How the fields of one file map to canonical columns.  Owns its arrays
 * and buffers; csv_layout_clear() frees them. */
typedef struct {
	const char *path;     /* borrowed, for messages */
	FileRole role;
	DatasetBuilder *b;    /* borrowed */
	unsigned n_cols;      /* fields in the header */
	char **names;         /* header names as written (n_cols + NULL) */
	int *col;             /* per field: the ColId it feeds, or -1 */
	int field[COL_COUNT]; /* per ColId: its field, or -1 */
	unsigned *attr;       /* fields feeding attribute columns, in order */
	unsigned n_attr;
	ColId value_col;      /* COL_DOWNLOADS_CUMULATIVE or COL_DOWNLOADS */
	GString *list;        /* scratch buffer for list cells */
	GString **last;       /* per field: its last interned cell, as read */
	Sym *last_sym;        /* per field: that cell's symbol (SYM_NONE: none) */
} CsvLayout;

/*
 * Build LAY from the header record (N names of lengths LENS), report unknown
 * and duplicate names and the columns present to B, and check the columns
 * ROLE requires.  LAY borrows PATH and B.  On failure sets ERR; LAY must be
 * cleared either way.
 */
bool csv_layout_init(CsvLayout *lay, const char *path, FileRole role, DatasetBuilder *b,
		     const char *const *names, const size_t *lens, unsigned n, GError **err);
void csv_layout_clear(CsvLayout *lay);

/*
 * Feed one data record (LAY->n_cols cells, NUL-terminated, lengths in LENS)
 * starting on physical line LINE into the builder.  Fails with
 * EOI_EXIT_DATA "PATH:LINE:COLUMN: reason" on a bad cell.
 */
bool csv_row_apply(CsvLayout *lay, const char *const *cells, const size_t *lens, uint64_t line,
		   GError **err);

#endif
