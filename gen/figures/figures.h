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
 * Figure 1: (a) Equal Earth world map of the top 12 nations of
 * st->board[BOARD_COUNTRY][BOARD_ALL_TIME] by share (non-geographic entries
 * such as "User" and "Online" listed beside it), (b) the top-10
 * leaderboards of countries, developers and models, all-time and last 12
 * months, with model-kind and developer-kind symbols.  Reads
 * data/world/countries-110m.json and data/country_codes.csv.  Errors as
 * fig2_render (EOI_EXIT_NOINPUT / EOI_EXIT_DATA also for those two files).
 */
bool fig1_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 2: developer (top) and nation-group (bottom) download shares over
 * time as 100 % stacked areas, from st->developer_shares and
 * st->nation_shares.  Periods without downloads are left blank.  Returns
 * false with ERR set (EOI_EXIT_NOINPUT for missing fonts or theme,
 * EOI_EXIT_DATA for a malformed theme, EOI_EXIT_CANTCREAT when a file
 * cannot be written).
 */
bool fig2_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 3: concentration over time at three levels (models, developers,
 * nation groups; st->concentration): per level a 100 % stacked area of the
 * shares held by ranked segments, with the Gini coefficient (purple) and
 * HHI on 0–1 (pink) on a right-hand 0–1 axis.  Periods without downloads
 * are left blank.  Errors as fig2_render.
 */
bool fig3_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 4: proportion of downloads by developer organisation type within
 * each nation group, 100 % stacked horizontal bars from st->org_matrix (its
 * row order: by downloads, Others and Unknown last).  Errors as fig2_render.
 */
bool fig4_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 5: model sizes per year from 2022 as split violins of log10
 * parameters from st->sizes: left downloaded in the year (download-
 * weighted), right created in the year; lines at the 25/50/75 percentiles.
 * The registry skips it when st->sizes->skipped.  Errors as fig2_render.
 */
bool fig5_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 6 (designed from the paper's abstract): download-weighted share of
 * multimodal, quantized, mixture-of-experts and derivative models per
 * period, four lines from st->property[PROP_MULTIMODAL .. PROP_DERIVATIVE]
 * (category 1 = yes).  A skipped property is left out and the caption says
 * why; the caption gives each drawn property's coverage.  The registry
 * skips the figure when all four are skipped.  Errors as fig2_render.
 */
bool fig6_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 7 (designed): output modality mix over time, a 100 % stacked area
 * from st->property[PROP_MODALITY], coverage in the caption.  The registry
 * skips it when that series is skipped.  Errors as fig2_render.
 */
bool fig7_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 8 (designed): training-data transparency as a 100 % stacked area
 * (st->property[PROP_TRANSPARENCY]) and the open-source share
 * (st->property[PROP_OPENNESS], category 1) as a line on a right-hand
 * axis.  When one is skipped the other is drawn alone and the caption says
 * so; the registry skips the figure when both are.  Errors as fig2_render.
 */
bool fig8_render(const Stats *st, const FigureOptions *fo, GError **err);

/*
 * Figure 9 (designed): intermediaries.  (a) share of downloads by uploader
 * role over time (st->intermediaries->roles), (b) the top intermediaries
 * as ranked bars coloured by main role, with the developers they repackage
 * most.  The registry skips it when st->intermediaries->skipped.  Errors
 * as fig2_render.
 */
bool fig9_render(const Stats *st, const FigureOptions *fo, GError **err);

/* Why figure NAME is not drawn from ST (a statistic it needs was skipped),
 * or NULL when it is drawn (or there is no such figure). */
const char *figures_skip_reason(const Stats *st, const char *name);

/* Check a comma-separated --only list against the figure names (usage
 * error naming the unknown one and listing the known ones). NULL: all. */
bool figures_check_only(const char *only, GError **err);
/* Render the figures selected by ONLY (NULL: all) in order; each written
 * figure is reported on LOG (NULL: silent).  Stops at the first error. */
bool figures_render(const Stats *st, const FigureOptions *fo, const char *only, FILE *log, GError **err);

#endif
