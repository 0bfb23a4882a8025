/*
 * stats_json.h - every statistic of a run as one JSON document
 * (`eoi stats --json FILE`).  The structure is documented in the README.
 */
#ifndef EOI_STATS_JSON_H
#define EOI_STATS_JSON_H

#include <glib.h>
#include <stdbool.h>

#include "../stats/stats.h"

/* Serialise ST (pretty-printed, numbers at full double precision, null for
 * NAN).  Returns a newly allocated string. */
char *stats_json(const Stats *st);
/* Write the JSON of ST to PATH ("-": standard output) through a temporary
 * file renamed on success. */
bool stats_json_write(const Stats *st, const char *path, GError **err);

#endif
