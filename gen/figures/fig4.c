/*
 * fig4.c - Figure 4: proportion of downloads by developer organisation type
 * within each nation group (attributed view, whole span), as 100 % stacked
 * horizontal bars, one per nation group in the order of st->org_matrix (by
 * downloads, Others and Unknown last), each group's downloads on the right.
 */
#include "figures.h"

#include <math.h>

#include "../eoi.h"
#include "../render/axis.h"
#include "../render/hbars.h"
#include "../render/legend.h"
#include "../render/palette.h"
#include "figure.h"

#define FIG4_TITLE \
	"Figure 4. Proportion of downloads by developer organisation type within each nation group"
#define FIG4_ROW_H 13.0
#define FIG4_LEGEND_GAP 8.0

typedef struct {
	FigureFrame frame;
	StackedBars bars;
	char **row_label, **row_note, **col_label;
	Colour *colours;
	Legend *legend;
	PangoLayout *note_head, *empty;
	Ticks xt;
	Scale sx;
	Rect plot;
} Fig4;

static bool matrix_ok(const OrgMatrix *om)
{
	return om && om->n_rows > 0 && om->n_cols > 0 && om->row && om->col && om->proportion;
}

/* "company" -> "Company" (display only; the data keeps its spelling). */
static char *capitalised(const char *s)
{
	char *out = g_strdup(s && *s ? s : "(unnamed)");
	if (g_ascii_islower(out[0]))
		out[0] = g_ascii_toupper(out[0]);
	return out;
}

static void make_bars(Fig4 *f, const OrgMatrix *om, const Theme *th)
{
	int nr = matrix_ok(om) ? (int)om->n_rows : 0, nc = matrix_ok(om) ? (int)om->n_cols : 0;
	f->row_label = g_new0(char *, nr + 1);
	f->row_note = g_new0(char *, nr + 1);
	f->col_label = g_new0(char *, nc + 1);
	f->colours = g_new0(Colour, nc + 1);
	for (int r = 0; r < nr; r++) {
		char si[32];
		label_si(om->row_total ? om->row_total[r] : NAN, si, sizeof si);
		f->row_label[r] = g_strdup(om->row[r] && *om->row[r] ? om->row[r] : "(unnamed)");
		f->row_note[r] = g_strdup(si);
	}
	for (int c = 0, named = 0; c < nc; c++) {
		const char *name = om->col[c] ? om->col[c] : "";
		f->col_label[c] = capitalised(name);
		f->colours[c] = g_strcmp0(name, "Unknown") == 0  ? th->unknown
				: g_strcmp0(name, "Others") == 0 ? th->others
								 : palette_series(th, named++);
	}
	f->bars = (StackedBars){ nr, nc, (const char *const *)f->row_label,
				 (const char *const *)f->row_note, nr ? om->proportion : NULL,
				 f->colours };
}

static Legend *make_legend(Fig4 *f, const FigureEnv *env)
{
	LegendItem *items = g_new0(LegendItem, f->bars.n_cols + 1);
	for (int c = 0; c < f->bars.n_cols; c++)
		items[c] = (LegendItem){ f->col_label[c], f->colours[c] };
	Legend *lg = legend_new(env->te, &env->theme, items, f->bars.n_cols);
	g_free(items);
	return lg;
}

/* Lay out plot, axis and legend in the frame's body; returns its height. */
static double layout_body(Fig4 *f, const FigureEnv *env)
{
	const Theme *th = &env->theme;
	Rect body = f->frame.body;
	const char *x_title = "Share of the nation group's downloads (%)";
	ticks_linear(0, 1, 6, LABEL_PERCENT, &f->xt);
	f->note_head = text_layout(env->te, "Downloads", th->size_tick, TEXT_ITALIC, 0);
	double head_w, head_h;
	text_extent(f->note_head, &head_w, &head_h);
	double left = hbars_label_extent(env->te, th, &f->bars);
	double right = fmax(hbars_note_extent(env->te, th, &f->bars), head_w + HBARS_LABEL_GAP);
	double over_l, over_r;
	Scale probe = { 0, 1, body.x + left, rect_right(body) - right, false };
	axis_x_overhang(env->te, th, &f->xt, &probe, &over_l, &over_r);
	left = fmax(left, over_l);
	right = fmax(right, over_r);
	int rows = f->bars.n_rows > 0 ? f->bars.n_rows : 1;
	f->plot = (Rect){ body.x + left, body.y + head_h + 2, body.w - left - right, rows * FIG4_ROW_H };
	f->sx = (Scale){ 0, 1, f->plot.x, rect_right(f->plot), false };
	double h = rect_bottom(f->plot) - body.y + axis_x_extent(env->te, th, &f->xt, x_title);
	f->legend = make_legend(f, env);
	legend_arrange(f->legend, legend_cols_for_width(f->legend, body.w), false);
	double lx = body.x + (body.w - legend_width(f->legend)) / 2;
	legend_place(f->legend, lx, body.y + h + FIG4_LEGEND_GAP);
	if (legend_count(f->legend) > 0)
		h += FIG4_LEGEND_GAP + legend_height(f->legend);
	if (f->bars.n_rows == 0)
		f->empty = text_layout(env->te, "No downloads in this window", th->size_label,
				       TEXT_ITALIC, 0);
	return h;
}

static bool fig4_draw(Canvas *cv, const FigureEnv *env, void *data, GError **err)
{
	Fig4 *f = data;
	const Theme *th = &env->theme;
	cairo_t *cr = canvas_cairo(cv);
	bool ok = figure_frame_draw(cv, env, &f->frame) &&
		  hbars_draw(cv, env->te, th, f->plot, &f->bars) &&
		  axis_draw_x(cv, env->te, th, f->plot, &f->sx, &f->xt,
			      "Share of the nation group's downloads (%)") &&
		  legend_draw(cv, f->legend);
	if (ok && f->bars.n_rows > 0)
		ok = text_draw(cr, f->note_head, rect_right(f->plot) + HBARS_LABEL_GAP,
			       f->plot.y - 2, 0, 1, 0, th->text_muted);
	if (ok && f->empty)
		ok = text_draw(cr, f->empty, f->plot.x + f->plot.w / 2, f->plot.y + f->plot.h / 2,
			       0.5, 0.5, 0, th->text_muted);
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig4: cairo: %s",
			    cairo_status_to_string(cairo_status(cr)));
	return ok;
}

static void fig4_free(Fig4 *f)
{
	figure_frame_free(&f->frame);
	g_strfreev(f->row_label);
	g_strfreev(f->row_note);
	g_strfreev(f->col_label);
	g_free(f->colours);
	legend_free(f->legend);
	g_clear_object(&f->note_head);
	g_clear_object(&f->empty);
}

bool fig4_render(const Stats *st, const FigureOptions *fo, GError **err)
{
	if (!st || !fo) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "fig4: no statistics to draw");
		return false;
	}
	FigureEnv env;
	if (!figure_env_open(&env, fo, err)) {
		figure_env_close(&env);
		return false;
	}
	Fig4 f = { 0 };
	char *cap = figure_caption(&st->info,
				   "Attributed view: the credited developer's nation group and "
				   "organisation type, downloads over the whole span; right: each "
				   "group's counted downloads.");
	figure_frame_open(&f.frame, &env, FIG4_TITLE, cap);
	g_free(cap);
	make_bars(&f, st->org_matrix, &env.theme);
	figure_frame_close(&f.frame, layout_body(&f, &env));
	bool ok = figure_write(&env, fo, "fig4", f.frame.height, FIG4_TITLE, fig4_draw, &f, err);
	fig4_free(&f);
	figure_env_close(&env);
	return ok;
}
