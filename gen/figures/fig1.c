/*
 * fig1.c - Figure 1: (a) world map of the top nations by all-time
 * downloads of their models, (b) top-10 leaderboards of countries,
 * developers and models, all-time and last 12 months (DESIGN.md §1),
 * attributed view, from st->board.
 */
#include "figures.h"

#include <math.h>

#include "../eoi.h"
#include "../paths.h"
#include "fig1.h"

#define FIG1_TITLE "Figure 1. Where the downloaded open models come from: nations, developers and models"
#define FIG1_PANEL_GAP 12.0

typedef struct {
	FigureFrame frame;
	GeoWorld *geo;
	CountryCodes *codes;
	Fig1Map map;
	Fig1Tables tables;
	PangoLayout *letter[2], *heading[2];
	double heading_y[2];
} Fig1;

static bool load_resources(Fig1 *f, GError **err)
{
	char *geo = eoi_resource_path("data/world/countries-110m.json", err);
	char *codes = geo ? eoi_resource_path("data/country_codes.csv", err) : NULL;
	if (geo && codes) {
		f->geo = geo_world_load(geo, err);
		f->codes = f->geo ? country_codes_load(codes, err) : NULL;
	}
	g_free(geo);
	g_free(codes);
	return f->geo && f->codes;
}

static char *caption_text(const Stats *st)
{
	GString *note = g_string_new("Attributed view; shares of counted downloads.");
	if (st->info.as_of != DAY_NONE) {
		char a[11], b[11];
		g_string_append_printf(note,
				       " Last 12 months: models created from %s to %s.",
				       day_format(st->info.as_of - 364, a), day_format(st->info.as_of, b));
	}
	g_string_append(note, " Developers without a mark are organisations.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

/* Letter and heading of panel I at Y; returns their height. */
static double panel_heading(Fig1 *f, const FigureEnv *env, int i, const char *letter,
			    const char *text, double y)
{
	const Theme *th = &env->theme;
	f->letter[i] = text_layout(env->te, letter, th->size_panel, TEXT_BOLD, 0);
	double lw, lh, hh;
	text_extent(f->letter[i], &lw, &lh);
	f->heading[i] = text_layout(env->te, text, th->size_panel, TEXT_REGULAR,
				    f->frame.body.w - lw - th->size_panel * 0.6);
	text_extent(f->heading[i], NULL, &hh);
	f->heading_y[i] = y;
	return fmax(lh, hh) + 4;
}

static double layout_body(Fig1 *f, const FigureEnv *env, const Stats *st, bool single)
{
	Rect b = f->frame.body;
	const Leaderboard *countries = st->board[BOARD_COUNTRY][BOARD_ALL_TIME];
	uint32_t n = countries ? countries->n : 0;
	char *head = n == 1 ? g_strdup("Top nation by all-time downloads of its models")
			    : g_strdup_printf("Top %u nations by all-time downloads of their models", n);
	double y = b.y + panel_heading(f, env, 0, "a", head, b.y);
	g_free(head);
	fig1_map_init(&f->map, countries, f->geo, f->codes);
	y += fig1_map_layout(&f->map, env, b.x, y, b.w, single) + FIG1_PANEL_GAP;
	y += panel_heading(f, env, 1, "b", "Top 10 by share of downloads", y);
	y += fig1_tables_layout(&f->tables, env, st, f->codes, b.x, y, b.w, single);
	return y - b.y;
}

static bool fig1_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig1 *f = data;
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	bool ok = figure_frame_draw(cv, env, &f->frame);
	for (int i = 0; ok && i < 2; i++) {
		double lw;
		text_extent(f->letter[i], &lw, NULL);
		ok = text_draw(cr, f->letter[i], f->frame.body.x, f->heading_y[i], 0, 0, 0, th->text) &&
		     text_draw(cr, f->heading[i], f->frame.body.x + lw + th->size_panel * 0.6,
			       f->heading_y[i], 0, 0, 0, th->text);
	}
	ok = ok && fig1_map_draw(cv, env, &f->map) && fig1_tables_draw(cv, &f->tables);
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig1: cairo: %s",
			    cairo_status_to_string(cairo_status(cr)));
	return ok;
}

static void fig1_free(Fig1 *f)
{
	figure_frame_free(&f->frame);
	fig1_map_free(&f->map);
	fig1_tables_free(&f->tables);
	for (int i = 0; i < 2; i++) {
		g_clear_object(&f->letter[i]);
		g_clear_object(&f->heading[i]);
	}
	geo_world_free(f->geo);
	country_codes_free(f->codes);
}

bool fig1_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig1: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig1 *f = g_new0(Fig1, 1);
	bool ok = load_resources(f, err);
	if (ok) {
		char *cap = caption_text(st);
		figure_frame_open(&f->frame, &env, FIG1_TITLE, cap);
		g_free(cap);
		figure_frame_close(&f->frame, layout_body(f, &env, st, fo->single_column));
		ok = figure_write(&env, fo, "fig1", f->frame.height, FIG1_TITLE, fig1_draw, f, err);
	}
	fig1_free(f);
	g_free(f);
	figure_env_close(&env);
	return ok;
}
