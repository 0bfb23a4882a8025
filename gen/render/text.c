/* text.c - Pango text with a private fontconfig configuration. */
#include "text.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "../eoi.h"

struct TextEngine {
	PangoFontMap *fontmap;
	PangoContext *context;
	char *family;
	char **files; /* basenames of the loaded fonts, sorted */
};

/* Basenames of the fonts CONFIG holds as application fonts, NULL
 * terminated (g_strfreev).  *HAS_FAMILY tells whether FAMILY is one. */
static char **font_files(FcConfig *config, const char *family, bool *has_family)
{
	FcFontSet *set = FcConfigGetFonts(config, FcSetApplication);
	GPtrArray *names = g_ptr_array_new();
	*has_family = false;
	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *file = NULL, *fam = NULL;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
			g_ptr_array_add(names, g_path_get_basename((const char *)file));
		for (int k = 0;
		     FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch; k++)
			if (strcmp((const char *)fam, family) == 0)
				*has_family = true;
	}
	g_ptr_array_add(names, NULL);
	return (char **)g_ptr_array_free(names, FALSE);
}

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static PangoContext *make_context(PangoFontMap *fontmap)
{
	PangoContext *ctx = pango_font_map_create_context(fontmap);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72.0);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string("en"));
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
	return ctx;
}

static bool is_font_file(const char *name)
{
	return g_str_has_suffix(name, ".ttf") || g_str_has_suffix(name, ".otf") ||
	       g_str_has_suffix(name, ".TTF") || g_str_has_suffix(name, ".OTF");
}

/* Add each font file of DIR to CONFIG in name order.  Files are added one
 * by one (not FcConfigAppFontAddDir) so fontconfig never tries to write a
 * cache.  Returns how many were added, or -1 when DIR cannot be read. */
static int add_font_files(FcConfig *config, const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (!d)
		return -1;
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	for (const char *n; (n = g_dir_read_name(d));)
		if (is_font_file(n))
			g_ptr_array_add(names, g_strdup(n));
	g_dir_close(d);
	g_ptr_array_sort(names, cmp_str_ptr);
	int added = 0;
	for (guint i = 0; i < names->len; i++) {
		char *path = g_build_filename(dir, names->pdata[i], NULL);
		added += FcConfigAppFontAddFile(config, (const FcChar8 *)path) ? 1 : 0;
		g_free(path);
	}
	g_ptr_array_free(names, TRUE);
	return added;
}

TextEngine *text_engine_new(const char *font_dir, const char *family, GError **err)
{
	FcConfig *config = FcConfigCreate();
	TextEngine *te = NULL;
	bool has_family = false;
	char **files = NULL;
	if (!config || add_font_files(config, font_dir) < 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: cannot read the font directory",
			    font_dir);
		goto out;
	}
	files = font_files(config, family, &has_family);
	qsort(files, g_strv_length(files), sizeof *files, cmp_str_ptr);
	if (!files[0] || !has_family) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: no font of family \"%s\"",
			    font_dir, family);
		goto out;
	}
	te = g_new0(TextEngine, 1);
	te->fontmap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!te->fontmap) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: Pango has no FreeType font map",
			    font_dir);
		g_free(te);
		te = NULL;
		goto out;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(te->fontmap), config);
	te->context = make_context(te->fontmap);
	te->family = g_strdup(family);
	te->files = files;
	files = NULL;
out:
	g_strfreev(files);
	if (config)
		FcConfigDestroy(config); /* the font map holds its own reference */
	return te;
}

void text_engine_free(TextEngine *te)
{
	if (!te)
		return;
	g_object_unref(te->context);
	g_object_unref(te->fontmap);
	g_free(te->family);
	g_strfreev(te->files);
	g_free(te);
}

const char *const *text_engine_files(const TextEngine *te)
{
	return (const char *const *)te->files;
}

PangoLayout *text_layout(TextEngine *te, const char *text, double size, TextStyle style,
			 double wrap_width)
{
	PangoLayout *layout = pango_layout_new(te->context);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, te->family);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, style == TEXT_BOLD ? PANGO_WEIGHT_BOLD
								 : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, style == TEXT_ITALIC ? PANGO_STYLE_ITALIC
								  : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	char *valid = g_utf8_make_valid(text ? text : "", -1);
	pango_layout_set_text(layout, valid, -1);
	g_free(valid);
	if (wrap_width > 0) {
		pango_layout_set_width(layout, (int)(wrap_width * PANGO_SCALE));
		pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	}
	return layout;
}

void text_ellipsize(PangoLayout *layout, double width)
{
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
}

void text_extent(PangoLayout *layout, double *width, double *height)
{
	PangoRectangle logical;
	pango_layout_get_extents(layout, NULL, &logical);
	if (width)
		*width = (double)logical.width / PANGO_SCALE;
	if (height)
		*height = (double)logical.height / PANGO_SCALE;
}

double text_baseline(PangoLayout *layout)
{
	return (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
}

bool text_draw(cairo_t *cr, PangoLayout *layout, double x, double y, double ax, double ay,
	       double angle, Colour c)
{
	PangoRectangle logical;
	pango_layout_get_extents(layout, NULL, &logical);
	double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	if (angle != 0)
		cairo_rotate(cr, angle);
	cairo_translate(cr, -ax * w - (double)logical.x / PANGO_SCALE,
			-ay * h - (double)logical.y / PANGO_SCALE);
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
	cairo_move_to(cr, 0, 0);
	pango_cairo_show_layout(cr, layout);
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
