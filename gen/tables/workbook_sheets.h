/*
 * workbook_sheets.h - the builders of the workbook's sheets (private to
 * gen/tables/): each turns one part of Stats into one Sheet.
 *
 * Layout of a data sheet: row 0 the title, row 1 the caption (what the
 * numbers are, or "Synthetic sample data ..." in red), row 3 the header of
 * the blocks (Excel tables) side by side, data below, then a "Notes" block
 * saying why anything is missing.  The header row is frozen and repeated
 * on printed pages.
 */
#ifndef EOI_WORKBOOK_SHEETS_H
#define EOI_WORKBOOK_SHEETS_H

#include "../stats/stats.h"
#include "sheets.h"

#define WB_HEADER_ROW 3

/* Title and caption rows, print titles, frozen header (below WB_HEADER_ROW,
 * FREEZE_COLS columns). */
void wb_preamble(Sheet *s, const Stats *st, const char *title, const char *what, uint32_t freeze_cols);
/* The run described in one line: "as of 2025-08-27 · first-year window ·
 * attributed view (given attribution) · monthly periods". */
char *wb_run_line(const Stats *st);
/* Write the notes (NULL-terminated strings, may be empty) starting two rows
 * below row LAST; returns the row after the last note. */
uint32_t wb_notes(Sheet *s, uint32_t last, GPtrArray *notes);
/* Header cells HEADERS[0..n) in row R from column C. */
void wb_headers(Sheet *s, uint32_t r, uint32_t c, const char *const *headers, uint32_t n);
/* Colour of the I-th named series, and of Others and Unknown (0xRRGGBB). */
uint32_t wb_series_colour(int i);
uint32_t wb_others_colour(void);
uint32_t wb_unknown_colour(void);
/* Chart label interval for a period kind (a label a year). */
uint16_t wb_period_interval(PeriodKind k, uint32_t n_periods);

Sheet *wb_about(const Stats *st, GError **err);
Sheet *wb_table1(const Stats *st);
Sheet *wb_table2(const Stats *st);
Sheet *wb_sizes(const Stats *st);
Sheet *wb_leaderboards(const Stats *st);
Sheet *wb_shares(const Stats *st, bool national);
Sheet *wb_concentration(const Stats *st);
Sheet *wb_org_matrix(const Stats *st);

#endif
