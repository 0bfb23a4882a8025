/* theme.c - built-in look and templates/theme.ini overlay. */
#include "theme.h"

#include <math.h>
#include <string.h>

#include "../eoi.h"
#include "palette.h"

static Colour hex(unsigned v)
{
	return (Colour){ (v >> 16 & 0xff) / 255.0, (v >> 8 & 0xff) / 255.0, (v & 0xff) / 255.0 };
}

void theme_defaults(Theme *th)
{
	memset(th, 0, sizeof *th);
	g_strlcpy(th->font_family, "Liberation Sans", sizeof th->font_family);
	th->size_title = 9.0;
	th->size_panel = 8.0;
	th->size_label = 7.5;
	th->size_tick = 7.0;
	th->size_legend = 7.0;
	th->size_caption = 6.5;
	th->text = hex(0x1a1a1a);
	th->text_muted = hex(0x545454);
	th->axis = hex(0x262626);
	th->grid = hex(0xd9d9d9);
	th->background = hex(0xffffff);
	th->separator = hex(0xffffff);
	th->line_axis = 0.6;
	th->line_grid = 0.4;
	th->line_separator = 0.25;
	th->line_data = 1.0;
	th->tick_length = 3.0;
	th->width_double_in = 7.0;
	th->width_single_in = 3.5;
	th->n_series = palette_default_series(th->series);
	th->others = palette_default_others();
	th->unknown = palette_default_unknown();
}

bool colour_parse(const char *s, Colour *out)
{
	if (!s || s[0] != '#' || strlen(s) != 7)
		return false;
	unsigned v = 0;
	for (int i = 1; i < 7; i++) {
		int d = g_ascii_xdigit_value(s[i]);
		if (d < 0)
			return false;
		v = v << 4 | (unsigned)d;
	}
	*out = hex(v);
	return true;
}

typedef struct {
	const char *group, *key;
	size_t offset;
	double min, max;
} NumberKey;

typedef struct {
	const char *group, *key;
	size_t offset;
} ColourKey;

#define TH_OFF(field) offsetof(Theme, field)

static const NumberKey number_keys[] = {
	{ "font", "title", TH_OFF(size_title), 2, 72 },
	{ "font", "panel", TH_OFF(size_panel), 2, 72 },
	{ "font", "label", TH_OFF(size_label), 2, 72 },
	{ "font", "tick", TH_OFF(size_tick), 2, 72 },
	{ "font", "legend", TH_OFF(size_legend), 2, 72 },
	{ "font", "caption", TH_OFF(size_caption), 2, 72 },
	{ "line", "axis", TH_OFF(line_axis), 0, 10 },
	{ "line", "grid", TH_OFF(line_grid), 0, 10 },
	{ "line", "separator", TH_OFF(line_separator), 0, 10 },
	{ "line", "data", TH_OFF(line_data), 0, 10 },
	{ "line", "tick_length", TH_OFF(tick_length), 0, 20 },
	{ "figure", "width_double", TH_OFF(width_double_in), 1, 40 },
	{ "figure", "width_single", TH_OFF(width_single_in), 1, 40 },
};

static const ColourKey colour_keys[] = {
	{ "colour", "text", TH_OFF(text) },
	{ "colour", "text_muted", TH_OFF(text_muted) },
	{ "colour", "axis", TH_OFF(axis) },
	{ "colour", "grid", TH_OFF(grid) },
	{ "colour", "background", TH_OFF(background) },
	{ "colour", "separator", TH_OFF(separator) },
	{ "palette", "others", TH_OFF(others) },
	{ "palette", "unknown", TH_OFF(unknown) },
};

static bool bad_value(const char *path, const char *group, const char *key, const char *why,
		      GError **err)
{
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%s.%s: %s", path, group, key, why);
	return false;
}

static bool load_numbers(Theme *th, GKeyFile *kf, const char *path, GError **err)
{
	for (size_t i = 0; i < G_N_ELEMENTS(number_keys); i++) {
		const NumberKey *k = &number_keys[i];
		if (!g_key_file_has_key(kf, k->group, k->key, NULL))
			continue;
		char *s = g_key_file_get_string(kf, k->group, k->key, NULL);
		char *end = NULL;
		double v = s ? g_ascii_strtod(s, &end) : NAN;
		bool ok = s && end != s && *end == '\0' && v >= k->min && v <= k->max;
		g_free(s);
		if (!ok) {
			char why[96];
			g_snprintf(why, sizeof why, "not a number from %g to %g", k->min, k->max);
			return bad_value(path, k->group, k->key, why, err);
		}
		*(double *)((char *)th + k->offset) = v;
	}
	return true;
}

static bool load_colours(Theme *th, GKeyFile *kf, const char *path, GError **err)
{
	for (size_t i = 0; i < G_N_ELEMENTS(colour_keys); i++) {
		const ColourKey *k = &colour_keys[i];
		if (!g_key_file_has_key(kf, k->group, k->key, NULL))
			continue;
		char *s = g_key_file_get_string(kf, k->group, k->key, NULL);
		bool ok = colour_parse(s, (Colour *)((char *)th + k->offset));
		g_free(s);
		if (!ok)
			return bad_value(path, k->group, k->key, "not a colour #rrggbb", err);
	}
	return true;
}

static bool load_palette(Theme *th, GKeyFile *kf, const char *path, GError **err)
{
	if (!g_key_file_has_key(kf, "palette", "series", NULL))
		return true;
	gsize n = 0;
	char **list = g_key_file_get_string_list(kf, "palette", "series", &n, NULL);
	bool ok = list && n > 0 && n <= THEME_MAX_SERIES;
	for (gsize i = 0; ok && i < n; i++)
		ok = colour_parse(g_strstrip(list[i]), &th->series[i]);
	g_strfreev(list);
	if (!ok)
		return bad_value(path, "palette", "series",
				 "not a list of 1 to 24 colours #rrggbb separated by ';'", err);
	th->n_series = (int)n;
	return true;
}

bool theme_load(Theme *th, const char *path, GError **err)
{
	theme_defaults(th);
	GKeyFile *kf = g_key_file_new();
	GError *local = NULL;
	bool ok = false;
	if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &local)) {
		int code = local->domain == G_FILE_ERROR ? EOI_EXIT_NOINPUT : EOI_EXIT_DATA;
		g_set_error(err, EOI_ERROR, code, "%s: %s", path, eoi_file_error_reason(local));
		g_error_free(local);
		goto out;
	}
	if (g_key_file_has_key(kf, "font", "family", NULL)) {
		char *fam = g_key_file_get_string(kf, "font", "family", NULL);
		bool good = fam && *fam && strlen(fam) < sizeof th->font_family;
		if (good)
			g_strlcpy(th->font_family, fam, sizeof th->font_family);
		g_free(fam);
		if (!good) {
			bad_value(path, "font", "family", "empty or longer than 63 bytes", err);
			goto out;
		}
	}
	ok = load_numbers(th, kf, path, err) && load_colours(th, kf, path, err) &&
	     load_palette(th, kf, path, err);
out:
	g_key_file_free(kf);
	return ok;
}
