/*
 * palette.h - colours for categorical series.
 *
 * The built-in palette holds 20 qualitative colours chosen to stay apart
 * for the common colour-vision deficiencies: the 7 Okabe-Ito colours
 * (Okabe & Ito 2008) first, then Paul Tol's "muted" and "light" schemes,
 * ordered so that neighbouring series (neighbouring bands of a stacked
 * area) differ in hue and lightness.  "Others" is a neutral mid grey and
 * "Unknown" a light grey, so the two never read as a named series.
 */
#ifndef EOI_RENDER_PALETTE_H
#define EOI_RENDER_PALETTE_H

#include "theme.h"

#define PALETTE_N_DEFAULT 20

/* Copy the built-in series colours into OUT (room for THEME_MAX_SERIES);
 * returns how many were written. */
int palette_default_series(Colour *out);
/* Built-in colours of the "Others" and "Unknown" groups. */
Colour palette_default_others(void);
Colour palette_default_unknown(void);

/* Sequential colour at T in 0..1 (clamped) from light to dark: ColorBrewer
 * YlGnBu (Brewer, colorbrewer2.org; colour-blind safe), interpolated
 * linearly in sRGB between its nine colours.  For choropleth classes. */
Colour palette_sequential(double t);

/* Colour of the I-th named series (0-based) of TH; wraps around when I is
 * beyond the palette. */
Colour palette_series(const Theme *th, int i);

#endif
