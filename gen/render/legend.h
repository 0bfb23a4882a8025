/*
 * legend.h - legend boxes: a colour swatch and a label per item, arranged
 * in rows and columns.
 *
 * The legend is measured first (legend_new), arranged in a number of
 * columns that fits the room the figure has (legend_cols_for_height beside
 * a plot, legend_cols_for_width below it), placed (legend_place) and
 * drawn.  Items keep their order: column by column (column_major, for a
 * legend beside a plot) or row by row (below a plot).  Labels longer than
 * LEGEND_MAX_LABEL points are shortened with "…".
 *
 * Ownership: legend_free() releases the legend and its layouts; it copies
 * nothing the caller needs to keep.
 */
#ifndef EOI_RENDER_LEGEND_H
#define EOI_RENDER_LEGEND_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"

#define LEGEND_MAX_LABEL 110.0
/* A line sample is this many swatch widths long. */
#define LEGEND_LINE_SAMPLE 2.0

typedef struct {
	const char *label;
	Colour colour;
} LegendItem;

typedef struct Legend Legend;

/* Measure N items with TE and TH (N may be 0: an empty legend). */
Legend *legend_new(TextEngine *te, const Theme *th, const LegendItem *items, int n);
void legend_free(Legend *lg);

int legend_count(const Legend *lg);
/* Width of one column: swatch, gap, widest label, column gap. */
double legend_column_width(const Legend *lg);

/* Show item I as a line sample WIDTH points thick (dashed with dashes and
 * gaps DASH points long when DASH > 0) instead of a square swatch; the
 * swatch column of the whole legend widens to LEGEND_LINE_SAMPLE swatches,
 * and the other items' swatches to rectangles that wide.  Call before
 * arranging: it changes the column width. */
void legend_set_line(Legend *lg, int i, double width, double dash);

/* Fewest columns whose height is at most MAX_HEIGHT (at most legend_count,
 * at least 1). */
int legend_cols_for_height(const Legend *lg, double max_height);
/* Most columns whose width is at most MAX_WIDTH (at least 1). */
int legend_cols_for_width(const Legend *lg, double max_width);

/* Arrange in COLS columns, column by column or row by row. */
void legend_arrange(Legend *lg, int cols, bool column_major);
/* Width and height of the arranged legend. */
double legend_width(const Legend *lg);
double legend_height(const Legend *lg);
/* Put the arranged legend's top left corner at (X, Y). */
void legend_place(Legend *lg, double x, double y);
/* The placed box of the whole legend and of item I. */
Rect legend_box(const Legend *lg);
Rect legend_item_box(const Legend *lg, int i);

/* Draw the placed legend; false when cairo failed. */
bool legend_draw(Canvas *cv, const Legend *lg);

#endif
