/*
 * fig8.c - Figure 8 (designed by eoi from the paper's abstract): openness
 * over time.  The training-data transparency categories as a 100 % stacked
 * area (st->property[PROP_TRANSPARENCY]) and the open-source share among
 * open models (open source vs open weights, st->property[PROP_OPENNESS],
 * category 1) as a line on a right-hand axis.
 *
 * When one of the two was skipped the other is drawn alone (the line then
 * on the left axis) and the caption says which and why; when both were
 * skipped the figure is not drawn (registry.c).  Colours: the two
 * "disclosed" categories in blues, "not disclosed" in vermillion; the line
 * in the text colour with a white halo.
 */
#include "figures.h"

#include <math.h>

#include "../eoi.h"
#include "../render/palette.h"
#include "figure.h"
#include "seriesview.h"
#include "sharepanel.h"

#define FIG8_TITLE "Figure 8. Training-data transparency and open-source share over time"

/* Palette entries of the bands in TRANSPARENCY_* order: with the built-in
 * palette, Okabe-Ito blue, sky blue and vermillion. */
static const int band_palette[TRANSPARENCY_COUNT] = { 0, 4, 5 };
static const char *const band_names[TRANSPARENCY_COUNT] = { "Disclosed and available",
							    "Disclosed, not available",
							    "Not disclosed" };
static const char *const line_label[] = { "Open-source share" };

typedef struct {
	FigureFrame frame;
	SeriesView view;
	SharePanel panel;
	LineSeries line;
	Colour colours[TRANSPARENCY_COUNT];
	double *x;
	bool has_area, has_line;
	char *heading, *x_title;
} Fig8;

static bool usable(const CategorySeries *cs, uint32_t n_categories)
{
	return cs && !cs->skipped && cs->n_categories == n_categories;
}

/* " Known for 97.7 % of counted downloads." or why S was not drawn. */
static void coverage(GString *note, const CategorySeries *cs, bool drawn, const char *what)
{
	if (drawn && isfinite(cs->overall_coverage)) {
		char pct[32];
		label_percent(cs->overall_coverage, 1, pct, sizeof pct);
		g_string_append_printf(note, " %s known for %s of counted downloads.", what, pct);
	} else if (!drawn) {
		g_string_append_printf(note, " %s not drawn: %s.", what,
				       cs && cs->skipped ? cs->skipped : "not computed");
	}
}

static char *caption_text(const Stats *st, const Fig8 *f)
{
	const char *per = period_kind_name(st->info.period);
	GString *note = g_string_new(NULL);
	if (f->has_area)
		g_string_append_printf(note,
				       "Bands: share of each %s's counted downloads by training-data "
				       "transparency, among downloads whose transparency is known.",
				       per);
	if (f->has_line)
		g_string_append_printf(note,
				       "%sLine%s: open-source share (open source vs open weights) of "
				       "each %s's counted downloads whose openness is known.",
				       f->has_area ? " " : "", f->has_area ? " (right axis)" : "", per);
	coverage(note, st->property[PROP_TRANSPARENCY], f->has_area, "Transparency");
	coverage(note, st->property[PROP_OPENNESS], f->has_line, "Openness");
	bool line_gap = false;
	for (int i = 0; f->has_line && i < f->line.n; i++)
		line_gap |= !isfinite(line_value(&f->line, i));
	if ((f->has_area && share_series_has_gap(&f->view.s)) || line_gap)
		g_string_append(note, " Blank: no counted downloads with a known value.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

static void make_series(Fig8 *f, const Stats *st, const FigureEnv *env)
{
	const CategorySeries *t = st->property[PROP_TRANSPARENCY], *o = st->property[PROP_OPENNESS];
	f->has_area = usable(t, TRANSPARENCY_COUNT) &&
		      series_view_categories(&f->view, st, t, NULL, band_names, TRANSPARENCY_COUNT);
	f->x = usable(o, 2) ? stats_period_days(st, o->n_periods) : NULL;
	f->has_line = f->x != NULL;
	if (f->has_line)
		f->line = (LineSeries){ .n = (int)o->n_periods,
					.x = f->x,
					.y = o->share + 1,
					.stride = 2,
					.colour = env->theme.text,
					.width = env->theme.line_data * 1.3,
					.halo = f->has_area ? 0.7 : 0 };
}

static void fig8_layout(Fig8 *f, const Stats *st, const FigureEnv *env, bool single)
{
	make_series(f, st, env);
	char *cap = caption_text(st, f);
	figure_frame_open(&f->frame, env, FIG8_TITLE, cap);
	g_free(cap);
	const char *per = period_kind_name(st->info.period);
	f->heading = g_strdup(f->has_area && f->has_line
				  ? "Training-data transparency (bands, left axis) and open-source "
				    "share of open models (line, right axis)"
			      : f->has_area ? "Training-data transparency of downloaded models"
					    : "Open-source share of downloaded open models");
	f->x_title = g_strdup_printf("Period start (%s)", per);
	share_panel_init(&f->panel, "", f->heading, "Share of downloads (%)", f->x_title,
			 f->has_area ? &f->view.s : NULL);
	for (int k = 0; f->has_area && k < TRANSPARENCY_COUNT; k++)
		f->colours[k] = palette_series(&env->theme, band_palette[k]);
	if (f->has_area)
		share_panel_set_colours(&f->panel, f->colours);
	if (f->has_line) {
		share_panel_set_lines(&f->panel, &f->line, line_label, 1, st->info.period);
		if (f->has_area)
			share_panel_set_right_axis(&f->panel, "Open-source share (%)",
						   LABEL_PERCENT);
	}
	double h = share_panels_layout(&f->panel, 1, env, f->frame.body.x, f->frame.body.y,
				       f->frame.body.w, single ? 120 : 150);
	figure_frame_close(&f->frame, h);
}

static bool fig8_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig8 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig8: cairo: %s",
			    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	return share_panel_draw(cv, env, &f->panel, err);
}

static void fig8_free(Fig8 *f)
{
	figure_frame_free(&f->frame);
	share_panel_free(&f->panel);
	series_view_free(&f->view);
	g_free(f->x);
	g_free(f->heading);
	g_free(f->x_title);
}

bool fig8_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig8: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig8 f = { 0 };
	fig8_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig8", f.frame.height, FIG8_TITLE, fig8_draw, &f, err);
	fig8_free(&f);
	figure_env_close(&env);
	return ok;
}
