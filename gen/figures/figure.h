/*
 * figure.h - what every figure shares: the environment (theme, fonts,
 * width), the frame (title above, caption below, body between), the
 * caption text and writing one drawing in every requested format.
 *
 * Ownership: figure_env_close() releases what figure_env_open() made;
 * figure_frame_free() releases a frame's layouts.  Neither frees the
 * struct itself (they are meant to live on the stack).
 */
#ifndef EOI_FIGURE_H
#define EOI_FIGURE_H

#include <glib.h>
#include <stdbool.h>

#include "../render/canvas.h"
#include "../render/geom.h"
#include "../render/text.h"
#include "../render/theme.h"
#include "../stats/stats.h"
#include "figures.h"

#define FIGURE_MARGIN 6.0    /* blank border around everything, points */
#define FIGURE_BLOCK_GAP 8.0 /* between title, panels and caption */

typedef struct {
	Theme theme;
	TextEngine *te;
	double width; /* points: the theme's double or single column width */
} FigureEnv;

/* Load templates/theme.ini and the fonts in fonts/, and pick the width
 * FO asks for.  False with ERR set when a resource is missing or bad. */
bool figure_env_open(FigureEnv *env, const FigureOptions *fo, GError **err);
void figure_env_close(FigureEnv *env);

/*
 * The caption line of a figure of run RI: "Rolling Window Filter
 * (first-year window) · given attribution · as of 2025-08-27 · source:
 * synthetic sample data", then NOTE (may be NULL) as a further sentence.
 * Returns a newly allocated string (g_free).
 */
char *figure_caption(const RunInfo *ri, const char *note);

typedef struct {
	PangoLayout *title, *caption;
	Rect title_box, body, caption_box;
	double height; /* of the whole figure */
} FigureFrame;

/* Lay out TITLE and CAPTION across the figure width; the body starts
 * below the title.  Call figure_frame_close() once the body's height is
 * known. */
void figure_frame_open(FigureFrame *fr, const FigureEnv *env, const char *title,
		       const char *caption);
/* Fix the body height to BODY_HEIGHT and place the caption below it. */
void figure_frame_close(FigureFrame *fr, double body_height);
bool figure_frame_draw(Canvas *cv, const FigureEnv *env, const FigureFrame *fr);
void figure_frame_free(FigureFrame *fr);

/* Draws one whole figure on CV; false with ERR set on failure. */
typedef bool (*FigureDrawFn)(Canvas *cv, const FigureEnv *env, void *data, GError **err);

/*
 * Create FO->out_dir and write <out_dir>/<NAME>.<ext> for every format in
 * FO->formats, each WIDTH(env) × HEIGHT points, drawn by DRAW(cv, env,
 * DATA).  TITLE goes into the PDF metadata.  False with ERR set at the
 * first failure (files already written stay).
 */
bool figure_write(const FigureEnv *env, const FigureOptions *fo, const char *name, double height,
		  const char *title, FigureDrawFn draw, void *data, GError **err);

#endif
