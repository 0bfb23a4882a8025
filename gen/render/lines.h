/*
 * lines.h - line series over an ordered x axis, and a secondary y axis on
 * the right-hand side of a plot (e.g. Gini and HHI on 0–1 over a 100 %
 * stacked area).
 *
 * A position whose value is not finite is a gap: the line ends at the last
 * finite point before it and starts again at the next finite point after
 * it.  A finite point with no finite neighbour is drawn as a dot so that it
 * stays visible.  A line may have a halo: a wider stroke in the background
 * colour drawn under every line first, so lines stay legible over filled
 * areas without cutting each other where they cross.
 *
 * A LineSeries is a plain value struct; it borrows its arrays.
 */
#ifndef EOI_RENDER_LINES_H
#define EOI_RENDER_LINES_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"
#include "ticks.h"

typedef struct {
	int n;
	const double *x; /* n positions in data units, ascending */
	const double *y; /* value of position i at y[i * stride]; not finite: gap */
	int stride;      /* 0 is taken as 1 (contiguous values) */
	Colour colour;
	double width;              /* points; <= 0: the theme's data line width */
	double dash;               /* dash and gap length, points; <= 0: solid */
	double halo;               /* background margin on each side, points; 0: none */
} LineSeries;

/* Value of position I of LS (NAN when I is out of range). */
double line_value(const LineSeries *ls, int i);

/* Page position of point I through SX and SY; false (and nothing
 * written) when the point is a gap. */
bool line_point(const LineSeries *ls, const Scale *sx, const Scale *sy, int i, double *px,
		double *py);

/* True when point I is finite and neither neighbour is: drawn as a dot. */
bool line_point_lone(const LineSeries *ls, int i);

/* Number of runs of consecutive finite points (each run is one stroke,
 * or one dot when it holds a single point). */
int line_runs(const LineSeries *ls);

/* Largest finite value of the N series (0 when there is none). */
double lines_max(const LineSeries *ls, int n);

/*
 * Draw the N series LS into PLOT through SX and SY: every halo first, then
 * the lines in order (the last on top).  Drawing is clipped to PLOT widened
 * by the widest line, so a line along the plot's edge shows whole.  False
 * when cairo failed.
 */
bool lines_draw(Canvas *cv, const Theme *th, Rect plot, const Scale *sx, const Scale *sy,
		const LineSeries *ls, int n);

/* Width right of the plot taken by a right-hand y axis with ticks T and
 * TITLE (may be NULL): tick, gap, widest label, gap, title height. */
double lines_right_axis_extent(TextEngine *te, const Theme *th, const Ticks *t, const char *title);

/*
 * Draw a y axis along the right edge of PLOT: spine, ticks T mapped
 * through SY pointing outwards, labels right of them, TITLE rotated along
 * the axis (reading upwards, like the left axis).  False when cairo failed.
 */
bool lines_right_axis_draw(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const Scale *sy,
			   const Ticks *t, const char *title);

#endif
