/*
 * sheets.h - the tabular model both table writers render: a sheet is a grid
 * of typed cells (text, number with a display style, date), plus what turns
 * a grid into a spreadsheet (Excel tables over blocks, defined names,
 * frozen panes, charts, print titles).
 *
 * Every sheet of the workbook is built once as a Sheet; the XLSX writer
 * (workbook_xlsx.c) and the CSV writer (csvout.c) both render that one
 * Sheet, so the two cannot disagree.  Numbers are stored rounded to 16
 * significant digits, the precision libxlsxwriter writes into the file, so
 * the workbook, the CSV twin and a reader of either hold the same double.
 *
 * Ownership: a Sheet owns its cells, strings, tables, names and charts;
 * sheet_free() releases all of it.  Strings passed in are copied.
 */
#ifndef EOI_SHEETS_H
#define EOI_SHEETS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "../data/dates.h"

/* Excel's limits: characters in a cell, in a table's column header. */
#define SHEET_MAX_TEXT 32767
#define SHEET_MAX_HEADER 255

typedef enum { CELL_BLANK, CELL_TEXT, CELL_NUMBER, CELL_DATE } CellType;

/* How a cell looks: a text role or a number format. */
typedef enum {
	STYLE_PLAIN,     /* text, or a number in General format */
	STYLE_TITLE,     /* sheet title (overflows; not counted in widths) */
	STYLE_CAPTION,   /* what the numbers are (overflows) */
	STYLE_WARNING,   /* "Synthetic sample data" caption (overflows) */
	STYLE_SECTION,   /* section heading (overflows) */
	STYLE_NOTE,      /* note below a table (overflows) */
	STYLE_HEADER,    /* column header (wraps) */
	STYLE_LABEL,     /* bold label of a key/value row */
	STYLE_PARAGRAPH, /* wrapped prose */
	STYLE_INT,       /* #,##0 */
	STYLE_YEAR,      /* 0 */
	STYLE_DECIMAL,   /* 0.000 */
	STYLE_STATISTIC, /* #,##0.00 */
	STYLE_PERCENT,   /* 0.0% */
	STYLE_PARAMS,    /* 1.2B / 350.0M / 12,000 */
	STYLE_PVALUE,    /* 0.00E+00 */
	STYLE_GROWTH,    /* 17.0× */
	STYLE_DATE,      /* yyyy-mm-dd */
	STYLE_COUNT
} CellStyle;

typedef struct {
	CellType type;
	CellStyle style;
	double num;  /* CELL_NUMBER */
	Day day;     /* CELL_DATE */
	char *text;  /* CELL_TEXT */
} Cell;

/* A block: header row FIRST_ROW, data rows below; an Excel table. */
typedef struct {
	char *name; /* Excel table name, e.g. "Table1_shifts" */
	uint32_t first_row, first_col, last_row, last_col;
} SheetTable;

/* A defined name for a range of the sheet. */
typedef struct {
	char *name;
	uint32_t first_row, first_col, last_row, last_col;
} SheetName;

/* Kinds of chart: 100 % stacked area (shares), line, 100 % stacked bar,
 * scatter with lines and markers (x numeric). */
typedef enum { CHART_AREA_PERCENT, CHART_LINE, CHART_BAR_PERCENT, CHART_SCATTER_LINE } ChartKind;

typedef struct {
	uint32_t name_row, name_col;   /* cell holding the series name */
	uint32_t cat_col;              /* categories: CAT_COL, rows FIRST..LAST */
	uint32_t val_col;              /* values: VAL_COL, rows FIRST..LAST */
	uint32_t first_row, last_row;
	uint32_t colour;               /* 0xRRGGBB */
	bool dashed;
} ChartSeries;

typedef struct {
	ChartKind kind;
	char *title;
	char *y_title;
	char *y_format;     /* number format of the value axis */
	double y_max;       /* NAN: automatic */
	bool y_log;
	uint16_t x_interval;/* label every N categories; 0: automatic */
	uint32_t row, col;  /* anchor cell */
	uint32_t width_px, height_px;
	GArray *series;     /* ChartSeries */
} SheetChart;

typedef struct {
	char *name;        /* worksheet name (<= 31 chars) */
	char *slug;        /* CSV file name without ".csv" */
	char *print_title; /* page header when printed */
	char *print_note;  /* page footer when printed */
	GPtrArray *rows;   /* GArray of Cell per row (may be shorter) */
	uint32_t n_cols;   /* widest row */
	uint32_t freeze_row, freeze_col; /* 0: none */
	uint32_t repeat_rows;            /* rows 0..N-1 print on every page; 0: none */
	bool hide_gridlines;
	bool left_numbers; /* numbers and dates aligned left, top (key/value sheets) */
	double *width;     /* per column, Excel character units; sheet_fit_columns() */
	GArray *fixed_width; /* double per column, 0: fit to content */
	GArray *tables;    /* SheetTable */
	GArray *names;     /* SheetName */
	GPtrArray *charts; /* SheetChart* */
} Sheet;

Sheet *sheet_new(const char *name, const char *slug);
void sheet_free(Sheet *s);

/* Number of rows (the last row with a cell, plus one). */
uint32_t sheet_n_rows(const Sheet *s);
/* The cell at (R, C); a blank cell when nothing was written there. */
const Cell *sheet_cell(const Sheet *s, uint32_t r, uint32_t c);

/* Write a cell (replacing what was there).  TEXT NULL writes a blank; text
 * is made valid UTF-8 and cut to SHEET_MAX_TEXT characters.  A
 * number that is NaN or infinite writes a blank and returns false (callers
 * that must explain blanks note it). */
void sheet_text(Sheet *s, uint32_t r, uint32_t c, const char *text, CellStyle style);
bool sheet_number(Sheet *s, uint32_t r, uint32_t c, double v, CellStyle style);
void sheet_date(Sheet *s, uint32_t r, uint32_t c, Day day);

/* V rounded to 16 significant digits, the value the workbook stores. */
double sheet_canonical(double v);

/*
 * Declare an Excel table over rows FIRST_ROW (header) .. LAST_ROW and
 * columns FIRST_COL .. LAST_COL.  Header cells are made non-empty and
 * unique, case-insensitively as Excel wants ("Qwen", "qwen (2)"), in the
 * grid itself so every writer shows the same text.  Returns false (and
 * declares nothing) when the block has no data row.  Headers are cut to
 * fit SHEET_MAX_HEADER with their " (N)" suffix.
 */
bool sheet_add_table(Sheet *s, const char *name, uint32_t first_row, uint32_t first_col, uint32_t last_row,
		     uint32_t last_col);
void sheet_add_name(Sheet *s, const char *name, uint32_t first_row, uint32_t first_col, uint32_t last_row,
		    uint32_t last_col);
/* A new chart anchored at (ROW, COL); the sheet owns it. */
SheetChart *sheet_add_chart(Sheet *s, ChartKind kind, const char *title, uint32_t row, uint32_t col);
void sheet_chart_series(SheetChart *c, const ChartSeries *series);

/* Column widths that fit the content: each column as wide as its widest
 * cell as displayed (titles, captions, notes and sections overflow and are
 * not counted; headers wrap beyond 24 characters), within [6, 60];
 * widths set with sheet_set_width() stay. */
void sheet_fit_columns(Sheet *s);
/* Fix column C's width to WIDTH characters (sheet_fit_columns keeps it). */
void sheet_set_width(Sheet *s, uint32_t c, double width);
/* Lines a wrapped cell takes in a column WIDTH characters wide. */
uint32_t sheet_wrapped_lines(const char *text, double width);

/* Display width of a cell in characters (estimate for column widths). */
double sheet_cell_width(const Cell *cell);

#endif
