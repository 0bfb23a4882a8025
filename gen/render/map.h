/*
 * map.h - world choropleth in the Equal Earth projection.
 *
 * Equal Earth (B. Šavrič, T. Patterson, B. Jenny, "The Equal Earth map
 * projection", International Journal of Geographical Information Science
 * 33(3), 2019, doi:10.1080/13658816.2018.1504949) is an equal-area
 * pseudocylindrical projection: with θ = asin(√3/2 · sin φ),
 *   x = 2√3 λ cos θ / (3 (9 A4 θ⁸ + 7 A3 θ⁶ + 3 A2 θ² + A1))
 *   y = A4 θ⁹ + A3 θ⁷ + A2 θ³ + A1 θ
 * with A1 = 1.340264, A2 = −0.081106, A3 = 0.000893, A4 = 0.003796, on the
 * unit sphere (λ, φ in radians; x east, y north).
 *
 * A MapView fits the projected extent of a GeoWorld into a page rectangle
 * keeping the aspect ratio.  Countries are filled with the colour their
 * ISO code is given, else a base colour, with thin borders.
 */
#ifndef EOI_RENDER_MAP_H
#define EOI_RENDER_MAP_H

#include <stdbool.h>

#include "canvas.h"
#include "geo.h"
#include "geom.h"
#include "theme.h"

/* Project LON, LAT (degrees) onto the unit-sphere Equal Earth plane. */
void map_equal_earth(double lon, double lat, double *x, double *y);

typedef struct {
	double x0, y0, x1, y1; /* projected bounds, y north */
} MapExtent;

/* Projected bounds of every point of W (all zero for an empty world). */
MapExtent map_extent(const GeoWorld *w);

typedef struct {
	MapExtent ext;
	Rect box;     /* the page rectangle the extent fills */
	double scale; /* points per projected unit */
} MapView;

/* The largest view of EXT inside ROOM with EXT's aspect ratio, centred
 * horizontally in ROOM and at its top. */
MapView map_view_fit(MapExtent ext, Rect room);

/* Page position of LON, LAT in view V. */
void map_view_point(const MapView *v, double lon, double lat, double *px, double *py);

typedef struct {
	int iso;
	Colour fill;
} MapFill;

/*
 * Draw every country of W in view V: filled with the colour FILLS gives its
 * ISO code (the first match of N), else BASE; outlined in BORDER at width
 * LINE (0: no outline).  False when cairo failed.
 */
bool map_draw(Canvas *cv, const MapView *v, const GeoWorld *w, const MapFill *fills, int n,
	      Colour base, Colour border, double line);

/* A dot of radius R at LON, LAT, filled FILL and outlined BORDER. */
bool map_draw_marker(Canvas *cv, const MapView *v, double lon, double lat, double r, Colour fill,
		     Colour border, double line);

/*
 * Class breaks for a sequential legend: the values 1, 2, 5 × 10^k from the
 * largest not above LO to the smallest above HI (0 < LO <= HI), at most MAX
 * of them, written to EDGES ascending.  Returns how many (0 for bad input).
 * A value v is in class k when EDGES[k] <= v < EDGES[k + 1].
 */
int map_class_breaks(double lo, double hi, double *edges, int max);

/* Class of V among N_EDGES ascending EDGES (0 .. N_EDGES − 2, clamped). */
int map_class_of(const double *edges, int n_edges, double v);

#endif
