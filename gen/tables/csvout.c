/*
 * csvout.c - RFC 4180 writer for sheets, on libcsv's csv_fwrite.
 */
#include "csvout.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool csvout_field(FILE *f, const char *text)
{
	size_t n = strlen(text);
	if (strpbrk(text, ",\"\r\n"))
		return csv_fwrite(f, text, n) == 0;
	return fwrite(text, 1, n, f) == n;
}

char *csvout_number(double v, char buf[static 32])
{
	if (v == 0) /* and -0 */
		v = 0;
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, 32, "%.0f", v);
		return buf;
	}
	for (int digits = 1; digits <= 17; digits++) {
		snprintf(buf, 32, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

const char *csvout_cell_text(const Cell *cell, char buf[static 32])
{
	switch (cell->type) {
	case CELL_TEXT:
		return cell->text;
	case CELL_NUMBER:
		return csvout_number(cell->num, buf);
	case CELL_DATE:
		return day_format(cell->day, buf);
	case CELL_BLANK:
		break;
	}
	return "";
}

bool csvout_sheet(const Sheet *s, FILE *f)
{
	uint32_t n_rows = sheet_n_rows(s);
	bool ok = true;
	for (uint32_t r = 0; r < n_rows && ok; r++) {
		for (uint32_t c = 0; c < s->n_cols && ok; c++) {
			char buf[32];
			if (c > 0)
				ok = fputc(',', f) != EOF;
			const char *text = csvout_cell_text(sheet_cell(s, r, c), buf);
			/* A record of one empty field would be an empty line,
			 * which readers take as no record: quote it. */
			if (s->n_cols == 1 && !*text)
				ok = ok && fputs("\"\"", f) != EOF;
			else
				ok = ok && csvout_field(f, text);
		}
		ok = ok && fputs("\r\n", f) != EOF;
	}
	return ok;
}
