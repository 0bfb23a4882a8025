/*
 * figures.h - the paper's figures, rendered from the statistics of a run.
 *
 * Each figure reads only the Stats (DESIGN.md §4) and writes
 * <out_dir>/figN.pdf, .svg and/or .png, each to a temporary name renamed
 * on success.  Every figure carries a title, axis titles with units, a
 * legend where colours encode groups, and a caption line naming the
 * window, the attribution view, the as-of date and the data source.
 * Text uses only the bundled fonts (fonts/) and the look comes from
 * templates/theme.ini, both found with eoi_resource_path().
 */
#ifndef EOI_FIGURES_H
#define EOI_FIGURES_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

#include "../stats/stats.h"

/* Output formats, or-ed together in FigureOptions.formats. */
enum { FIG_PDF = 1u, FIG_SVG = 2u, FIG_PNG = 4u, FIG_ALL = 7u };

typedef struct {
	const char *out_dir; /* created with its parents when missing */
	unsigned formats;    /* FIG_PDF | FIG_SVG | FIG_PNG */
	bool single_column;  /* 3.5 in wide instead of 7 in */
} FigureOptions;

/*
 * Figure 2: developer (top) and nation-group (bottom) download shares over
 * time as 100 % stacked areas, from st->developer_shares and
 * st->nation_shares.  Periods without downloads are left blank.  Returns
 * false with ERR set (EOI_EXIT_NOINPUT for missing fonts or theme,
 * EOI_EXIT_DATA for a malformed theme, EOI_EXIT_CANTCREAT when a file
 * cannot be written).
 */
bool fig2_render(const Stats *st, const FigureOptions *fo, GError **err);

/* Check a comma-separated --only list against the figure names (usage
 * error naming the unknown one and listing the known ones). NULL: all. */
bool figures_check_only(const char *only, GError **err);
/* Render the figures selected by ONLY (NULL: all) in order; each written
 * figure is reported on LOG (NULL: silent).  Stops at the first error. */
bool figures_render(const Stats *st, const FigureOptions *fo, const char *only, FILE *log, GError **err);

#endif
