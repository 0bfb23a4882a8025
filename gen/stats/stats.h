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
#include "../data/dates.h"
#include "shares.h"

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

typedef struct {
	RunInfo info;
	RunWarnings warnings;
	uint64_t n_rows;
	uint32_t n_models;
	uint32_t n_developers;         /* distinct credited developers */
	GPtrArray *inputs;             /* InputFile* copies, for provenance */
	ShareSeries *developer_shares; /* attributed view, top 20 + Others + Unknown */
	ShareSeries *nation_shares;    /* attributed view, top 12 + Others + Unknown */
} Stats;

typedef enum { ATTRIBUTION_AUTO = -1 } AttributionDefault;

typedef struct {
	WindowKind window;
	int attribution;  /* AttributionKind, or ATTRIBUTION_AUTO: given when
			     derived_author is present, else computed */
	PeriodKind period;
} StatsOptions;

/* Derive and compute every statistic of DS.  DS's string pool receives the
 * names the attribution walk meets. */
Stats *stats_compute(const Dataset *ds, const StatsOptions *opt, GError **err);
void stats_free(Stats *st);

const char *window_name(WindowKind w);
const char *attribution_name(AttributionKind a);

#endif
