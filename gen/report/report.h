/*
 * report.h - the quarterly report: one PDF from the template
 * templates/report.tmpl, every number filled from the statistics.
 *
 * Pipeline: template (read and checked) -> data model (statistics JSON +
 * changes since the previous quarter) -> expanded blocks -> tables built
 * and figures rendered (SVG in a temporary folder) -> pages typeset ->
 * <out_dir>/eoi-report-<YYYY>Q<N>.pdf written through a temporary name.
 * Every template or data error happens before the PDF is opened, so a
 * failed run leaves the previous report in place.
 */
#ifndef EOI_REPORT_H
#define EOI_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "../stats/stats.h"

typedef struct {
	const char *out_dir;       /* folder of the PDF (e.g. out/report), created when missing */
	const char *template_path; /* NULL: templates/report.tmpl via eoi_resource_path */
	bool letter;               /* US Letter instead of A4 */
} ReportOptions;

/*
 * Write the report of ST; PREV (NULL: no comparison) is the run of the same
 * inputs and options at the previous quarter's as-of date.  The file written
 * is reported on LOG (NULL: silent).  False with ERR set: EOI_EXIT_DATA
 * ("TEMPLATE:LINE: reason") for a template error, EOI_EXIT_NOINPUT for a
 * missing template, font or theme, EOI_EXIT_CANTCREAT when the PDF cannot
 * be written.
 */
bool report_write(const Stats *st, const Stats *prev, const ReportOptions *ro, FILE *log, GError **err);

/* Path of the report of ST in OUT_DIR: OUT_DIR/eoi-report-2025Q3.pdf
 * (g_free). */
char *report_path(const char *out_dir, const Stats *st);

/* Last day of the quarter before the one holding AS_OF (2025-08-27 ->
 * 2025-06-30; 2025-06-30 -> 2025-03-31). */
Day report_previous_quarter_end(Day as_of);

/* The previous as-of date `eoi report` derives when --previous is not
 * given: report_previous_quarter_end(as-of) when the data of ST has
 * snapshots on or before it, else DAY_NONE. */
Day report_default_previous(const Stats *st);

#endif
