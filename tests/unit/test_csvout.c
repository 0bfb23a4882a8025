/*
 * test_csvout.c - the CSV writer byte for byte (quoting, commas, newlines,
 * UTF-8, numbers), and the sheet model's canonical numbers, header
 * de-duplication and wrapped-line estimate.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "tables/csvout.h"
#include "tables/sheets.h"
#include "tk.h"

/* Everything F received, as a string (g_free). */
static char *slurp(FILE *f)
{
	long n = ftell(f);
	char *buf = g_malloc0((size_t)n + 1);
	rewind(f);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		buf[0] = '\0';
	return buf;
}

static char *field(const char *text)
{
	FILE *f = tmpfile();
	TK_CHECK(csvout_field(f, text));
	char *out = slurp(f);
	fclose(f);
	return out;
}

static void check_field(const char *text, const char *want)
{
	char *got = field(text);
	TK_EQ_STR(got, want);
	g_free(got);
}

static void test_fields(void)
{
	check_field("plain", "plain");
	check_field("", "");
	check_field("a,b", "\"a,b\"");
	check_field("say \"hi\"", "\"say \"\"hi\"\"\"");
	check_field("two\nlines", "\"two\nlines\"");
	check_field("cr\r\nlf", "\"cr\r\nlf\"");
	check_field(" spaced ", " spaced ");
	check_field("Mann–Whitney U, ≤2022", "\"Mann–Whitney U, ≤2022\"");
	check_field("χ²", "χ²");
}

static void check_number(double v, const char *want)
{
	char buf[32];
	TK_EQ_STR(csvout_number(v, buf), want);
}

static void test_numbers(void)
{
	check_number(0.25, "0.25");
	check_number(0.1, "0.1");
	check_number(1234567, "1234567");
	check_number(18628670, "18628670");
	check_number(-1.5, "-1.5");
	check_number(0, "0");
	check_number(-0.0, "0");
	check_number(1.0 / 3, "0.3333333333333333");
	check_number(2.0 / 3, "0.6666666666666666");
	check_number(2.5e-05, "2.5e-05");
	check_number(4.453199873291189e-111, "4.453199873291189e-111");
	check_number(1e15, "1e+15");
	check_number(999999999999999, "999999999999999");
	check_number(1636687147.080471, "1636687147.080471");
	/* Every canonical double reads back exactly. */
	int bad = 0;
	for (int i = 0; i < 4000; i++) {
		double v = (i * 0.7919123 + 0.1) / 7.0 * pow(10, (i % 60) - 30) * (i % 3 ? 1 : -1);
		double c = sheet_canonical(v);
		char buf[32];
		bad += strtod(csvout_number(c, buf), NULL) != c || strtod(csvout_number(v, buf), NULL) != v;
	}
	TK_EQ_INT(bad, 0);
}

static void test_canonical(void)
{
	/* 16 significant digits: 0.1 + 0.2 = 0.30000000000000004 becomes 0.3. */
	TK_EQ_DBL(sheet_canonical(0.1 + 0.2), 0.3, 0);
	TK_CHECK(sheet_canonical(0.1 + 0.2) == 0.3);
	TK_CHECK(sheet_canonical(360.0 / 460) == 0.7826086956521739);
	TK_CHECK(sheet_canonical(sheet_canonical(1.0 / 7)) == sheet_canonical(1.0 / 7));
	TK_CHECK(sheet_canonical(123456789012) == 123456789012.0);
}

static void test_sheet_bytes(void)
{
	Sheet *s = sheet_new("T", "t");
	sheet_text(s, 0, 0, "Name", STYLE_HEADER);
	sheet_text(s, 0, 1, "Share, %", STYLE_HEADER);
	sheet_text(s, 0, 2, "Start", STYLE_HEADER);
	sheet_text(s, 1, 0, "Qwen \"chat\"", STYLE_PLAIN);
	TK_CHECK(sheet_number(s, 1, 1, 0.25, STYLE_PERCENT));
	sheet_date(s, 1, 2, day_from_civil(2024, 2, 29));
	sheet_text(s, 2, 0, "≤2022", STYLE_PLAIN);
	TK_CHECK(!sheet_number(s, 2, 1, NAN, STYLE_PERCENT)); /* blank */
	TK_CHECK(sheet_number(s, 3, 1, 1e-12, STYLE_PVALUE));
	FILE *f = tmpfile();
	TK_CHECK(csvout_sheet(s, f));
	char *got = slurp(f);
	fclose(f);
	TK_EQ_STR(got, "Name,\"Share, %\",Start\r\n"
		       "\"Qwen \"\"chat\"\"\",0.25,2024-02-29\r\n"
		       "≤2022,,\r\n"
		       ",1e-12,\r\n");
	TK_EQ_INT(sheet_n_rows(s), 4);
	TK_EQ_INT(sheet_cell(s, 2, 1)->type, CELL_BLANK);
	TK_EQ_INT(sheet_cell(s, 9, 9)->type, CELL_BLANK);
	g_free(got);
	sheet_free(s);
}

static void test_single_column(void)
{
	Sheet *s = sheet_new("T", "t");
	sheet_text(s, 0, 0, "Title", STYLE_TITLE);
	sheet_text(s, 2, 0, "Note", STYLE_NOTE);
	FILE *f = tmpfile();
	TK_CHECK(csvout_sheet(s, f));
	char *got = slurp(f);
	fclose(f);
	TK_EQ_STR(got, "Title\r\n\"\"\r\nNote\r\n");
	g_free(got);
	sheet_free(s);
}

static void test_unique_headers(void)
{
	Sheet *s = sheet_new("T", "t");
	sheet_text(s, 0, 1, "Qwen", STYLE_HEADER);
	sheet_text(s, 0, 2, "qwen", STYLE_HEADER);
	sheet_text(s, 0, 3, "QWEN", STYLE_HEADER);
	sheet_text(s, 0, 4, "Column 1", STYLE_HEADER);
	sheet_number(s, 1, 1, 1, STYLE_INT);
	TK_CHECK(sheet_add_table(s, "T_1", 0, 1, 1, 4));
	TK_EQ_STR(sheet_cell(s, 0, 1)->text, "Qwen");
	TK_EQ_STR(sheet_cell(s, 0, 2)->text, "qwen (2)");
	TK_EQ_STR(sheet_cell(s, 0, 3)->text, "QWEN (3)");
	TK_EQ_STR(sheet_cell(s, 0, 4)->text, "Column 1");
	/* A blank header gets a name; a block without data rows is no table. */
	TK_CHECK(sheet_add_table(s, "T_2", 0, 0, 1, 0));
	TK_EQ_STR(sheet_cell(s, 0, 0)->text, "Column 1");
	TK_CHECK(!sheet_add_table(s, "T_3", 5, 0, 5, 3));
	TK_EQ_INT(s->tables->len, 2);
	sheet_free(s);
}

static void test_widths(void)
{
	TK_EQ_INT(sheet_wrapped_lines("aaa bbb ccc", 7), 2);  /* 8.4 a line */
	TK_EQ_INT(sheet_wrapped_lines("aaa bbb ccc", 3), 3);
	TK_EQ_INT(sheet_wrapped_lines("aaa bbb ccc", 20), 1);
	TK_EQ_INT(sheet_wrapped_lines("one\ntwo", 20), 2);
	TK_EQ_INT(sheet_wrapped_lines("abcdefghij", 4), 3);   /* 4.8 a line */
	Sheet *s = sheet_new("T", "t");
	sheet_text(s, 0, 0, "A very long title that overflows", STYLE_TITLE);
	sheet_text(s, 1, 0, "Downloads", STYLE_HEADER);
	sheet_number(s, 2, 0, 1234567, STYLE_INT);   /* "1,234,567": 9 */
	sheet_text(s, 1, 1, "p", STYLE_HEADER);
	sheet_text(s, 2, 1, "ab", STYLE_PLAIN);       /* 2 * 1.1 + 2 < 6 */
	sheet_set_width(s, 2, 30);
	sheet_text(s, 2, 2, "x", STYLE_PLAIN);
	sheet_fit_columns(s);
	TK_EQ_DBL(s->width[0], 9 * 1.1 + 2, 1e-9);
	TK_EQ_DBL(s->width[1], 6, 1e-9);
	TK_EQ_DBL(s->width[2], 30, 1e-9);
	sheet_free(s);
}

TK_MAIN(test_fields, test_numbers, test_canonical, test_sheet_bytes, test_single_column, test_unique_headers,
	test_widths)
