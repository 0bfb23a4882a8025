/*
 * csv.h - the CSV reader: RFC 4180 text, plain or gzip-compressed, into a
 * DatasetBuilder.
 *
 * Cells mean what DESIGN.md §2.2 and §3.1 say: only an empty cell is
 * missing (`None`, `NA` are values); list entries are trimmed, other cells
 * are not.  Header names are matched through the column catalogue
 * (columns.h), so the release's names work as aliases.
 */
#ifndef EOI_CSV_H
#define EOI_CSV_H

#include <glib.h>
#include <stdbool.h>

#include "../data/dataset.h"
#include "columns.h"

/*
 * Read the CSV file PATH (plain or gzip-compressed, detected by content) as
 * an input of ROLE into B, and register it with dsb_begin_file() (format
 * "csv" or "csv.gz", its SHA-256 and data row count).  Streams: memory does
 * not grow with the file except through B.
 *
 * Errors: a missing or unreadable file fails with EOI_EXIT_NOINPUT
 * ("PATH: No such file or directory"); bad data with EOI_EXIT_DATA and a
 * one-line message "PATH:LINE:COLUMN: reason", LINE being the physical line
 * where the offending record starts and COLUMN the header name as written
 * (errors of a whole record, "PATH:LINE: reason", have no column).  A
 * field longer than 1 MiB, a record longer than 4 MiB, a header of more
 * than 10000 fields, text that is not UTF-8, a date outside
 * DAY_DATA_RANGE and a downloads table without data rows are errors.
 * On failure B may hold part of the file's rows: the caller discards it.
 */
bool csv_read_file(const char *path, FileRole role, DatasetBuilder *b, GError **err);

#endif
