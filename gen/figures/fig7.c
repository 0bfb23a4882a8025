/*
 * fig7.c - Figure 7 (designed by eoi from the paper's abstract): the output
 * modality mix over time, as a 100 % stacked area of the share of each
 * period's downloads by the output kind of the model
 * (st->property[PROP_MODALITY]; models whose kind is unknown are left out
 * of the denominator, and the caption gives the coverage).
 */
#include "figures.h"

#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "../render/palette.h"
#include "figure.h"
#include "seriesview.h"
#include "sharepanel.h"

#define FIG7_TITLE "Figure 7. Output modality mix of downloaded models over time"
#define FIG7_MAX 16

typedef struct {
	FigureFrame frame;
	SeriesView view;
	SharePanel panel;
	Colour colours[FIG7_MAX];
	char *heading, *x_title;
} Fig7;

static char *caption_text(const Stats *st, const SeriesView *v)
{
	const CategorySeries *cs = st->property[PROP_MODALITY];
	const char *per = period_kind_name(st->info.period);
	GString *note = g_string_new(NULL);
	g_string_append_printf(note,
			       "Share of each %s's counted downloads by the output kind of the model "
			       "(from its modality, else its pipeline tag), among downloads whose "
			       "kind is known.",
			       per);
	if (cs && !cs->skipped && isfinite(cs->overall_coverage)) {
		char pct[32];
		label_percent(cs->overall_coverage, 1, pct, sizeof pct);
		g_string_append_printf(note, " The kind is known for %s of counted downloads.", pct);
	} else if (!cs || cs->skipped) {
		g_string_append_printf(note, " Not drawn: %s.", cs ? cs->skipped : "not computed");
	}
	if (share_series_has_gap(&v->s))
		g_string_append(note, " Blank: no counted downloads of a known kind in that period.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

/* Palette colours in category order; "Other" takes the Others grey. */
static void pick_colours(Fig7 *f, const Theme *th)
{
	int named = 0;
	for (uint32_t k = 0; k < f->view.s.n_groups && k < FIG7_MAX; k++)
		f->colours[k] = g_ascii_strcasecmp(f->view.s.group_name[k], "Other") == 0
				    ? th->others
				    : palette_series(th, named++);
}

static void fig7_layout(Fig7 *f, const Stats *st, const FigureEnv *env, bool single)
{
	const CategorySeries *cs = st->property[PROP_MODALITY];
	bool ok = cs && cs->n_categories <= FIG7_MAX &&
		  series_view_categories(&f->view, st, cs, NULL, NULL, (int)cs->n_categories);
	char *cap = caption_text(st, &f->view);
	figure_frame_open(&f->frame, env, FIG7_TITLE, cap);
	g_free(cap);
	const char *per = period_kind_name(st->info.period);
	f->heading = g_strdup_printf("Share of each %s's downloads by what the model outputs", per);
	f->x_title = g_strdup_printf("Period start (%s)", per);
	share_panel_init(&f->panel, "", f->heading, "Share of downloads (%)", f->x_title,
			 ok ? &f->view.s : NULL);
	if (ok) {
		pick_colours(f, &env->theme);
		share_panel_set_colours(&f->panel, f->colours);
	}
	double h = share_panels_layout(&f->panel, 1, env, f->frame.body.x, f->frame.body.y,
				       f->frame.body.w, single ? 120 : 150);
	figure_frame_close(&f->frame, h);
}

static bool fig7_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig7 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig7: cairo: %s",
			    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	return share_panel_draw(cv, env, &f->panel, err);
}

static void fig7_free(Fig7 *f)
{
	figure_frame_free(&f->frame);
	share_panel_free(&f->panel);
	series_view_free(&f->view);
	g_free(f->heading);
	g_free(f->x_title);
}

bool fig7_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig7: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig7 f = { 0 };
	fig7_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig7", f.frame.height, FIG7_TITLE, fig7_draw, &f, err);
	fig7_free(&f);
	figure_env_close(&env);
	return ok;
}
