/* hbars.c - 100 % stacked horizontal bars. */
#include "hbars.h"

#include <math.h>

static double widest(TextEngine *te, const Theme *th, const char *const *labels, int n)
{
	double w = 0;
	for (int i = 0; labels && i < n; i++) {
		PangoLayout *l = text_layout(te, labels[i], th->size_tick, TEXT_REGULAR, 0);
		double lw;
		text_extent(l, &lw, NULL);
		w = fmax(w, lw);
		g_object_unref(l);
	}
	return w;
}

double hbars_label_extent(TextEngine *te, const Theme *th, const StackedBars *sb)
{
	return widest(te, th, sb->row_label, sb->n_rows) + HBARS_LABEL_GAP;
}

double hbars_note_extent(TextEngine *te, const Theme *th, const StackedBars *sb)
{
	return sb->row_note ? widest(te, th, sb->row_note, sb->n_rows) + HBARS_LABEL_GAP : 0;
}

Rect hbars_bar_box(Rect plot, int n_rows, int r)
{
	double slot = n_rows > 0 ? plot.h / n_rows : plot.h;
	double h = slot * HBARS_BAR_FRAC;
	return (Rect){ plot.x, plot.y + r * slot + (slot - h) / 2, plot.w, h };
}

static double row_sum(const StackedBars *sb, int r)
{
	double sum = 0;
	for (int c = 0; c < sb->n_cols; c++) {
		double v = sb->value[r * sb->n_cols + c];
		if (!isfinite(v) || v < 0)
			return NAN;
		sum += v;
	}
	return sum;
}

bool hbars_segment(const StackedBars *sb, int r, int c, double *start, double *frac)
{
	double sum = row_sum(sb, r);
	if (!(sum > 0))
		return false;
	double before = 0;
	for (int k = 0; k < c; k++)
		before += sb->value[r * sb->n_cols + k];
	*start = before / sum;
	*frac = sb->value[r * sb->n_cols + c] / sum;
	return true;
}

/* Relative luminance (sRGB, WCAG) of C. */
static double luminance(Colour c)
{
	double v[3] = { c.r, c.g, c.b };
	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static void segment_label(cairo_t *cr, TextEngine *te, const Theme *th, Rect seg, double frac,
			  Colour fill)
{
	if (seg.w < HBARS_MIN_LABEL)
		return;
	char buf[16];
	g_snprintf(buf, sizeof buf, "%.0f%%", frac * 100);
	PangoLayout *l = text_layout(te, buf, th->size_tick * 0.9, TEXT_REGULAR, 0);
	double w, h;
	text_extent(l, &w, &h);
	Colour white = { 1, 1, 1 };
	if (w + 2 <= seg.w && h <= seg.h + 1)
		text_draw(cr, l, seg.x + seg.w / 2, seg.y + seg.h / 2, 0.5, 0.5, 0,
			  luminance(fill) < 0.3 ? white : th->text);
	g_object_unref(l);
}

static void draw_row(cairo_t *cr, TextEngine *te, const Theme *th, Rect plot,
		     const StackedBars *sb, int r)
{
	Rect bar = hbars_bar_box(plot, sb->n_rows, r);
	for (int c = 0; c < sb->n_cols; c++) {
		double start, frac;
		if (!hbars_segment(sb, r, c, &start, &frac) || frac <= 0)
			continue;
		Rect seg = { bar.x + start * bar.w, bar.y, frac * bar.w, bar.h };
		Colour f = sb->colours[c];
		cairo_set_source_rgb(cr, f.r, f.g, f.b);
		cairo_rectangle(cr, seg.x, seg.y, seg.w, seg.h);
		cairo_fill(cr);
		if (start > 0) {
			cairo_set_source_rgb(cr, th->separator.r, th->separator.g, th->separator.b);
			cairo_set_line_width(cr, th->line_separator);
			cairo_move_to(cr, seg.x, seg.y);
			cairo_line_to(cr, seg.x, seg.y + seg.h);
			cairo_stroke(cr);
		}
		segment_label(cr, te, th, seg, frac, f);
	}
	double cy = bar.y + bar.h / 2;
	PangoLayout *l = text_layout(te, sb->row_label[r], th->size_tick, TEXT_REGULAR, 0);
	text_draw(cr, l, plot.x - HBARS_LABEL_GAP, cy, 1.0, 0.5, 0, th->text);
	g_object_unref(l);
	if (sb->row_note) {
		l = text_layout(te, sb->row_note[r], th->size_tick, TEXT_REGULAR, 0);
		text_draw(cr, l, rect_right(plot) + HBARS_LABEL_GAP, cy, 0, 0.5, 0, th->text_muted);
		g_object_unref(l);
	}
}

bool hbars_draw(Canvas *cv, TextEngine *te, const Theme *th, Rect plot, const StackedBars *sb)
{
	cairo_t *cr = canvas_cairo(cv);
	cairo_save(cr);
	for (int r = 0; r < sb->n_rows; r++)
		draw_row(cr, te, th, plot, sb, r);
	cairo_restore(cr);
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
