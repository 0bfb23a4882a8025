/*
 * figtest.h - helpers shared by the tests of the figures and of the
 * rendering library (include after tk.h): scratch folders, reading output
 * files, the fixed parts of a hand-built Stats (run info and the run's
 * periods), checks every figure passes (file magic and width,
 * byte-identical re-rendering, only Liberation Sans embedded in the PDF
 * (pdffonts) and the PDF's text (pdftotext, from poppler-utils)), and for
 * drawing tests the bundled text engine, text widths and canvas pixels.
 */
#ifndef FIGTEST_H
#define FIGTEST_H

#include <glib/gstdio.h>
#include <string.h>

#include "eoi.h"
#include "figures/figures.h"
#include "io/outdir.h"
#include "paths.h"
#include "render/canvas.h"
#include "render/text.h"

typedef bool (*FigRenderFn)(const Stats *st, const FigureOptions *fo, GError **err);

static inline void ft_remove_tree(const char *dir)
{
	outdir_remove_tree(dir);
}

static inline char *ft_slurp(const char *dir, const char *name, gsize *len)
{
	char *path = g_build_filename(dir, name, NULL), *data = NULL;
	if (!g_file_get_contents(path, &data, len, NULL)) {
		data = NULL;
		*len = 0;
	}
	g_free(path);
	return data;
}

static inline guint32 ft_be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (guint32)u[0] << 24 | (guint32)u[1] << 16 | (guint32)u[2] << 8 | u[3];
}

/* Run information of the hand-built statistics: monthly, first-year
 * window, given attribution, as of 2025-03-31, synthetic sample. */
static inline RunInfo ft_info(void)
{
	return (RunInfo){ WINDOW_FIRST_YEAR, ATTRIBUTION_GIVEN, PERIOD_MONTH,
			  day_from_civil(2025, 3, 31), day_from_civil(2025, 1, 1), true, NULL };
}

/* The run's N monthly periods from January 2025 as a ShareSeries that
 * carries only the period starts (what the figures take the dates from). */
typedef struct {
	ShareSeries s;
	Day start[12];
} FtPeriods;

static inline void ft_periods(FtPeriods *p, uint32_t n)
{
	memset(p, 0, sizeof *p);
	for (uint32_t i = 0; i < n && i < 12; i++)
		p->start[i] = day_from_civil(2025, (int)i + 1, 1);
	p->s = (ShareSeries){ .period = PERIOD_MONTH, .n_periods = n, .period_start = p->start };
}

/* Render with RENDER into DIR; prints the error and returns false on failure. */
static inline bool ft_render(FigRenderFn render, const Stats *st, const char *dir, unsigned formats,
		      bool single)
{
	FigureOptions fo = { dir, formats, single };
	GError *err = NULL;
	bool ok = render(st, &fo, &err);
	if (!ok) {
		printf("render: %s\n", err ? err->message : "(no message)");
		g_clear_error(&err);
	}
	return ok;
}

/* NAME.pdf, .svg and .png exist in DIR with the right magic, and the PNG
 * is 7 in (3.5 in when SINGLE) wide at 300 dpi. */
static inline void ft_check_files(const char *dir, const char *name, bool single)
{
	char *fp = g_strdup_printf("%s.pdf", name), *fs = g_strdup_printf("%s.svg", name),
	     *fn = g_strdup_printf("%s.png", name);
	gsize lp, ls, ln;
	char *pdf = ft_slurp(dir, fp, &lp), *svg = ft_slurp(dir, fs, &ls), *png = ft_slurp(dir, fn, &ln);
	TK_CHECK(pdf && lp > 5 && memcmp(pdf, "%PDF-", 5) == 0);
	TK_CHECK(svg && g_str_has_prefix(svg, "<?xml") && strstr(svg, "<svg") != NULL);
	TK_CHECK(png && ln > 24 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
	TK_EQ_INT(png && ln > 24 ? ft_be32(png + 16) : 0, single ? 1050 : 2100);
	g_free(pdf);
	g_free(svg);
	g_free(png);
	g_free(fp);
	g_free(fs);
	g_free(fn);
}

/* Two renders of ST give identical bytes in every format; with MAGIC, each
 * file of the first render also starts with its format's magic. */
static inline void ft_check_identical(FigRenderFn render, const Stats *st, const char *name,
				      bool magic)
{
	char *a = g_dir_make_tmp("eoi-fig-XXXXXX", NULL), *b = g_dir_make_tmp("eoi-fig-XXXXXX", NULL);
	TK_CHECK(ft_render(render, st, a, FIG_ALL, false) && ft_render(render, st, b, FIG_ALL, false));
	const char *ext[] = { "pdf", "svg", "png" };
	const char *sig[] = { "%PDF-", "<?xml", "\x89PNG\r\n\x1a\n" };
	for (int i = 0; i < 3; i++) {
		char *file = g_strdup_printf("%s.%s", name, ext[i]);
		gsize la, lb;
		char *da = ft_slurp(a, file, &la), *db = ft_slurp(b, file, &lb);
		if (magic)
			TK_CHECK(da && la > 8 && memcmp(da, sig[i], strlen(sig[i])) == 0);
		TK_CHECK(da && db && la == lb && memcmp(da, db, la) == 0);
		g_free(da);
		g_free(db);
		g_free(file);
	}
	ft_remove_tree(a);
	ft_remove_tree(b);
	g_free(a);
	g_free(b);
}

/* Standard output of ARGV, or NULL when it cannot be run or fails. */
static inline char *ft_run(const char *const *argv)
{
	char *out = NULL;
	int status = 0;
	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
			  NULL, NULL, &out, NULL, &status, NULL) ||
	    !g_spawn_check_wait_status(status, NULL)) {
		printf("cannot run %s (make deps installs poppler-utils)\n", argv[0]);
		g_free(out);
		return NULL;
	}
	return out;
}

/* Every font pdffonts lists for PDF is an embedded Liberation Sans. */
static inline void ft_check_fonts(const char *pdf)
{
	const char *argv[] = { "pdffonts", pdf, NULL };
	char *fonts = ft_run(argv);
	TK_CHECK(fonts != NULL);
	char **lines = g_strsplit(fonts ? fonts : "", "\n", -1);
	int n = 0;
	for (int i = 2; lines[0] && lines[1] && lines[i] && lines[i][0]; i++) {
		char **tok = g_strsplit_set(lines[i], " ", -1);
		GPtrArray *words = g_ptr_array_new();
		for (char **t = tok; *t; t++)
			if (**t)
				g_ptr_array_add(words, *t);
		const char *fname = words->len ? words->pdata[0] : "";
		const char *plus = strchr(fname, '+');
		TK_CHECK(g_str_has_prefix(plus ? plus + 1 : fname, "LiberationSans"));
		TK_CHECK(words->len >= 6 && strcmp(words->pdata[words->len - 5], "yes") == 0);
		n++;
		g_ptr_array_free(words, TRUE);
		g_strfreev(tok);
	}
	TK_CHECK(n >= 2);
	g_strfreev(lines);
	g_free(fonts);
}

/* The text of DIR/NAME.pdf on one line (g_free), or NULL. */
static inline char *ft_pdf_text(const char *dir, const char *name)
{
	char *file = g_strdup_printf("%s.pdf", name), *pdf = g_build_filename(dir, file, NULL);
	const char *argv[] = { "pdftotext", pdf, "-", NULL };
	char *text = ft_run(argv);
	if (text)
		g_strdelimit(text, "\n", ' ');
	g_free(pdf);
	g_free(file);
	return text;
}

/* TEXT holds every string of WANT (N of them). */
static inline void ft_check_text(const char *text, const char *const *want, size_t n)
{
	TK_CHECK(text != NULL);
	for (size_t i = 0; text && i < n; i++)
		if (!strstr(text, want[i])) {
			printf("missing text \"%s\"\n", want[i]);
			TK_CHECK(strstr(text, want[i]) != NULL);
		}
}

/* TEXT holds none of the strings of AVOID. */
static inline void ft_check_no_text(const char *text, const char *const *avoid, size_t n)
{
	for (size_t i = 0; text && i < n; i++)
		if (strstr(text, avoid[i])) {
			printf("unexpected text \"%s\"\n", avoid[i]);
			TK_CHECK(strstr(text, avoid[i]) == NULL);
		}
}

/* The text engine on the bundled fonts (text_engine_free), or NULL after a
 * failed check. */
static inline TextEngine *ft_engine(void)
{
	char *fonts = eoi_resource_path("fonts", NULL);
	TextEngine *te = fonts ? text_engine_new(fonts, "Liberation Sans", NULL) : NULL;
	g_free(fonts);
	TK_CHECK(te != NULL);
	return te;
}

/* Width in points of S set in regular text of SIZE. */
static inline double ft_width_of(TextEngine *te, const char *s, double size)
{
	PangoLayout *l = text_layout(te, s, size, TEXT_REGULAR, 0);
	double w;
	text_extent(l, &w, NULL);
	g_object_unref(l);
	return w;
}

/* 0x00RRGGBB of the pixel under point (X, Y) of a 300 dpi canvas. */
static inline guint32 ft_pixel_at(Canvas *cv, double x, double y)
{
	cairo_surface_t *s = cairo_get_target(canvas_cairo(cv));
	cairo_surface_flush(s);
	int px = (int)(x * 300 / 72), py = (int)(y * 300 / 72);
	const unsigned char *row =
	    cairo_image_surface_get_data(s) + (size_t)py * cairo_image_surface_get_stride(s);
	return ((const guint32 *)row)[px] & 0xffffff;
}

#endif
