/*
 * hbars.h - 100 % stacked horizontal bars, one per row, labelled on the
 * left, with an optional note per row on the right (e.g. the row's total).
 *
 * Rows run from the top of the plot down, each bar HBARS_BAR_FRAC of its
 * slot tall.  A row's values are rescaled to sum to 1; a row whose values
 * are not finite or sum to 0 is left empty.  Segments at least
 * HBARS_MIN_LABEL points wide carry their percentage (no decimals), in
 * white on dark colours and in the text colour on light ones.  Thin
 * separator lines (theme separator colour) part the segments.
 */
#ifndef EOI_RENDER_HBARS_H
#define EOI_RENDER_HBARS_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"

#define HBARS_BAR_FRAC 0.72
#define HBARS_MIN_LABEL 18.0
#define HBARS_LABEL_GAP 4.0 /* row label to bar, bar to note */

typedef struct {
	int n_rows, n_cols;
	const char *const *row_label; /* n_rows */
	const char *const *row_note;  /* n_rows, or NULL */
	const double *value;          /* [r * n_cols + c] */
	const Colour *colours;        /* n_cols */
} StackedBars;

/* Room the row labels take left of the plot, gap included. */
double hbars_label_extent(TextEngine *te, const Theme *th, const StackedBars *sb);
/* Room the row notes take right of the plot, gap included (0: none). */
double hbars_note_extent(TextEngine *te, const Theme *th, const StackedBars *sb);

/* Rectangle of row R's whole bar in PLOT. */
Rect hbars_bar_box(Rect plot, int n_rows, int r);
/* Fraction of row R's bar before column C and of column C itself (after
 * rescaling); false when the row is empty. */
bool hbars_segment(const StackedBars *sb, int r, int c, double *start, double *frac);

/* Draw the bars, segment labels, row labels and notes.  False when cairo
 * failed. */
bool hbars_draw(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const StackedBars *sb);

#endif
