/*
 * test_workbook.c - the workbook's sheets from a small hand-worked dataset,
 * and tables_write's files (names, atomic replacement, determinism).
 *
 * Data (cumulative counters, window first-year, as of 2024-02-07):
 *   a/m1 (dev a, USA)   created 2023-12-01: 100 on 2024-01-03, 400 on 2024-02-07
 *   b/m2 (dev b, China) created 2023-12-01:  50 on 2024-01-03, 150 on 2024-02-07
 *   a/m3 (dev a, USA)   created 2024-01-10:  60 on 2024-02-07
 * The first counts of m1 and m2 are baselines (no earlier snapshot); m3 was
 * created after the previous snapshot, so its 60 count.  January has no
 * counted downloads; February: a 300 + 60 = 360, b 100, total 460.
 *   shares: a 360/460 = 0.78260869565217391, b 100/460 = 0.21739130434782609
 *   developer HHI: (360² + 100²)/460² = 139600/211600 = 0.65973534971644612
 *   developer Gini: 2(1·100 + 2·360)/(2·460) − 3/2 = 0.28260869565217391
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "eoi.h"
#include "mkdata.h"
#include "stats/stats.h"
#include "tables/csvout.h"
#include "tables/workbook.h"
#include "io/outdir.h"
#include "tk.h"

static const Row rows[] = {
	{ "a/m1", "2024-01-03", 100, "2023-12-01", "a", NULL, NULL, "USA", "USA", NULL },
	{ "a/m1", "2024-02-07", 400, "2023-12-01", "a", NULL, NULL, "USA", "USA", NULL },
	{ "b/m2", "2024-01-03", 50, "2023-12-01", "b", NULL, NULL, "China", "China", NULL },
	{ "b/m2", "2024-02-07", 150, "2023-12-01", "b", NULL, NULL, "China", "China", NULL },
	{ "a/m3", "2024-02-07", 60, "2024-01-10", "a", NULL, NULL, "USA", "USA", NULL },
};

static Stats *small_stats(void)
{
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), true, DAY_NONE);
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH };
	GError *err = NULL;
	Stats *st = stats_compute(ds, &so, &err);
	g_assert(st);
	dataset_free(ds);
	return st;
}

static const Sheet *find(GPtrArray *sheets, const char *name)
{
	for (guint i = 0; i < sheets->len; i++) {
		const Sheet *s = g_ptr_array_index(sheets, i);
		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

/* Row of sheet S whose column C holds TEXT, or -1. */
static int row_of(const Sheet *s, uint32_t c, const char *text)
{
	for (uint32_t r = 0; r < sheet_n_rows(s); r++) {
		const Cell *cell = sheet_cell(s, r, c);
		if (cell->type == CELL_TEXT && strcmp(cell->text, text) == 0)
			return (int)r;
	}
	return -1;
}

/* Does some cell of column 0 start with PREFIX and contain WORD? */
static bool has_note(const Sheet *s, const char *prefix, const char *word)
{
	for (uint32_t r = 0; r < sheet_n_rows(s); r++) {
		const Cell *cell = sheet_cell(s, r, 0);
		if (cell->type == CELL_TEXT && g_str_has_prefix(cell->text, prefix) && strstr(cell->text, word))
			return true;
	}
	return false;
}

static double num(const Sheet *s, int r, uint32_t c)
{
	const Cell *cell = sheet_cell(s, r < 0 ? 0 : (uint32_t)r, c);
	return r >= 0 && cell->type == CELL_NUMBER ? cell->num : NAN;
}

static void test_sheets(void)
{
	Stats *st = small_stats();
	GError *err = NULL;
	GPtrArray *sheets = workbook_build(st, &err);
	TK_CHECK(sheets != NULL);
	if (!sheets) {
		printf("workbook_build: %s\n", err->message);
		g_clear_error(&err);
		stats_free(st);
		return;
	}
	static const char *const names[] = { "About", "Table 1", "Table 2", "Leaderboards", "Developer shares",
					     "National shares", "Concentration", "Org type by nation", "Sizes" };
	TK_EQ_INT(sheets->len, G_N_ELEMENTS(names));
	for (guint i = 0; i < sheets->len && i < G_N_ELEMENTS(names); i++)
		TK_EQ_STR(((Sheet *)g_ptr_array_index(sheets, i))->name, names[i]);

	const Sheet *dev = find(sheets, "Developer shares");
	int feb = row_of(dev, 0, "2024-02");
	TK_EQ_STR(sheet_cell(dev, 3, 3)->text, "a");
	TK_EQ_STR(sheet_cell(dev, 3, 4)->text, "b");
	TK_EQ_DBL(num(dev, feb, 2), 460, 0);
	TK_CHECK(num(dev, feb, 3) == 0.7826086956521739);
	TK_CHECK(num(dev, feb, 4) == 0.2173913043478261);
	TK_EQ_INT(sheet_cell(dev, feb, 1)->type, CELL_DATE);
	int jan = row_of(dev, 0, "2024-01");
	TK_EQ_INT(sheet_cell(dev, jan, 3)->type, CELL_BLANK); /* no downloads: blank, and a note */
	TK_CHECK(has_note(dev, "No counted downloads in 2024-01", "blank"));
	TK_EQ_INT(dev->freeze_row, 4);
	TK_EQ_INT(dev->tables->len, 1);
	TK_EQ_INT(dev->charts->len, 1);

	const Sheet *conc = find(sheets, "Concentration");
	int c_hhi = -1, c_gini = -1;
	for (uint32_t c = 0; c < conc->n_cols; c++) {
		const Cell *h = sheet_cell(conc, 3, c);
		if (h->type == CELL_TEXT && strcmp(h->text, "Developers: HHI") == 0)
			c_hhi = (int)c;
		if (h->type == CELL_TEXT && strcmp(h->text, "Developers: Gini") == 0)
			c_gini = (int)c;
	}
	TK_CHECK(c_hhi > 0 && c_gini > 0);
	TK_EQ_DBL(num(conc, feb, (uint32_t)c_hhi), 139600.0 / 211600, 1e-15);
	TK_EQ_DBL(num(conc, feb, (uint32_t)c_gini), 0.28260869565217391, 1e-15);
	TK_EQ_INT(conc->names->len, 3);

	const Sheet *lb = find(sheets, "Leaderboards");
	int m1 = row_of(lb, 3, "a/m1");
	TK_EQ_DBL(num(lb, m1, 2), 1, 0);   /* rank */
	TK_EQ_DBL(num(lb, m1, 4), 300, 0); /* downloads */
	TK_CHECK(num(lb, m1, 5) == sheet_canonical(300.0 / 460));
	TK_EQ_STR(sheet_cell(lb, m1, 9)->text, "a"); /* developer */

	/* No params, modality, moe... columns: skipped, with a note each. */
	const Sheet *sizes = find(sheets, "Sizes");
	TK_CHECK(has_note(sizes, "Not computed", "params"));
	TK_EQ_INT(sizes->tables->len, 0);
	const Sheet *t1 = find(sheets, "Table 1");
	TK_CHECK(has_note(t1, "Mixture-of-experts: not computed", "moe"));
	TK_CHECK(has_note(t1, "Mean size (params): not computed", "params"));
	TK_EQ_INT(row_of(t1, 0, "Mixture-of-experts"), -1);

	const Sheet *about = find(sheets, "About");
	int as_of = row_of(about, 0, "As-of date");
	TK_EQ_INT(sheet_cell(about, as_of, 1)->type, CELL_DATE);
	TK_EQ_INT(sheet_cell(about, as_of, 1)->day, day_from_civil(2024, 2, 7));
	TK_CHECK(row_of(about, 0, "Rolling Window Filter") > as_of);
	TK_CHECK(row_of(about, 0, "HHI") > 0);
	g_ptr_array_unref(sheets);
	stats_free(st);
}

static char *read_text(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL);
	char *text = NULL;
	g_file_get_contents(path, &text, NULL, NULL);
	g_free(path);
	return text;
}

/* Files in DIR whose name holds ".tmp-". */
static int temp_files(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;
	for (const char *name; d && (name = g_dir_read_name(d));)
		n += strstr(name, ".tmp-") != NULL;
	if (d)
		g_dir_close(d);
	return n;
}

/* tables_write() into DIR; a failure is reported and cleared. */
static bool write_ok(const Stats *st, const char *dir)
{
	GError *err = NULL;
	bool ok = tables_write(st, dir, NULL, &err);
	if (!ok) {
		printf("tables_write: %s\n", err ? err->message : "?");
		g_clear_error(&err);
	}
	return ok;
}

static void test_write(void)
{
	Stats *st = small_stats();
	char *tmp = g_dir_make_tmp("eoi-workbook-XXXXXX", NULL);
	char *dir = g_build_filename(tmp, "tables", NULL);
	GError *err = NULL;
	TK_CHECK(write_ok(st, dir));
	static const char *const files[] = { "eoi-tables.xlsx", "about.csv", "table1.csv", "table2.csv",
					     "leaderboards.csv", "developer_shares.csv", "national_shares.csv",
					     "concentration.csv", "org_type_by_nation.csv", "sizes.csv" };
	for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
		char *p = g_build_filename(dir, files[i], NULL);
		TK_CHECK(g_file_test(p, G_FILE_TEST_IS_REGULAR));
		g_free(p);
	}
	TK_EQ_INT(temp_files(dir), 0);
	char *csv = read_text(dir, "developer_shares.csv");
	TK_CHECK(csv && strstr(csv, "\r\nPeriod,Period start,Total downloads,a,b\r\n"));
	TK_CHECK(csv && strstr(csv, "\r\n2024-01,2024-01-01,0,,\r\n"));
	/* 360/460 to 16 digits is 0.7826086956521739, whose double also reads
	 * from the shorter 0.782608695652174. */
	TK_CHECK(csv && strstr(csv, "\r\n2024-02,2024-02-01,460,0.782608695652174,0.2173913043478261\r\n"));
	/* Same input, same bytes. */
	char *p1 = g_build_filename(dir, "eoi-tables.xlsx", NULL);
	char *xlsx1 = NULL, *xlsx2 = NULL;
	gsize n1 = 0, n2 = 0;
	TK_CHECK(g_file_get_contents(p1, &xlsx1, &n1, NULL));
	TK_CHECK(write_ok(st, dir));
	TK_CHECK(g_file_get_contents(p1, &xlsx2, &n2, NULL));
	TK_CHECK(n1 > 1000 && n1 == n2 && memcmp(xlsx1, xlsx2, n1) == 0);

	/* A file that cannot be replaced: the run fails with 73 and leaves no
	 * temporary file behind. */
	char *blocker = g_build_filename(dir, "sizes.csv", NULL);
	g_unlink(blocker);
	g_mkdir(blocker, 0755);
	char *inner = g_build_filename(blocker, "keep", NULL);
	g_file_set_contents(inner, "x", 1, NULL);
	TK_CHECK(!tables_write(st, dir, NULL, &err));
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_CANTCREAT);
	TK_CHECK(err && strstr(err->message, "sizes.csv"));
	g_clear_error(&err);
	TK_EQ_INT(temp_files(dir), 0);

	/* A folder that cannot be made. */
	char *below_file = g_build_filename(p1, "sub", NULL);
	g_clear_error(&err);
	TK_CHECK(!tables_write(st, below_file, NULL, &err));
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_CANTCREAT);
	g_clear_error(&err);

	g_free(below_file);
	g_free(inner);
	g_free(blocker);
	g_free(p1);
	g_free(xlsx1);
	g_free(xlsx2);
	g_free(csv);
	outdir_remove_tree(tmp);
	g_free(dir);
	g_free(tmp);
	stats_free(st);
}

TK_MAIN(test_sheets, test_write)
