/*
 * format.h - the filters of the report's template language: how a value
 * of the data model becomes text ("{{ path | pct1 }}").
 *
 * A value travels through a filter chain as a FmtValue: a number, a
 * string, a boolean, null, or a list/object length holder.  Number filters
 * turn numbers into text; a null number becomes "n/a".  The table of
 * filters and what each does is in templates/README.md.
 *
 * Ownership: fmt_value_clear() frees the string of a FmtValue.
 */
#ifndef EOI_REPORT_FORMAT_H
#define EOI_REPORT_FORMAT_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

typedef enum { FMT_NULL, FMT_NUM, FMT_STR, FMT_BOOL, FMT_ARRAY, FMT_OBJECT } FmtKind;

typedef struct {
	FmtKind kind;
	double num;   /* FMT_NUM; FMT_ARRAY / FMT_OBJECT: their length */
	char *str;    /* FMT_STR (owned) */
	bool flag;    /* FMT_BOOL */
} FmtValue;

/* The value of NODE (NULL: null). */
FmtValue fmt_value_from_json(JsonNode *node);
void fmt_value_clear(FmtValue *v);

/* Is NAME a filter? */
bool fmt_filter_known(const char *name);

/* Apply filter NAME to *V in place.  False when NAME is not a filter or
 * does not apply to the value's kind (*WHY then says why, static text). */
bool fmt_apply(const char *name, FmtValue *v, const char **why);

/* The text of V as it is inserted into the report (numbers without a
 * filter: up to 6 significant digits; null: "n/a").  Newly allocated. */
char *fmt_to_text(const FmtValue *v);

/* Day-level helpers shared with the report: "2025-08-27" -> "27 August
 * 2025" (NULL when S is not a date). */
char *fmt_long_date(const char *s);

/* N with thousands separators ("12,345,678"); BUF must hold 40 bytes. */
char *fmt_thousands(double n, char buf[static 40]);

#endif
