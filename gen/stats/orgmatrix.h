/*
 * orgmatrix.h - proportion of downloads by developer organisation type
 * within each nation group (Figure 4), attributed view, whole span.
 *
 * Rows: the nation groups ranked by downloads (top N, then Others, then
 * Unknown, as in the share series); columns: organisation types ranked by
 * downloads, Unknown last.  Each row's proportions sum to 1.
 *
 * Ownership: org_matrix_free() releases everything.
 */
#ifndef EOI_ORGMATRIX_H
#define EOI_ORGMATRIX_H

#include <stdint.h>

#include "../data/strings.h"
#include "periods.h"

typedef struct {
	uint32_t n_rows, n_cols;
	char **row;          /* nation groups, NULL-terminated */
	char **col;          /* organisation types, NULL-terminated */
	double *proportion;  /* [r * n_cols + c], within the row */
	double *row_total;   /* downloads per row */
	double *col_total;   /* downloads per column */
} OrgMatrix;

/* Rows from NATION[m], columns from ORG_TYPE[m] (symbols of STRINGS). */
OrgMatrix *org_matrix_compute(const PeriodTable *pt, const StrPool *strings, const Sym *nation,
			      const Sym *org_type, uint32_t top_rows);
void org_matrix_free(OrgMatrix *om);

#endif
