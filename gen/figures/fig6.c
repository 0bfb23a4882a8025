/*
 * fig6.c - Figure 6 (designed by eoi from the paper's abstract): the
 * download-weighted share of models that are multimodal generators,
 * quantized, mixtures of experts and derivatives, per period, as four
 * lines (st->property[...], category 1 = "yes").
 *
 * The paper reports these per quarter; eoi draws the run's --period.  A
 * property the input cannot tell (its series is skipped) is left out and
 * the caption says why; the caption also gives each drawn property's
 * coverage (the share of counted downloads with a known value).  Each
 * property keeps its colour whether or not the others are drawn.
 */
#include "figures.h"

#include <math.h>

#include "../eoi.h"
#include "../render/palette.h"
#include "figure.h"
#include "seriesview.h"
#include "sharepanel.h"

#define FIG6_TITLE                                                                                 \
	"Figure 6. Download-weighted share of multimodal, quantized, mixture-of-experts and "    \
	"derivative models over time"
#define FIG6_N 4

static const PropertyId props[FIG6_N] = { PROP_MULTIMODAL, PROP_QUANTIZED, PROP_MOE,
					  PROP_DERIVATIVE };
static const char *const labels[FIG6_N] = { "Multimodal generation", "Quantized",
					    "Mixture of experts", "Derivative" };

typedef struct {
	FigureFrame frame;
	SharePanel panel;
	LineSeries lines[FIG6_N];
	const char *line_labels[FIG6_N];
	int n_lines;
	double *x;
	char *heading, *x_title;
} Fig6;

static bool drawn(const CategorySeries *cs)
{
	return cs && !cs->skipped && cs->n_categories >= 2;
}

/* " Known values cover 94.8 % (multimodal generation), …" and the
 * properties left out, with why. */
static void coverage_note(GString *note, const Stats *st)
{
	const char *sep = " Known values cover ";
	for (int i = 0; i < FIG6_N; i++) {
		const CategorySeries *cs = st->property[props[i]];
		if (!drawn(cs))
			continue;
		char pct[32] = "n/a";
		if (isfinite(cs->overall_coverage))
			label_percent(cs->overall_coverage, 1, pct, sizeof pct);
		char *what = g_ascii_strdown(labels[i], -1);
		g_string_append_printf(note, "%s%s (%s)", sep, pct, what);
		g_free(what);
		sep = ", ";
	}
	if (*sep == ',')
		g_string_append(note, " of counted downloads.");
	for (int i = 0; i < FIG6_N; i++) {
		const CategorySeries *cs = st->property[props[i]];
		if (!drawn(cs))
			g_string_append_printf(note, " Not drawn: %s (%s).", labels[i],
					       cs && cs->skipped ? cs->skipped : "not computed");
	}
}

static char *caption_text(const Stats *st, const Fig6 *f)
{
	const char *per = period_kind_name(st->info.period);
	GString *note = g_string_new(NULL);
	g_string_append_printf(note,
			       "Share of each %s's counted downloads whose model has the property, "
			       "among downloads whose model's value is known (attributed view).",
			       per);
	if (st->info.period == PERIOD_QUARTER)
		g_string_append(note, " Per quarter, as in the paper.");
	else
		g_string_append_printf(note, " Per %s, the run's --period (the paper reports quarters).",
				       per);
	coverage_note(note, st);
	bool gap = false;
	for (int l = 0; l < f->n_lines; l++)
		for (int i = 0; i < f->lines[l].n; i++)
			gap |= !isfinite(line_value(&f->lines[l], i));
	if (gap)
		g_string_append(note, " Gaps: no counted downloads with a known value.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

static void make_lines(Fig6 *f, const Stats *st, const FigureEnv *env)
{
	for (int i = 0; i < FIG6_N; i++) {
		const CategorySeries *cs = st->property[props[i]];
		if (!drawn(cs))
			continue;
		if (!f->x)
			f->x = stats_period_days(st, cs->n_periods);
		if (!f->x)
			return;
		f->lines[f->n_lines] = (LineSeries){ .n = (int)cs->n_periods,
						     .x = f->x,
						     .y = cs->share + 1,
						     .stride = (int)cs->n_categories,
						     .colour = palette_series(&env->theme, i),
						     .width = env->theme.line_data * 1.3 };
		f->line_labels[f->n_lines++] = labels[i];
	}
}

static void fig6_layout(Fig6 *f, const Stats *st, const FigureEnv *env, bool single)
{
	make_lines(f, st, env);
	char *cap = caption_text(st, f);
	figure_frame_open(&f->frame, env, FIG6_TITLE, cap);
	g_free(cap);
	const char *per = period_kind_name(st->info.period);
	f->heading = g_strdup_printf("Share of each %s's downloads going to models with the property",
				     per);
	f->x_title = g_strdup_printf("Period start (%s)", per);
	share_panel_init(&f->panel, "", f->heading, "Share of downloads (%)", f->x_title, NULL);
	share_panel_set_lines(&f->panel, f->lines, f->line_labels, f->n_lines, st->info.period);
	double h = share_panels_layout(&f->panel, 1, env, f->frame.body.x, f->frame.body.y,
				       f->frame.body.w, single ? 120 : 150);
	figure_frame_close(&f->frame, h);
}

static bool fig6_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig6 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig6: cairo: %s",
			    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	return share_panel_draw(cv, env, &f->panel, err);
}

static void fig6_free(Fig6 *f)
{
	figure_frame_free(&f->frame);
	share_panel_free(&f->panel);
	g_free(f->x);
	g_free(f->heading);
	g_free(f->x_title);
}

bool fig6_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig6: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig6 f = { 0 };
	fig6_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig6", f.frame.height, FIG6_TITLE, fig6_draw, &f, err);
	fig6_free(&f);
	figure_env_close(&env);
	return ok;
}
