/*
 * workbook.h - the tables for policy teams: an Excel workbook
 * (eoi-tables.xlsx, written with libxlsxwriter) and one CSV twin per sheet,
 * both rendered from the same sheets built from Stats (sheets.h), so every
 * number agrees with `eoi stats --json` to 16 significant digits.
 *
 * Sheets (CSV file names in brackets): About [about.csv], Table 1
 * [table1.csv], Table 2 [table2.csv], Leaderboards [leaderboards.csv],
 * Developer shares [developer_shares.csv], National shares
 * [national_shares.csv], Concentration [concentration.csv], Org type by
 * nation [org_type_by_nation.csv], Sizes [sizes.csv].
 */
#ifndef EOI_WORKBOOK_H
#define EOI_WORKBOOK_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

#include "../stats/stats.h"
#include "sheets.h"

#define WORKBOOK_FILE "eoi-tables.xlsx"

/*
 * Build every sheet of the workbook from ST, in workbook order.  The
 * About sheet's prose comes from templates/about.txt (found with
 * eoi_resource_path()).  Returns a GPtrArray of Sheet* that frees its
 * elements (g_ptr_array_unref), or NULL with ERR set when the template
 * cannot be read (EOI_EXIT_NOINPUT) or is malformed (EOI_EXIT_DATA).
 */
GPtrArray *workbook_build(const Stats *st, GError **err);

/*
 * Write SHEETS as an XLSX workbook to PATH.  CREATED (seconds since the
 * epoch) is the creation time stored in the document properties, so equal
 * inputs give byte-identical files.  ST supplies the document properties.
 * Fails with libxlsxwriter's reason: EOI_EXIT_CANTCREAT when the file
 * cannot be created, EOI_EXIT_IO when writing it fails, EOI_EXIT_SOFTWARE
 * when libxlsxwriter refuses part of a sheet (a bug in the sheet model).
 */
bool workbook_write_xlsx(GPtrArray *sheets, const Stats *st, const char *path, gint64 created, GError **err);

/*
 * Write the workbook and the CSV twins of ST into OUT_DIR (created when
 * missing): OUT_DIR/eoi-tables.xlsx and OUT_DIR/<slug>.csv per sheet.
 * Every file is written under a temporary name in OUT_DIR and renamed only
 * when all were written, so a failed run leaves the previous outputs.  The
 * creation time in the workbook is $SOURCE_DATE_EPOCH when set, else the
 * as-of date.  LOG, when not NULL, receives one "eoi: wrote PATH" line per
 * file.  Errors: EOI_EXIT_CANTCREAT (folder or file cannot be created),
 * EOI_EXIT_IO (write failed), those of workbook_build().
 */
bool tables_write(const Stats *st, const char *out_dir, FILE *log, GError **err);

#endif
