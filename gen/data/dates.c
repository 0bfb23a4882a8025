/*
 * dates.c - civil-day arithmetic (Howard Hinnant's days_from_civil
 * algorithm), an ISO 8601 parser and calendar periods.
 */
#include "dates.h"

#include <stdio.h>
#include <string.h>

Day day_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void day_to_civil(Day day, int *year, int *month, int *mday)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*mday = d;
}

bool day_in_data_range(Day day)
{
	return day >= DAY_DATA_MIN && day <= DAY_DATA_MAX;
}

Day day_from_unix(int64_t seconds)
{
	int64_t d = seconds / 86400;
	if (seconds % 86400 < 0)
		d--;
	return (Day)d;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Read exactly N digits at *P (bounded by END) into *OUT. */
static bool digits(const char **p, const char *end, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (*p >= end || (unsigned)(**p - '0') > 9)
			return false;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*out = v;
	return true;
}

static bool expect(const char **p, const char *end, char c)
{
	if (*p < end && **p == c) {
		(*p)++;
		return true;
	}
	return false;
}

/* Parse "HH:MM[:SS[.frac]]" and an optional zone; seconds east in *OFFSET. */
static bool parse_time(const char **p, const char *end, int *secs, int *offset)
{
	int hh, mm, ss = 0;
	if (!digits(p, end, 2, &hh) || !expect(p, end, ':') || !digits(p, end, 2, &mm))
		return false;
	if (expect(p, end, ':')) {
		if (!digits(p, end, 2, &ss))
			return false;
		if (expect(p, end, '.') || expect(p, end, ',')) {
			const char *start = *p;
			while (*p < end && (unsigned)(**p - '0') <= 9)
				(*p)++;
			if (*p == start)
				return false;
		}
	}
	if (hh > 24 || mm > 59 || ss > 60 || (hh == 24 && (mm || ss)))
		return false;
	*secs = hh * 3600 + mm * 60 + ss;
	*offset = 0;
	if (*p >= end)
		return true;
	if (expect(p, end, 'Z') || expect(p, end, 'z'))
		return true;
	char sign = **p;
	if (sign != '+' && sign != '-')
		return false;
	(*p)++;
	int oh, om = 0;
	if (!digits(p, end, 2, &oh))
		return false;
	if (expect(p, end, ':')) {
		if (!digits(p, end, 2, &om))
			return false;
	} else if (*p < end && !digits(p, end, 2, &om)) {
		return false;
	}
	if (oh > 23 || om > 59)
		return false;
	*offset = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
	return true;
}

bool date_parse(const char *s, size_t len, Day *out)
{
	const char *p = s, *end = s + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	int y, m, d;
	if (!digits(&p, end, 4, &y) || !expect(&p, end, '-') || !digits(&p, end, 2, &m) ||
	    !expect(&p, end, '-') || !digits(&p, end, 2, &d))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	int64_t secs = (int64_t)day_from_civil(y, m, d) * 86400;
	if (p < end) {
		if (*p != 'T' && *p != 't' && *p != ' ')
			return false;
		p++;
		int tsecs, offset;
		if (!parse_time(&p, end, &tsecs, &offset) || p != end)
			return false;
		secs += tsecs - offset;
	}
	*out = day_from_unix(secs);
	return true;
}

char *day_format(Day day, char buf[static 11])
{
	int y, m, d;
	day_to_civil(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* ISO weekday, Monday = 0.  1970-01-01 was a Thursday (3). */
static int weekday(Day day)
{
	int w = (day + 3) % 7;
	return w < 0 ? w + 7 : w;
}

Day period_start(Day day, PeriodKind kind)
{
	int y, m, d;
	switch (kind) {
	case PERIOD_WEEK:
		return day - weekday(day);
	case PERIOD_MONTH:
		day_to_civil(day, &y, &m, &d);
		return day_from_civil(y, m, 1);
	case PERIOD_QUARTER:
		day_to_civil(day, &y, &m, &d);
		return day_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
	case PERIOD_YEAR:
		day_to_civil(day, &y, &m, &d);
		return day_from_civil(y, 1, 1);
	}
	return day;
}

Day period_next(Day start, PeriodKind kind)
{
	int y, m, d;
	switch (kind) {
	case PERIOD_WEEK:
		return start + 7;
	case PERIOD_MONTH:
		day_to_civil(start, &y, &m, &d);
		return m == 12 ? day_from_civil(y + 1, 1, 1) : day_from_civil(y, m + 1, 1);
	case PERIOD_QUARTER:
		day_to_civil(start, &y, &m, &d);
		return m >= 10 ? day_from_civil(y + 1, 1, 1) : day_from_civil(y, m + 3, 1);
	case PERIOD_YEAR:
		day_to_civil(start, &y, &m, &d);
		return day_from_civil(y + 1, 1, 1);
	}
	return start;
}

char *period_label(Day start, PeriodKind kind, char buf[static 32])
{
	int y, m, d;
	day_to_civil(start, &y, &m, &d);
	switch (kind) {
	case PERIOD_WEEK: {
		/* The ISO year of a week is the year of its Thursday. */
		Day thursday = start + 3;
		int ty, tm, td;
		day_to_civil(thursday, &ty, &tm, &td);
		int week = (thursday - day_from_civil(ty, 1, 1)) / 7 + 1;
		snprintf(buf, 32, "%04d-W%02d", ty, week);
		break;
	}
	case PERIOD_MONTH:
		snprintf(buf, 32, "%04d-%02d", y, m);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, 32, "%04d-Q%d", y, (m - 1) / 3 + 1);
		break;
	case PERIOD_YEAR:
		snprintf(buf, 32, "%04d", y);
		break;
	}
	return buf;
}

static const char *const period_names[] = { "week", "month", "quarter", "year" };

bool period_kind_parse(const char *s, PeriodKind *out)
{
	for (int k = 0; k < 4; k++)
		if (strcmp(s, period_names[k]) == 0) {
			*out = (PeriodKind)k;
			return true;
		}
	return false;
}

const char *period_kind_name(PeriodKind kind)
{
	return period_names[kind];
}
