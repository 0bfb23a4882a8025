/* canvas.c - PDF, SVG and PNG surfaces behind one drawing path. */
#include "canvas.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../eoi.h"

struct Canvas {
	CanvasFormat format;
	char *path;
	cairo_surface_t *surface;
	cairo_t *cr;
	GString *bytes; /* the whole file, written out by canvas_finish */
	double scale;   /* device units per point */
};

const char *canvas_format_ext(CanvasFormat format)
{
	switch (format) {
	case CANVAS_PDF: return "pdf";
	case CANVAS_SVG: return "svg";
	case CANVAS_PNG: return "png";
	}
	return "bin";
}

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	g_string_append_len(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* "YYYY-MM-DDTHH:MM:SS" (UTC) of $SOURCE_DATE_EPOCH, or of 0 when unset or
 * not a plain non-negative integer. */
static void pdf_date(char buf[static 32])
{
	const char *s = g_getenv("SOURCE_DATE_EPOCH");
	gint64 t = 0;
	char *end = NULL;
	if (s && *s) {
		guint64 v = g_ascii_strtoull(s, &end, 10);
		if (*end == '\0' && v <= 253402300799u) /* up to 9999-12-31 */
			t = (gint64)v;
	}
	GDateTime *dt = g_date_time_new_from_unix_utc(t);
	char *f = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");
	g_strlcpy(buf, f, 32);
	g_free(f);
	g_date_time_unref(dt);
}

static cairo_surface_t *make_surface(Canvas *cv, double width, double height, const char *title)
{
	switch (cv->format) {
	case CANVAS_PDF: {
		cairo_surface_t *s =
		    cairo_pdf_surface_create_for_stream(append_bytes, cv->bytes, width, height);
		char date[32];
		pdf_date(date);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "eoi " EOI_VERSION);
		if (title)
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
		return s;
	}
	case CANVAS_SVG: {
		cairo_surface_t *s =
		    cairo_svg_surface_create_for_stream(append_bytes, cv->bytes, width, height);
		cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT);
		return s;
	}
	case CANVAS_PNG:
		cv->scale = CANVAS_PNG_DPI / 72.0;
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(width * cv->scale),
						  (int)ceil(height * cv->scale));
	}
	return NULL;
}

Canvas *canvas_new(CanvasFormat format, const char *path, double width, double height,
		   const char *title, Colour background, GError **err)
{
	Canvas *cv = g_new0(Canvas, 1);
	cv->format = format;
	cv->path = g_strdup(path);
	cv->bytes = g_string_new(NULL);
	cv->scale = 1.0;
	if (!(width > 0 && height > 0 && width < 14400 && height < 14400)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: bad page size %g x %g pt", path,
			    width, height);
		goto fail;
	}
	cv->surface = make_surface(cv, width, height, title);
	if (!cv->surface || cairo_surface_status(cv->surface) != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: cannot create the surface: %s",
			    path,
			    cv->surface ? cairo_status_to_string(cairo_surface_status(cv->surface))
					: "unknown format");
		goto fail;
	}
	cv->cr = cairo_create(cv->surface);
	cairo_scale(cv->cr, cv->scale, cv->scale);
	cairo_set_source_rgb(cv->cr, background.r, background.g, background.b);
	cairo_paint(cv->cr);
	if (cairo_status(cv->cr) != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: cairo: %s", path,
			    cairo_status_to_string(cairo_status(cv->cr)));
		goto fail;
	}
	return cv;
fail:
	canvas_free(cv);
	return NULL;
}

cairo_t *canvas_cairo(Canvas *cv)
{
	return cv->cr;
}

bool canvas_is_vector(const Canvas *cv)
{
	return cv->format != CANVAS_PNG;
}

double canvas_snap(const Canvas *cv, double v, double line_width)
{
	if (canvas_is_vector(cv))
		return v;
	double px = line_width * cv->scale;
	long n = lround(px) < 1 ? 1 : lround(px);
	double d = v * cv->scale;
	d = (n % 2) ? floor(d) + 0.5 : round(d);
	return d / cv->scale;
}

void canvas_free(Canvas *cv)
{
	if (!cv)
		return;
	if (cv->cr)
		cairo_destroy(cv->cr);
	if (cv->surface)
		cairo_surface_destroy(cv->surface);
	g_string_free(cv->bytes, TRUE);
	g_free(cv->path);
	g_free(cv);
}

/* Insert a pHYs chunk (CANVAS_PNG_DPI in both directions) after IHDR, which
 * cairo always writes first: 8 bytes of signature + 25 of IHDR. */
static void png_add_phys(GString *png)
{
	const gsize at = 8 + 25;
	if (png->len < at || memcmp(png->str + 12, "IHDR", 4) != 0)
		return;
	guint32 ppm = (guint32)lround(CANVAS_PNG_DPI / 0.0254);
	unsigned char chunk[4 + 4 + 9 + 4] = { 0, 0, 0, 9, 'p', 'H', 'Y', 's' };
	for (int i = 0; i < 4; i++) {
		chunk[8 + i] = (unsigned char)(ppm >> (24 - 8 * i));
		chunk[12 + i] = chunk[8 + i];
	}
	chunk[16] = 1; /* unit: metre */
	uLong crc = crc32(0L, chunk + 4, 4 + 9);
	for (int i = 0; i < 4; i++)
		chunk[17 + i] = (unsigned char)(crc >> (24 - 8 * i));
	g_string_insert_len(png, (gssize)at, (const char *)chunk, sizeof chunk);
}

/* cairo numbers the <g id="surfaceN"> of an SVG page with a counter shared
 * by the whole process, so the same drawing done twice differs.  Renumber
 * every "surfaceN" in order of first appearance from 1. */
static void svg_renumber_surfaces(GString *svg)
{
	static const char key[] = "surface";
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GString *out = g_string_sized_new(svg->len);
	const char *p = svg->str, *end = svg->str + svg->len;
	while (p < end) {
		const char *hit = g_strstr_len(p, end - p, key);
		if (!hit) {
			g_string_append_len(out, p, end - p);
			break;
		}
		const char *digits = hit + sizeof key - 1, *q = digits;
		while (q < end && g_ascii_isdigit(*q))
			q++;
		g_string_append_len(out, p, digits - p);
		if (q > digits) {
			char *num = g_strndup(digits, q - digits);
			gpointer n = g_hash_table_lookup(seen, num);
			if (!n) {
				n = GUINT_TO_POINTER(g_hash_table_size(seen) + 1);
				g_hash_table_insert(seen, num, n);
			} else {
				g_free(num);
			}
			g_string_append_printf(out, "%u", GPOINTER_TO_UINT(n));
		}
		p = q;
	}
	g_string_assign(svg, out->str);
	g_string_free(out, TRUE);
	g_hash_table_destroy(seen);
}

/* Produce the file's bytes in cv->bytes; false with ERR on a cairo error. */
static bool render_bytes(Canvas *cv, GError **err)
{
	cairo_status_t st = cairo_status(cv->cr);
	cairo_destroy(cv->cr);
	cv->cr = NULL;
	if (st == CAIRO_STATUS_SUCCESS) {
		if (cv->format == CANVAS_PNG) {
			cairo_surface_flush(cv->surface);
			st =
			    cairo_surface_write_to_png_stream(cv->surface, append_bytes, cv->bytes);
		} else {
			cairo_surface_finish(cv->surface);
			st = cairo_surface_status(cv->surface);
		}
	}
	if (st != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_SOFTWARE, "%s: cairo: %s", cv->path,
			    cairo_status_to_string(st));
		return false;
	}
	if (cv->format == CANVAS_PNG)
		png_add_phys(cv->bytes);
	else if (cv->format == CANVAS_SVG)
		svg_renumber_surfaces(cv->bytes);
	return true;
}

bool canvas_finish(Canvas *cv, GError **err)
{
	bool ok = render_bytes(cv, err);
	if (ok) {
		GError *local = NULL;
		ok = g_file_set_contents_full(cv->path, cv->bytes->str, (gssize)cv->bytes->len,
					      G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local);
		if (!ok) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", cv->path, eoi_file_error_reason(local));
			g_error_free(local);
		}
	}
	canvas_free(cv);
	return ok;
}
