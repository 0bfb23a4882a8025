/*
 * tables.h - the report's typeset tables, built from the data model (the
 * statistics JSON, so a table and `eoi stats --json` always agree).
 *
 * Names for {% table NAME %}: key_figures (this quarter, the previous one
 * and the change), table1 (temporal shifts), table2 (top
 * intermediaries), provenance (input files), warnings (warnings summary),
 * changes_nation_groups, changes_developers, changes_concentration (these
 * three need a previous run).
 *
 * Ownership: table_spec_free() releases a TableSpec and its strings.
 */
#ifndef EOI_REPORT_TABLES_H
#define EOI_REPORT_TABLES_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

typedef struct {
	bool section; /* a spanner row: cell[0] across all columns, italic */
	bool span;    /* cell[0] across all columns, upright (no extra space) */
	char **cell;  /* n_cols Pango markup strings */
} TableRow;

typedef struct {
	int n_cols;
	char **header; /* n_cols markup strings */
	char *align;   /* 'l' or 'r' per column */
	int flex_col;  /* the column that wraps when the table is too wide (-1: none) */
	GPtrArray *rows; /* TableRow* */
	char *note;    /* markup set under the table, or NULL */
} TableSpec;

/* Is NAME a table? */
bool report_table_known(const char *name, void *unused);

/*
 * Build table NAME from ROOT.  Returns NULL when it cannot: *SKIPPED
 * (newly allocated) says why when the statistic was skipped (the report
 * prints that note instead), else *ERROR says what is missing (a
 * template error).
 */
TableSpec *report_table_build(const char *name, JsonNode *root, char **skipped, char **error);
void table_spec_free(TableSpec *t);

#endif
