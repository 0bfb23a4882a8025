/*
 * csvout.h - the CSV twin of a sheet: RFC 4180 text written with libcsv's
 * writer.
 *
 * A sheet's CSV holds exactly its cells, row by row: every record has as
 * many fields as the sheet's widest row (blank cells are empty fields),
 * records end in CRLF, text is UTF-8 without a byte-order mark.  A field is
 * quoted (by csv_fwrite) only when it holds a comma, a double quote, CR or
 * LF, or when it is the empty only field of a record (written "", since an
 * empty line is no record to most readers).  Numbers are written with the fewest significant digits that read
 * back as the same double, whole numbers below 10^15 without an exponent
 * ("0.25", "18628670", "1.5e-05", "4.453199873291189e-111");
 * percentages stay fractions (0.234 for 23.4 %); dates are "YYYY-MM-DD".
 */
#ifndef EOI_CSVOUT_H
#define EOI_CSVOUT_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

#include "sheets.h"

/* Write one field (no separator) to F, quoted when it must be.  Returns
 * false on a write error. */
bool csvout_field(FILE *f, const char *text);
/* The shortest decimal that reads back (strtod) as V, into BUF (32 bytes);
 * V must be finite.  Returns BUF. */
char *csvout_number(double v, char buf[static 32]);
/* The text of a cell as its CSV field (BUF holds numbers and dates);
 * "" for a blank cell.  Returns a pointer into the cell or BUF. */
const char *csvout_cell_text(const Cell *cell, char buf[static 32]);
/* Write the whole of S to F.  Returns false on a write error. */
bool csvout_sheet(const Sheet *s, FILE *f);

#endif
