/* figure.c - environment, frame, caption and output of every figure. */
#include "figure.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "../paths.h"

bool figure_env_open(FigureEnv *env, const FigureOptions *fo, GError **err)
{
	memset(env, 0, sizeof *env);
	char *theme = eoi_resource_path("templates/theme.ini", err);
	char *fonts = NULL;
	bool ok = false;
	if (!theme || !theme_load(&env->theme, theme, err))
		goto out;
	fonts = eoi_resource_path("fonts", err);
	if (!fonts)
		goto out;
	env->te = text_engine_new(fonts, env->theme.font_family, err);
	if (!env->te)
		goto out;
	env->width =
	    72.0 * (fo->single_column ? env->theme.width_single_in : env->theme.width_double_in);
	ok = true;
out:
	g_free(theme);
	g_free(fonts);
	return ok;
}

void figure_env_close(FigureEnv *env)
{
	text_engine_free(env->te);
	env->te = NULL;
}

char *figure_caption(const RunInfo *ri, const char *note)
{
	GString *s =
	    g_string_new(ri->window == WINDOW_ALL ? "All downloads"
						  : "First-year window (Rolling Window Filter)");
	g_string_append(s, ri->attribution == ATTRIBUTION_COMPUTED ? " · computed attribution"
								   : " · given attribution");
	if (ri->as_of != DAY_NONE) {
		char day[11];
		g_string_append_printf(s, " · as of %s", day_format(ri->as_of, day));
	}
	const char *src = ri->synthetic               ? "synthetic sample data"
			  : ri->source && *ri->source ? ri->source
						      : "unknown";
	g_string_append_printf(s, " · source: %s.", src);
	if (note && *note)
		g_string_append_printf(s, " %s", note);
	return g_string_free(s, FALSE);
}

void figure_frame_open(FigureFrame *fr, const FigureEnv *env, const char *title,
		       const char *caption)
{
	const Theme *th = &env->theme;
	double inner = env->width - 2 * FIGURE_MARGIN;
	memset(fr, 0, sizeof *fr);
	fr->title = text_layout(env->te, title, th->size_title, TEXT_BOLD, inner);
	fr->caption = text_layout(env->te, caption, th->size_caption, TEXT_REGULAR, inner);
	double th_h, cap_h;
	text_extent(fr->title, NULL, &th_h);
	text_extent(fr->caption, NULL, &cap_h);
	fr->title_box = (Rect){ FIGURE_MARGIN, FIGURE_MARGIN, inner, th_h };
	fr->body = (Rect){ FIGURE_MARGIN, FIGURE_MARGIN + th_h + FIGURE_BLOCK_GAP, inner, 0 };
	fr->caption_box = (Rect){ FIGURE_MARGIN, 0, inner, cap_h };
}

void figure_frame_close(FigureFrame *fr, double body_height)
{
	fr->body.h = body_height;
	fr->caption_box.y = rect_bottom(fr->body) + FIGURE_BLOCK_GAP;
	fr->height = ceil(rect_bottom(fr->caption_box) + FIGURE_MARGIN);
}

bool figure_frame_draw(Canvas *cv, const FigureEnv *env, const FigureFrame *fr)
{
	cairo_t *cr = canvas_cairo(cv);
	return text_draw(cr, fr->title, fr->title_box.x, fr->title_box.y, 0, 0, 0,
			 env->theme.text) &&
	       text_draw(cr, fr->caption, fr->caption_box.x, fr->caption_box.y, 0, 0, 0,
			 env->theme.text_muted);
}

void figure_frame_free(FigureFrame *fr)
{
	g_clear_object(&fr->title);
	g_clear_object(&fr->caption);
}

static bool write_one(const FigureEnv *env, const char *path, CanvasFormat format, double height,
		      const char *title, FigureDrawFn draw, void *data, GError **err)
{
	Canvas *cv =
	    canvas_new(format, path, env->width, height, title, env->theme.background, err);
	if (!cv)
		return false;
	if (!draw(cv, env, data, err)) {
		canvas_free(cv);
		return false;
	}
	return canvas_finish(cv, err);
}

bool figure_write(const FigureEnv *env, const FigureOptions *fo, const char *name, double height,
		  const char *title, FigureDrawFn draw, void *data, GError **err)
{
	static const CanvasFormat formats[] = { CANVAS_PDF, CANVAS_SVG, CANVAS_PNG };
	static const unsigned flags[] = { FIG_PDF, FIG_SVG, FIG_PNG };
	const char *dir = fo->out_dir && *fo->out_dir ? fo->out_dir : ".";
	if (g_mkdir_with_parents(dir, 0777) != 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create directory: %s",
			    dir, g_strerror(errno));
		return false;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		if (!(fo->formats & flags[i]))
			continue;
		char *file = g_strdup_printf("%s.%s", name, canvas_format_ext(formats[i]));
		char *path = g_build_filename(dir, file, NULL);
		bool ok = write_one(env, path, formats[i], height, title, draw, data, err);
		g_free(file);
		g_free(path);
		if (!ok)
			return false;
	}
	return true;
}
