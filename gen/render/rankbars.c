/* rankbars.c - ranked horizontal bars: measuring, layout and drawing. */
#include "rankbars.h"

#include <math.h>

typedef struct {
	PangoLayout *label, *value, *note; /* value and note may be NULL */
	double label_w, value_w, note_w;
	double v;
	Colour colour;
} Row;

struct RankBars {
	int n;
	Row *row;
	Theme th;
	double row_h, label_col, x, y, w, scale, base_x;
};

/* A layout of TEXT at SIZE no wider than MAX (NULL for NULL or empty). */
static PangoLayout *measured(TextEngine *te, const char *text, double size, double max, double *w)
{
	*w = 0;
	if (!text || !*text)
		return NULL;
	PangoLayout *l = text_layout(te, text, size, TEXT_REGULAR, 0);
	text_extent(l, w, NULL);
	if (max > 0 && *w > max) {
		text_ellipsize(l, max);
		text_extent(l, w, NULL);
	}
	return l;
}

RankBars *rankbars_new(TextEngine *te, const Theme *th, const RankBar *bars, int n)
{
	RankBars *rb = g_new0(RankBars, 1);
	rb->n = n < 0 ? 0 : n;
	rb->row = g_new0(Row, rb->n ? rb->n : 1);
	rb->th = *th;
	double text_h = 0;
	for (int i = 0; i < rb->n; i++) {
		Row *r = &rb->row[i];
		const RankBar *b = &bars[i];
		r->label = measured(te, b->label ? b->label : "", th->size_legend, RANKBARS_MAX_LABEL,
				    &r->label_w);
		if (!r->label)
			r->label = text_layout(te, "", th->size_legend, TEXT_REGULAR, 0);
		r->value = measured(te, b->value_label, th->size_tick, 0, &r->value_w);
		r->note = measured(te, b->note, th->size_tick, 0, &r->note_w);
		r->v = isfinite(b->value) && b->value > 0 ? b->value : 0;
		r->colour = b->colour;
		double h;
		text_extent(r->label, NULL, &h);
		text_h = fmax(text_h, h);
	}
	rb->row_h = text_h * 1.3;
	return rb;
}

void rankbars_free(RankBars *rb)
{
	if (!rb)
		return;
	for (int i = 0; i < rb->n; i++) {
		g_clear_object(&rb->row[i].label);
		g_clear_object(&rb->row[i].value);
		g_clear_object(&rb->row[i].note);
	}
	g_free(rb->row);
	g_free(rb);
}

int rankbars_count(const RankBars *rb)
{
	return rb->n;
}

double rankbars_row_height(const RankBars *rb)
{
	return rb->row_h;
}

/* Width right of a bar's end taken by row R's value label and note. */
static double tail_width(const Row *r)
{
	double t = r->value ? RANKBARS_GAP + r->value_w : 0;
	return t + (r->note && r->note_w > 0 ? RANKBARS_GAP * 2 + r->note_w : 0);
}

/* Largest scale (points per unit) at which every row fits in ROOM. */
static double fitting_scale(const RankBars *rb, double room)
{
	double scale = INFINITY;
	for (int i = 0; i < rb->n; i++) {
		const Row *r = &rb->row[i];
		if (r->v > 0)
			scale = fmin(scale, fmax(0, room - tail_width(r)) / r->v);
	}
	return isfinite(scale) ? scale : 0;
}

/* Shorten (or drop) the notes so every row fits ROOM at the current scale. */
static void shorten_notes(RankBars *rb, double room)
{
	for (int i = 0; i < rb->n; i++) {
		Row *r = &rb->row[i];
		if (!r->note)
			continue;
		double used = r->v * rb->scale + (r->value ? RANKBARS_GAP + r->value_w : 0);
		double avail = room - used - RANKBARS_GAP * 2;
		if (avail < RANKBARS_MIN_NOTE) {
			g_clear_object(&r->note);
			r->note_w = 0;
		} else if (r->note_w > avail) {
			text_ellipsize(r->note, avail);
			text_extent(r->note, &r->note_w, NULL);
		}
	}
}

double rankbars_layout(RankBars *rb, double x, double y, double w)
{
	rb->x = x;
	rb->y = y;
	rb->w = w;
	rb->label_col = 0;
	for (int i = 0; i < rb->n; i++)
		rb->label_col = fmax(rb->label_col, rb->row[i].label_w);
	rb->base_x = x + rb->label_col + RANKBARS_GAP;
	double room = fmax(0, x + w - rb->base_x);
	double vmax = 0;
	for (int i = 0; i < rb->n; i++)
		vmax = fmax(vmax, rb->row[i].v);
	rb->scale = fitting_scale(rb, room);
	if (vmax > 0 && rb->scale * vmax < RANKBARS_MIN_BAR_FRACTION * room) {
		/* room for the bars first: the notes give way */
		double no_notes = INFINITY;
		for (int i = 0; i < rb->n; i++) {
			const Row *r = &rb->row[i];
			double t = r->value ? RANKBARS_GAP + r->value_w : 0;
			if (r->v > 0)
				no_notes = fmin(no_notes, fmax(0, room - t) / r->v);
		}
		rb->scale = fmin(isfinite(no_notes) ? no_notes : 0,
				 RANKBARS_MIN_BAR_FRACTION * room / vmax);
		shorten_notes(rb, room);
	}
	return rb->n * rb->row_h;
}

Rect rankbars_box(const RankBars *rb)
{
	return (Rect){ rb->x, rb->y, rb->w, rb->n * rb->row_h };
}

double rankbars_scale(const RankBars *rb)
{
	return rb->scale;
}

static double row_top(const RankBars *rb, int i)
{
	return rb->y + i * rb->row_h;
}

Rect rankbars_bar_box(const RankBars *rb, int i)
{
	double h = rb->row_h * 0.68;
	return (Rect){ rb->base_x, row_top(rb, i) + (rb->row_h - h) / 2, rb->row[i].v * rb->scale,
		       h };
}

static double text_h(PangoLayout *l)
{
	double h = 0;
	if (l)
		text_extent(l, NULL, &h);
	return h;
}

Rect rankbars_label_box(const RankBars *rb, int i)
{
	const Row *r = &rb->row[i];
	double h = text_h(r->label);
	return (Rect){ rb->base_x - RANKBARS_GAP - r->label_w, row_top(rb, i) + (rb->row_h - h) / 2,
		       r->label_w, h };
}

Rect rankbars_value_box(const RankBars *rb, int i)
{
	const Row *r = &rb->row[i];
	double h = text_h(r->value);
	Rect bar = rankbars_bar_box(rb, i);
	return (Rect){ rect_right(bar) + (r->value ? RANKBARS_GAP : 0),
		       row_top(rb, i) + (rb->row_h - h) / 2, r->value ? r->value_w : 0, h };
}

Rect rankbars_note_box(const RankBars *rb, int i)
{
	const Row *r = &rb->row[i];
	double h = text_h(r->note);
	Rect v = rankbars_value_box(rb, i);
	return (Rect){ rect_right(v) + (r->note ? RANKBARS_GAP * 2 : 0),
		       row_top(rb, i) + (rb->row_h - h) / 2, r->note ? r->note_w : 0, h };
}

bool rankbars_draw(Canvas *cv, const RankBars *rb)
{
	cairo_t *cr = canvas_cairo(cv);
	const Theme *th = &rb->th;
	for (int i = 0; i < rb->n; i++) {
		const Row *r = &rb->row[i];
		Rect bar = rankbars_bar_box(rb, i), lb = rankbars_label_box(rb, i);
		if (bar.w > 0) {
			cairo_set_source_rgb(cr, r->colour.r, r->colour.g, r->colour.b);
			cairo_rectangle(cr, bar.x, bar.y, bar.w, bar.h);
			cairo_fill(cr);
		}
		text_draw(cr, r->label, lb.x, lb.y, 0, 0, 0, th->text);
		if (r->value) {
			Rect vb = rankbars_value_box(rb, i);
			text_draw(cr, r->value, vb.x, vb.y, 0, 0, 0, th->text);
		}
		if (r->note) {
			Rect nb = rankbars_note_box(rb, i);
			text_draw(cr, r->note, nb.x, nb.y, 0, 0, 0, th->text_muted);
		}
	}
	if (rb->n > 0) {
		double x = canvas_snap(cv, rb->base_x, th->line_axis);
		cairo_set_source_rgb(cr, th->axis.r, th->axis.g, th->axis.b);
		cairo_set_line_width(cr, th->line_axis);
		cairo_move_to(cr, x, rb->y);
		cairo_line_to(cr, x, rb->y + rb->n * rb->row_h);
		cairo_stroke(cr);
	}
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
