/*
 * model.h - the data model a report template reads.
 *
 * It is the JSON document of `eoi stats --json` (stats_json(), so a
 * placeholder and the JSON can never disagree) with three more members at
 * the top level:
 *
 *   report           quarter ("2025Q3"), quarter_label ("2025 Q3"), as_of,
 *                    previous_as_of / previous_quarter (null without a
 *                    previous run), page_size ("A4" / "US Letter"),
 *                    generated (date of SOURCE_DATE_EPOCH);
 *   shares_all_time  nation_groups[] and developers[]: {rank, name,
 *                    downloads, share} of every named group of the share
 *                    series, largest first; total (all counted
 *                    downloads), nation_groups_others_share,
 *                    nation_groups_unknown_share and the same for
 *                    developers;
 *   changes          (only with a previous run) the Changes of
 *                    gen/stats/changes.h: previous_as_of, previous_quarter,
 *                    previous_counts {rows, models, credited_developers},
 *                    total_prev, total_cur; nation_groups and developers
 *                    {rows[], movers[], gainers[], losers[]} of {name, prev,
 *                    cur, change, rank_prev, rank_cur}; concentration
 *                    {model, developer, nation}: {hhi_prev, hhi_cur,
 *                    hhi_change, gini_prev, gini_cur, gini_change,
 *                    period_prev, period_cur}; top10 {countries,
 *                    developers, models}: {entered[], exited[]} of {name,
 *                    rank, share}.
 *
 * Ownership: the caller unrefs the returned node (json_node_unref).
 */
#ifndef EOI_REPORT_MODEL_H
#define EOI_REPORT_MODEL_H

#include <json-glib/json-glib.h>
#include <stdbool.h>

#include "../stats/changes.h"
#include "../stats/stats.h"

/* "2025Q3" for a day in 2025-07-01..2025-09-30 (BUF: 16 bytes). */
char *report_quarter(Day d, char buf[static 16]);

/* The data model of ST, with PREV and CH (both NULL: no comparison). */
JsonNode *report_model_new(const Stats *st, const Stats *prev, const Changes *ch, bool letter);

#endif
