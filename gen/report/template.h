/*
 * template.h - the report's template language (documented for analysts in
 * templates/README.md).
 *
 * A template is read once (template_load/template_parse: syntax, directive,
 * filter, figure and table names are checked) and expanded against a data
 * model, a JSON tree (template_expand: placeholders are resolved, conditions
 * and loops evaluated).  Expansion yields a flat list of blocks (headings,
 * paragraphs, list items, figures, tables, page breaks) whose text is Pango
 * markup, ready for the typesetter.  Any error is one line
 * "FILE:LINE: reason" with code EOI_EXIT_DATA, and happens before anything
 * is drawn or written.
 *
 * Ownership: template_free() releases a Template; template_doc_free() a
 * TemplateDoc and all its blocks.  The JSON root is only read.
 */
#ifndef EOI_REPORT_TEMPLATE_H
#define EOI_REPORT_TEMPLATE_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

typedef enum { BLK_HEADING, BLK_PARA, BLK_ITEM, BLK_FIGURE, BLK_TABLE, BLK_PAGEBREAK } BlockKind;

typedef struct {
	BlockKind kind;
	int level;     /* headings: 1..3 */
	char *markup;  /* heading, paragraph or item text; figure/table caption or NULL */
	char *name;    /* figure or table name */
	bool cover;    /* inside {% cover %} ... {% endcover %} */
	int line;      /* template line the block starts on */
} Block;

typedef struct {
	GPtrArray *blocks; /* Block*, owned */
	char *header;      /* running header (markup) from {% header ... %}, or NULL */
	char *title;       /* plain text of the first level-1 heading, or NULL */
} TemplateDoc;

/* Names the parser accepts in {% figure NAME %} and {% table NAME %}. */
typedef struct {
	bool (*figure_known)(const char *name, void *data);
	bool (*table_known)(const char *name, void *data);
	void *data;
} TemplateHooks;

typedef struct Template Template;

/* Parse the template file PATH (errors name PATH). */
Template *template_load(const char *path, const TemplateHooks *hooks, GError **err);
/* Parse TEXT; NAME stands for the file in error messages. */
Template *template_parse(const char *name, const char *text, const TemplateHooks *hooks, GError **err);
/* The file name used in messages (owned by T). */
const char *template_name(const Template *t);
void template_free(Template *t);

/* Expand T against ROOT (a JSON object).  NULL with ERR set on an unknown
 * placeholder, a filter that does not fit its value, or a loop over
 * something that is not a list. */
TemplateDoc *template_expand(const Template *t, JsonNode *root, GError **err);
void template_doc_free(TemplateDoc *d);

/* Resolve PATH ("a.b[0].c", "x[-1]") in ROOT; NULL when it does not
 * resolve.  The node belongs to ROOT. */
JsonNode *template_resolve(JsonNode *root, const char *path);

#endif
