/*
 * fig5.c - Figure 5: distribution of model sizes (log10 parameters) per
 * year as split violins: left (pink) the models downloaded in the year,
 * weighted by their downloads; right (green) the models created in the
 * year, one each; from FIG5_FIRST_YEAR on (DESIGN.md §1), or from the
 * first later year with data.  Lines at the
 * 25th, 50th and 75th percentiles.  All halves share one density scale
 * (each KDE integrates to 1), so equal areas mean equal mass.
 */
#include "figures.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "../render/axis.h"
#include "../render/legend.h"
#include "../render/violin.h"
#include "figure.h"

#define FIG5_TITLE "Figure 5. Size of the models downloaded and created each year"
#define FIG5_FIRST_YEAR 2022
#define FIG5_MAX_YEARS 40
#define FIG5_HALF 0.46 /* widest half, as a share of a year's slot */

typedef struct {
	FigureFrame frame;
	const Sizes *sizes;
	int first_year, n_years;
	bool partial;                           /* the last year ends at the as-of date */
	const SizeYear *half[FIG5_MAX_YEARS][2]; /* [year][0 downloaded, 1 created] */
	double width;                           /* points per density unit */
	Colour fill[2], line[2];
	Legend *legend;
	PangoLayout *empty;
	Ticks xt, yt;
	Scale sx, sy;
	Rect plot;
} Fig5;

static const char *const x_title = "Year";
static const char *const y_title = "Parameters (log scale)";

static Colour mix(Colour a, Colour b, double t)
{
	return (Colour){ a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b) };
}

static ViolinHalf half_of(const Fig5 *f, const SizeYear *y)
{
	return (ViolinHalf){ (int)f->sizes->n_points, f->sizes->grid, y->density,
			     y->q25 > 0 ? log10(y->q25) : NAN, y->median > 0 ? log10(y->median) : NAN,
			     y->q75 > 0 ? log10(y->q75) : NAN };
}

static void put_years(Fig5 *f, const SizeYear *ys, uint32_t n, int side, int last)
{
	for (uint32_t i = 0; i < n; i++) {
		int k = ys[i].year - f->first_year;
		if (k >= 0 && ys[i].year <= last && k < FIG5_MAX_YEARS && ys[i].density)
			f->half[k][side] = &ys[i];
	}
}

/* First year of YS at or after FIG5_FIRST_YEAR (INT_MAX: none). */
static int first_shown(const SizeYear *ys, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (ys[i].year >= FIG5_FIRST_YEAR)
			return ys[i].year;
	return INT_MAX;
}

/* Years shown: from FIG5_FIRST_YEAR (or the first later year with data)
 * to the last year of either family; the last is partial when AS_OF is
 * before its 31 December. */
static void pick_years(Fig5 *f, const Sizes *s, Day as_of)
{
	f->sizes = s;
	f->first_year = FIG5_FIRST_YEAR;
	if (!s || s->skipped || s->n_points < 2 || !s->grid)
		return;
	int first = MIN(first_shown(s->downloaded, s->n_downloaded),
			first_shown(s->created, s->n_created));
	if (first == INT_MAX)
		return;
	f->first_year = first;
	int last = f->first_year - 1;
	if (s->n_downloaded)
		last = MAX(last, s->downloaded[s->n_downloaded - 1].year);
	if (s->n_created)
		last = MAX(last, s->created[s->n_created - 1].year);
	f->n_years = MIN(last - f->first_year + 1, FIG5_MAX_YEARS);
	put_years(f, s->downloaded, s->n_downloaded, 0, last);
	put_years(f, s->created, s->n_created, 1, last);
	f->partial = f->n_years > 0 && as_of != DAY_NONE && as_of < day_from_civil(last, 12, 31);
}

/* Decades spanned by the drawn halves; the largest density.  False when
 * nothing is drawn. */
static bool data_range(const Fig5 *f, double *lo, double *hi, double *dmax)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	*dmax = 0;
	for (int k = 0; k < f->n_years; k++)
		for (int s = 0; s < 2; s++) {
			if (!f->half[k][s])
				continue;
			ViolinHalf h = half_of(f, f->half[k][s]);
			double a, b;
			if (!violin_drawn_range(&h, &a, &b))
				continue;
			*lo = fmin(*lo, a);
			*hi = fmax(*hi, b);
			*dmax = fmax(*dmax, violin_max_density(&h));
		}
	return *dmax > 0;
}

/* Ticks at whole decades labelled 10M, 100M, 1B, ...; axis LO..HI. */
static void size_ticks(double lo, double hi, Ticks *t)
{
	ticks_linear(floor(lo), ceil(hi), TICKS_MAX, LABEL_PLAIN, t);
	int n = 0;
	for (double v = floor(lo); v <= ceil(hi) + 1e-9 && n < TICKS_MAX; v += 1, n++) {
		t->value[n] = v;
		label_si(pow(10, v), t->label[n], TICKS_LABEL_MAX);
	}
	t->n = n;
	t->lo = floor(lo);
	t->hi = ceil(hi);
	t->step = 1;
	t->n_minor = 0;
}

static void year_ticks(const Fig5 *f, Ticks *t)
{
	memset(t, 0, sizeof *t);
	for (int k = 0; k < f->n_years && k < TICKS_MAX; k++) {
		bool star = f->partial && k == f->n_years - 1;
		t->value[k] = k;
		g_snprintf(t->label[k], TICKS_LABEL_MAX, "%d%s", f->first_year + k, star ? "*" : "");
		t->n = k + 1;
	}
}

static void make_legend(Fig5 *f, const FigureEnv *env)
{
	Colour pink = { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 };
	Colour green = { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 };
	Colour white = { 1, 1, 1 }, black = { 0, 0, 0 };
	f->fill[0] = mix(pink, white, 0.2);
	f->fill[1] = mix(green, white, 0.2);
	f->line[0] = mix(pink, black, 0.55);
	f->line[1] = mix(green, black, 0.55);
	LegendItem items[2] = { { "Downloaded that year (left)", f->fill[0] },
				{ "Created that year (right)", f->fill[1] } };
	f->legend = legend_new(env->te, &env->theme, items, 2);
}

static double layout_body(Fig5 *f, const FigureEnv *env, bool single)
{
	const Theme *th = &env->theme;
	Rect body = f->frame.body;
	double lo = 7, hi = 12, dmax = 0;
	bool any = data_range(f, &lo, &hi, &dmax);
	if (!any)
		lo = 7, hi = 12;
	size_ticks(lo, hi, &f->yt);
	year_ticks(f, &f->xt);
	make_legend(f, env);
	legend_arrange(f->legend, legend_cols_for_width(f->legend, body.w), false);
	legend_place(f->legend, body.x, body.y);
	double top = body.y + legend_height(f->legend) + FIGURE_BLOCK_GAP;
	double left = axis_y_extent(env->te, th, &f->yt, y_title);
	double plot_h = single ? 150 : 180;
	f->plot = (Rect){ body.x + left, top + th->size_tick * 0.6, body.w - left, plot_h };
	double n = f->n_years > 0 ? f->n_years : 1;
	f->sx = (Scale){ -0.5, n - 0.5, f->plot.x, rect_right(f->plot), false };
	f->sy = (Scale){ f->yt.lo, f->yt.hi, rect_bottom(f->plot), f->plot.y, false };
	f->width = any ? FIG5_HALF * f->plot.w / n / dmax : 0;
	if (!any)
		f->empty = text_layout(env->te, "No model with a known size in these years",
				       th->size_label, TEXT_ITALIC, 0);
	return rect_bottom(f->plot) + axis_x_extent(env->te, th, &f->xt, x_title) - body.y;
}

static void draw_grid(cairo_t *cr, const Canvas *cv, const Fig5 *f, const Theme *th)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, th->grid.r, th->grid.g, th->grid.b);
	cairo_set_line_width(cr, th->line_grid);
	for (int i = 0; i < f->yt.n; i++) {
		double y = canvas_snap(cv, scale_map(&f->sy, f->yt.value[i]), th->line_grid);
		cairo_move_to(cr, f->plot.x, y);
		cairo_line_to(cr, rect_right(f->plot), y);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static bool draw_violins(Canvas *cv, const Fig5 *f, const Theme *th)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	cairo_rectangle(cr, f->plot.x, f->plot.y, f->plot.w, f->plot.h);
	cairo_clip(cr);
	bool ok = true;
	for (int k = 0; ok && k < f->n_years; k++)
		for (int s = 0; ok && s < 2; s++) {
			if (!f->half[k][s])
				continue;
			ViolinHalf h = half_of(f, f->half[k][s]);
			ok = violin_draw_half(cv, th, &f->sy, scale_map(&f->sx, k), f->width, &h,
					      s == 0 ? VIOLIN_LEFT : VIOLIN_RIGHT, f->fill[s],
					      f->line[s]);
		}
	cairo_restore(cr);
	return ok;
}

static bool fig5_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig5 *f = data;
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	draw_grid(cr, cv, f, th);
	bool ok = figure_frame_draw(cv, env, &f->frame) && draw_violins(cv, f, th) &&
		  axis_draw_y(cv, env->te, th, f->plot, &f->sy, &f->yt, y_title) &&
		  axis_draw_x(cv, env->te, th, f->plot, &f->sx, &f->xt, x_title) &&
		  legend_draw(cv, f->legend);
	if (ok && f->empty)
		ok = text_draw(cr, f->empty, f->plot.x + f->plot.w / 2, f->plot.y + f->plot.h / 2,
			       0.5, 0.5, 0, th->text_muted);
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig5: cairo: %s",
			    cairo_status_to_string(cairo_status(cr)));
	return ok;
}

/* Range of coverage over the shown years of SIDE, as "a–b %" or "a %". */
static void coverage_text(const Fig5 *f, int side, char *buf, size_t size)
{
	double lo = INFINITY, hi = -INFINITY;
	for (int k = 0; k < f->n_years; k++)
		if (f->half[k][side]) {
			lo = fmin(lo, f->half[k][side]->coverage);
			hi = fmax(hi, f->half[k][side]->coverage);
		}
	if (!isfinite(lo))
		g_strlcpy(buf, "–", size);
	else if (round(lo * 100) == round(hi * 100))
		g_snprintf(buf, size, "%.0f%%", lo * 100);
	else
		g_snprintf(buf, size, "%.0f–%.0f%%", lo * 100, hi * 100);
}

static char *caption_text(const Fig5 *f, const Stats *st)
{
	char dl[32], cr[32];
	coverage_text(f, 0, dl, sizeof dl);
	coverage_text(f, 1, cr, sizeof cr);
	char *note = g_strdup_printf(
		"Left halves weight each model by its downloads in the year, right halves count "
		"each new model once; Gaussian kernel density of log10(parameters), Silverman "
		"bandwidth; lines: median (solid), 25th and 75th percentiles (dashed). Known sizes "
		"cover %s of each year's downloads and %s of its new models.%s",
		dl, cr, f->partial ? " * Year to the as-of date." : "");
	char *cap = figure_caption(&st->info, note);
	g_free(note);
	return cap;
}

static void fig5_free(Fig5 *f)
{
	figure_frame_free(&f->frame);
	legend_free(f->legend);
	g_clear_object(&f->empty);
}

bool fig5_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig5: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig5 *f = g_new0(Fig5, 1);
	pick_years(f, st->sizes, st->info.as_of);
	char *cap = caption_text(f, st);
	figure_frame_open(&f->frame, &env, FIG5_TITLE, cap);
	g_free(cap);
	figure_frame_close(&f->frame, layout_body(f, &env, fo->single_column));
	bool ok = figure_write(&env, fo, "fig5", f->frame.height, FIG5_TITLE, fig5_draw, f, err);
	fig5_free(f);
	g_free(f);
	figure_env_close(&env);
	return ok;
}
