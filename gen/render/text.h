/*
 * text.h - text through Pango with only the bundled fonts.
 *
 * A TextEngine owns a fontconfig configuration that holds nothing but the
 * fonts of one directory (fonts/), a PangoCairo font map using it and one
 * Pango context with hinting off, unrounded glyph positions and a
 * resolution of 72 dpi (1 unit = 1 point).  Every layout is made from that
 * context, so a text measures the same in every output format and on every
 * machine, and is drawn through the very layout that was measured.
 *
 * Ownership: text_engine_free() releases the engine; layouts returned by
 * text_layout() belong to the caller (g_object_unref) and must not outlive
 * the engine.
 */
#ifndef EOI_RENDER_TEXT_H
#define EOI_RENDER_TEXT_H

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <stdbool.h>

#include "theme.h"

typedef struct TextEngine TextEngine;

typedef enum { TEXT_REGULAR, TEXT_BOLD, TEXT_ITALIC } TextStyle;

/*
 * Load every font file in FONT_DIR into a private fontconfig configuration
 * (no system fonts) and check that FAMILY is among them.  Returns NULL with
 * ERR set (EOI_EXIT_NOINPUT) when the directory holds no font or not that
 * family.
 */
TextEngine *text_engine_new(const char *font_dir, const char *family, GError **err);
void text_engine_free(TextEngine *te);

/* Names of the font files the engine loaded, sorted (for tests; the engine
 * owns the array). */
const char *const *text_engine_files(const TextEngine *te);

/*
 * A layout of TEXT (plain text, not markup; invalid UTF-8 is repaired) in
 * the engine's family at SIZE points.  When WRAP_WIDTH > 0 lines are
 * wrapped at word boundaries to that width in points.
 */
PangoLayout *text_layout(TextEngine *te, const char *text, double size, TextStyle style,
			 double wrap_width);

/* Shorten LAYOUT to at most WIDTH points on one line, ending in "…". */
void text_ellipsize(PangoLayout *layout, double width);

/* Logical width and height of LAYOUT in points (either pointer may be NULL). */
void text_extent(PangoLayout *layout, double *width, double *height);

/* Distance from the top of LAYOUT's box to its first baseline, in points. */
double text_baseline(PangoLayout *layout);

/*
 * Draw LAYOUT in colour C so that the point (AX·width, AY·height) of its
 * logical box lands on (X, Y), after rotating the box by ANGLE radians
 * about that point (AX, AY in 0..1: 0,0 top left; 0.5,0.5 centre).
 * Returns false when CR is in an error state afterwards.
 */
bool text_draw(cairo_t *cr, PangoLayout *layout, double x, double y, double ax, double ay,
	       double angle, Colour c);

#endif
