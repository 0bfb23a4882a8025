/* legend.c - legend measurement, arrangement and drawing. */
#include "legend.h"

#include <math.h>

struct Legend {
	int n, cols, rows;
	bool column_major;
	PangoLayout **layouts;
	Colour *colours;
	double *line_w, *dash; /* per item: line sample width (0: swatch), dash length */
	Colour text;
	double swatch, swatch_gap, col_gap, row_h, label_w;
	double sample_w; /* width of the swatch column: swatch, or a line sample */
	double x, y;
};

Legend *legend_new(TextEngine *te, const Theme *th, const LegendItem *items, int n)
{
	Legend *lg = g_new0(Legend, 1);
	lg->n = n < 0 ? 0 : n;
	lg->layouts = g_new0(PangoLayout *, lg->n ? lg->n : 1);
	lg->colours = g_new0(Colour, lg->n ? lg->n : 1);
	lg->line_w = g_new0(double, lg->n ? lg->n : 1);
	lg->dash = g_new0(double, lg->n ? lg->n : 1);
	lg->text = th->text;
	lg->swatch = round(th->size_legend * 0.9 * 4) / 4;
	lg->sample_w = lg->swatch;
	lg->swatch_gap = th->size_legend * 0.4;
	lg->col_gap = th->size_legend * 1.2;
	lg->row_h = lg->swatch;
	for (int i = 0; i < lg->n; i++) {
		PangoLayout *l = text_layout(te, items[i].label, th->size_legend, TEXT_REGULAR, 0);
		double w, h;
		text_extent(l, &w, &h);
		if (w > LEGEND_MAX_LABEL) {
			text_ellipsize(l, LEGEND_MAX_LABEL);
			text_extent(l, &w, &h);
		}
		lg->layouts[i] = l;
		lg->colours[i] = items[i].colour;
		lg->label_w = fmax(lg->label_w, w);
		lg->row_h = fmax(lg->row_h, h);
	}
	lg->row_h += th->size_legend * 0.15;
	legend_arrange(lg, 1, true);
	return lg;
}

void legend_free(Legend *lg)
{
	if (!lg)
		return;
	for (int i = 0; i < lg->n; i++)
		g_object_unref(lg->layouts[i]);
	g_free(lg->layouts);
	g_free(lg->colours);
	g_free(lg->line_w);
	g_free(lg->dash);
	g_free(lg);
}

int legend_count(const Legend *lg)
{
	return lg->n;
}

double legend_column_width(const Legend *lg)
{
	return lg->sample_w + lg->swatch_gap + lg->label_w + lg->col_gap;
}

void legend_set_line(Legend *lg, int i, double width, double dash)
{
	if (i < 0 || i >= lg->n || width <= 0)
		return;
	lg->line_w[i] = width;
	lg->dash[i] = dash > 0 ? dash : 0;
	lg->sample_w = round(lg->swatch * LEGEND_LINE_SAMPLE * 4) / 4;
}

static int rows_for(const Legend *lg, int cols)
{
	return lg->n == 0 ? 0 : (lg->n + cols - 1) / cols;
}

int legend_cols_for_height(const Legend *lg, double max_height)
{
	int cols = 1;
	while (cols < lg->n && rows_for(lg, cols) * lg->row_h > max_height)
		cols++;
	return cols;
}

int legend_cols_for_width(const Legend *lg, double max_width)
{
	int cols = 1;
	while (cols < lg->n && (cols + 1) * legend_column_width(lg) - lg->col_gap <= max_width)
		cols++;
	return cols;
}

void legend_arrange(Legend *lg, int cols, bool column_major)
{
	lg->cols = cols < 1 ? 1 : cols > lg->n && lg->n > 0 ? lg->n : cols;
	lg->rows = rows_for(lg, lg->cols);
	lg->column_major = column_major;
}

double legend_width(const Legend *lg)
{
	return lg->n == 0 ? 0 : lg->cols * legend_column_width(lg) - lg->col_gap;
}

double legend_height(const Legend *lg)
{
	return lg->rows * lg->row_h;
}

void legend_place(Legend *lg, double x, double y)
{
	lg->x = x;
	lg->y = y;
}

Rect legend_box(const Legend *lg)
{
	return (Rect){ lg->x, lg->y, legend_width(lg), legend_height(lg) };
}

Rect legend_item_box(const Legend *lg, int i)
{
	int row = lg->column_major ? i % lg->rows : i / lg->cols;
	int col = lg->column_major ? i / lg->rows : i % lg->cols;
	double w;
	text_extent(lg->layouts[i], &w, NULL);
	return (Rect){ lg->x + col * legend_column_width(lg), lg->y + row * lg->row_h,
		       lg->sample_w + lg->swatch_gap + w, lg->row_h };
}

/* Item I's line sample across the swatch column, centred on CY. */
static void draw_line_sample(cairo_t *cr, const Legend *lg, int i, double x, double cy)
{
	cairo_save(cr);
	cairo_set_line_width(cr, lg->line_w[i]);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	if (lg->dash[i] > 0)
		cairo_set_dash(cr, &lg->dash[i], 1, 0);
	cairo_move_to(cr, x, cy);
	cairo_line_to(cr, x + lg->sample_w, cy);
	cairo_stroke(cr);
	cairo_restore(cr);
}

bool legend_draw(Canvas *cv, const Legend *lg)
{
	cairo_t *cr = canvas_cairo(cv);
	for (int i = 0; i < lg->n; i++) {
		Rect b = legend_item_box(lg, i);
		double cy = b.y + b.h / 2;
		Colour c = lg->colours[i];
		cairo_set_source_rgb(cr, c.r, c.g, c.b);
		if (lg->line_w[i] > 0)
			draw_line_sample(cr, lg, i, b.x, cy);
		else {
			cairo_rectangle(cr, b.x, cy - lg->swatch / 2, lg->sample_w, lg->swatch);
			cairo_fill(cr);
		}
		text_draw(cr, lg->layouts[i], b.x + lg->sample_w + lg->swatch_gap, cy, 0.0, 0.5, 0,
			  lg->text);
	}
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
