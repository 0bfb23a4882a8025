/*
 * geom.h - rectangles and data-to-page scales, in points.
 */
#ifndef EOI_RENDER_GEOM_H
#define EOI_RENDER_GEOM_H

#include <math.h>
#include <stdbool.h>

typedef struct {
	double x, y, w, h; /* top left corner, width, height */
} Rect;

static inline double rect_right(Rect r)
{
	return r.x + r.w;
}

static inline double rect_bottom(Rect r)
{
	return r.y + r.h;
}

/* True when A and B share interior area (touching edges do not count). */
static inline bool rect_overlaps(Rect a, Rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* True when INNER lies within OUTER (up to EPS points). */
static inline bool rect_contains(Rect outer, Rect inner, double eps)
{
	return inner.x >= outer.x - eps && inner.y >= outer.y - eps &&
	       inner.x + inner.w <= outer.x + outer.w + eps &&
	       inner.y + inner.h <= outer.y + outer.h + eps;
}

/* Maps data values D0..D1 to page positions R0..R1, linearly or in log10. */
typedef struct {
	double d0, d1, r0, r1;
	bool log;
} Scale;

static inline double scale_map(const Scale *s, double v)
{
	double a = s->d0, b = s->d1;
	if (s->log) {
		a = log10(a);
		b = log10(b);
		v = log10(v);
	}
	if (b == a)
		return (s->r0 + s->r1) / 2;
	return s->r0 + (v - a) / (b - a) * (s->r1 - s->r0);
}

#endif
