/*
 * violin.h - split violins: one half of a violin on each side of a centre
 * line, each a density over a shared grid of y values, with lines across
 * the half at its 25th, 50th and 75th percentiles.
 *
 * A half is drawn from its density (points where the density is below
 * VIOLIN_TRIM of its own maximum are trimmed from both tails), WIDTH
 * points per density unit away from the centre line, filled and outlined.
 * The median line is solid and the quartile lines dashed; each spans the
 * half's width at its height.
 */
#ifndef EOI_RENDER_VIOLIN_H
#define EOI_RENDER_VIOLIN_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "theme.h"

#define VIOLIN_TRIM 1e-3

typedef struct {
	int n;                   /* grid points */
	const double *grid;      /* ascending y values (data units) */
	const double *density;   /* n values >= 0 */
	double q25, median, q75; /* data units; NAN: no line */
} ViolinHalf;

typedef enum { VIOLIN_LEFT, VIOLIN_RIGHT } ViolinSide;

/* Largest density of H (0 when it has none). */
double violin_max_density(const ViolinHalf *h);
/* Density of H at Y, linear between grid points, 0 outside the grid. */
double violin_density_at(const ViolinHalf *h, double y);
/* Lowest and highest grid values drawn after trimming; false when none. */
bool violin_drawn_range(const ViolinHalf *h, double *lo, double *hi);

/*
 * Draw H on SIDE of the vertical line at X, mapping grid values through SY
 * and density d to d · WIDTH points; FILL inside, LINE for the outline and
 * the percentile lines.  False when cairo failed.
 */
bool violin_draw_half(Canvas *cv, const Theme *th, const Scale *sy, double x, double width,
		      const ViolinHalf *h, ViolinSide side, Colour fill, Colour line);

#endif
