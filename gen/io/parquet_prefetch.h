/*
 * parquet_prefetch.h - decode the next row group's columns on a second
 * thread while the caller works through the current one.
 *
 * Reading a Parquet downloads table is two kinds of work: decompressing
 * and decoding column chunks (independent per row group, nothing shared
 * but the file descriptor, which pread() reads from any thread) and
 * feeding rows into the DatasetBuilder (interning, one model table: one
 * thread).  A Prefetch runs the first kind one row group ahead on a worker
 * thread with two sets of columns, so the two cores overlap them.
 *
 *   Prefetch *p = prefetch_start(f, cols, n, NULL, 0, check, free, data);
 *   for (rg = 0; rg < f->n_row_groups; rg++) {
 *       PrefetchGroup *g = prefetch_next(p, err);   // rg's columns, decoded
 *       ... read g->cols[0..n) ...
 *       prefetch_release(p, g);                       // the set goes back
 *   }
 *   prefetch_stop(p);
 *
 * CHECK, when not NULL, runs on the worker after a row group's columns are
 * loaded (for checks that need no builder); its error is kept in the group
 * for the caller to report after its own work on the row group, so errors
 * come in the order a single thread would meet them.
 *
 * Without a thread to be had, everything runs in prefetch_next().
 * Ownership: the Prefetch owns the groups and their columns; a group's
 * columns are valid until prefetch_release().
 */
#ifndef EOI_PARQUET_PREFETCH_H
#define EOI_PARQUET_PREFETCH_H

#include <glib.h>
#include <stdbool.h>

#include "parquet_cells.h"

/* A column to decode: the file's top-level field and the eoi column. */
typedef struct {
	int field;
	ColId col;
} PrefetchColumn;

typedef struct {
	int rg;          /* the row group */
	ICol *cols;      /* decoded, in the order given to prefetch_start() */
	GError *check_error; /* CHECK's failure, for the caller to report */
	void *scratch;   /* CHECK's own per-group data (it allocates it;
			  * prefetch_stop() frees it with SCRATCH_FREE) */
} PrefetchGroup;

/* Check row group G (on the worker thread); false with ERR set. */
typedef bool (*PrefetchCheck)(PrefetchGroup *g, void *data, GError **err);

typedef struct Prefetch Prefetch;

/* Start decoding row groups of F (which must outlive the Prefetch): the
 * N_RGS row groups listed in RGS, in that order, or when RGS is NULL all of
 * them, 0, 1, ...  COLS and RGS are copied. */
Prefetch *prefetch_start(ParquetFile *f, const PrefetchColumn *cols, int n_cols, const int *rgs, int n_rgs,
			 PrefetchCheck check, GDestroyNotify scratch_free, void *check_data);

/* The next row group, decoded; NULL with ERR set when decoding failed (the
 * file's error message). */
PrefetchGroup *prefetch_next(Prefetch *p, GError **err);

/* Hand G's columns back for a later row group. */
void prefetch_release(Prefetch *p, PrefetchGroup *g);

/* Stop the worker (at any point) and free everything.  NULL is fine. */
void prefetch_stop(Prefetch *p);

#endif
