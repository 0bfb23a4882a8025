/*
 * summary.h - the readable text summary of a run (`eoi stats` without
 * --json) and the warnings summary every command prints on stderr.
 */
#ifndef EOI_SUMMARY_H
#define EOI_SUMMARY_H

#include <stdio.h>

#include "../stats/stats.h"

/* Inputs, options, period totals, top developers and nation groups, and
 * the warnings, as aligned plain text. */
void summary_print(const Stats *st, FILE *out);
/* One line per kind of tolerated problem that occurred ("eoi: warning:
 * ..."); nothing when there were none. */
void summary_print_warnings(const Stats *st, FILE *out);
/* Format V with thousands separators ("1,234,567") into BUF (32 bytes). */
char *summary_thousands(double v, char buf[static 32]);

#endif
