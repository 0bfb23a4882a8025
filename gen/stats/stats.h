/*
 * stats.h - every statistic of a run, computed once (DESIGN.md §3).
 *
 * stats_compute() derives and computes everything the outputs need; the
 * figures, workbook and report only read the Stats it returns, so the three
 * always agree.  Ownership: stats_free() releases everything in it.
 */
#ifndef EOI_STATS_H
#define EOI_STATS_H

#include <stdbool.h>

#include "../data/dataset.h"
#include "../timing.h"
#include "../data/dates.h"
#include "categories.h"
#include "concentration.h"
#include "intermediaries.h"
#include "leaderboard.h"
#include "orgmatrix.h"
#include "shares.h"
#include "shifts.h"
#include "sizes.h"

typedef enum { WINDOW_FIRST_YEAR, WINDOW_ALL } WindowKind;
typedef enum { ATTRIBUTION_GIVEN, ATTRIBUTION_COMPUTED } AttributionKind;

/* What the run was: printed in every caption and provenance block. */
typedef struct {
	WindowKind window;
	AttributionKind attribution;
	PeriodKind period;
	Day as_of;
	Day first_day;
	bool synthetic;     /* input is eoi's synthetic sample */
	char *source;       /* "synthetic sample data" or the input file names */
} RunInfo;

/* What was tolerated on the way, summarised once per run. */
typedef struct {
	uint64_t rows_after_as_of;
	uint64_t duplicate_rows;
	uint64_t counter_drops;
	uint32_t models_without_created; /* left out of the first-year window */
	uint32_t attribution_cycles;
	uint32_t attribution_depth_capped;
	uint32_t attribution_disagreements; /* given vs computed */
	uint64_t models_table_unmatched;
	uint64_t unknown_columns;
	char *unknown_column_names;
} RunWarnings;

/* The warnings as a list, for every output that prints them: a stable
 * key (JSON), a phrase (text, workbook) and the count. */
typedef struct {
	const char *key;
	const char *what;
	uint64_t n;
} WarningItem;
#define RUN_WARNING_ITEMS 9
void run_warning_items(const RunWarnings *w, WarningItem out[RUN_WARNING_ITEMS]);

typedef enum { VIEW_ATTRIBUTED, VIEW_UPLOADER, VIEW_COUNT } View;
typedef enum { BY_MODEL, BY_DEVELOPER, BY_COUNTRY, BY_NATION, BY_ORG_TYPE, BY_COUNT } Grouping;
typedef enum { BOARD_COUNTRY, BOARD_DEVELOPER, BOARD_MODEL, BOARD_COUNT } BoardKind;
typedef enum { BOARD_ALL_TIME, BOARD_LAST_12_MONTHS, BOARD_SPAN_COUNT } BoardSpan;
/* Property series of Figures 6–8. */
typedef enum {
	PROP_MULTIMODAL, PROP_QUANTIZED, PROP_MOE, PROP_DERIVATIVE, /* yes/no: Figure 6 */
	PROP_MODALITY,      /* output modality mix: Figure 7 */
	PROP_TRANSPARENCY,  /* data transparency categories: Figure 8 */
	PROP_OPENNESS,      /* open source vs open weights: Figure 8 */
	PROP_COUNT
} PropertyId;

typedef struct {
	RunInfo info;
	RunWarnings warnings;
	uint64_t n_rows;
	uint32_t n_models;
	uint32_t n_developers;         /* distinct credited developers */
	GPtrArray *inputs;             /* InputFile* copies, for provenance */
	/* Shares over time, per view and grouping (top N + Others + Unknown:
	 * models 20, developers 20, countries 12, nation groups 12, org types
	 * all). */
	ShareSeries *shares[VIEW_COUNT][BY_COUNT];
	/* Figure 2's two panels: shares[VIEW_ATTRIBUTED][BY_DEVELOPER] and
	 * [BY_NATION] (aliases, not owned separately). */
	ShareSeries *developer_shares;
	ShareSeries *nation_shares;
	Concentration *concentration[LEVEL_COUNT]; /* attributed view */
	OrgMatrix *org_matrix;                     /* Figure 4, attributed */
	/* Figure 1, attributed: top 10 (countries top 12, for the map). */
	Leaderboard *board[BOARD_COUNT][BOARD_SPAN_COUNT];
	CategorySeries *property[PROP_COUNT];      /* Figures 6–8 */
	Intermediaries *intermediaries;            /* Figure 9, Table 2 */
	Sizes *sizes;                              /* Figure 5 */
	Shifts *shifts;                            /* Table 1 */
} Stats;

const char *view_name(View v);
const char *grouping_name(Grouping g);
const char *board_kind_name(BoardKind k);
const char *board_span_name(BoardSpan s);
const char *property_name(PropertyId p);

typedef enum { ATTRIBUTION_AUTO = -1 } AttributionDefault;

typedef struct {
	WindowKind window;
	int attribution;  /* AttributionKind, or ATTRIBUTION_AUTO: given when
			     derived_author is present, else computed */
	PeriodKind period;
	Timings *timings;   /* records the "derive" and "stats" stages (may be NULL) */
	int threads;        /* threads for the derivation and statistics (0: 2) */
} StatsOptions;

/* Derive and compute every statistic of DS.  DS's string pool receives the
 * names the attribution walk meets. */
Stats *stats_compute(const Dataset *ds, const StatsOptions *opt, GError **err);
void stats_free(Stats *st);

const char *window_name(WindowKind w);
const char *attribution_name(AttributionKind a);

#endif
