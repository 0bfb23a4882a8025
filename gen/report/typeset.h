/*
 * typeset.h - page layout of the report with Pango and cairo: A4 or US
 * Letter pages, margins, a cover page, running header and page numbers
 * from page 2, headings kept with what follows, justified paragraphs split
 * across pages by line, list items, figures (SVG drawn as vectors, scaled
 * to the text width) and booktabs-style tables kept on one page (a table
 * taller than a page is split by rows, its header repeated).
 *
 * Blocks are added in reading order; ts_write() paginates them, draws every
 * page onto one cairo PDF surface (bundled fonts only, through TextEngine),
 * adds the PDF outline (headings) and metadata (title, author "eoi",
 * dates from SOURCE_DATE_EPOCH, so two runs are byte-identical) and writes
 * the file through a temporary name.
 *
 * Ownership: ts_free() releases the typesetter and everything added to it.
 * The TableSpec passed to ts_table() is only read during the call.
 */
#ifndef EOI_REPORT_TYPESET_H
#define EOI_REPORT_TYPESET_H

#include <glib.h>
#include <stdbool.h>

#include "tables.h"

typedef struct {
	bool letter;          /* US Letter instead of A4 */
	const char *title;    /* PDF metadata title (NULL: none) */
	const char *header;   /* running header, markup (NULL: none) */
} TypesetOptions;

typedef struct Typesetter Typesetter;

/* Load the theme (templates/theme.ini) and the bundled fonts.  NULL with
 * ERR set when a resource is missing or bad. */
Typesetter *ts_new(const TypesetOptions *o, GError **err);
void ts_free(Typesetter *ts);

/* Width of the text column in points. */
double ts_text_width(const Typesetter *ts);

/* Text blocks; MARKUP is Pango markup.  COVER: set on the cover page. */
void ts_heading(Typesetter *ts, int level, const char *markup, bool cover);
void ts_paragraph(Typesetter *ts, const char *markup, bool cover);
void ts_item(Typesetter *ts, const char *markup, bool cover);
/* A short note in italics (a figure or table that is not shown). */
void ts_note(Typesetter *ts, const char *markup);
void ts_pagebreak(Typesetter *ts);

/* The SVG file SVG_PATH at the text width with CAPTION (markup, may be
 * NULL) below.  False with ERR set when the SVG cannot be read. */
bool ts_figure(Typesetter *ts, const char *svg_path, const char *caption, GError **err);
/* Table T with CAPTION (markup, may be NULL) above it. */
void ts_table(Typesetter *ts, const TableSpec *t, const char *caption);

/* Paginate, draw and write the PDF to PATH (temporary file + rename).
 * *PAGES receives the page count (may be NULL). */
bool ts_write(Typesetter *ts, const char *path, int *pages, GError **err);

#endif
