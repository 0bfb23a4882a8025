/*
 * area.h - 100 % stacked areas over an ordered x axis.
 *
 * Series are stacked in their order from the bottom of the plot (series 0
 * on the baseline) to the top.  A position whose shares are not all
 * finite, or sum to zero, is a gap: nothing is drawn there, and the areas
 * on either side end at their last drawn position.  A drawn position with
 * no drawn neighbour becomes a narrow stacked bar so it stays visible.
 * Each position's shares are rescaled to sum to 1.  Thin separator lines
 * (theme separator colour and width) mark the boundaries between bands.
 */
#ifndef EOI_RENDER_AREA_H
#define EOI_RENDER_AREA_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "theme.h"

typedef struct {
	int n_x, n_series;
	const double *x;       /* n_x positions in data units, ascending */
	const double *share;   /* [i * n_series + s] */
	const Colour *colours; /* n_series */
} StackedShares;

/* True when position I is drawn (all shares finite, sum > 0). */
bool area_position_drawn(const StackedShares *ss, int i);

/* Draw SS into PLOT through the scales SX (x) and SY (0..1 share); drawing
 * is clipped to PLOT.  False when cairo failed. */
bool area_draw_stacked(Canvas *cv, const Theme *th, Rect plot, const Scale *sx, const Scale *sy,
		       const StackedShares *ss);

#endif
