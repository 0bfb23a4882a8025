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

void share_panel_set_colours(SharePanel *p, const Colour *colours)
{
	p->group_colours = colours;
}

void share_panel_set_lines(SharePanel *p, const LineSeries *lines, const char *const *labels, int n,
			   PeriodKind period)
{
	p->lines = lines;
	p->line_labels = labels;
	p->n_lines = lines && n > 0 ? n : 0;
	p->line_period = period;
}

void share_panel_set_right_axis(SharePanel *p, const char *title, LabelStyle style)
{
	p->y2_title = title;
	p->y2_style = style;
}

/* A panel of lines on the left axis, without a stacked area. */
static bool line_only(const SharePanel *p)
{
	return !series_ok(p->series) && p->n_lines > 0 && !p->y2_title;
}

static bool has_right_axis(const SharePanel *p)
{
	return p->n_lines > 0 && p->y2_title;
}

/* Colours and legend of P's groups in group (stacking) order, then of its
 * lines. */
static void make_legend(SharePanel *p, const FigureEnv *env)
{
	const Theme *th = &env->theme;
	int n = series_ok(p->series) ? (int)p->series->n_groups : 0, named = 0, nl = p->n_lines;
	p->colours = g_new0(Colour, n ? n : 1);
	LegendItem *items = g_new0(LegendItem, n + nl ? n + nl : 1);
	for (int g = 0; g < n; g++) {
		GroupKind kind = p->series->group_kind[g];
		p->colours[g] = p->group_colours        ? p->group_colours[g]
				: kind == GROUP_OTHERS  ? th->others
				: kind == GROUP_UNKNOWN ? th->unknown
							: palette_series(th, named++);
		const char *name = p->series->group_name[g];
		items[g] = (LegendItem){ name && *name ? name : "(unnamed)", p->colours[g] };
	}
	for (int l = 0; l < nl; l++) {
		const char *name = p->line_labels ? p->line_labels[l] : NULL;
		items[n + l] = (LegendItem){ name && *name ? name : "(unnamed)", p->lines[l].colour };
	}
	p->legend = legend_new(env->te, th, items, n + nl);
	for (int l = 0; l < nl; l++)
		legend_set_line(p->legend, n + l,
				p->lines[l].width > 0 ? p->lines[l].width : th->line_data,
				p->lines[l].dash);
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
		for (int l = 0; l < p[i].n_lines; l++) {
			const LineSeries *ls = &p[i].lines[l];
			if (ls->n <= 0 || !ls->x)
				continue;
			Day a = (Day)ls->x[0], b = (Day)ls->x[ls->n - 1];
			*lo = *lo == DAY_NONE || a < *lo ? a : *lo;
			*hi = *hi == DAY_NONE || b > *hi ? b : *hi;
			kind = p[i].line_period;
		}
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

/* Space between the panel letter and the heading (none without a letter). */
static double letter_gap(const Theme *th, double letter_w)
{
	return letter_w > 0 ? th->size_panel * 0.6 : 0;
}

static double heading_height(SharePanel *p, const FigureEnv *env, double w)
{
	const Theme *th = &env->theme;
	p->letter_layout = text_layout(env->te, p->letter, th->size_panel, TEXT_BOLD, 0);
	double lw, lh, hh;
	text_extent(p->letter_layout, &lw, &lh);
	p->heading_layout = text_layout(env->te, p->heading, th->size_panel, TEXT_REGULAR,
					w - lw - letter_gap(th, lw));
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

/* Left-axis ticks of a lines-only panel: 0 to a nice value at or above the
 * highest point (at most 100 %; 10 % when every point is 0 or missing). */
static void line_ticks(SharePanel *p, const Theme *th, double plot_h)
{
	double top = fmin(1, lines_max(p->lines, p->n_lines));
	ticks_linear(0, top > 0 ? top : 0.1, y_max_ticks(th, plot_h), LABEL_PERCENT, &p->yt);
}

/* Plot left inset, plot width and the shared time ticks for a row of
 * panels W wide whose y axes need LEFT and legends RIGHT_W points (a
 * right-hand axis included: the last tick label may reach into the
 * AXIS_R points it takes). */
static void fit_x(const FigureEnv *env, Day lo, Day hi, double x, double w, double *left,
		  double right_w, double axis_r, bool legend_right, Ticks *xt, double *plot_w)
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
		over_r = fmax(0, over_r - axis_r);
		*left = fmax(*left, over_l);
		*plot_w = w - *left - right_w - over_r;
	}
}

/* Place panel P's box, plot and legend from (X, Y); returns its height. */
static double place_panel(SharePanel *p, const FigureEnv *env, double x, double y, double w,
			  double left, double plot_w, double plot_h, double heading_h, double axis_r)
{
	const Theme *th = &env->theme;
	double gap = heading_gap(th);
	p->plot = (Rect){ x + left, y + heading_h + gap, plot_w, plot_h };
	p->sy = (Scale){ 0, line_only(p) ? p->yt.hi : 1, rect_bottom(p->plot), p->plot.y, false };
	p->sy2 = (Scale){ 0, 1, rect_bottom(p->plot), p->plot.y, false };
	double x_ext = axis_x_extent(env->te, th, &p->xt, p->x_title);
	double h = heading_h + gap + plot_h + x_ext;
	if (p->legend_right) {
		legend_place(p->legend, rect_right(p->plot) + axis_r + SHARE_PANEL_LEGEND_GAP,
			     p->plot.y);
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
	double left = 0, legend_w = 0, axis_r = 0;
	double *heading_h = g_new0(double, n > 0 ? n : 1);
	for (int i = 0; i < n; i++) {
		make_legend(&p[i], env);
		heading_h[i] = heading_height(&p[i], env, w);
		p[i].yt = yt;
		if (line_only(&p[i]))
			line_ticks(&p[i], th, plot_h);
		left = fmax(left, axis_y_extent(env->te, th, &p[i].yt, p[i].y_title));
		if (has_right_axis(&p[i])) {
			ticks_linear(0, 1, y_max_ticks(th, plot_h), p[i].y2_style, &p[i].y2t);
			axis_r = fmax(axis_r, lines_right_axis_extent(env->te, th, &p[i].y2t,
								      p[i].y2_title));
		}
	}
	bool right = legends_fit_right(p, n, w, plot_h, &legend_w);
	Ticks xt;
	double plot_w;
	fit_x(env, lo, hi, x, w, &left, (right ? legend_w + SHARE_PANEL_LEGEND_GAP : 0) + axis_r,
	      axis_r, right, &xt, &plot_w);
	double top = y;
	for (int i = 0; i < n; i++) {
		p[i].xt = xt;
		p[i].legend_right = right;
		p[i].sx = (Scale){ lo, hi, x + left, x + left + plot_w, false };
		y += place_panel(&p[i], env, x, y, w, left, plot_w, plot_h, heading_h[i], axis_r);
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
	       text_draw(cr, p->heading_layout, p->box.x + lw + letter_gap(th, lw), p->box.y, 0, 0,
			 0, th->text);
}

static bool draw_note(Canvas *cv, const FigureEnv *env, const SharePanel *p)
{
	PangoLayout *l = text_layout(env->te, "No downloads in this window", env->theme.size_label,
				     TEXT_ITALIC, 0);
	bool ok = text_draw(canvas_cairo(cv), l, p->plot.x + p->plot.w / 2,
			    p->plot.y + p->plot.h / 2, 0.5, 0.5, 0, env->theme.text_muted);
	g_object_unref(l);
	return ok;
}

/* The stacked areas, or a note when no period has downloads. */
static bool draw_area(Canvas *cv, const FigureEnv *env, const SharePanel *p)
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
	bool ok = any ? area_draw_stacked(cv, &env->theme, p->plot, &p->sx, &p->sy, &ss)
		      : draw_note(cv, env, p);
	g_free(xs);
	return ok;
}

/* Light horizontal lines at the y ticks above 0 (lines-only panels). */
static void draw_grid(Canvas *cv, const Theme *th, const SharePanel *p)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	cairo_set_source_rgb(cr, th->grid.r, th->grid.g, th->grid.b);
	cairo_set_line_width(cr, th->line_grid);
	for (int i = 0; i < p->yt.n; i++) {
		if (p->yt.value[i] <= 0)
			continue;
		double y = canvas_snap(cv, scale_map(&p->sy, p->yt.value[i]), th->line_grid);
		cairo_move_to(cr, p->plot.x, y);
		cairo_line_to(cr, rect_right(p->plot), y);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

/* True when some line of P has a point to draw. */
static bool lines_have_data(const SharePanel *p)
{
	for (int l = 0; l < p->n_lines; l++)
		if (line_runs(&p->lines[l]) > 0)
			return true;
	return false;
}

/* The stacked areas (or, without any, a note), then the lines. */
static bool draw_data(Canvas *cv, const FigureEnv *env, const SharePanel *p)
{
	const Theme *th = &env->theme;
	if (!line_only(p))
		return draw_area(cv, env, p) &&
		       (p->n_lines == 0 || lines_draw(cv, th, p->plot, &p->sx,
						      has_right_axis(p) ? &p->sy2 : &p->sy,
						      p->lines, p->n_lines));
	draw_grid(cv, th, p);
	return lines_have_data(p) ? lines_draw(cv, th, p->plot, &p->sx, &p->sy, p->lines, p->n_lines)
				  : draw_note(cv, env, p);
}

bool share_panel_draw(Canvas *cv, const FigureEnv *env, const SharePanel *p, GError **err)
{
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	bool ok = draw_heading(cr, th, p) && draw_data(cv, env, p) &&
		  axis_draw_y(cv, env->te, th, p->plot, &p->sy, &p->yt, p->y_title) &&
		  axis_draw_x(cv, env->te, th, p->plot, &p->sx, &p->xt, p->x_title) &&
		  (!has_right_axis(p) || lines_right_axis_draw(cv, env->te, th, p->plot, &p->sy2,
							       &p->y2t, p->y2_title)) &&
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
