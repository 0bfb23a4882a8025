/*
 * fig3.c - Figure 3: concentration of downloads over time at three levels
 * (models, developers, nation groups; attributed view): per level a 100 %
 * stacked area of the shares held by ranked segments (rank 1, 2–10, ...),
 * with the Gini coefficient (purple) and the HHI on 0–1 (pink) drawn over
 * it against a right-hand 0–1 axis (DESIGN.md §1 and §3 "Concentration").
 *
 * Colours: the segments are ordered, so they take a sequential ramp of
 * blues, darkest for rank 1 (the bottom band); the two lines keep the
 * paper's purple and pink, with a white halo, and HHI is dashed so the two
 * stay apart in grey print too.
 */
#include "figures.h"

#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "figure.h"
#include "seriesview.h"
#include "sharepanel.h"

#define FIG3_TITLE                                                                                 \
	"Figure 3. Concentration of downloads over time by model (a), developer (b) and nation "  \
	"group (c)"
#define FIG3_MAX_SEGMENTS 8

#define RGB(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0 }

/* The sequential ramp: ColorBrewer "Blues" (9 classes), dark to light; the
 * segments take evenly spaced points from RAMP_FIRST to RAMP_LAST along it.
 * And the paper's line colours. */
static const Colour blues[9] = { RGB(0x08306b), RGB(0x08519c), RGB(0x2171b5),
				 RGB(0x4292c6), RGB(0x6baed6), RGB(0x9ecae1),
				 RGB(0xc6dbef), RGB(0xdeebf7), RGB(0xf7fbff) };
#define RAMP_FIRST 1.0
#define RAMP_LAST 6.8
static const Colour gini_colour = { 0x6a / 255.0, 0x3d / 255.0, 0x9a / 255.0 };
static const Colour hhi_colour = { 0xe7 / 255.0, 0x29 / 255.0, 0x8a / 255.0 };

static const char *const line_labels[] = { "Gini coefficient", "HHI (0–1)" };
static const char *const level_heading[LEVEL_COUNT] = {
	"Models: share of downloads held by the models ranked 1, 2–10, …",
	"Developers: share of downloads held by the developers ranked 1, 2–5, …",
	"Nation groups: share of downloads held by the nation groups ranked 1, 2–3, …",
};

typedef struct {
	FigureFrame frame;
	SeriesView view[LEVEL_COUNT];
	SharePanel panel[LEVEL_COUNT];
	LineSeries lines[LEVEL_COUNT][2];
	Colour colours[LEVEL_COUNT][FIG3_MAX_SEGMENTS];
	char *x_title;
} Fig3;

/* Colour K of N along the ramp, dark to light. */
static Colour ramp(int k, int n)
{
	double pos = RAMP_FIRST + (n > 1 ? (double)k / (n - 1) : 0) * (RAMP_LAST - RAMP_FIRST);
	int i = (int)pos;
	double t = pos - i;
	Colour a = blues[i], b = blues[i < 8 ? i + 1 : 8];
	return (Colour){ a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b) };
}

/* Legend name of segment LABEL: "1" -> "Rank 1", "2–10" -> "Ranks 2–10",
 * "1001+" -> "Ranks 1001+". */
static char *segment_name(const char *label)
{
	if (!label)
		return g_strdup("?");
	bool many = strstr(label, "–") || strchr(label, '+');
	return g_strdup_printf(many ? "Ranks %s" : "Rank %s", label);
}

static char *caption_text(const Stats *st)
{
	const char *per = period_kind_name(st->info.period);
	GString *note = g_string_new(NULL);
	g_string_append_printf(note,
			       "Bands: share of each %s's counted downloads held by the entities "
			       "ranked 1, 2–10, … in that %s, attributed view. Lines (right axis): "
			       "Gini coefficient and Herfindahl–Hirschman index (HHI, 0–1) over "
			       "the entities with downloads in the %s; Unknown counts as one entity.",
			       per, per, per);
	bool gap = false;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		const Concentration *c = st->concentration[l];
		for (uint32_t p = 0; c && c->hhi && p < c->n_periods; p++)
			gap |= !isfinite(c->hhi[p]);
	}
	if (gap)
		g_string_append(note, " Blank: no counted downloads in that period.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

/* Panel L: its segment view, colours, names and the two lines. */
static void setup_level(Fig3 *f, const Stats *st, const FigureEnv *env, int l, const char *x_title)
{
	static const char *const letters[] = { "a", "b", "c" };
	const Concentration *c = st->concentration[l];
	SeriesView *v = &f->view[l];
	bool ok = c && c->n_segments <= FIG3_MAX_SEGMENTS && series_view_segments(v, st, c, NULL);
	share_panel_init(&f->panel[l], letters[l], level_heading[l], "Share of downloads (%)",
			 x_title, ok ? &v->s : NULL);
	if (!ok)
		return;
	int n = (int)v->s.n_groups;
	for (int k = 0; k < n; k++) {
		f->colours[l][k] = ramp(k, n);
		g_free(v->s.group_name[k]);
		v->s.group_name[k] = segment_name(c->segment_label[k]);
	}
	share_panel_set_colours(&f->panel[l], f->colours[l]);
	double w = env->theme.line_data * 1.3;
	LineSeries base = { .n = (int)c->n_periods, .x = v->x, .width = w, .halo = 0.6 };
	f->lines[l][0] = base;
	f->lines[l][0].y = c->gini;
	f->lines[l][0].colour = gini_colour;
	f->lines[l][1] = base;
	f->lines[l][1].y = c->hhi;
	f->lines[l][1].colour = hhi_colour;
	f->lines[l][1].dash = 2.5;
	share_panel_set_lines(&f->panel[l], f->lines[l], line_labels, 2, st->info.period);
	share_panel_set_right_axis(&f->panel[l], "Gini, HHI (0–1)", LABEL_PLAIN);
}

static void fig3_layout(Fig3 *f, const Stats *st, const FigureEnv *env, bool single)
{
	char *cap = caption_text(st);
	figure_frame_open(&f->frame, env, FIG3_TITLE, cap);
	g_free(cap);
	f->x_title = g_strdup_printf("Period start (%s)", period_kind_name(st->info.period));
	for (int l = 0; l < LEVEL_COUNT; l++)
		setup_level(f, st, env, l, l == LEVEL_COUNT - 1 ? f->x_title : NULL);
	double h = share_panels_layout(f->panel, LEVEL_COUNT, env, f->frame.body.x,
				       f->frame.body.y, f->frame.body.w, single ? 96 : 112);
	figure_frame_close(&f->frame, h);
}

static bool fig3_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig3 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig3: cairo: %s",
			    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (!share_panel_draw(cv, env, &f->panel[l], err))
			return false;
	return true;
}

static void fig3_free(Fig3 *f)
{
	figure_frame_free(&f->frame);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		share_panel_free(&f->panel[l]);
		series_view_free(&f->view[l]);
	}
	g_free(f->x_title);
}

bool fig3_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig3: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig3 f = { 0 };
	fig3_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig3", f.frame.height, FIG3_TITLE, fig3_draw, &f, err);
	fig3_free(&f);
	figure_env_close(&env);
	return ok;
}
