/*
 * sharepanel.h - a panel showing a ShareSeries as a 100 % stacked area over
 * time, with its heading ("a  Developers ..."), axes and legend.
 *
 * Panels stacked in one figure are laid out together
 * (share_panels_layout) so that they share one time range, one plot left
 * and right edge and one legend side: beside the plots when every legend
 * fits there in at most two columns without squeezing the plots, below
 * each plot otherwise.  Colours: named groups take the palette in group
 * order, "Others" and "Unknown" the theme's two greys; the legend lists
 * the groups in stacking order (first = bottom band).
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
	/* made by share_panels_layout() */
	Colour *colours;
	Legend *legend;
	bool legend_right;
	Ticks xt, yt;
	Scale sx, sy;
	Rect box, plot;
	PangoLayout *letter_layout, *heading_layout;
} SharePanel;

/* Fill P with the given fields (strings and SERIES are borrowed). */
void share_panel_init(SharePanel *p, const char *letter, const char *heading, const char *y_title,
		      const char *x_title, const ShareSeries *series);

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
