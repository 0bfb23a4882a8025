/*
 * fig1.h - the two panels of Figure 1 (internal to fig1*.c).
 *
 * Fig1Map: world choropleth of the top nations of the all-time country
 * leaderboard, coloured by share in 1-2-5 classes of a sequential palette;
 * nations outside the board light grey; entries with no ISO code ("User",
 * "Online", ...) and the unranked Unknown share listed in a side legend
 * with their shares.  Small places without polygons get a dot.
 *
 * Fig1Tables: the 3 × 2 leaderboards (countries, developers, models ×
 * all-time, last 12 months), top 10 each, with model-kind and
 * developer-kind symbols and a key.
 *
 * Ownership: fig1_map_free() / fig1_tables_free() release what their init
 * and layout made; the Stats and the loaded geometry and codes are
 * borrowed.
 */
#ifndef EOI_FIG1_H
#define EOI_FIG1_H

#include <stdbool.h>

#include "../render/geo.h"
#include "../render/legend.h"
#include "../render/map.h"
#include "../render/rtable.h"
#include "figure.h"

#define FIG1_MAP_MAX 16
#define FIG1_MAX_CLASSES 12

typedef struct {
	const Leaderboard *board;
	const GeoWorld *geo;
	const CountryCodes *codes;
	/* made by fig1_map_layout() */
	MapFill fill[FIG1_MAP_MAX];
	int n_fill;
	int marker_iso[FIG1_MAP_MAX]; /* top nations drawn as a dot */
	int n_marker;
	double edges[FIG1_MAX_CLASSES + 1];
	int n_edges;
	char **class_label, **off_label;
	Legend *classes, *off_map;
	PangoLayout *classes_head, *off_head;
	MapView view;
	Rect box;
} Fig1Map;

/* Symbol of a model kind / developer kind (shape RT_SYM_NONE: none). */
RtSymbol fig1_kind_symbol(ModelKind k);
RtSymbol fig1_dev_symbol(DeveloperKind k, const Theme *th);

/* True when NAME is a place on the map (it has an ISO code). */
bool fig1_is_geographic(const CountryCodes *codes, const char *name);

void fig1_map_init(Fig1Map *m, const Leaderboard *board, const GeoWorld *geo,
		   const CountryCodes *codes);
/* Lay the map and its side legend out from (X, Y) within width W, the
 * legend beside the map (LEGEND_BELOW false) or below it.  Returns the
 * height taken. */
double fig1_map_layout(Fig1Map *m, const FigureEnv *env, double x, double y, double w,
		       bool legend_below);
bool fig1_map_draw(Canvas *cv, const FigureEnv *env, const Fig1Map *m);
void fig1_map_free(Fig1Map *m);

typedef struct {
	const Stats *st;
	const CountryCodes *codes;
	RankTable *table[BOARD_COUNT][BOARD_SPAN_COUNT];
	RtKey *key;
	Rect box;
} Fig1Tables;

/* Lay the six tables and the key out from (X, Y) within width W: three
 * columns (countries, developers, models) by two rows (all-time, last 12
 * months), or, when NARROW, two columns (the spans) by three rows.
 * Returns the height taken. */
double fig1_tables_layout(Fig1Tables *t, const FigureEnv *env, const Stats *st,
			  const CountryCodes *codes, double x, double y, double w, bool narrow);
bool fig1_tables_draw(Canvas *cv, const Fig1Tables *t);
void fig1_tables_free(Fig1Tables *t);

#endif
