/*
 * template_priv.h - the parsed form of a template, shared by the parser
 * (template.c) and the expander (template_expand.c).  Not for other files.
 */
#ifndef EOI_REPORT_TEMPLATE_PRIV_H
#define EOI_REPORT_TEMPLATE_PRIV_H

#include "template.h"

typedef enum {
	N_TEXT,      /* a line of text (placeholders inside) */
	N_BLANK,     /* an empty line: ends a paragraph */
	N_IF,        /* {% if [not] PATH %} body {% else %} alt {% endif %} */
	N_FOR,       /* {% for VAR in PATH [limit N] %} body {% endfor %} */
	N_FIGURE,    /* {% figure NAME %} (+ caption line) */
	N_TABLE,     /* {% table NAME %} (+ caption line) */
	N_PAGEBREAK, /* {% pagebreak %} */
	N_COVER,     /* {% cover %} body {% endcover %} */
	N_HEADER,    /* {% header TEXT %} */
} NodeKind;

typedef struct Node {
	NodeKind kind;
	int line;
	char *text;    /* TEXT, HEADER: the raw text; FIGURE/TABLE: the name; IF/FOR: the path */
	char *caption; /* FIGURE/TABLE: raw caption text (after ": "), or NULL */
	bool negate;   /* IF: {% if not ... %} */
	char *var;     /* FOR: loop variable */
	int limit;     /* FOR: at most this many iterations (0: all) */
	GPtrArray *body, *alt; /* Node* children (IF, FOR, COVER); alt: IF's else */
} Node;

struct Template {
	char *name;
	GPtrArray *nodes; /* Node*, top level */
};

/* Characters a backslash makes literal. */
#define TEMPLATE_ESCAPABLE "\\*_{}#-:"

/* Check the placeholders of a text line: closed braces, path syntax, known
 * filters.  False with *WHY (newly allocated) naming the problem. */
bool template_check_placeholders(const char *text, char **why);

/* Is S a well-formed path ("a.b[0]", "x[-1].y")? */
bool template_path_valid(const char *s);

#endif
