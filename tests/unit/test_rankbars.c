/*
 * test_rankbars.c - ranked horizontal bars (render/rankbars.h): the label
 * column, bar lengths proportional to the values, every row inside the
 * width it was given, notes shortened or dropped when the room is short,
 * and the bars drawn where the layout says.
 */
#include <string.h>

#include "eoi.h"
#include "paths.h"
#include "render/canvas.h"
#include "render/rankbars.h"
#include "render/text.h"
#include "render/theme.h"
#include "tk.h"

#include "figtest.h"

static const Colour red = { 1, 0, 0 }, green = { 0, 1, 0 };

static const RankBar bars[3] = {
	{ "alpha", 4, "40%", NULL, { 1, 0, 0 } },
	{ "b", 2, "20%", "base-one, base-two", { 0, 1, 0 } },
	{ "gamma-long-name", 0, "0%", NULL, { 0, 0, 1 } },
};

/* Every box of every row lies within the block and rows do not overlap. */
static void check_inside(const RankBars *rb)
{
	Rect box = rankbars_box(rb);
	for (int i = 0; i < rankbars_count(rb); i++) {
		Rect parts[4] = { rankbars_label_box(rb, i), rankbars_bar_box(rb, i),
				  rankbars_value_box(rb, i), rankbars_note_box(rb, i) };
		for (int k = 0; k < 4; k++)
			TK_CHECK(rect_contains(box, parts[k], 1e-6));
		TK_CHECK(!rect_overlaps(parts[0], parts[1]));
		TK_CHECK(!rect_overlaps(parts[1], parts[2]));
		TK_CHECK(!rect_overlaps(parts[2], parts[3]));
		if (i > 0)
			TK_CHECK(rankbars_bar_box(rb, i).y >= rect_bottom(rankbars_bar_box(rb, i - 1)));
	}
}

static void test_layout_wide(void)
{
	TextEngine *te = ft_engine();
	if (!te)
		return;
	Theme th;
	theme_defaults(&th);
	RankBars *rb = rankbars_new(te, &th, bars, 3);
	TK_EQ_INT(rankbars_count(rb), 3);
	double h = rankbars_layout(rb, 10, 20, 300);
	TK_EQ_DBL(h, 3 * rankbars_row_height(rb), 1e-9);
	double label_col = ft_width_of(te, "gamma-long-name", th.size_legend);
	double base = 10 + label_col + RANKBARS_GAP;
	Rect b0 = rankbars_bar_box(rb, 0), b1 = rankbars_bar_box(rb, 1), b2 = rankbars_bar_box(rb, 2);
	TK_EQ_DBL(b0.x, base, 1e-9);
	TK_EQ_DBL(b1.x, base, 1e-9);
	TK_EQ_DBL(b0.w, 2 * b1.w, 1e-9); /* values 4 and 2 */
	TK_EQ_DBL(b2.w, 0, 0);
	TK_EQ_DBL(b0.w, 4 * rankbars_scale(rb), 1e-9);
	/* labels right-aligned against the baseline */
	TK_EQ_DBL(rect_right(rankbars_label_box(rb, 1)), base - RANKBARS_GAP, 1e-9);
	TK_EQ_DBL(rankbars_label_box(rb, 2).x, 10, 1e-9);
	/* the scale is the largest at which every row fits: the binding row
	 * ends exactly at the right edge */
	double room = 300 - label_col - RANKBARS_GAP;
	double w40 = ft_width_of(te, "40%", th.size_tick), w20 = ft_width_of(te, "20%", th.size_tick);
	double note = ft_width_of(te, "base-one, base-two", th.size_tick);
	double s0 = (room - RANKBARS_GAP - w40) / 4;
	double s1 = (room - RANKBARS_GAP - w20 - 2 * RANKBARS_GAP - note) / 2;
	TK_EQ_DBL(rankbars_scale(rb), fmin(s0, s1), 1e-9);
	TK_EQ_DBL(rankbars_value_box(rb, 0).x, rect_right(b0) + RANKBARS_GAP, 1e-9);
	TK_EQ_DBL(rankbars_note_box(rb, 1).w, note, 1e-9); /* not shortened */
	check_inside(rb);
	rankbars_free(rb);
	text_engine_free(te);
}

static void test_layout_narrow(void)
{
	TextEngine *te = ft_engine();
	if (!te)
		return;
	Theme th;
	theme_defaults(&th);
	RankBar one[2] = {
		{ "x", 1, "50%", NULL, red },
		{ "y", 1, "50%", "a very long note that cannot possibly fit beside the bar", green },
	};
	RankBars *rb = rankbars_new(te, &th, one, 2);
	rankbars_layout(rb, 0, 0, 140);
	double room = 140 - ft_width_of(te, "x", th.size_legend) - RANKBARS_GAP;
	/* the bars keep their share of the room; the note gives way */
	TK_CHECK(rankbars_bar_box(rb, 1).w >= RANKBARS_MIN_BAR_FRACTION * room - 1e-9);
	Rect n = rankbars_note_box(rb, 1);
	TK_CHECK(n.w == 0 || n.w >= RANKBARS_MIN_NOTE);
	TK_CHECK(rect_right(n) <= 140 + 1e-6);
	check_inside(rb);
	rankbars_free(rb);
	/* so narrow that no note fits: dropped */
	rb = rankbars_new(te, &th, one, 2);
	rankbars_layout(rb, 0, 0, 60);
	TK_EQ_DBL(rankbars_note_box(rb, 1).w, 0, 0);
	rankbars_free(rb);
	/* no rows */
	rb = rankbars_new(te, &th, one, 0);
	TK_EQ_DBL(rankbars_layout(rb, 0, 0, 100), 0, 0);
	rankbars_free(rb);
	text_engine_free(te);
}

static void test_drawing(void)
{
	TextEngine *te = ft_engine();
	if (!te)
		return;
	Theme th;
	theme_defaults(&th);
	RankBars *rb = rankbars_new(te, &th, bars, 3);
	rankbars_layout(rb, 4, 4, 200);
	GError *err = NULL;
	Canvas *cv = canvas_new(CANVAS_PNG, "unused.png", 208, 50, NULL, (Colour){ 1, 1, 1 }, &err);
	TK_CHECK(rankbars_draw(cv, rb));
	Rect b0 = rankbars_bar_box(rb, 0), b1 = rankbars_bar_box(rb, 1);
	TK_EQ_INT(ft_pixel_at(cv, b0.x + b0.w / 2, b0.y + b0.h / 2), 0xff0000);
	TK_EQ_INT(ft_pixel_at(cv, b1.x + b1.w / 2, b1.y + b1.h / 2), 0x00ff00);
	/* past bar b's end, before its value label */
	TK_EQ_INT(ft_pixel_at(cv, rect_right(b1) + 1, b1.y + b1.h / 2), 0xffffff);
	canvas_free(cv);
	rankbars_free(rb);
	text_engine_free(te);
}

TK_MAIN(test_layout_wide, test_layout_narrow, test_drawing)
