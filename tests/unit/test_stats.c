/*
 * The statistics stage on one small dataset whose every number is worked
 * out by hand below: leaderboards (both spans), org type by nation,
 * property series with coverage, intermediaries and shares per view.
 *
 * Interval downloads, window all, monthly, as of 2024-03-06:
 *
 *   model        author created     parent       Jan  Feb  Mar  total
 *   us/base      us     2023-01-15  []           100  100    -    200
 *   q/base-GGUF  q      2024-01-20  us/base (q.)   -   50   30     80
 *   cn/lm        cn     2023-06-01  []           200    -    -    200
 *   ft/tune      ft     2024-02-10  cn/lm (ft.)    -    -   40     40
 *   x/unknown    x      2022-01-01  []            10    -    -     10
 *   us2/m        us2    2024-01-01  []            20    -    -     20
 *                                                330  150   70    550
 */
#include "mkdata.h"
#include "stats/stats.h"
#include "tk.h"

static const Row rows[] = {
	{ "us/base", "2024-01-10", 100, "2023-01-15", NULL, "[]", NULL, "USA", NULL,
	  "org_type=company|country=United States of America|modality=Text --> Text" },
	{ "us/base", "2024-02-07", 100, "2023-01-15", NULL, "[]", NULL, "USA", NULL,
	  "org_type=company|country=United States of America|modality=Text --> Text" },
	{ "q/base-GGUF", "2024-02-07", 50, "2024-01-20", NULL, "us/base", NULL, "User", NULL,
	  "org_type=user|base_relation=quantized|modality=Text --> Text" },
	{ "q/base-GGUF", "2024-03-06", 30, "2024-01-20", NULL, "us/base", NULL, "User", NULL,
	  "org_type=user|base_relation=quantized|modality=Text --> Text" },
	{ "cn/lm", "2024-01-10", 200, "2023-06-01", NULL, "[]", NULL, "China", NULL,
	  "org_type=non-profit|country=China|modality=Image + Text --> Text" },
	{ "ft/tune", "2024-03-06", 40, "2024-02-10", NULL, "cn/lm", NULL, "Germany", NULL,
	  "org_type=community|base_relation=finetune" },
	{ "x/unknown", "2024-01-10", 10, "2022-01-01", NULL, "[]" },
	{ "us2/m", "2024-01-10", 20, "2024-01-01", NULL, "[]", NULL, "USA", NULL, "org_type=academic" },
};

static Stats *compute(void)
{
	Dataset *ds = build(rows, G_N_ELEMENTS(rows), false, DAY_NONE);
	StatsOptions opt = { WINDOW_ALL, ATTRIBUTION_COMPUTED, PERIOD_MONTH };
	Stats *st = stats_compute(ds, &opt, NULL);
	dataset_free(ds);
	return st;
}

static void test_boards(void)
{
	Stats *st = compute();
	Leaderboard *dev = st->board[BOARD_DEVELOPER][BOARD_ALL_TIME];
	TK_EQ_INT(dev->n, 4);
	TK_EQ_DBL(dev->total, 550, 0);
	TK_EQ_STR(dev->entry[0].name, "us");
	TK_EQ_DBL(dev->entry[0].downloads, 280, 0);
	TK_EQ_DBL(dev->entry[0].share, 280.0 / 550, 1e-15);
	TK_EQ_STR(dev->entry[1].name, "cn");
	TK_EQ_STR(dev->entry[2].name, "us2");
	TK_EQ_STR(dev->entry[3].name, "x");
	TK_EQ_INT(dev->entry[0].dev_kind, DEVKIND_ORGANISATION);
	TK_EQ_STR(dev->entry[0].group, "USA");
	TK_EQ_INT(dev->entry[1].kind, KIND_TEXT);
	Leaderboard *c12 = st->board[BOARD_DEVELOPER][BOARD_LAST_12_MONTHS];
	/* cohort: created in (2023-03-07, 2024-03-06]: q, cn/lm, ft, us2/m */
	TK_EQ_DBL(c12->total, 340, 0);
	TK_EQ_STR(c12->entry[0].name, "cn");
	TK_EQ_DBL(c12->entry[0].share, 240.0 / 340, 1e-15);
	TK_EQ_STR(c12->entry[1].name, "us");
	TK_EQ_DBL(c12->entry[1].downloads, 80, 0);
	Leaderboard *cty = st->board[BOARD_COUNTRY][BOARD_ALL_TIME];
	TK_EQ_INT(cty->n, 2);
	TK_EQ_STR(cty->entry[0].name, "United States of America");
	TK_EQ_DBL(cty->entry[0].downloads, 280, 0);
	TK_EQ_DBL(cty->unknown_share, 30.0 / 550, 1e-15);
	Leaderboard *mod = st->board[BOARD_MODEL][BOARD_ALL_TIME];
	/* tie at 200: cn/lm before us/base by name */
	TK_EQ_STR(mod->entry[0].name, "cn/lm");
	TK_EQ_STR(mod->entry[1].name, "us/base");
	TK_EQ_STR(mod->entry[2].name, "q/base-GGUF");
	TK_EQ_STR(mod->entry[2].developer, "us");
	TK_EQ_INT(mod->entry[0].kind, KIND_TEXT);
	stats_free(st);
}

static void test_org_matrix(void)
{
	Stats *st = compute();
	OrgMatrix *om = st->org_matrix;
	TK_EQ_INT(om->n_rows, 3);
	TK_EQ_STR(om->row[0], "USA");
	TK_EQ_STR(om->row[1], "China");
	TK_EQ_STR(om->row[2], "Unknown");
	TK_EQ_INT(om->n_cols, 4);
	TK_EQ_STR(om->col[0], "company");
	TK_EQ_STR(om->col[1], "non-profit");
	TK_EQ_STR(om->col[2], "academic");
	TK_EQ_STR(om->col[3], "Unknown");
	TK_EQ_DBL(om->proportion[0], 280.0 / 300, 1e-15);
	TK_EQ_DBL(om->proportion[2], 20.0 / 300, 1e-15);
	TK_EQ_DBL(om->proportion[4 + 1], 1.0, 0);
	TK_EQ_DBL(om->proportion[8 + 3], 1.0, 0);
	TK_EQ_DBL(om->row_total[0], 300, 0);
	stats_free(st);
}

static void test_properties(void)
{
	Stats *st = compute();
	CategorySeries *q = st->property[PROP_QUANTIZED];
	TK_CHECK(!q->skipped);
	TK_EQ_INT(q->n_periods, 3);
	TK_EQ_DBL(category_share(q, 0, 1), 0.0, 0);
	TK_EQ_DBL(category_share(q, 1, 1), 50.0 / 150, 1e-15);
	TK_EQ_DBL(category_share(q, 2, 1), 30.0 / 70, 1e-15);
	TK_EQ_DBL(q->coverage[1], 1.0, 0);
	TK_EQ_DBL(q->overall[1], 80.0 / 550, 1e-15);
	/* Multimodal: known for us/base, q, cn/lm (modality set). January:
	 * cn/lm 200 of known 300; coverage 300 / 330. */
	CategorySeries *mm = st->property[PROP_MULTIMODAL];
	TK_EQ_DBL(category_share(mm, 0, 1), 200.0 / 300, 1e-15);
	TK_EQ_DBL(mm->coverage[0], 300.0 / 330, 1e-15);
	TK_EQ_DBL(category_share(mm, 2, 1), 0.0, 0);
	TK_EQ_DBL(mm->coverage[2], 30.0 / 70, 1e-15);
	/* No moe, transparency or openness column: skipped, naming it. */
	TK_CHECK(st->property[PROP_MOE]->skipped && strstr(st->property[PROP_MOE]->skipped, "moe"));
	TK_CHECK(st->property[PROP_TRANSPARENCY]->skipped &&
		 strstr(st->property[PROP_TRANSPARENCY]->skipped, "data_transparency"));
	/* Derivative: Feb 50 of 150; Mar all 70. */
	TK_EQ_DBL(category_share(st->property[PROP_DERIVATIVE], 1, 1), 50.0 / 150, 1e-15);
	TK_EQ_DBL(category_share(st->property[PROP_DERIVATIVE], 2, 1), 1.0, 0);
	stats_free(st);
}

static void test_intermediaries(void)
{
	Stats *st = compute();
	Intermediaries *im = st->intermediaries;
	TK_CHECK(!im->skipped);
	TK_EQ_INT(im->n_top, 2);
	TK_EQ_STR(im->top[0].name, "q");
	TK_EQ_DBL(im->top[0].downloads, 80, 0);
	TK_EQ_DBL(im->top[0].share, 80.0 / 550, 1e-15);
	TK_EQ_INT(im->top[0].n_models, 1);
	TK_EQ_INT(im->top[0].main_role, ROLE_QUANTIZER);
	TK_EQ_INT(im->top[0].n_bases, 1);
	TK_EQ_STR(im->top[0].base[0], "us");
	TK_EQ_DBL(im->top[0].base_share[0], 1.0, 0);
	TK_EQ_STR(im->top[0].group, "User");
	TK_EQ_STR(im->top[0].org_type, "user");
	TK_EQ_STR(im->top[1].name, "ft");
	TK_EQ_INT(im->top[1].main_role, ROLE_FINETUNER);
	TK_EQ_DBL(im->intermediary_share, 120.0 / 550, 1e-15);
	CategorySeries *r = im->roles;
	TK_EQ_DBL(category_share(r, 0, ROLE_ORIGINAL), 1.0, 0);
	TK_EQ_DBL(category_share(r, 1, ROLE_QUANTIZER), 50.0 / 150, 1e-15);
	TK_EQ_DBL(category_share(r, 2, ROLE_FINETUNER), 40.0 / 70, 1e-15);
	stats_free(st);
}

static void test_views(void)
{
	Stats *st = compute();
	/* Uploader view: q keeps its own 80; attributed view credits it to us. */
	ShareSeries *up = st->shares[VIEW_UPLOADER][BY_DEVELOPER];
	ShareSeries *at = st->shares[VIEW_ATTRIBUTED][BY_DEVELOPER];
	double q_up = 0;
	for (uint32_t g = 0; g < up->n_groups; g++)
		if (strcmp(up->group_name[g], "q") == 0)
			q_up = up->group_total[g];
	TK_EQ_DBL(q_up, 80, 0);
	TK_EQ_STR(at->group_name[0], "us");
	TK_EQ_DBL(at->group_total[0], 280, 0);
	/* Nation groups, uploader view: User 80 (q) appears. */
	ShareSeries *nat = st->shares[VIEW_UPLOADER][BY_NATION];
	bool user = false;
	for (uint32_t g = 0; g < nat->n_groups; g++)
		user |= strcmp(nat->group_name[g], "User") == 0 && nat->group_total[g] == 80;
	TK_CHECK(user);
	TK_CHECK(st->developer_shares == at);
	/* Concentration at the developer level, January: us 100, cn 200,
	 * us2 20, x 10 -> HHI = (100² + 200² + 20² + 10²) / 330². */
	TK_EQ_DBL(st->concentration[LEVEL_DEVELOPER]->hhi[0], (10000.0 + 40000 + 400 + 100) / (330.0 * 330),
		  1e-15);
	stats_free(st);
}

static void test_cohort_boundary(void)
{
	/* As of 2024-03-06 the last-12-months cohort is created in
	 * (2023-03-07, 2024-03-06]: 2024-03-06 - 365 days = 2023-03-07 (2024
	 * is a leap year) is out, the day after is in, the as-of day is in. */
	static const Row cohort_rows[] = {
		{ "a/out", "2024-03-06", 40, "2023-03-07" },
		{ "b/in", "2024-03-06", 30, "2023-03-08" },
		{ "c/today", "2024-03-06", 20, "2024-03-06" },
		{ "d/later", "2024-03-13", 10, "2024-03-10" },
	};
	Dataset *ds = build(cohort_rows, G_N_ELEMENTS(cohort_rows), false, D("2024-03-06"));
	StatsOptions opt = { WINDOW_ALL, ATTRIBUTION_COMPUTED, PERIOD_MONTH };
	Stats *st = stats_compute(ds, &opt, NULL);
	Leaderboard *c12 = st->board[BOARD_MODEL][BOARD_LAST_12_MONTHS];
	TK_EQ_INT(c12->n, 2);
	TK_EQ_STR(c12->entry[0].name, "b/in");
	TK_EQ_STR(c12->entry[1].name, "c/today");
	TK_EQ_DBL(c12->total, 50, 0);
	TK_EQ_DBL(c12->entry[0].share, 0.6, 1e-15);
	TK_EQ_INT(st->board[BOARD_MODEL][BOARD_ALL_TIME]->n, 3); /* d/later is after the as-of date */
	stats_free(st);
	dataset_free(ds);
}

TK_MAIN(test_cohort_boundary, test_boards, test_org_matrix, test_properties, test_intermediaries, test_views)
