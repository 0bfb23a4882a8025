/*
 * jsonb.h - small helpers over json-glib's JsonBuilder shared by the JSON
 * export and the report's data model: each sets member KEY (when KEY is
 * not NULL) and adds one value, null for NAN/infinity, a NULL string or
 * DAY_NONE.
 */
#ifndef EOI_JSONB_H
#define EOI_JSONB_H

#include <json-glib/json-glib.h>
#include <stddef.h>
#include <stdint.h>

#include "../data/dates.h"

void jsonb_num(JsonBuilder *b, const char *key, double v);
void jsonb_str(JsonBuilder *b, const char *key, const char *v);
void jsonb_int(JsonBuilder *b, const char *key, int64_t v);
void jsonb_day(JsonBuilder *b, const char *key, Day d);
/* An array of N doubles read STRIDE apart from V. */
void jsonb_doubles(JsonBuilder *b, const char *key, const double *v, size_t n, size_t stride);
void jsonb_strings(JsonBuilder *b, const char *key, char *const *v, size_t n);

#endif
