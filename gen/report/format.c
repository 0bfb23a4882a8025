/*
 * format.c - the template filters (table in templates/README.md).
 *
 * Negative numbers are written with a true minus sign (U+2212), and a value
 * that rounds to zero is written without a sign.
 */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MINUS "\xe2\x88\x92" /* U+2212 */
#define TIMES "\xc3\x97"     /* U+00D7 */

FmtValue fmt_value_from_json(JsonNode *node)
{
	FmtValue v = { FMT_NULL, 0, NULL, false };
	if (!node || JSON_NODE_HOLDS_NULL(node))
		return v;
	if (JSON_NODE_HOLDS_ARRAY(node)) {
		v.kind = FMT_ARRAY;
		v.num = json_array_get_length(json_node_get_array(node));
	} else if (JSON_NODE_HOLDS_OBJECT(node)) {
		v.kind = FMT_OBJECT;
		v.num = json_object_get_size(json_node_get_object(node));
	} else {
		GType t = json_node_get_value_type(node);
		if (t == G_TYPE_STRING) {
			v.kind = FMT_STR;
			v.str = g_strdup(json_node_get_string(node));
		} else if (t == G_TYPE_BOOLEAN) {
			v.kind = FMT_BOOL;
			v.flag = json_node_get_boolean(node);
		} else {
			v.kind = FMT_NUM;
			v.num = json_node_get_double(node); /* ints convert too */
		}
	}
	return v;
}

void fmt_value_clear(FmtValue *v)
{
	g_free(v->str);
	v->str = NULL;
}

static void set_str(FmtValue *v, char *s)
{
	fmt_value_clear(v);
	v->kind = FMT_STR;
	v->str = s;
}

/* printf of |X| with FMT (one double conversion), a sign in front: minus
 * for negatives, plus for positives when PLUS; none when the text is all
 * zeros (so -0.04 at one decimal is "0.0", not "-0.0"). */
static char *signed_fixed(double x, const char *fmt, bool plus)
{
	char digits[64];
	snprintf(digits, sizeof digits, fmt, fabs(x));
	bool zero = strspn(digits, "0.,") == strlen(digits);
	const char *sign = zero ? "" : x < 0 ? MINUS : plus ? "+" : "";
	return g_strconcat(sign, digits, NULL);
}

char *fmt_thousands(double n, char buf[static 40])
{
	char digits[40];
	snprintf(digits, sizeof digits, "%.0f", fabs(n));
	size_t len = strlen(digits), o = 0;
	bool neg = n < 0 && strcmp(digits, "0") != 0;
	if (neg)
		o += (size_t)snprintf(buf, 40, "%s", MINUS);
	for (size_t i = 0; i < len && o < 38; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* Three significant digits and a k/M/B/T suffix: 1.64B, 760M, 12.3k. */
static char *with_suffix(double x)
{
	static const char *const suffix[] = { "", "k", "M", "B", "T" };
	double a = fabs(x);
	int k = 0;
	while (k < 4 && a >= 999.5) {
		a /= 1000;
		k++;
	}
	char digits[40];
	snprintf(digits, sizeof digits, "%.3g", a);
	return g_strdup_printf("%s%s%s", x < 0 ? MINUS : "", digits, suffix[k]);
}

char *fmt_long_date(const char *s)
{
	static const char *const months[] = { "January", "February", "March",     "April",   "May",      "June",
					      "July",    "August",   "September", "October", "November", "December" };
	int y, m, d;
	char tail;
	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	return g_strdup_printf("%d %s %d", d, months[m - 1], y);
}

static char *quarter_of(const char *s)
{
	int y, m, d;
	char tail;
	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12)
		return NULL;
	return g_strdup_printf("%d Q%d", y, (m - 1) / 3 + 1);
}

/* ---- the filters -------------------------------------------------------- */

typedef enum { IN_NUM, IN_STR, IN_ANY } FilterInput;

typedef struct {
	const char *name;
	FilterInput input;
} FilterDef;

static const FilterDef filters[] = {
	{ "pct0", IN_NUM },    { "pct1", IN_NUM },    { "pct2", IN_NUM },     { "pp", IN_NUM },
	{ "ppabs", IN_NUM },   { "signed2", IN_NUM }, { "signed3", IN_NUM },  { "num0", IN_NUM },
	{ "num1", IN_NUM },    { "num2", IN_NUM },    { "num3", IN_NUM },     { "num4", IN_NUM },
	{ "thousands", IN_NUM }, { "compact", IN_NUM }, { "params", IN_NUM }, { "times", IN_NUM },
	{ "pvalue", IN_NUM },  { "hhi", IN_NUM },     { "abs", IN_NUM },      { "updown", IN_NUM },
	{ "date", IN_STR },    { "quarter", IN_STR }, { "upper", IN_STR },    { "lower", IN_STR },
	{ "capitalize", IN_STR }, { "count", IN_ANY }, { "yesno", IN_ANY },
};

static const FilterDef *find_filter(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(filters); i++)
		if (strcmp(filters[i].name, name) == 0)
			return &filters[i];
	return NULL;
}

bool fmt_filter_known(const char *name)
{
	return find_filter(name) != NULL;
}

static void apply_num(const char *name, FmtValue *v)
{
	double x = v->num;
	char buf[40];
	if (strncmp(name, "pct", 3) == 0) {
		char fmt[8] = "%.0f%%";
		fmt[2] = name[3];
		set_str(v, signed_fixed(x * 100, fmt, false));
	} else if (strcmp(name, "pp") == 0 || strcmp(name, "ppabs") == 0) {
		char *n = signed_fixed(name[2] ? fabs(x) * 100 : x * 100, "%.1f", !name[2]);
		set_str(v, g_strconcat(n, " pp", NULL));
		g_free(n);
	} else if (strncmp(name, "signed", 6) == 0 || strncmp(name, "num", 3) == 0) {
		char fmt[8] = "%.0f";
		fmt[2] = name[strlen(name) - 1];
		set_str(v, signed_fixed(x, fmt, name[0] == 's'));
	} else if (strcmp(name, "thousands") == 0) {
		set_str(v, g_strdup(fmt_thousands(x, buf)));
	} else if (strcmp(name, "compact") == 0 || strcmp(name, "params") == 0) {
		set_str(v, with_suffix(x));
	} else if (strcmp(name, "times") == 0) {
		char *n = signed_fixed(x, "%.1f", false);
		set_str(v, g_strconcat(TIMES, n, NULL));
		g_free(n);
	} else if (strcmp(name, "pvalue") == 0) {
		set_str(v, x < 0.001 ? g_strdup("<0.001") : g_strdup_printf("%.3f", x));
	} else if (strcmp(name, "hhi") == 0) {
		set_str(v, g_strdup(fmt_thousands(x * 10000, buf)));
	} else if (strcmp(name, "abs") == 0) {
		v->num = fabs(x);
	} else if (strcmp(name, "updown") == 0) {
		set_str(v, g_strdup(fabs(x * 100) < 0.05 ? "was unchanged" : x > 0 ? "rose" : "fell"));
	}
}

static bool apply_str(const char *name, FmtValue *v, const char **why)
{
	char *s = v->str, *out = NULL;
	if (strcmp(name, "date") == 0 || strcmp(name, "quarter") == 0) {
		out = name[0] == 'd' ? fmt_long_date(s) : quarter_of(s);
		if (!out) {
			*why = "needs a YYYY-MM-DD date";
			return false;
		}
	} else if (strcmp(name, "upper") == 0) {
		out = g_utf8_strup(s, -1);
	} else if (strcmp(name, "lower") == 0) {
		out = g_utf8_strdown(s, -1);
	} else {
		out = g_strdup(s);
		if (out[0])
			out[0] = g_ascii_toupper(out[0]);
	}
	set_str(v, out);
	return true;
}

bool fmt_apply(const char *name, FmtValue *v, const char **why)
{
	const FilterDef *f = find_filter(name);
	*why = NULL;
	if (!f) {
		*why = "unknown filter";
		return false;
	}
	if (v->kind == FMT_NULL)
		return true; /* null stays null: "n/a" */
	if (f->input == IN_NUM) {
		if (v->kind != FMT_NUM) {
			*why = "needs a number";
			return false;
		}
		apply_num(name, v);
		return true;
	}
	if (f->input == IN_STR) {
		if (v->kind != FMT_STR) {
			*why = "needs a string";
			return false;
		}
		return apply_str(name, v, why);
	}
	if (strcmp(name, "count") == 0) {
		if (v->kind != FMT_ARRAY && v->kind != FMT_OBJECT) {
			*why = "needs a list or an object";
			return false;
		}
		v->kind = FMT_NUM;
		return true;
	}
	/* yesno */
	bool yes = v->kind == FMT_BOOL ? v->flag : v->kind == FMT_NUM ? v->num != 0 : v->str && *v->str;
	set_str(v, g_strdup(yes ? "yes" : "no"));
	return true;
}

char *fmt_to_text(const FmtValue *v)
{
	switch (v->kind) {
	case FMT_NULL: return g_strdup("n/a");
	case FMT_STR: return g_strdup(v->str);
	case FMT_BOOL: return g_strdup(v->flag ? "true" : "false");
	case FMT_NUM:
		if (isnan(v->num) || isinf(v->num))
			return g_strdup("n/a");
		if (v->num == floor(v->num) && fabs(v->num) < 1e15)
			return signed_fixed(v->num, "%.0f", false);
		return signed_fixed(v->num, "%.6g", false);
	case FMT_ARRAY:
	case FMT_OBJECT: return g_strdup_printf("%.0f", v->num);
	}
	return g_strdup("");
}
