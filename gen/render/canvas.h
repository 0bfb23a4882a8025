/*
 * canvas.h - one drawing path onto PDF, SVG or PNG.
 *
 * A figure is drawn once per format through the same cairo calls, in
 * points (1/72 in) with the origin at the top left.  PNG is rendered at
 * 300 dpi (and says so in a pHYs chunk).  The output is written to a
 * temporary file beside PATH and renamed over PATH only when everything
 * succeeded, so a failed run leaves the previous output in place.
 *
 * Same drawing -> byte-identical files: the PDF creation and modification
 * dates come from $SOURCE_DATE_EPOCH (or the Unix epoch when it is not
 * set), and the per-process surface numbers cairo writes into SVG ids are
 * renumbered from 1.
 *
 * Ownership: canvas_new() returns a canvas that the caller must end with
 * canvas_finish() (which frees it) or canvas_free() (which abandons it and
 * removes the temporary file).  canvas_cairo() belongs to the canvas.
 */
#ifndef EOI_RENDER_CANVAS_H
#define EOI_RENDER_CANVAS_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "theme.h"

typedef enum { CANVAS_PDF = 1, CANVAS_SVG = 2, CANVAS_PNG = 4 } CanvasFormat;

#define CANVAS_PNG_DPI 300.0

typedef struct Canvas Canvas;

/* File name extension of FORMAT without the dot ("pdf", "svg", "png"). */
const char *canvas_format_ext(CanvasFormat format);

/*
 * Start a WIDTH × HEIGHT points drawing to be written to PATH in FORMAT,
 * filled with BACKGROUND.  TITLE goes into the PDF metadata (may be NULL).
 * Nothing touches the file system before canvas_finish().  Returns NULL
 * with ERR set (EOI_EXIT_SOFTWARE) for an impossible size or surface.
 */
Canvas *canvas_new(CanvasFormat format, const char *path, double width, double height,
		   const char *title, Colour background, GError **err);

/* The cairo context to draw on, in points. */
cairo_t *canvas_cairo(Canvas *cv);

/* True for PDF and SVG; false for PNG. */
bool canvas_is_vector(const Canvas *cv);

/*
 * Coordinate V (points) adjusted so that a line of width LINE_WIDTH drawn
 * along it is crisp: on PNG, centred on a device pixel row or column; on
 * vector output V unchanged (no pixel snapping).
 */
double canvas_snap(const Canvas *cv, double v, double line_width);

/*
 * Complete the drawing: check cairo's status, write the file and rename it
 * to PATH.  Frees CV in every case.  Returns false with ERR set
 * (EOI_EXIT_SOFTWARE for a drawing error, EOI_EXIT_CANTCREAT when the file
 * cannot be written).
 */
bool canvas_finish(Canvas *cv, GError **err);

/* Abandon CV (NULL allowed): nothing is written, the temporary file goes. */
void canvas_free(Canvas *cv);

#endif
