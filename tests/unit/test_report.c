/*
 * test_report.c - the report end to end in-process, on the two-quarter
 * fixture (tests/fixtures/report): quarters, the written PDF (name, page
 * size, metadata, byte-identical reruns), and errors that leave the
 * previous report untouched.  The text of the PDF is checked with
 * pdftotext in tests/e2e/report.sh.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "data/dataset.h"
#include "eoi.h"
#include "io/input.h"
#include "report/model.h"
#include "report/report.h"
#include "stats/stats.h"
#include "tk.h"

#include "figtest.h"

#define FIXTURE "tests/fixtures/report/two_quarters.csv"
#define TEMPLATE "tests/fixtures/report/test.tmpl"

static Stats *run(Day as_of)
{
	DatasetOptions dopt = { as_of, DAY_NONE };
	DatasetBuilder *b = dsb_new(&dopt);
	GError *err = NULL;
	Stats *st = NULL;
	if (input_read(FIXTURE, ROLE_DOWNLOADS, b, &err)) {
		Dataset *ds = dataset_build(b, &err);
		StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
		st = ds ? stats_compute(ds, &so, &err) : NULL;
		dataset_free(ds);
	} else {
		dsb_free(b);
	}
	if (err)
		printf("FAIL %s\n", err->message);
	g_clear_error(&err);
	return st;
}

static Day D(int y, int m, int d)
{
	return day_from_civil(y, m, d);
}

static char *slurp(const char *path, gsize *len)
{
	char *text = NULL;
	if (!g_file_get_contents(path, &text, len, NULL))
		return NULL;
	return text;
}

/* Does the file at PATH contain NEEDLE (bytes)? */
static bool file_has(const char *path, const char *needle)
{
	gsize len = 0;
	char *text = slurp(path, &len);
	size_t n = strlen(needle);
	bool yes = false;
	for (gsize i = 0; text && !yes && i + n <= len; i++)
		yes = memcmp(text + i, needle, n) == 0;
	g_free(text);
	return yes;
}

static int count_files(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;
	while (d && g_dir_read_name(d))
		n++;
	if (d)
		g_dir_close(d);
	return n;
}

static void test_quarters(void)
{
	char q[16];
	TK_EQ_STR(report_quarter(D(2025, 8, 27), q), "2025Q3");
	TK_EQ_STR(report_quarter(D(2025, 6, 30), q), "2025Q2");
	TK_EQ_STR(report_quarter(D(2024, 1, 1), q), "2024Q1");
	TK_EQ_STR(report_quarter(D(2024, 12, 31), q), "2024Q4");
	TK_EQ_INT(report_previous_quarter_end(D(2025, 8, 27)), D(2025, 6, 30));
	TK_EQ_INT(report_previous_quarter_end(D(2025, 6, 30)), D(2025, 3, 31));
	TK_EQ_INT(report_previous_quarter_end(D(2025, 1, 1)), D(2024, 12, 31));
	Stats *cur = run(D(2025, 6, 30)), *early = run(D(2025, 3, 31));
	TK_CHECK(cur && early);
	if (cur && early) {
		TK_EQ_INT(report_default_previous(cur), D(2025, 3, 31));
		/* Q1's previous quarter ends 2024-12-31, before the first snapshot. */
		TK_EQ_INT(report_default_previous(early), DAY_NONE);
		char *p = report_path("out/report", cur);
		TK_EQ_STR(p, "out/report/eoi-report-2025Q2.pdf");
		g_free(p);
	}
	stats_free(cur);
	stats_free(early);
}

/* The report of the fixture with TEMPLATE into DIR; returns its path. */
static char *write_report(const char *dir, const char *tmpl, bool with_prev, bool letter, GError **err)
{
	Stats *cur = run(D(2025, 6, 30)), *prev = with_prev ? run(D(2025, 3, 31)) : NULL;
	ReportOptions ro = { dir, tmpl, letter };
	bool ok = cur && report_write(cur, prev, &ro, NULL, err);
	char *path = ok ? report_path(dir, cur) : NULL;
	stats_free(cur);
	stats_free(prev);
	return path;
}

static void test_writes_pdf(void)
{
	g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
	char *dir = g_dir_make_tmp("eoi-report-test-XXXXXX", NULL);
	GError *err = NULL;
	char *path = write_report(dir, TEMPLATE, true, false, &err);
	TK_CHECK(path != NULL);
	if (!path) {
		printf("  %s\n", err ? err->message : "?");
		g_clear_error(&err);
		ft_remove_tree(dir);
		g_free(dir);
		return;
	}
	char *base = g_path_get_basename(path);
	TK_EQ_STR(base, "eoi-report-2025Q2.pdf");
	g_free(base);
	TK_CHECK(file_has(path, "%PDF-1."));
	TK_CHECK(file_has(path, "/MediaBox [ 0 0 595.276 841.89 ]"));
	TK_CHECK(file_has(path, "/Author (eoi)"));
	TK_CHECK(file_has(path, "/Title (EOI test report)"));
	TK_CHECK(file_has(path, "/CreationDate (20231114221320)"));
	TK_CHECK(file_has(path, "/Outlines"));
	TK_EQ_INT(count_files(dir), 1); /* no temporary file left */
	/* Same inputs: the same bytes. */
	gsize n1 = 0, n2 = 0;
	char *first = slurp(path, &n1);
	char *again = write_report(dir, TEMPLATE, true, false, &err);
	char *second = again ? slurp(again, &n2) : NULL;
	TK_CHECK(first && second && n1 == n2 && memcmp(first, second, n1) == 0);
	g_free(first);
	g_free(second);
	g_free(again);
	/* US Letter. */
	char *letter = write_report(dir, TEMPLATE, true, true, &err);
	TK_CHECK(letter && file_has(letter, "/MediaBox [ 0 0 612 792 ]"));
	g_free(letter);
	g_clear_error(&err);
	g_free(path);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_template_error_keeps_report(void)
{
	char *dir = g_dir_make_tmp("eoi-report-test-XXXXXX", NULL);
	char *good = g_build_filename(dir, "good.tmpl", NULL), *bad = g_build_filename(dir, "bad.tmpl", NULL);
	g_file_set_contents(good, "# Good\n\nTotal {{ counts.rows | thousands }} rows.\n", -1, NULL);
	g_file_set_contents(bad, "# Bad\n\nTotal {{ counts.rows | thousands }} rows.\n{{ counts.row }}\n", -1, NULL);
	char *out = g_build_filename(dir, "out", NULL);
	GError *err = NULL;
	char *path = write_report(out, good, false, false, &err);
	TK_CHECK(path != NULL);
	g_clear_error(&err);
	gsize n1 = 0, n2 = 0;
	char *before = path ? slurp(path, &n1) : NULL;
	TK_CHECK(write_report(out, bad, false, false, &err) == NULL);
	char *want = g_strdup_printf("%s:4: unknown placeholder \"counts.row\"", bad);
	TK_EQ_STR(err ? err->message : NULL, want);
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_DATA);
	g_clear_error(&err);
	g_free(want);
	char *after = path ? slurp(path, &n2) : NULL;
	TK_CHECK(before && after && n1 == n2 && memcmp(before, after, n1) == 0);
	TK_EQ_INT(count_files(out), 1);
	/* A changes table without a previous quarter names its line. */
	g_file_set_contents(bad, "x\n{% table changes_developers %}\n", -1, NULL);
	TK_CHECK(write_report(out, bad, false, false, &err) == NULL);
	want = g_strdup_printf("%s:2: table changes_developers needs a previous run (put it inside {%% if changes %%})",
			       bad);
	TK_EQ_STR(err ? err->message : NULL, want);
	g_free(want);
	g_clear_error(&err);
	/* An output folder that cannot be made. */
	char *blocked = g_build_filename(good, "sub", NULL);
	TK_CHECK(write_report(blocked, good, false, false, &err) == NULL);
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_CANTCREAT);
	g_clear_error(&err);
	/* A missing template. */
	TK_CHECK(write_report(out, "tests/fixtures/report/none.tmpl", false, false, &err) == NULL);
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	g_free(blocked);
	g_free(before);
	g_free(after);
	g_free(path);
	ft_remove_tree(out);
	g_free(out);
	g_remove(good);
	g_remove(bad);
	g_free(good);
	g_free(bad);
	ft_remove_tree(dir);
	g_free(dir);
}

/* The data model: statistics JSON + report + shares_all_time + changes. */
static void test_model(void)
{
	Stats *cur = run(D(2025, 6, 30)), *prev = run(D(2025, 3, 31));
	if (!cur || !prev) {
		TK_CHECK(cur && prev);
		return;
	}
	Changes *ch = changes_compute(cur, prev);
	JsonNode *m = report_model_new(cur, prev, ch, true);
	JsonObject *root = json_node_get_object(m);
	JsonObject *rep = json_object_get_object_member(root, "report");
	TK_EQ_STR(json_object_get_string_member(rep, "quarter"), "2025Q2");
	TK_EQ_STR(json_object_get_string_member(rep, "quarter_label"), "2025 Q2");
	TK_EQ_STR(json_object_get_string_member(rep, "previous_quarter"), "2025Q1");
	TK_EQ_STR(json_object_get_string_member(rep, "page_size"), "US Letter");
	TK_CHECK(json_object_has_member(root, "leaderboards")); /* the stats JSON is there */
	JsonArray *ng = json_object_get_array_member(json_object_get_object_member(root, "shares_all_time"),
						      "nation_groups");
	TK_EQ_INT(json_array_get_length(ng), 5);
	TK_EQ_STR(json_object_get_string_member(json_array_get_object_element(ng, 0), "name"), "USA");
	TK_EQ_DBL(json_object_get_double_member(json_array_get_object_element(ng, 0), "share"), 0.3725, 1e-12);
	JsonObject *c = json_object_get_object_member(root, "changes");
	JsonArray *gain = json_object_get_array_member(json_object_get_object_member(c, "developers"), "gainers");
	TK_EQ_INT(json_array_get_length(gain), 3);
	TK_EQ_DBL(json_object_get_double_member(json_array_get_object_element(gain, 1), "change"), 0.032, 1e-12);
	JsonObject *lark = json_array_get_object_element(
	    json_object_get_array_member(json_object_get_object_member(c, "developers"), "rows"), 11);
	TK_EQ_STR(json_object_get_string_member(lark, "name"), "lark");
	TK_CHECK(json_node_is_null(json_object_get_member(lark, "prev")));
	TK_CHECK(json_node_is_null(json_object_get_member(lark, "rank_prev")));
	json_node_unref(m);
	/* Without a previous run: no changes object. */
	m = report_model_new(cur, NULL, NULL, false);
	TK_CHECK(!json_object_has_member(json_node_get_object(m), "changes"));
	json_node_unref(m);
	changes_free(ch);
	stats_free(cur);
	stats_free(prev);
}

TK_MAIN(test_quarters, test_writes_pdf, test_template_error_keeps_report, test_model)
