/*
 * test_render.c - the rendering library: resource paths, theme, fonts,
 * canvas output (PNG size and dpi, PDF dates, SVG stability), stacked areas
 * with gaps (checked pixel by pixel) and legend arrangement.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "eoi.h"
#include "paths.h"
#include "render/area.h"
#include "render/canvas.h"
#include "render/legend.h"
#include "render/palette.h"
#include "render/text.h"
#include "render/theme.h"
#include "tk.h"

#include "figtest.h"

static char *scratch_dir(void)
{
	return g_dir_make_tmp("eoi-render-XXXXXX", NULL);
}

static void test_resource_path(void)
{
	GError *err = NULL;
	char *fonts = eoi_resource_path("fonts", &err);
	TK_CHECK(fonts != NULL);
	TK_CHECK(fonts && g_file_test(fonts, G_FILE_TEST_IS_DIR));
	TK_CHECK(fonts && g_str_has_suffix(fonts, "/fonts"));
	char *missing = eoi_resource_path("no-such-resource", &err);
	TK_CHECK(missing == NULL);
	TK_CHECK(err && err->code == EOI_EXIT_NOINPUT);
	TK_CHECK(err && strstr(err->message, "no-such-resource") != NULL);
	g_clear_error(&err);

	char *dir = scratch_dir(), *sub = g_build_filename(dir, "templates", NULL);
	char *saved = g_strdup(g_getenv("EOI_DATADIR"));
	g_mkdir(sub, 0700);
	g_setenv("EOI_DATADIR", dir, TRUE);
	char *got = eoi_resource_path("templates", &err);
	TK_EQ_STR(got, sub);
	char *none = eoi_resource_path("fonts", &err); /* not in EOI_DATADIR */
	TK_CHECK(none == NULL);
	TK_CHECK(err && err->code == EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	g_unsetenv("EOI_DATADIR");
	if (saved)
		g_setenv("EOI_DATADIR", saved, TRUE);
	g_free(saved);
	g_rmdir(sub);
	g_free(sub);
	ft_remove_tree(dir);
	g_free(dir);
	g_free(got);
	g_free(fonts);
}

/* The shipped theme.ini says it holds the built-in values: check it. */
static void test_theme_file_matches_defaults(void)
{
	GError *err = NULL;
	char *path = eoi_resource_path("templates/theme.ini", &err);
	Theme def, th;
	theme_defaults(&def);
	TK_CHECK(path && theme_load(&th, path, &err));
	TK_EQ_STR(th.font_family, "Liberation Sans");
	TK_EQ_INT(th.n_series, 20);
	TK_CHECK(memcmp(&def, &th, sizeof def) == 0);
	TK_EQ_DBL(th.width_double_in * 72, 504, 0);
	TK_EQ_DBL(th.series[1].r, 0xE6 / 255.0, 1e-12);
	g_free(path);
}

static void test_theme_errors(void)
{
	char *dir = scratch_dir(), *path = g_build_filename(dir, "t.ini", NULL);
	GError *err = NULL;
	Theme th;
	g_file_set_contents(path, "[font]\ntitle = big\n", -1, NULL);
	TK_CHECK(!theme_load(&th, path, &err));
	TK_CHECK(err && err->code == EOI_EXIT_DATA);
	TK_CHECK(err && strstr(err->message, "t.ini:font.title: not a number") != NULL);
	g_clear_error(&err);
	g_file_set_contents(path, "[palette]\nseries = #112233;blue\n", -1, NULL);
	TK_CHECK(!theme_load(&th, path, &err));
	TK_CHECK(err && strstr(err->message, "palette.series") != NULL);
	g_clear_error(&err);
	g_file_set_contents(path, "[colour]\ntext = #00ff00\n[line]\naxis = 1.5\n", -1, NULL);
	TK_CHECK(theme_load(&th, path, &err));
	TK_EQ_DBL(th.text.g, 1.0, 0);
	TK_EQ_DBL(th.text.r, 0.0, 0);
	TK_EQ_DBL(th.line_axis, 1.5, 0);
	TK_EQ_DBL(th.size_title, 9.0, 0); /* untouched keys keep the default */
	g_remove(path);
	TK_CHECK(!theme_load(&th, path, &err));
	TK_CHECK(err && err->code == EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	Colour c;
	TK_CHECK(colour_parse("#0072B2", &c));
	TK_EQ_DBL(c.b, 0xB2 / 255.0, 1e-12);
	TK_CHECK(!colour_parse("0072B2", &c));
	TK_CHECK(!colour_parse("#0072B", &c));
	TK_CHECK(!colour_parse("#0072BG", &c));
	g_free(path);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_text_engine(void)
{
	GError *err = NULL;
	char *fonts = eoi_resource_path("fonts", &err);
	TextEngine *te = text_engine_new(fonts, "Liberation Sans", &err);
	TK_CHECK(te != NULL);
	if (te) {
		const char *const *f = text_engine_files(te);
		TK_EQ_STR(f[0], "LiberationSans-Bold.ttf");
		TK_EQ_STR(f[1], "LiberationSans-Italic.ttf");
		TK_EQ_STR(f[2], "LiberationSans-Regular.ttf");
		TK_CHECK(f[3] == NULL);
		/* a 10 pt line is about 11.5 pt tall (ascent + descent of Liberation Sans) */
		PangoLayout *l = text_layout(te, "2024", 10, TEXT_REGULAR, 0);
		double w, h;
		text_extent(l, &w, &h);
		/* four digits of advance 0.556 em each */
		TK_EQ_DBL(w, 4 * 5.5615234375, 0.01);
		TK_CHECK(h > 11 && h < 12);
		g_object_unref(l);
	}
	text_engine_free(te);
	TextEngine *none = text_engine_new(fonts, "Comic Sans MS", &err);
	TK_CHECK(none == NULL);
	TK_CHECK(err && err->code == EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	g_free(fonts);
}

/* Whether DATA[0..LEN) holds NEEDLE (binary-safe, unlike g_strstr_len). */
static bool contains(const char *data, gsize len, const char *needle)
{
	gsize n = strlen(needle);
	for (gsize i = 0; data && n <= len && i <= len - n; i++)
		if (memcmp(data + i, needle, n) == 0)
			return true;
	return false;
}

static bool read_file(const char *path, char **data, gsize *len)
{
	return g_file_get_contents(path, data, len, NULL);
}

static void test_canvas_png(void)
{
	char *dir = scratch_dir(), *path = g_build_filename(dir, "a.png", NULL);
	GError *err = NULL;
	/* 72 × 36 pt at 300 dpi: 300 × 150 pixels */
	Canvas *cv = canvas_new(CANVAS_PNG, path, 72, 36, NULL, (Colour){ 1, 1, 1 }, &err);
	TK_CHECK(cv != NULL && !canvas_is_vector(cv));
	/* a 1 pt line is 4.17 px: snapped to 4 px, on a pixel edge: 42 px */
	TK_EQ_DBL(canvas_snap(cv, 10.0, 1.0), 42 / (300 / 72.0), 1e-9);
	/* a hairline is one pixel: centred on pixel 41 */
	TK_EQ_DBL(canvas_snap(cv, 10.0, 0.1), 41.5 / (300 / 72.0), 1e-9);
	TK_CHECK(!g_file_test(path, G_FILE_TEST_EXISTS)); /* nothing before finish */
	TK_CHECK(canvas_finish(cv, &err));
	char *data = NULL;
	gsize len = 0;
	TK_CHECK(read_file(path, &data, &len));
	TK_CHECK(len > 60 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0);
	if (len > 60) {
		TK_EQ_INT(ft_be32(data + 16), 300); /* IHDR width */
		TK_EQ_INT(ft_be32(data + 20), 150); /* IHDR height */
		TK_CHECK(memcmp(data + 37, "pHYs", 4) == 0);
		TK_EQ_INT(ft_be32(data + 41), 11811); /* 300 / 0.0254 pixels per metre */
		TK_EQ_INT(ft_be32(data + 45), 11811);
		TK_EQ_INT(data[49], 1);
	}
	g_free(data);
	g_remove(path);
	g_free(path);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_canvas_pdf_date(void)
{
	char *dir = scratch_dir(), *path = g_build_filename(dir, "a.pdf", NULL);
	GError *err = NULL;
	char *data = NULL;
	gsize len = 0;
	char *saved = g_strdup(g_getenv("SOURCE_DATE_EPOCH"));
	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE); /* 2023-11-14 22:13:20 UTC */
	Canvas *cv = canvas_new(CANVAS_PDF, path, 100, 50, "T", (Colour){ 1, 1, 1 }, &err);
	TK_CHECK(cv && canvas_is_vector(cv));
	TK_EQ_DBL(canvas_snap(cv, 10.3, 1.0), 10.3, 0);
	TK_CHECK(canvas_finish(cv, &err));
	TK_CHECK(read_file(path, &data, &len));
	TK_CHECK(data && memcmp(data, "%PDF-", 5) == 0);
	TK_CHECK(contains(data, len, "/CreationDate (20231114221320)"));
	TK_CHECK(contains(data, len, "/ModDate (20231114221320)"));
	g_free(data);
	g_unsetenv("SOURCE_DATE_EPOCH");
	cv = canvas_new(CANVAS_PDF, path, 100, 50, "T", (Colour){ 1, 1, 1 }, &err);
	TK_CHECK(canvas_finish(cv, &err));
	TK_CHECK(read_file(path, &data, &len));
	TK_CHECK(contains(data, len, "/CreationDate (19700101000000)"));
	g_free(data);
	if (saved)
		g_setenv("SOURCE_DATE_EPOCH", saved, TRUE);
	g_free(saved);
	g_remove(path);
	g_free(path);
	ft_remove_tree(dir);
	g_free(dir);
}

/* Draw a rectangle and a line of text into an SVG at PATH. */
static bool draw_svg(const char *path, TextEngine *te)
{
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_SVG, path, 100, 50, NULL, (Colour){ 1, 1, 1 }, &err);
	if (!cv)
		return false;
	cairo_t *cr = canvas_cairo(cv);
	cairo_rectangle(cr, 10, 10, 20, 20);
	cairo_fill(cr);
	PangoLayout *l = text_layout(te, "Qwen 45%", 8, TEXT_BOLD, 0);
	text_draw(cr, l, 50, 25, 0.5, 0.5, 0, (Colour){ 0, 0, 0 });
	g_object_unref(l);
	return canvas_finish(cv, &err);
}

static void test_canvas_svg_stable(void)
{
	char *dir = scratch_dir(), *a = g_build_filename(dir, "a.svg", NULL),
	     *b = g_build_filename(dir, "b.svg", NULL);
	char *fonts = eoi_resource_path("fonts", NULL);
	TextEngine *te = text_engine_new(fonts, "Liberation Sans", NULL);
	TK_CHECK(te && draw_svg(a, te) && draw_svg(b, te));
	char *da = NULL, *db = NULL;
	gsize la = 0, lb = 0;
	TK_CHECK(read_file(a, &da, &la) && read_file(b, &db, &lb));
	TK_CHECK(da && g_str_has_prefix(da, "<?xml") && strstr(da, "<svg") != NULL);
	TK_CHECK(da && strstr(da, "width=\"100pt\"") != NULL);
	/* cairo numbers surfaces per process; the canvas renumbers from 1 */
	TK_CHECK(da && strstr(da, "id=\"surface1\"") != NULL);
	TK_CHECK(la == lb && da && db && memcmp(da, db, la) == 0);
	g_free(da);
	g_free(db);
	text_engine_free(te);
	g_free(fonts);
	g_remove(a);
	g_remove(b);
	g_free(a);
	g_free(b);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_canvas_unwritable(void)
{
	char *dir = scratch_dir(), *file = g_build_filename(dir, "f", NULL);
	char *path = g_build_filename(file, "a.pdf", NULL); /* a file as directory */
	g_file_set_contents(file, "x", 1, NULL);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PDF, path, 10, 10, NULL, (Colour){ 1, 1, 1 }, &err);
	TK_CHECK(!canvas_finish(cv, &err));
	TK_CHECK(err && err->code == EOI_EXIT_CANTCREAT);
	g_clear_error(&err);
	TK_CHECK(canvas_new(CANVAS_PNG, path, 0, 10, NULL, (Colour){ 1, 1, 1 }, &err) == NULL);
	TK_CHECK(err != NULL);
	g_clear_error(&err);
	g_remove(file);
	g_free(file);
	g_free(path);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_area_gaps(void)
{
	Theme th;
	theme_defaults(&th);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 72, 72, NULL, (Colour){ 1, 1, 1 }, &err);
	const double x[] = { 0, 1, 2, 3 };
	/* positions 0, 1: half red, half blue; 2: no downloads; 3: a quarter red */
	const double share[] = { 0.5, 0.5, 0.5, 0.5, NAN, NAN, 0.25, 0.75 };
	const Colour col[] = { { 1, 0, 0 }, { 0, 0, 1 } };
	StackedShares ss = { 4, 2, x, share, col };
	TK_CHECK(area_position_drawn(&ss, 0) && !area_position_drawn(&ss, 2));
	Rect plot = { 0, 0, 72, 72 };
	Scale sx = { 0, 3, 0, 72, false }, sy = { 0, 1, 72, 0, false };
	TK_CHECK(area_draw_stacked(cv, &th, plot, &sx, &sy, &ss));
	TK_EQ_INT(ft_pixel_at(cv, 12, 54), 0xff0000); /* x 0.5, share 0.25: red (bottom band) */
	TK_EQ_INT(ft_pixel_at(cv, 12, 18), 0x0000ff); /* x 0.5, share 0.75: blue */
	TK_EQ_INT(ft_pixel_at(cv, 36, 54), 0xffffff); /* x 1.5: the run ended at 1 */
	TK_EQ_INT(ft_pixel_at(cv, 60, 54), 0xffffff); /* x 2.5: gap */
	/* position 3 has no drawn neighbour: a narrow bar ending at the plot edge */
	TK_EQ_INT(ft_pixel_at(cv, 70, 64.8), 0xff0000); /* share 0.1 */
	TK_EQ_INT(ft_pixel_at(cv, 70, 36), 0x0000ff);   /* share 0.5 */
	canvas_free(cv);
}

static void test_legend_arrangement(void)
{
	char *fonts = eoi_resource_path("fonts", NULL);
	TextEngine *te = text_engine_new(fonts, "Liberation Sans", NULL);
	Theme th;
	theme_defaults(&th);
	LegendItem items[5] = { { "meta-llama", th.series[0] },
				{ "google", th.series[1] },
				{ "Qwen", th.series[2] },
				{ "Others", th.others },
				{ "Unknown", th.unknown } };
	Legend *lg = legend_new(te, &th, items, 5);
	double row_h = legend_height(lg) / 5, col_w = legend_column_width(lg);
	TK_EQ_INT(legend_cols_for_height(lg, 2.5 * row_h), 3);
	TK_EQ_INT(legend_cols_for_height(lg, 100 * row_h), 1);
	TK_EQ_INT(legend_cols_for_width(lg, 2 * col_w), 2);
	TK_EQ_INT(legend_cols_for_width(lg, 1), 1);
	legend_arrange(lg, 2, true); /* column by column: 3 rows */
	legend_place(lg, 100, 50);
	TK_EQ_DBL(legend_height(lg), 3 * row_h, 1e-9);
	Rect b3 = legend_item_box(lg, 3);
	TK_EQ_DBL(b3.x, 100 + col_w, 1e-9);
	TK_EQ_DBL(b3.y, 50, 1e-9);
	legend_arrange(lg, 2, false); /* row by row */
	b3 = legend_item_box(lg, 3);
	TK_EQ_DBL(b3.x, 100 + col_w, 1e-9);
	TK_EQ_DBL(b3.y, 50 + row_h, 1e-9);
	for (int i = 0; i < 5; i++) {
		TK_CHECK(rect_contains(legend_box(lg), legend_item_box(lg, i), 1e-9));
		for (int j = 0; j < i; j++)
			TK_CHECK(!rect_overlaps(legend_item_box(lg, i), legend_item_box(lg, j)));
	}
	legend_free(lg);
	text_engine_free(te);
	g_free(fonts);
}

static void test_palette(void)
{
	Theme th;
	theme_defaults(&th);
	/* 20 distinct colours, none of them the two greys */
	for (int i = 0; i < PALETTE_N_DEFAULT; i++) {
		Colour a = palette_series(&th, i);
		TK_CHECK(!(a.r == a.g && a.g == a.b));
		for (int j = 0; j < i; j++) {
			Colour b = palette_series(&th, j);
			TK_CHECK(a.r != b.r || a.g != b.g || a.b != b.b);
		}
	}
	Colour w = palette_series(&th, 20), z = palette_series(&th, 0);
	TK_CHECK(w.r == z.r && w.g == z.g && w.b == z.b); /* wraps around */
	TK_CHECK(th.others.r == th.others.g && th.unknown.r == th.unknown.b);
	TK_CHECK(th.unknown.r > th.others.r); /* Unknown is the lighter grey */
}

TK_MAIN(test_resource_path, test_theme_file_matches_defaults, test_theme_errors, test_text_engine,
	test_canvas_png, test_canvas_pdf_date, test_canvas_svg_stable, test_canvas_unwritable,
	test_area_gaps, test_legend_arrangement, test_palette)
