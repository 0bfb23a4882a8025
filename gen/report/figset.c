/*
 * figset.c - figures as SVG in a temporary folder, drawn with librsvg.
 */
#include "figset.h"

#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <stdio.h>
#include <string.h>

#include "../eoi.h"
#include "../figures/figures.h"

struct FigSet {
	const Stats *st;
	char *dir;
	GHashTable *svg;     /* name -> path (rendered) */
	GHashTable *skipped; /* name -> reason */
};

FigSet *figset_new(const Stats *st, GError **err)
{
	GError *e = NULL;
	char *dir = g_dir_make_tmp("eoi-report-XXXXXX", &e);
	if (!dir) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "temporary folder for the figures: %s", e->message);
		g_error_free(e);
		return NULL;
	}
	FigSet *fs = g_new0(FigSet, 1);
	fs->st = st;
	fs->dir = dir;
	fs->svg = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	fs->skipped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return fs;
}

void figset_free(FigSet *fs)
{
	if (!fs)
		return;
	GDir *d = g_dir_open(fs->dir, 0, NULL);
	for (const char *n; d && (n = g_dir_read_name(d));) {
		char *p = g_build_filename(fs->dir, n, NULL);
		g_remove(p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(fs->dir);
	g_free(fs->dir);
	g_hash_table_destroy(fs->svg);
	g_hash_table_destroy(fs->skipped);
	g_free(fs);
}

bool figset_known(const char *name, void *unused)
{
	return !strchr(name, ',') && figures_check_only(name, NULL);
}

bool figset_get(FigSet *fs, const char *name, const char **svg, const char **skipped, GError **err)
{
	*svg = g_hash_table_lookup(fs->svg, name);
	*skipped = g_hash_table_lookup(fs->skipped, name);
	if (*svg || *skipped)
		return true;
	const char *why = figures_skip_reason(fs->st, name);
	if (why) {
		g_hash_table_insert(fs->skipped, g_strdup(name), g_strdup(why));
		*skipped = g_hash_table_lookup(fs->skipped, name);
		return true;
	}
	FigureOptions fo = { fs->dir, FIG_SVG, false };
	if (!figures_render(fs->st, &fo, name, NULL, err))
		return false;
	char *path = g_strdup_printf("%s/%s.svg", fs->dir, name);
	g_hash_table_insert(fs->svg, g_strdup(name), path);
	*svg = path;
	return true;
}

/* ---- SVG ------------------------------------------------------------------- */

static RsvgHandle *open_svg(const char *path, GError **err)
{
	GError *e = NULL;
	RsvgHandle *h = rsvg_handle_new_from_file(path, &e);
	if (!h) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: %s", path, e ? e->message : "cannot read the SVG");
		g_clear_error(&e);
		return NULL;
	}
	rsvg_handle_set_dpi(h, 72.0);
	return h;
}

bool svg_size(const char *path, double *width, double *height, GError **err)
{
	RsvgHandle *h = open_svg(path, err);
	if (!h)
		return false;
	gdouble w = 0, hh = 0;
	bool ok = rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) && w > 0 && hh > 0;
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: the SVG has no size", path);
	*width = w;
	*height = hh;
	g_object_unref(h);
	return ok;
}

bool svg_draw(cairo_t *cr, const char *path, double x, double y, double w, double h, GError **err)
{
	RsvgHandle *handle = open_svg(path, err);
	if (!handle)
		return false;
	RsvgRectangle box = { x, y, w, h };
	GError *e = NULL;
	bool ok = rsvg_handle_render_document(handle, cr, &box, &e);
	if (!ok) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: %s", path, e ? e->message : "cannot draw");
		g_clear_error(&e);
	}
	g_object_unref(handle);
	return ok;
}
