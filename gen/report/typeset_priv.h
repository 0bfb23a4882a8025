/*
 * typeset_priv.h - what typeset.c (pages, text, figures) and
 * typeset_table.c (tables) share.  Not for other files.
 */
#ifndef EOI_REPORT_TYPESET_PRIV_H
#define EOI_REPORT_TYPESET_PRIV_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../render/text.h"
#include "../render/theme.h"
#include "typeset.h"

/* Sizes of the report's type, in points. */
#define TS_BODY 10.0
#define TS_SMALL 8.5
#define TS_TABLE 8.0
#define TS_CELL_PAD 2.4  /* above and below a table row */
#define TS_COL_GAP 9.0   /* between table columns */

typedef struct TsTable TsTable;

/* A laid-out table: rows measured at the text width. */
TsTable *ts_table_layout(TextEngine *te, const Theme *th, const TableSpec *t, const char *caption,
			 double width);
void ts_table_free(TsTable *tt);
/* Number of body rows (the units a table is split at). */
int ts_table_rows(const TsTable *tt);
/* Height of the part holding rows FROM..TO-1 (caption on the first part,
 * the header on every part, the note on the last). */
double ts_table_part_height(const TsTable *tt, int from, int to);
/* Draw that part with its top left corner at (X, Y). */
void ts_table_draw(const TsTable *tt, cairo_t *cr, double x, double y, int from, int to);

/* A markup layout of the engine's family at SIZE, wrapped to WIDTH. */
PangoLayout *ts_markup_layout(TextEngine *te, const char *markup, double size, double width);

#endif
