/* Column aliases, required columns and text-cell coercion. */
#include <glib.h>

#include "io/columns.h"
#include "tk.h"

static const char *list(const char *cell)
{
	static GString *buf;
	if (!buf)
		buf = g_string_new(NULL);
	if (!cell_parse_list(cell, strlen(cell), buf))
		return "(error)";
	/* Show LIST_SEP as '|' for readable expectations. */
	for (gsize i = 0; i < buf->len; i++)
		if (buf->str[i] == LIST_SEP)
			buf->str[i] = '|';
	return buf->str;
}

static void test_aliases(void)
{
	TK_EQ_INT(columns_lookup("model"), COL_MODEL_ID);
	TK_EQ_INT(columns_lookup("modelId"), COL_MODEL_ID);
	TK_EQ_INT(columns_lookup("time"), COL_DATE);
	TK_EQ_INT(columns_lookup("downloadsAllTime"), COL_DOWNLOADS_CUMULATIVE);
	TK_EQ_INT(columns_lookup("created"), COL_CREATED_AT);
	TK_EQ_INT(columns_lookup("derived_author"), COL_DEVELOPER);
	TK_EQ_INT(columns_lookup("merged_derived_country_groups_single"), COL_DEVELOPER_COUNTRY_GROUP);
	TK_EQ_INT(columns_lookup("merged_derived_from"), COL_BASE_MODELS);
	TK_EQ_INT(columns_lookup("__index_level_0__"), COL_IGNORED);
	TK_EQ_INT(columns_lookup("Model"), -1);
	TK_EQ_INT(columns_kind(COL_BASE_MODELS), COLK_LIST);
	TK_EQ_INT(columns_kind(COL_CREATED_AT), COLK_DAY);
}

static void test_required(void)
{
	bool present[COL_COUNT] = { 0 };
	GError *err = NULL;
	present[COL_MODEL_ID] = present[COL_DOWNLOADS] = true;
	TK_CHECK(!columns_check_required("x.csv", ROLE_DOWNLOADS, present, false, &err));
	TK_CHECK(err && strstr(err->message, "x.csv: missing required column date"));
	TK_CHECK(err && err->code == 65);
	g_clear_error(&err);
	TK_CHECK(columns_check_required("x.csv", ROLE_DOWNLOADS, present, true, &err));
	present[COL_DOWNLOADS] = false;
	TK_CHECK(!columns_check_required("x.csv", ROLE_DOWNLOADS, present, true, &err));
	g_clear_error(&err);
	TK_CHECK(columns_check_required("m.csv", ROLE_MODELS, present, false, &err));
	TK_CHECK(!columns_check_required("d.csv", ROLE_DEVELOPERS, present, false, &err));
	g_clear_error(&err);
}

static void test_numbers(void)
{
	int64_t i;
	double f;
	bool b;
	TK_CHECK(cell_parse_int("12", 2, &i) && i == 12);
	TK_CHECK(cell_parse_int(" -7 ", 4, &i) && i == -7);
	TK_CHECK(cell_parse_int("12.0", 4, &i) && i == 12);
	TK_CHECK(!cell_parse_int("12.5", 4, &i));
	TK_CHECK(!cell_parse_int("12x", 3, &i));
	TK_CHECK(!cell_parse_int("", 0, &i));
	TK_CHECK(!cell_parse_int("0x10", 4, &i));
	TK_CHECK(!cell_parse_int("1e3", 3, &i));
	TK_CHECK(cell_parse_int("-3.00", 5, &i) && i == -3);
	TK_CHECK(!cell_parse_int(".0", 2, &i));
	TK_CHECK(cell_parse_float("7e9", 3, &f) && f == 7e9);
	TK_CHECK(!cell_parse_float("nan", 3, &f));
	TK_CHECK(!cell_parse_float("inf", 3, &f));
	TK_CHECK(cell_parse_bool("True", 4, &b) && b);
	TK_CHECK(cell_parse_bool("false", 5, &b) && !b);
	TK_CHECK(cell_parse_bool("0", 1, &b) && !b);
	TK_CHECK(!cell_parse_bool("maybe", 5, &b));
}

static void test_lists(void)
{
	TK_EQ_STR(list("['a', 'b']"), "a|b");
	TK_EQ_STR(list("[\"a\",\"b\"]"), "a|b");
	TK_EQ_STR(list("a; b"), "a|b");
	TK_EQ_STR(list("single"), "single");
	TK_EQ_STR(list("[]"), "");
	TK_EQ_STR(list("['a' 'b']"), "a|b");
	TK_EQ_STR(list("[\"O'Neil\", 'x, y']"), "O'Neil|x, y");
	TK_EQ_STR(list("['it\\'s']"), "it's");
	TK_EQ_STR(list("[\"caf\\u00e9\"]"), "caf\xc3\xa9");
	TK_EQ_STR(list("[' padded ']"), "padded");
	TK_EQ_STR(list("['No', None]"), "No|None");
	TK_EQ_STR(list("['unterminated]"), "(error)");
	TK_EQ_STR(list("['a'x]"), "(error)");
}

TK_MAIN(test_aliases, test_required, test_numbers, test_lists)
