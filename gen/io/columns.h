/*
 * columns.h - the catalogue of input columns eoi understands.
 *
 * Every reader (CSV, Parquet) maps a file's header names to canonical
 * columns here, so aliases are listed once: the release's names
 * (DESIGN.md §2.1) are aliases of the canonical names of §2.2.  Each column
 * has a kind that says how its cells are coerced and stored:
 *
 *   COLK_STRING  interned string (Sym)
 *   COLK_LIST    list of strings, interned as one Sym joined by LIST_SEP
 *   COLK_DAY     date or timestamp, stored as a UTC Day
 *   COLK_INT     64-bit integer (downloads)
 *   COLK_FLOAT   double (params)
 *   COLK_BOOL    true/false (moe)
 *   COLK_IGNORED known column eoi does not use (no warning)
 *
 * Which file role needs which columns is also decided here
 * (columns_check_required), so every reader reports a missing column the
 * same way.
 */
#ifndef EOI_COLUMNS_H
#define EOI_COLUMNS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "../data/dates.h"
#include "../data/strings.h"

typedef enum {
	COL_MODEL_ID,
	COL_DATE,
	COL_DOWNLOADS_CUMULATIVE,
	COL_DOWNLOADS,
	/* per-model attributes: the latest row of a model wins */
	COL_CREATED_AT,
	COL_AUTHOR,
	COL_DEVELOPER,
	COL_ORG_TYPE,
	COL_ORG_MODEL,
	COL_COUNTRY,
	COL_COUNTRY_GROUP,
	COL_DEVELOPER_COUNTRY,
	COL_DEVELOPER_COUNTRY_GROUP,
	COL_COUNTRIES,           /* org_country (list) */
	COL_DEVELOPER_COUNTRIES, /* derived_org_country (list) */
	COL_BASE_MODELS,
	COL_BASE_RELATION,
	COL_LANGUAGES,
	COL_MODALITY,
	COL_PARAMS,
	COL_QUANTIZATION,
	COL_MOE,
	COL_DATA_TRANSPARENCY,
	COL_OPENNESS,
	COL_LICENSE,
	COL_PIPELINE_TAG,
	COL_LIBRARY_NAME,
	COL_TAGS,
	COL_IGNORED, /* _id, annotator, __index_level_0__, ... */
	COL_COUNT
} ColId;

/* First and last per-model attribute column (inclusive). */
#define COL_FIRST_ATTR COL_CREATED_AT
#define COL_LAST_ATTR COL_TAGS

typedef enum { COLK_STRING, COLK_LIST, COLK_DAY, COLK_INT, COLK_FLOAT, COLK_BOOL, COLK_IGNORED } ColKind;

/* The role of an input file (DESIGN.md §2.2). */
typedef enum { ROLE_DOWNLOADS, ROLE_MODELS, ROLE_DEVELOPERS } FileRole;

/* Canonical column for a header NAME (exact, case-sensitive match on the
 * canonical name or an alias); -1 when unknown. */
int columns_lookup(const char *name);
const char *columns_name(ColId col);
ColKind columns_kind(ColId col);
const char *file_role_name(FileRole role);

/* Does a file of ROLE read column COL?  Downloads tables read every
 * column; models tables the model id and the attributes; developers tables
 * the developer, country, country group and organisation type. */
bool columns_role_uses(FileRole role, ColId col);

/*
 * Check that a file of ROLE has the columns it needs, given which canonical
 * columns its header holds (PRESENT, indexed by ColId).  HAS_SNAPSHOT_DATE
 * says whether --snapshot-date supplies the date of a file without one.  On
 * failure sets ERR (EOI_EXIT_DATA) to "PATH: missing required column ..."
 * and returns false.
 */
bool columns_check_required(const char *path, FileRole role, const bool present[COL_COUNT],
			    bool has_snapshot_date, GError **err);

/*
 * Cell coercion from text, shared by every reader of text cells.  Each
 * returns false when the text is not a valid value of the kind; the caller
 * reports the place.  An empty cell is "missing" and is handled by the
 * caller before these are called.
 */
/* Narrow [*S, *S + *LEN) to leave out leading and trailing ASCII blanks. */
void cell_trim(const char **s, size_t *len);
bool cell_parse_int(const char *s, size_t len, int64_t *out);
/* Is S[0..LEN) an integer too large for int64 (an optional sign and
 * digits, after trimming)?  Lets callers say "out of range" rather than
 * "not an integer" when cell_parse_int() fails. */
bool cell_int_out_of_range(const char *s, size_t len);
bool cell_parse_float(const char *s, size_t len, double *out);

/* The largest parameter count accepted: 10^15 (the largest models of 2025
 * have about 10^12). */
#define PARAMS_MAX 1e15

/* Range check of a parsed value V of numeric attribute column COL: NULL
 * when it is acceptable, else the reason, e.g. "parameter count out of
 * range (0 to 1e15)" (a static string).  params must lie in
 * 0..PARAMS_MAX. */
const char *columns_check_number(ColId col, double v);
bool cell_parse_bool(const char *s, size_t len, bool *out);
/*
 * Parse a list cell: a Python-style list "['a', 'b']" (what pandas writes),
 * a JSON array '["a", "b"]', or plain text split on ';'.  Entries are
 * trimmed and joined with LIST_SEP into BUF (cleared first).  "[]" gives
 * the empty string.  Returns false on a malformed bracketed list.
 */
bool cell_parse_list(const char *s, size_t len, GString *buf);

#endif
