/* Civil days, ISO 8601 parsing and calendar periods. */
#include <string.h>

#include "data/dates.h"
#include "tk.h"

static Day D(const char *s)
{
	Day d = DAY_NONE;
	if (!date_parse(s, strlen(s), &d))
		return DAY_NONE;
	return d;
}

static void test_civil(void)
{
	TK_EQ_INT(day_from_civil(1970, 1, 1), 0);
	TK_EQ_INT(day_from_civil(1969, 12, 31), -1);
	TK_EQ_INT(day_from_civil(2000, 3, 1), 11017);
	TK_EQ_INT(day_from_civil(2025, 2, 26), 20145);
	int y, m, d;
	day_to_civil(20145, &y, &m, &d);
	TK_EQ_INT(y * 10000 + m * 100 + d, 20250226);
	day_to_civil(-1, &y, &m, &d);
	TK_EQ_INT(y * 10000 + m * 100 + d, 19691231);
	TK_EQ_INT(day_from_unix(-1), -1);
	TK_EQ_INT(day_from_unix(86399), 0);
}

static void test_parse(void)
{
	TK_EQ_INT(D("2025-02-26"), 20145);
	TK_EQ_INT(D("2025-02-26 00:00:00"), 20145);
	TK_EQ_INT(D("2025-02-26T23:59:59.999999999"), 20145);
	TK_EQ_INT(D("2025-02-26T12:00:00Z"), 20145);
	/* An offset moves the instant to UTC before the day is taken. */
	TK_EQ_INT(D("2025-02-26T01:00:00+02:00"), 20144);
	TK_EQ_INT(D("2025-02-26T23:00:00-0130"), 20146);
	TK_EQ_INT(D("2025-02-26 12:34:56+00:00"), 20145);
	TK_EQ_INT(D("  2024-02-29  "), day_from_civil(2024, 2, 29));
	TK_EQ_INT(D("2023-02-29"), DAY_NONE);
	TK_EQ_INT(D("2024-13-01"), DAY_NONE);
	TK_EQ_INT(D("2024-1-01"), DAY_NONE);
	TK_EQ_INT(D("2024-01-01T25:00"), DAY_NONE);
	TK_EQ_INT(D("2024-01-01x"), DAY_NONE);
	TK_EQ_INT(D(""), DAY_NONE);
	char buf[11];
	TK_EQ_STR(day_format(20145, buf), "2025-02-26");
}

static void test_periods(void)
{
	char buf[32];
	Day wed = D("2025-02-26");
	TK_EQ_INT(period_start(wed, PERIOD_WEEK), D("2025-02-24"));
	TK_EQ_STR(period_label(period_start(wed, PERIOD_WEEK), PERIOD_WEEK, buf), "2025-W09");
	/* 2021-01-03 is a Sunday in ISO week 2020-W53. */
	Day sun = D("2021-01-03");
	TK_EQ_INT(period_start(sun, PERIOD_WEEK), D("2020-12-28"));
	TK_EQ_STR(period_label(period_start(sun, PERIOD_WEEK), PERIOD_WEEK, buf), "2020-W53");
	TK_EQ_INT(period_start(wed, PERIOD_MONTH), D("2025-02-01"));
	TK_EQ_INT(period_start(D("2025-06-30"), PERIOD_QUARTER), D("2025-04-01"));
	TK_EQ_STR(period_label(D("2025-04-01"), PERIOD_QUARTER, buf), "2025-Q2");
	TK_EQ_INT(period_start(wed, PERIOD_YEAR), D("2025-01-01"));
	TK_EQ_INT(period_next(D("2025-12-01"), PERIOD_MONTH), D("2026-01-01"));
	TK_EQ_INT(period_next(D("2025-10-01"), PERIOD_QUARTER), D("2026-01-01"));
	TK_EQ_STR(period_label(D("2025-02-01"), PERIOD_MONTH, buf), "2025-02");
	PeriodKind k;
	TK_CHECK(period_kind_parse("quarter", &k) && k == PERIOD_QUARTER);
	TK_CHECK(!period_kind_parse("decade", &k));
}

TK_MAIN(test_civil, test_parse, test_periods)
