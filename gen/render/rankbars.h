/*
 * rankbars.h - ranked horizontal bars with value labels: one row per item,
 * top to bottom in the given order, the item's label right-aligned left of
 * a common baseline, a bar proportional to its value, the value label just
 * past the bar's end and an optional muted note after it.
 *
 * The bars are scaled so that every row (bar, value label, note) fits the
 * width given to rankbars_layout(); when that would leave the bars less
 * than RANKBARS_MIN_BAR_FRACTION of the room right of the labels, the
 * notes are shortened with "…" (or dropped) instead.
 *
 * Ownership: rankbars_free() releases the bars and their layouts; the
 * strings given to rankbars_new() are copied into layouts, not kept.
 */
#ifndef EOI_RENDER_RANKBARS_H
#define EOI_RENDER_RANKBARS_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"

#define RANKBARS_GAP 3.0               /* label to baseline, bar to value, value to note */
#define RANKBARS_MIN_BAR_FRACTION 0.4  /* least room for the longest bar */
#define RANKBARS_MAX_LABEL 150.0       /* longer labels are shortened with "…" */
#define RANKBARS_MIN_NOTE 24.0         /* a note with less room than this is dropped */

typedef struct {
	const char *label;       /* left of the baseline */
	double value;            /* bar length in data units; not finite or < 0: no bar */
	const char *value_label; /* after the bar (may be NULL) */
	const char *note;        /* after the value label, muted (may be NULL) */
	Colour colour;           /* of the bar */
} RankBar;

typedef struct RankBars RankBars;

/* Measure the N bars with TE and TH (N may be 0). */
RankBars *rankbars_new(TextEngine *te, const Theme *th, const RankBar *bars, int n);
void rankbars_free(RankBars *rb);

int rankbars_count(const RankBars *rb);
/* Height of one row (the tallest text, plus spacing). */
double rankbars_row_height(const RankBars *rb);

/*
 * Lay the rows out from (X, Y) within width W: the label column as wide as
 * the widest label, the baseline after it, bars scaled so the longest row
 * fits.  Returns the height taken (rows × row height).
 */
double rankbars_layout(RankBars *rb, double x, double y, double w);

/* After layout: the whole block, and row I's bar, label, value label and
 * note boxes (a note that was dropped has zero width). */
Rect rankbars_box(const RankBars *rb);
Rect rankbars_bar_box(const RankBars *rb, int i);
Rect rankbars_label_box(const RankBars *rb, int i);
Rect rankbars_value_box(const RankBars *rb, int i);
Rect rankbars_note_box(const RankBars *rb, int i);
/* Points per data unit of the bars. */
double rankbars_scale(const RankBars *rb);

/* Draw the laid-out bars; false when cairo failed. */
bool rankbars_draw(Canvas *cv, const RankBars *rb);

#endif
