/*
 * columns.c - column names, aliases, kinds, required columns and the
 * coercion of text cells.
 */
#include "columns.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../eoi.h"

typedef struct {
	ColId col;
	ColKind kind;
	const char *names[5]; /* canonical name first, then aliases */
} ColumnDef;

static const ColumnDef defs[] = {
	{ COL_MODEL_ID, COLK_STRING, { "model_id", "model", "id", "modelId" } },
	{ COL_DATE, COLK_DAY, { "date", "time" } },
	{ COL_DOWNLOADS_CUMULATIVE, COLK_INT, { "downloads_cumulative", "downloadsAllTime" } },
	{ COL_DOWNLOADS, COLK_INT, { "downloads" } },
	{ COL_CREATED_AT, COLK_DAY, { "created_at", "created", "createdAt" } },
	{ COL_AUTHOR, COLK_STRING, { "author" } },
	{ COL_DEVELOPER, COLK_STRING, { "developer", "derived_author" } },
	{ COL_ORG_TYPE, COLK_STRING, { "org_type" } },
	{ COL_ORG_MODEL, COLK_STRING, { "org_model" } },
	{ COL_COUNTRY, COLK_STRING, { "country", "org_country_single" } },
	{ COL_COUNTRY_GROUP, COLK_STRING, { "country_group", "merged_country_groups_single" } },
	{ COL_DEVELOPER_COUNTRY, COLK_STRING, { "developer_country", "derived_org_country_single" } },
	{ COL_DEVELOPER_COUNTRY_GROUP, COLK_STRING,
	  { "developer_country_group", "merged_derived_country_groups_single" } },
	{ COL_COUNTRIES, COLK_LIST, { "countries", "org_country" } },
	{ COL_DEVELOPER_COUNTRIES, COLK_LIST, { "developer_countries", "derived_org_country" } },
	{ COL_BASE_MODELS, COLK_LIST, { "base_models", "merged_derived_from" } },
	{ COL_BASE_RELATION, COLK_STRING, { "base_relation" } },
	{ COL_LANGUAGES, COLK_LIST, { "languages", "merged_languages" } },
	{ COL_MODALITY, COLK_STRING, { "modality", "merged_modality" } },
	{ COL_PARAMS, COLK_FLOAT, { "params" } },
	{ COL_QUANTIZATION, COLK_STRING, { "quantization" } },
	{ COL_MOE, COLK_BOOL, { "moe" } },
	{ COL_DATA_TRANSPARENCY, COLK_STRING, { "data_transparency" } },
	{ COL_OPENNESS, COLK_STRING, { "openness" } },
	{ COL_LICENSE, COLK_STRING, { "license" } },
	{ COL_PIPELINE_TAG, COLK_STRING, { "pipeline_tag" } },
	{ COL_LIBRARY_NAME, COLK_STRING, { "library_name" } },
	{ COL_TAGS, COLK_LIST, { "tags" } },
	{ COL_IGNORED, COLK_IGNORED, { "_id", "annotator", "__index_level_0__" } },
};

int columns_lookup(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(defs); i++)
		for (int k = 0; k < 5 && defs[i].names[k]; k++)
			if (strcmp(name, defs[i].names[k]) == 0)
				return defs[i].col;
	return -1;
}

const char *columns_name(ColId col)
{
	return defs[col].names[0];
}

ColKind columns_kind(ColId col)
{
	return defs[col].kind;
}

const char *file_role_name(FileRole role)
{
	switch (role) {
	case ROLE_DOWNLOADS:
		return "downloads";
	case ROLE_MODELS:
		return "models";
	case ROLE_DEVELOPERS:
		return "developers";
	}
	return "?";
}

bool columns_role_uses(FileRole role, ColId col)
{
	switch (role) {
	case ROLE_DOWNLOADS:
		return true;
	case ROLE_MODELS:
		return col == COL_MODEL_ID || (col >= COL_FIRST_ATTR && col <= COL_LAST_ATTR);
	case ROLE_DEVELOPERS:
		return col == COL_DEVELOPER || col == COL_COUNTRY || col == COL_COUNTRY_GROUP ||
		       col == COL_ORG_TYPE;
	}
	return false;
}

static bool missing(const char *path, const char *what, GError **err)
{
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: missing required column %s", path, what);
	return false;
}

bool columns_check_required(const char *path, FileRole role, const bool present[COL_COUNT],
			    bool has_snapshot_date, GError **err)
{
	switch (role) {
	case ROLE_DOWNLOADS:
		if (!present[COL_MODEL_ID])
			return missing(path, "model_id (or model, id, modelId)", err);
		if (!present[COL_DATE] && !has_snapshot_date)
			return missing(path, "date (or time; --snapshot-date supplies it for a one-snapshot file)",
				       err);
		if (!present[COL_DOWNLOADS_CUMULATIVE] && !present[COL_DOWNLOADS])
			return missing(path, "downloads_cumulative (or downloadsAllTime) or downloads", err);
		return true;
	case ROLE_MODELS:
		if (!present[COL_MODEL_ID])
			return missing(path, "model_id (or model, id, modelId)", err);
		return true;
	case ROLE_DEVELOPERS:
		if (!present[COL_DEVELOPER])
			return missing(path, "developer (or derived_author)", err);
		return true;
	}
	return true;
}

/* ---- coercion ---------------------------------------------------------- */

void cell_trim(const char **s, size_t *len)
{
	while (*len && g_ascii_isspace(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && g_ascii_isspace((*s)[*len - 1]))
		(*len)--;
}

bool cell_parse_int(const char *s, size_t len, int64_t *out)
{
	cell_trim(&s, &len);
	char buf[64];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *end;
	errno = 0;
	long long v = strtoll(buf, &end, 10);
	if (errno == 0 && *end == '\0') {
		*out = v;
		return true;
	}
	/* pandas writes integer columns with missing values as floats:
	 * "12.0".  Accept only that form: digits, '.', zeros. */
	const char *p = buf + (*buf == '-' || *buf == '+');
	const char *dot = strchr(p, '.');
	if (!dot || dot == p)
		return false;
	for (const char *q = p; q < dot; q++)
		if (!g_ascii_isdigit(*q))
			return false;
	for (const char *q = dot + 1; *q; q++)
		if (*q != '0')
			return false;
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno || end != dot)
		return false;
	*out = v;
	return true;
}

bool cell_int_out_of_range(const char *s, size_t len)
{
	cell_trim(&s, &len);
	size_t i = len && (*s == '-' || *s == '+');
	if (i == len)
		return false;
	for (; i < len; i++)
		if (!g_ascii_isdigit(s[i]))
			return false;
	int64_t v;
	return !cell_parse_int(s, len, &v);
}

const char *columns_check_number(ColId col, double v)
{
	if (col == COL_PARAMS && !(v >= 0 && v <= PARAMS_MAX))
		return "parameter count out of range (0 to 1e15)";
	return NULL;
}

bool cell_parse_float(const char *s, size_t len, double *out)
{
	cell_trim(&s, &len);
	char buf[64];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	char *end;
	errno = 0;
	double d = g_ascii_strtod(buf, &end);
	if (errno || *end || !isfinite(d))
		return false;
	*out = d;
	return true;
}

bool cell_parse_bool(const char *s, size_t len, bool *out)
{
	static const char *const yes[] = { "true", "1", "yes", "y", "t" };
	static const char *const no[] = { "false", "0", "no", "n", "f" };
	cell_trim(&s, &len);
	for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
		if (len == strlen(yes[i]) && g_ascii_strncasecmp(s, yes[i], len) == 0) {
			*out = true;
			return true;
		}
		if (len == strlen(no[i]) && g_ascii_strncasecmp(s, no[i], len) == 0) {
			*out = false;
			return true;
		}
	}
	if (len == 3 && g_ascii_strncasecmp(s, "1.0", 3) == 0) {
		*out = true;
		return true;
	}
	if (len == 3 && g_ascii_strncasecmp(s, "0.0", 3) == 0) {
		*out = false;
		return true;
	}
	return false;
}

/* Append one trimmed list entry to BUF. */
static void list_add(GString *buf, bool *first, const char *s, size_t len)
{
	cell_trim(&s, &len);
	if (!*first)
		g_string_append_c(buf, LIST_SEP);
	g_string_append_len(buf, s, (gssize)len);
	*first = false;
}

/* Parse a quoted entry at *P (quote char at **P); Python and JSON escapes. */
static bool parse_quoted(const char **p, const char *end, GString *item)
{
	char q = **p;
	(*p)++;
	while (*p < end && **p != q) {
		char c = *(*p)++;
		if (c != '\\') {
			g_string_append_c(item, c);
			continue;
		}
		if (*p >= end)
			return false;
		c = *(*p)++;
		switch (c) {
		case 'n': g_string_append_c(item, '\n'); break;
		case 't': g_string_append_c(item, '\t'); break;
		case 'r': g_string_append_c(item, '\r'); break;
		case 'u':
		case 'x': {
			int n = c == 'u' ? 4 : 2;
			if (end - *p < n)
				return false;
			gunichar u = 0;
			for (int i = 0; i < n; i++) {
				int v = g_ascii_xdigit_value((*p)[i]);
				if (v < 0)
					return false;
				u = u * 16 + (gunichar)v;
			}
			*p += n;
			g_string_append_unichar(item, u);
			break;
		}
		default: g_string_append_c(item, c); break;
		}
	}
	if (*p >= end)
		return false;
	(*p)++;
	return true;
}

bool cell_parse_list(const char *s, size_t len, GString *buf)
{
	g_string_truncate(buf, 0);
	cell_trim(&s, &len);
	bool first = true;
	if (len == 0 || s[0] != '[') {
		/* ';'-joined (or a single value). */
		const char *p = s, *end = s + len;
		while (p <= end && len) {
			const char *semi = memchr(p, ';', (size_t)(end - p));
			const char *stop = semi ? semi : end;
			list_add(buf, &first, p, (size_t)(stop - p));
			if (!semi)
				break;
			p = semi + 1;
		}
		return true;
	}
	if (s[len - 1] != ']')
		return false;
	const char *p = s + 1, *end = s + len - 1;
	GString *item = g_string_new(NULL);
	bool ok = true;
	/* Entries are separated by commas and/or blanks (numpy writes
	 * "['a' 'b']" without commas). */
	while (ok) {
		while (p < end && (*p == ',' || g_ascii_isspace(*p)))
			p++;
		if (p >= end)
			break;
		g_string_truncate(item, 0);
		if (*p == '\'' || *p == '"') {
			ok = parse_quoted(&p, end, item);
			if (ok && p < end && *p != ',' && !g_ascii_isspace(*p))
				ok = false;
			if (ok)
				list_add(buf, &first, item->str, item->len);
		} else {
			/* Unquoted entry (None, numbers): up to the next comma. */
			const char *start = p;
			while (p < end && *p != ',')
				p++;
			list_add(buf, &first, start, (size_t)(p - start));
		}
	}
	g_string_free(item, TRUE);
	return ok;
}
