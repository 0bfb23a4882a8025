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

typedef struct {
	RunInfo info;
	ShareSeries *developer_shares; /* attributed view, top 20 + Others + Unknown */
	ShareSeries *nation_shares;    /* attributed view, top 12 + Others + Unknown */
} Stats;

const char *window_name(WindowKind w);
const char *attribution_name(AttributionKind a);

#endif
