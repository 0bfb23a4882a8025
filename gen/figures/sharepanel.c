/* sharepanel.c - stacked-share panels over time: layout and drawing. */
#include "sharepanel.h"

#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "../render/area.h"
#include "../render/palette.h"

#define PANEL_GAP 12.0 /* between panels */

static bool series_ok(const ShareSeries *s)
{
	return s && s->n_periods > 0 && s->n_groups > 0 && s->period_start && s->share &&
	       s->group_name && s->group_kind;
}

bool share_series_has_gap(const ShareSeries *s)
{
	if (!series_ok(s))
		return false;
	for (uint32_t p = 0; p < s->n_periods; p++)
		for (uint32_t g = 0; g < s->n_groups; g++)
			if (!isfinite(share_at(s, p, g)))
				return true;
	return false;
}

void share_panel_init(SharePanel *p, const char *letter, const char *heading, const char *y_title,
		      const char *x_title, const ShareSeries *series)
{
	memset(p, 0, sizeof *p);
	p->letter = letter;
	p->heading = heading;
	p->y_title = y_title;
	p->x_title = x_title;
	p->series = series;
}

/* Colours and legend of P's groups in group (stacking) order. */
static void make_legend(SharePanel *p, const FigureEnv *env)
{
	const Theme *th = &env->theme;
	int n = series_ok(p->series) ? (int)p->series->n_groups : 0, named = 0;
	p->colours = g_new0(Colour, n ? n : 1);
	LegendItem *items = g_new0(LegendItem, n ? n : 1);
	for (int g = 0; g < n; g++) {
		GroupKind kind = p->series->group_kind[g];
		p->colours[g] = kind == GROUP_OTHERS    ? th->others
				: kind == GROUP_UNKNOWN ? th->unknown
							: palette_series(th, named++);
		const char *name = p->series->group_name[g];
		items[g] = (LegendItem){ name && *name ? name : "(unnamed)", p->colours[g] };
	}
	p->legend = legend_new(env->te, th, items, n);
	g_free(items);
}

/* Earliest and latest period start over the panels (DAY_NONE when none);
 * a single period spans to the start of the next. */
static void time_range(const SharePanel *p, int n, Day *lo, Day *hi)
{
	*lo = *hi = DAY_NONE;
	PeriodKind kind = PERIOD_MONTH;
	for (int i = 0; i < n; i++) {
		const ShareSeries *s = p[i].series;
		if (!series_ok(s))
			continue;
		Day a = s->period_start[0], b = s->period_start[s->n_periods - 1];
		*lo = *lo == DAY_NONE || a < *lo ? a : *lo;
		*hi = *hi == DAY_NONE || b > *hi ? b : *hi;
		kind = s->period;
	}
	if (*lo != DAY_NONE && *hi == *lo)
		*hi = period_next(*lo, kind);
}

/* Heading to plot top: room for the upper half of the top tick label. */
static double heading_gap(const Theme *th)
{
	return th->size_tick * 0.6 + 3.0;
}

static double heading_height(SharePanel *p, const FigureEnv *env, double w)
{
	const Theme *th = &env->theme;
	p->letter_layout = text_layout(env->te, p->letter, th->size_panel, TEXT_BOLD, 0);
	double lw, lh, hh;
	text_extent(p->letter_layout, &lw, &lh);
	p->heading_layout = text_layout(env->te, p->heading, th->size_panel, TEXT_REGULAR,
					w - lw - th->size_panel * 0.6);
	text_extent(p->heading_layout, NULL, &hh);
	return fmax(lh, hh);
}

/* Arrange every legend beside the plots; false when they do not fit there
 * (more than two columns, or wider than 30 % of W).  *WIDTH: the widest. */
static bool legends_fit_right(SharePanel *p, int n, double w, double plot_h, double *width)
{
	bool fit = true;
	*width = 0;
	for (int i = 0; i < n; i++) {
		int cols = legend_cols_for_height(p[i].legend, plot_h);
		legend_arrange(p[i].legend, cols, true);
		fit = fit && cols <= 2 && legend_height(p[i].legend) <= plot_h;
		*width = fmax(*width, legend_width(p[i].legend));
	}
	return fit && *width + SHARE_PANEL_LEGEND_GAP <= 0.3 * w;
}

static int y_max_ticks(const Theme *th, double plot_h)
{
	int m = (int)(plot_h / (th->size_tick * 3)) + 1;
	return m < 3 ? 3 : m > 6 ? 6 : m;
}

/* Plot left inset, plot width and the shared time ticks for a row of
 * panels W wide whose y axes need LEFT and legends RIGHT_W points. */
static void fit_x(const FigureEnv *env, Day lo, Day hi, double x, double w, double *left,
		  double right_w, bool legend_right, Ticks *xt, double *plot_w)
{
	*plot_w = w - *left - right_w;
	memset(xt, 0, sizeof *xt);
	if (lo == DAY_NONE)
		return;
	for (int pass = 0; pass < 2; pass++) {
		axis_fit_time_ticks(env->te, &env->theme, lo, hi, *plot_w, xt);
		Scale sx = { lo, hi, x + *left, x + *left + *plot_w, false };
		double over_l, over_r;
		axis_x_overhang(env->te, &env->theme, xt, &sx, &over_l, &over_r);
		if (legend_right)
			over_r = fmax(0, over_r - SHARE_PANEL_LEGEND_GAP / 2);
		*left = fmax(*left, over_l);
		*plot_w = w - *left - right_w - over_r;
	}
}

/* Place panel P's box, plot and legend from (X, Y); returns its height. */
static double place_panel(SharePanel *p, const FigureEnv *env, double x, double y, double w,
			  double left, double plot_w, double plot_h, double heading_h)
{
	const Theme *th = &env->theme;
	double gap = heading_gap(th);
	p->plot = (Rect){ x + left, y + heading_h + gap, plot_w, plot_h };
	p->sy = (Scale){ 0, 1, rect_bottom(p->plot), p->plot.y, false };
	double x_ext = axis_x_extent(env->te, th, &p->xt, p->x_title);
	double h = heading_h + gap + plot_h + x_ext;
	if (p->legend_right) {
		legend_place(p->legend, rect_right(p->plot) + SHARE_PANEL_LEGEND_GAP, p->plot.y);
		h = fmax(h, heading_h + gap + legend_height(p->legend));
	} else if (legend_count(p->legend) > 0) {
		double room = x + w - p->plot.x;
		legend_arrange(p->legend, legend_cols_for_width(p->legend, room), false);
		legend_place(p->legend, p->plot.x, y + h + SHARE_PANEL_LEGEND_GAP * 0.75);
		h += SHARE_PANEL_LEGEND_GAP * 0.75 + legend_height(p->legend);
	}
	p->box = (Rect){ x, y, w, h };
	return h;
}

double share_panels_layout(SharePanel *p, int n, const FigureEnv *env, double x, double y, double w,
			   double plot_h)
{
	const Theme *th = &env->theme;
	Day lo, hi;
	time_range(p, n, &lo, &hi);
	Ticks yt;
	ticks_linear(0, 1, y_max_ticks(th, plot_h), LABEL_PERCENT, &yt);
	double left = 0, legend_w = 0;
	double *heading_h = g_new0(double, n > 0 ? n : 1);
	for (int i = 0; i < n; i++) {
		make_legend(&p[i], env);
		heading_h[i] = heading_height(&p[i], env, w);
		p[i].yt = yt;
		left = fmax(left, axis_y_extent(env->te, th, &yt, p[i].y_title));
	}
	bool right = legends_fit_right(p, n, w, plot_h, &legend_w);
	Ticks xt;
	double plot_w;
	fit_x(env, lo, hi, x, w, &left, right ? legend_w + SHARE_PANEL_LEGEND_GAP : 0, right, &xt,
	      &plot_w);
	double top = y;
	for (int i = 0; i < n; i++) {
		p[i].xt = xt;
		p[i].legend_right = right;
		p[i].sx = (Scale){ lo, hi, x + left, x + left + plot_w, false };
		y += place_panel(&p[i], env, x, y, w, left, plot_w, plot_h, heading_h[i]);
		if (i + 1 < n)
			y += PANEL_GAP;
	}
	g_free(heading_h);
	return y - top;
}

static bool draw_heading(cairo_t *cr, const Theme *th, const SharePanel *p)
{
	double lw;
	text_extent(p->letter_layout, &lw, NULL);
	return text_draw(cr, p->letter_layout, p->box.x, p->box.y, 0, 0, 0, th->text) &&
	       text_draw(cr, p->heading_layout, p->box.x + lw + th->size_panel * 0.6, p->box.y, 0,
			 0, 0, th->text);
}

/* The stacked areas, or a note when no period has downloads. */
static bool draw_data(Canvas *cv, const FigureEnv *env, const SharePanel *p)
{
	const ShareSeries *s = p->series;
	bool any = false;
	StackedShares ss = { 0 };
	double *xs = NULL;
	if (series_ok(s)) {
		xs = g_new(double, s->n_periods);
		for (uint32_t i = 0; i < s->n_periods; i++)
			xs[i] = s->period_start[i];
		ss = (StackedShares){ (int)s->n_periods, (int)s->n_groups, xs, s->share,
				      p->colours };
		for (int i = 0; i < ss.n_x && !any; i++)
			any = area_position_drawn(&ss, i);
	}
	bool ok;
	if (any) {
		ok = area_draw_stacked(cv, &env->theme, p->plot, &p->sx, &p->sy, &ss);
	} else {
		PangoLayout *l = text_layout(env->te, "No downloads in this window",
					     env->theme.size_label, TEXT_ITALIC, 0);
		ok = text_draw(canvas_cairo(cv), l, p->plot.x + p->plot.w / 2,
			       p->plot.y + p->plot.h / 2, 0.5, 0.5, 0, env->theme.text_muted);
		g_object_unref(l);
	}
	g_free(xs);
	return ok;
}

bool share_panel_draw(Canvas *cv, const FigureEnv *env, const SharePanel *p, GError **err)
{
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	bool ok = draw_heading(cr, th, p) && draw_data(cv, env, p) &&
		  axis_draw_y(cv, env->te, th, p->plot, &p->sy, &p->yt, p->y_title) &&
		  axis_draw_x(cv, env->te, th, p->plot, &p->sx, &p->xt, p->x_title) &&
		  legend_draw(cv, p->legend);
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "panel %s: cairo: %s", p->letter,
			    cairo_status_to_string(cairo_status(cr)));
	return ok;
}

void share_panel_free(SharePanel *p)
{
	legend_free(p->legend);
	p->legend = NULL;
	g_clear_pointer(&p->colours, g_free);
	g_clear_object(&p->letter_layout);
	g_clear_object(&p->heading_layout);
}
