/*
 * figset.h - the report's figures: each is rendered once with the figure
 * registry (gen/figures) as SVG into a private temporary folder, then
 * drawn onto the report's cairo surface as vectors with librsvg.
 *
 * Ownership: figset_free() removes the temporary folder and its files;
 * the paths and reasons returned by figset_get() belong to the set.
 */
#ifndef EOI_REPORT_FIGSET_H
#define EOI_REPORT_FIGSET_H

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "../stats/stats.h"

typedef struct FigSet FigSet;

/* A set for the figures of ST (ST must outlive it).  NULL with ERR set
 * (EOI_EXIT_CANTCREAT) when no temporary folder can be made. */
FigSet *figset_new(const Stats *st, GError **err);
void figset_free(FigSet *fs);

/* Is NAME a figure of the registry? (TemplateHooks signature.) */
bool figset_known(const char *name, void *unused);

/*
 * Render figure NAME (once; later calls reuse it).  On success either
 * *SVG is the SVG file's path, or *SKIPPED says why the figure is not
 * drawn (its statistic was skipped).  False with ERR set when rendering
 * failed.
 */
bool figset_get(FigSet *fs, const char *name, const char **svg, const char **skipped, GError **err);

/* Size of the SVG at PATH in points.  False with ERR set (EOI_EXIT_DATA)
 * when it cannot be read. */
bool svg_size(const char *path, double *width, double *height, GError **err);
/* Draw the SVG at PATH into the box (X, Y, W, H) of CR. */
bool svg_draw(cairo_t *cr, const char *path, double x, double y, double w, double h, GError **err);

#endif
