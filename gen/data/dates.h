/*
 * dates.h - civil UTC days and calendar periods.
 *
 * eoi works in whole UTC days (DESIGN.md §3.1): a Day is the number of days
 * since 1970-01-01.  Timestamps with an offset are converted to UTC before
 * the day is taken; timestamps without a zone are UTC.
 */
#ifndef EOI_DATES_H
#define EOI_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t Day;
#define DAY_NONE INT32_MIN

typedef enum { PERIOD_WEEK, PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR } PeriodKind;

/* The dates accepted in input data (the date and created_at columns):
 * 1970-01-01 to 2100-12-31.  Outside it a date is an error, not a value:
 * the Hub and its counters date from the 2010s, and the bound keeps the
 * day-indexed tables and the period series of a run small. */
#define DAY_DATA_MIN 0     /* 1970-01-01 */
#define DAY_DATA_MAX 47846 /* 2100-12-31 */
#define DAY_DATA_RANGE "1970-01-01 to 2100-12-31"

/* Is DAY within DAY_DATA_MIN..DAY_DATA_MAX? */
bool day_in_data_range(Day day);

Day day_from_civil(int year, int month, int mday);
void day_to_civil(Day day, int *year, int *month, int *mday);
/* Day of a Unix time in seconds (floor division). */
Day day_from_unix(int64_t seconds);

/*
 * Parse an ISO 8601 date or timestamp: "YYYY-MM-DD", optionally followed by
 * 'T' or ' ', "HH:MM[:SS[.fraction]]" and a zone "Z", "+HH:MM", "+HHMM" or
 * "+HH" (or '-').  The whole of S[0..LEN) must be consumed (surrounding
 * blanks are allowed).  Returns false for anything else, including
 * impossible dates such as 2023-02-29.
 */
bool date_parse(const char *s, size_t len, Day *out);

/* Write "YYYY-MM-DD" into BUF (at least 11 bytes); returns BUF. */
char *day_format(Day day, char buf[static 11]);

/* First day of the calendar period holding DAY (ISO weeks start Monday). */
Day period_start(Day day, PeriodKind kind);
/* First day of the period after the one starting at START. */
Day period_next(Day start, PeriodKind kind);
/* Label of the period starting at START: "2025-W09", "2025-03", "2025-Q1",
 * "2025".  BUF must hold 32 bytes; returns BUF. */
char *period_label(Day start, PeriodKind kind, char buf[static 32]);
bool period_kind_parse(const char *s, PeriodKind *out);
const char *period_kind_name(PeriodKind kind);

#endif
