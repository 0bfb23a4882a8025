/*
 * rtable.h - ranked tables with symbols (Figure 1's leaderboards) and the
 * key that explains the symbols.
 *
 * A table is a heading line, a thin rule, then one row per entry: the rank
 * (right-aligned), up to RT_MAX_SYMBOLS symbol slots, the name and the
 * value (right-aligned at the table's right edge), then a closing rule and
 * an optional footnote.  Names too long for their column are shortened
 * with "…" at the end (never clipped, never running into the value).  A
 * symbol slot takes room only when some row uses it.  Symbols are cairo
 * paths, not glyphs, so they need no font.
 *
 * Measure with rtable_new() for a given width, place with rtable_place(),
 * then draw.  The key (RtKey) flows symbol + label items left to right,
 * wrapping within its width; an item with shape RT_SYM_NONE is a text-only
 * lead-in ("Model kind:") that starts a new line when its group (it and
 * the items up to the next lead-in) does not fit on the current one.
 *
 * Ownership: rtable_free() / rtable_key_free() release their layouts; the
 * rows' and items' strings are copied into layouts and need not outlive
 * the call.
 */
#ifndef EOI_RENDER_RTABLE_H
#define EOI_RENDER_RTABLE_H

#include <stdbool.h>

#include "canvas.h"
#include "geom.h"
#include "text.h"
#include "theme.h"

typedef enum {
	RT_SYM_NONE,
	RT_SYM_CIRCLE,
	RT_SYM_SQUARE,
	RT_SYM_TRIANGLE,
	RT_SYM_DIAMOND,
	RT_SYM_TRIANGLE_DOWN,
	RT_SYM_GLOBE,  /* outlined globe: circle, equator, meridian */
	RT_SYM_PERSON, /* head and shoulders */
} RtShape;

typedef struct {
	RtShape shape;
	Colour colour;
} RtSymbol;

#define RT_MAX_SYMBOLS 2

typedef struct {
	int rank;
	const char *name;
	const char *value;
	RtSymbol sym[RT_MAX_SYMBOLS];
} RtRow;

typedef struct RankTable RankTable;

/*
 * Measure a table WIDTH points wide: HEADING (bold), N ROWS, FOOTNOTE
 * (NULL or "": none).  With N = 0 the table shows "No downloads".
 */
RankTable *rtable_new(TextEngine *te, const Theme *th, const char *heading, const RtRow *rows,
		      int n, const char *footnote, double width);
void rtable_free(RankTable *rt);

/* Width the table needs to show every name and its heading in full. */
double rtable_natural_width(const RankTable *rt);
double rtable_height(const RankTable *rt);
void rtable_place(RankTable *rt, double x, double y);
Rect rtable_box(const RankTable *rt);
/* Boxes of row I's name and value text as drawn (for layout tests). */
Rect rtable_name_box(const RankTable *rt, int i);
Rect rtable_value_box(const RankTable *rt, int i);
/* True when row I's name was shortened with "…". */
bool rtable_name_ellipsized(const RankTable *rt, int i);

bool rtable_draw(Canvas *cv, const RankTable *rt);

/* Draw symbol S centred on (CX, CY), SIZE points across. */
void rtable_draw_symbol(cairo_t *cr, RtSymbol s, double cx, double cy, double size);

typedef struct {
	RtSymbol sym;
	const char *label;
} RtKeyItem;

typedef struct RtKey RtKey;

/* Measure N key items flowing within WIDTH points. */
RtKey *rtable_key_new(TextEngine *te, const Theme *th, const RtKeyItem *items, int n, double width);
void rtable_key_free(RtKey *k);
double rtable_key_height(const RtKey *k);
void rtable_key_place(RtKey *k, double x, double y);
Rect rtable_key_box(const RtKey *k);
Rect rtable_key_item_box(const RtKey *k, int i);
bool rtable_key_draw(Canvas *cv, const RtKey *k);

#endif
