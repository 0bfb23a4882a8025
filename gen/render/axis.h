/*
 * axis.h - measuring and drawing x and y axes: spine, ticks, tick labels
 * and the axis title.
 *
 * Axes are drawn in the journal style: a spine along the left and bottom
 * of the plot, ticks pointing outwards, labels outside, the title (with
 * its unit) centred along the axis.  Measuring and drawing use the same
 * layouts and the same gaps, so the space a layout reserves is exactly
 * the space the drawing uses.
 */
#ifndef EOI_RENDER_AXIS_H
#define EOI_RENDER_AXIS_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"
#include "ticks.h"

#define AXIS_LABEL_GAP 2.0 /* tick end to tick label */
#define AXIS_TITLE_GAP 3.0 /* tick labels to axis title */
/* Labelled time ticks are at least this far apart (0.75 in; a sixth of
 * the axis on narrow plots), so a long span shows years with quarters as
 * minor ticks rather than a crowd of half-years. */
#define AXIS_TIME_MIN_SPACING 54.0

/* Width left of the plot taken by a y axis with ticks T and TITLE (may be
 * NULL): tick, gap, widest label, gap, title height. */
double axis_y_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title);

/* Height below the plot taken by an x axis with ticks T and TITLE. */
double axis_x_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title);

/* How far the first and last x tick labels reach beyond the plot's left
 * and right edges for a plot spanning SX (0 when they stay inside). */
void axis_x_overhang(TextEngine *te, const Theme *th, const Ticks *t, const Scale *sx, double *left,
		     double *right);

/*
 * Time ticks for days LO..HI drawn over WIDTH points: the finest calendar
 * step whose labelled ticks are AXIS_TIME_MIN_SPACING (at most WIDTH / 6)
 * apart and keep two letter widths between neighbouring labels.
 */
void axis_fit_time_ticks(TextEngine *te, const Theme *th, Day lo, Day hi, double width, Ticks *out);

/* Draw the y axis of PLOT: spine, ticks T mapped through SY, labels, TITLE
 * rotated along the axis.  False when cairo failed. */
bool axis_draw_y(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
		 const Ticks *t, const char *title);

/* Which edge of the plot a y axis runs along. */
typedef enum { AXIS_LEFT, AXIS_RIGHT } AxisSide;

/* Draw a y axis along PLOT's SIDE edge: spine, ticks T mapped through SY
 * pointing outwards, labels outside them, TITLE rotated along the axis
 * (reading upwards on either side).  axis_draw_y is the AXIS_LEFT case.
 * False when cairo failed. */
bool axis_draw_y_side(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
		      const Ticks *t, const char *title, AxisSide side);

/* Draw the x axis of PLOT the same way (minor ticks of T included). */
bool axis_draw_x(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sx,
		 const Ticks *t, const char *title);

#endif
