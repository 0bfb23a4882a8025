/*
 * theme.h - the look of every figure: font, sizes, colours, line widths and
 * figure widths, read from templates/theme.ini.
 *
 * A Theme is a plain struct: theme_defaults() fills it with the built-in
 * look and theme_load() overlays a key file on it.  It owns no memory.
 * Sizes are in points (1/72 in); colours are sRGB in 0..1.
 */
#ifndef EOI_RENDER_THEME_H
#define EOI_RENDER_THEME_H

#include <glib.h>
#include <stdbool.h>

typedef struct {
	double r, g, b;
} Colour;

#define THEME_MAX_SERIES 24

typedef struct {
	char font_family[64];
	/* font sizes */
	double size_title, size_panel, size_label, size_tick, size_legend, size_caption;
	/* colours */
	Colour text, text_muted, axis, grid, background, separator;
	/* line widths */
	double line_axis, line_grid, line_separator, line_data;
	double tick_length;
	/* figure widths in inches: journal double and single column */
	double width_double_in, width_single_in;
	/* qualitative palette for named series, then the two special groups */
	Colour series[THEME_MAX_SERIES];
	int n_series;
	Colour others, unknown;
} Theme;

/* Fill TH with the built-in theme (Liberation Sans, a colour-blind-safe
 * palette, 7 in / 3.5 in widths). */
void theme_defaults(Theme *th);

/*
 * Fill TH with the defaults, then overlay the key file PATH (groups [font],
 * [colour], [line], [figure], [palette]; any key may be left out).  Returns
 * false with ERR set: EOI_EXIT_NOINPUT when PATH cannot be read,
 * EOI_EXIT_DATA ("PATH:group.key: reason") for a malformed value.
 */
bool theme_load(Theme *th, const char *path, GError **err);

/* Parse "#rrggbb" into *OUT; false when S is not of that form. */
bool colour_parse(const char *s, Colour *out);

#endif
