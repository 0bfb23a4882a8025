/*
 * fig9.c - Figure 9 (designed by eoi from the paper's abstract):
 * intermediaries.  (a) The share of each period's downloads by uploader
 * role (st->intermediaries->roles) as a 100 % stacked area: the
 * intermediary roles on the baseline, so their sum reads off the left axis,
 * and original developers on top in a light grey.  (b) The top
 * intermediaries (st->intermediaries->top) as ranked bars of their share
 * of all counted downloads, coloured by their main role as in (a), with
 * the developers whose models they repackage most as a muted note.
 */
#include "figures.h"

#include <math.h>

#include "../eoi.h"
#include "../render/palette.h"
#include "../render/rankbars.h"
#include "figure.h"
#include "seriesview.h"
#include "sharepanel.h"

#define FIG9_TITLE "Figure 9. Intermediaries: downloads by uploader role over time (a) and top intermediaries (b)"
#define FIG9_PANEL_GAP 12.0

/* Stacking order of the roles, bottom first. */
static const int role_order[ROLE_COUNT] = { ROLE_QUANTIZER, ROLE_FINETUNER, ROLE_ADAPTER,
					    ROLE_MERGER,    ROLE_OTHER,     ROLE_ORIGINAL };

typedef struct {
	FigureFrame frame;
	SeriesView view;
	SharePanel panel;
	Colour colours[ROLE_COUNT];
	char *names[ROLE_COUNT];
	RankBars *bars;
	PangoLayout *b_letter, *b_heading, *b_empty;
	Rect b_box;
	char *heading_a, *x_title;
} Fig9;

/* Colour of ROLE, the same in both panels. */
static Colour role_colour(const Theme *th, int role)
{
	if (role == ROLE_ORIGINAL) {
		Colour a = th->background, b = th->others;
		return (Colour){ a.r + 0.25 * (b.r - a.r), a.g + 0.25 * (b.g - a.g),
				 a.b + 0.25 * (b.b - a.b) };
	}
	if (role == ROLE_OTHER || role < 0 || role >= ROLE_COUNT)
		return th->others;
	return palette_series(th, role - ROLE_QUANTIZER);
}

/* "Fine-tuner" for ROLE (g_free). */
static char *role_label(int role)
{
	char *s = g_strdup(role_name(role));
	s[0] = g_ascii_toupper(s[0]);
	return s;
}

static char *caption_text(const Stats *st)
{
	const Intermediaries *im = st->intermediaries;
	const CategorySeries *roles = im ? im->roles : NULL;
	const char *per = period_kind_name(st->info.period);
	GString *note = g_string_new(NULL);
	g_string_append(note, "An upload is an intermediary's when the model is a derivative and "
			      "its uploader differs from its credited developer; its role is its "
			      "relation to its base model.");
	char pct[32];
	if (roles && !roles->skipped && isfinite(roles->overall_coverage)) {
		label_percent(roles->overall_coverage, 1, pct, sizeof pct);
		g_string_append_printf(note,
				       " (a) Share of each %s's counted downloads among models whose "
				       "parent information is known (%s of counted downloads).",
				       per, pct);
	}
	if (im && !im->skipped) {
		label_percent(im->intermediary_share, 1, pct, sizeof pct);
		g_string_append_printf(note,
				       " (b) Share of all counted downloads over the whole span; "
				       "intermediaries hold %s in all.",
				       pct);
	}
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

/* Panel a: the role view in stacking order, with names and colours. */
static void setup_roles(Fig9 *f, const Stats *st, const FigureEnv *env)
{
	const CategorySeries *roles = st->intermediaries ? st->intermediaries->roles : NULL;
	for (int k = 0; k < ROLE_COUNT; k++) {
		f->names[k] = role_label(role_order[k]);
		f->colours[k] = role_colour(&env->theme, role_order[k]);
	}
	bool ok = roles && roles->n_categories == ROLE_COUNT &&
		  series_view_categories(&f->view, st, roles, role_order,
					 (const char *const *)f->names, ROLE_COUNT);
	const char *per = period_kind_name(st->info.period);
	f->heading_a = g_strdup_printf("Share of each %s's downloads by the uploader's role", per);
	f->x_title = g_strdup_printf("Period start (%s)", per);
	share_panel_init(&f->panel, "a", f->heading_a, "Share of downloads (%)", f->x_title,
			 ok ? &f->view.s : NULL);
	share_panel_set_colours(&f->panel, f->colours);
}

/* "zephyr-labs, quill-nlp-lab": whose models E repackages most. */
static char *bases_note(const Intermediary *e)
{
	GString *s = g_string_new(NULL);
	for (uint32_t k = 0; k < e->n_bases && k < INTERMEDIARY_BASES; k++)
		g_string_append_printf(s, "%s%s", k ? ", " : "", e->base[k] ? e->base[k] : "?");
	return g_string_free(s, FALSE);
}

/* Panel b's bars, measured (laid out later). */
static void make_bars(Fig9 *f, const Stats *st, const FigureEnv *env)
{
	const Intermediaries *im = st->intermediaries;
	int n = im && !im->skipped ? (int)im->n_top : 0;
	RankBar *bars = g_new0(RankBar, n ? n : 1);
	char **text = g_new0(char *, 2 * (n ? n : 1));
	for (int i = 0; i < n; i++) {
		const Intermediary *e = &im->top[i];
		char pct[32];
		label_percent(e->share, 2, pct, sizeof pct);
		text[2 * i] = g_strdup(pct);
		text[2 * i + 1] = bases_note(e);
		bars[i] = (RankBar){ e->name, e->share, text[2 * i], text[2 * i + 1],
				     role_colour(&env->theme, (int)e->main_role) };
	}
	f->bars = rankbars_new(env->te, &env->theme, bars, n);
	for (int i = 0; i < 2 * n; i++)
		g_free(text[i]);
	g_free(text);
	g_free(bars);
}

/* Panel b's heading (HEADING_W wide) and bars (BARS_W wide) from (X, Y);
 * returns its height. */
static double layout_b(Fig9 *f, const FigureEnv *env, double x, double y, double heading_w,
		       double bars_w)
{
	const Theme *th = &env->theme;
	f->b_letter = text_layout(env->te, "b", th->size_panel, TEXT_BOLD, 0);
	double lw, lh, hh;
	text_extent(f->b_letter, &lw, &lh);
	f->b_heading = text_layout(env->te,
				   "Top intermediaries by share of all counted downloads (colour: "
				   "main role; grey: whose models they repackage most)",
				   th->size_panel, TEXT_REGULAR, heading_w - lw - th->size_panel * 0.6);
	text_extent(f->b_heading, NULL, &hh);
	double top = y + fmax(lh, hh) + th->size_panel * 0.6;
	double bars_h = rankbars_layout(f->bars, x, top, bars_w);
	if (rankbars_count(f->bars) == 0) {
		f->b_empty = text_layout(env->te, "No intermediary uploads in this window",
					 th->size_label, TEXT_ITALIC, 0);
		text_extent(f->b_empty, NULL, &bars_h);
	}
	f->b_box = (Rect){ x, y, heading_w, top + bars_h - y };
	return f->b_box.h;
}

static void fig9_layout(Fig9 *f, const Stats *st, const FigureEnv *env, bool single)
{
	char *cap = caption_text(st);
	figure_frame_open(&f->frame, env, FIG9_TITLE, cap);
	g_free(cap);
	setup_roles(f, st, env);
	make_bars(f, st, env);
	Rect body = f->frame.body;
	double h = share_panels_layout(&f->panel, 1, env, body.x, body.y, body.w,
				       single ? 110 : 132);
	double w = fmax(rect_right(f->panel.plot) - body.x, 0.6 * body.w);
	h += FIG9_PANEL_GAP + layout_b(f, env, body.x, body.y + h + FIG9_PANEL_GAP, body.w, w);
	figure_frame_close(&f->frame, h);
}

static bool draw_b(Canvas *cv, const FigureEnv *env, const Fig9 *f)
{
	cairo_t *cr = canvas_cairo(cv);
	const Theme *th = &env->theme;
	double lw, lh;
	text_extent(f->b_letter, &lw, &lh);
	bool ok = text_draw(cr, f->b_letter, f->b_box.x, f->b_box.y, 0, 0, 0, th->text) &&
		  text_draw(cr, f->b_heading, f->b_box.x + lw + th->size_panel * 0.6, f->b_box.y, 0,
			    0, 0, th->text);
	if (f->b_empty) {
		double eh;
		text_extent(f->b_empty, NULL, &eh);
		return ok && text_draw(cr, f->b_empty, f->b_box.x, rect_bottom(f->b_box) - eh, 0, 0,
				       0, th->text_muted);
	}
	return ok && rankbars_draw(cv, f->bars);
}

static bool fig9_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig9 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame) || !share_panel_draw(cv, env, &f->panel, err) ||
	    !draw_b(cv, env, f)) {
		if (err && !*err)
			g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig9: cairo: %s",
				    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	return true;
}

static void fig9_free(Fig9 *f)
{
	figure_frame_free(&f->frame);
	share_panel_free(&f->panel);
	series_view_free(&f->view);
	rankbars_free(f->bars);
	g_clear_object(&f->b_letter);
	g_clear_object(&f->b_heading);
	g_clear_object(&f->b_empty);
	for (int k = 0; k < ROLE_COUNT; k++)
		g_free(f->names[k]);
	g_free(f->heading_a);
	g_free(f->x_title);
}

bool fig9_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig9: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig9 f = { 0 };
	fig9_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig9", f.frame.height, FIG9_TITLE, fig9_draw, &f, err);
	fig9_free(&f);
	figure_env_close(&env);
	return ok;
}
