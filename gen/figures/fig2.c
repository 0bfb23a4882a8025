/*
 * fig2.c - Figure 2: developer (a) and nation-group (b) download shares
 * over time, attributed view, as two 100 % stacked areas sharing one time
 * axis (DESIGN.md §1).
 */
#include "figures.h"

#include "../eoi.h"
#include "figure.h"
#include "sharepanel.h"

#define FIG2_TITLE "Figure 2. Download share over time by developer (a) and by nation group (b)"

typedef struct {
	FigureFrame frame;
	SharePanel panel[2];
	char *heading[2];
	char *x_title;
} Fig2;

/* "Developers: top 20 by downloads, then Others and Unknown" for S. */
static char *heading_text(const char *what, const ShareSeries *s)
{
	int named = 0;
	bool others = false, unknown = false;
	for (uint32_t g = 0; s && s->group_kind && g < s->n_groups; g++) {
		named += s->group_kind[g] == GROUP_NAMED;
		others |= s->group_kind[g] == GROUP_OTHERS;
		unknown |= s->group_kind[g] == GROUP_UNKNOWN;
	}
	GString *h = g_string_new(what);
	g_string_append_printf(h, ": top %d by downloads over the whole span", named);
	if (others || unknown)
		g_string_append_printf(h, ", then %s%s%s", others ? "Others" : "",
				       others && unknown ? " and " : "", unknown ? "Unknown" : "");
	return g_string_free(h, FALSE);
}

static char *caption_text(const Stats *st)
{
	GString *note = g_string_new(NULL);
	g_string_append_printf(note, "Shares of each %s's counted downloads, attributed view.",
			       period_kind_name(st->info.period));
	if (share_series_has_gap(st->developer_shares) || share_series_has_gap(st->nation_shares))
		g_string_append(note, " Blank: no counted downloads in that period.");
	char *cap = figure_caption(&st->info, note->str);
	g_string_free(note, TRUE);
	return cap;
}

static bool fig2_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig2 *f = data;
	if (!figure_frame_draw(cv, env, &f->frame)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig2: cairo: %s",
			    cairo_status_to_string(cairo_status(canvas_cairo(cv))));
		return false;
	}
	return share_panel_draw(cv, env, &f->panel[0], err) &&
	       share_panel_draw(cv, env, &f->panel[1], err);
}

static void fig2_layout(Fig2 *f, const Stats *st, const FigureEnv *env, bool single)
{
	char *cap = caption_text(st);
	figure_frame_open(&f->frame, env, FIG2_TITLE, cap);
	g_free(cap);
	f->heading[0] = heading_text("Developers", st->developer_shares);
	f->heading[1] = heading_text("Nation groups", st->nation_shares);
	f->x_title = g_strdup_printf("Period start (%s)", period_kind_name(st->info.period));
	share_panel_init(&f->panel[0], "a", f->heading[0], "Share of downloads (%)", NULL,
			 st->developer_shares);
	share_panel_init(&f->panel[1], "b", f->heading[1], "Share of downloads (%)", f->x_title,
			 st->nation_shares);
	double plot_h = single ? 110 : 132;
	double h = share_panels_layout(f->panel, 2, env, f->frame.body.x, f->frame.body.y,
				       f->frame.body.w, plot_h);
	figure_frame_close(&f->frame, h);
}

static void fig2_free(Fig2 *f)
{
	figure_frame_free(&f->frame);
	for (int i = 0; i < 2; i++) {
		share_panel_free(&f->panel[i]);
		g_free(f->heading[i]);
	}
	g_free(f->x_title);
}

bool fig2_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig2: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig2 f = { 0 };
	fig2_layout(&f, st, &env, fo->single_column);
	bool ok = figure_write(&env, fo, "fig2", f.frame.height, FIG2_TITLE, fig2_draw, &f, err);
	fig2_free(&f);
	figure_env_close(&env);
	return ok;
}
