/*
 * sharepanel.h - a panel showing a ShareSeries as a 100 % stacked area over
 * time, with its heading ("a  Developers ..."), axes and legend.
 *
 * Panels stacked in one figure are laid out together
 * (share_panels_layout) so that they share one time range, one plot left
 * and right edge and one legend side: beside the plots when every legend
 * fits there in at most two columns without squeezing the plots, below
 * each plot otherwise.  Colours: named groups take the palette in group
 * order, "Others" and "Unknown" the theme's two greys (or the colours
 * given with share_panel_set_colours); the legend lists the groups in
 * stacking order (first = bottom band), then the lines.
 *
 * A panel may also carry lines (share_panel_set_lines): drawn over the
 * area against a right-hand 0–1 axis (share_panel_set_right_axis), or,
 * in a panel without an area (series NULL), against the left axis, which
 * then runs from 0 to a nice value above the highest point, with light
 * grid lines.  Panels without lines look exactly as before.
 *
 * Ownership: share_panel_free() releases what init and layout made; the
 * series and strings given to share_panel_init() are borrowed and must
 * outlive the panel.
 */
#ifndef EOI_SHAREPANEL_H
#define EOI_SHAREPANEL_H

#include <stdbool.h>

#include "../render/axis.h"
#include "../render/legend.h"
#include "../render/lines.h"
#include "../stats/shares.h"
#include "figure.h"

#define SHARE_PANEL_LEGEND_GAP 8.0

typedef struct {
	/* given */
	const char *letter;  /* "a" */
	const char *heading; /* "Developers: ..." */
	const char *y_title;
	const char *x_title; /* NULL: no x axis title on this panel */
	const ShareSeries *series;
	/* optional, set by share_panel_set_*() (borrowed) */
	const Colour *group_colours; /* one per group, instead of the palette */
	const LineSeries *lines;
	const char *const *line_labels;
	int n_lines;
	PeriodKind line_period; /* time axis of a panel without series */
	const char *y2_title;   /* non-NULL: lines on a right-hand 0–1 axis */
	LabelStyle y2_style;
	/* made by share_panels_layout() */
	Colour *colours;
	Legend *legend;
	bool legend_right;
	Ticks xt, yt;
	Scale sx, sy;
	Ticks y2t;
	Scale sy2;
	Rect box, plot;
	PangoLayout *letter_layout, *heading_layout;
} SharePanel;

/* Fill P with the given fields (strings and SERIES are borrowed). */
void share_panel_init(SharePanel *p, const char *letter, const char *heading, const char *y_title,
		      const char *x_title, const ShareSeries *series);

/* Colour group g with COLOURS[g] (series->n_groups of them, borrowed). */
void share_panel_set_colours(SharePanel *p, const Colour *colours);

/* Draw the N LINES over the panel, labelled LABELS in the legend (both
 * borrowed).  PERIOD is the time unit of their x values (days), used for
 * the time axis when the panel has no series. */
void share_panel_set_lines(SharePanel *p, const LineSeries *lines, const char *const *labels, int n,
			   PeriodKind period);

/* Put the lines on a right-hand 0–1 axis titled TITLE, labelled in STYLE
 * (LABEL_PLAIN: 0.2; LABEL_PERCENT: 20%). */
void share_panel_set_right_axis(SharePanel *p, const char *title, LabelStyle style);

/*
 * Lay out the N panels P top to bottom from (X, Y) within width W, each
 * plot PLOT_H points tall.  Returns the height they take.
 */
double share_panels_layout(SharePanel *p, int n, const FigureEnv *env, double x, double y, double w,
			   double plot_h);

/* Draw a laid-out panel; false with ERR set when cairo failed. */
bool share_panel_draw(Canvas *cv, const FigureEnv *env, const SharePanel *p, GError **err);

/* True when SERIES has a period with a zero total (drawn as a gap). */
bool share_series_has_gap(const ShareSeries *series);

void share_panel_free(SharePanel *p);

#endif
