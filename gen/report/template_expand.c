/*
 * template_expand.c - expanding a parsed template against the data model:
 * placeholders, conditions, loops, inline emphasis, and the grouping of
 * lines into headings, paragraphs and list items.
 */
#include <pango/pango.h>
#include <stdlib.h>
#include <string.h>

#include "../eoi.h"
#include "format.h"
#include "template.h"
#include "template_priv.h"

/* ---- paths -------------------------------------------------------------- */

typedef struct {
	const char *name;
	JsonNode *node;
} ScopeVar;

/* Step from NODE by one member name or index; NULL when absent. */
static JsonNode *step_member(JsonNode *node, const char *name, size_t len)
{
	if (!node || !JSON_NODE_HOLDS_OBJECT(node))
		return NULL;
	char *key = g_strndup(name, len);
	JsonObject *o = json_node_get_object(node);
	JsonNode *m = json_object_has_member(o, key) ? json_object_get_member(o, key) : NULL;
	g_free(key);
	return m;
}

static JsonNode *step_index(JsonNode *node, long idx)
{
	if (!node || !JSON_NODE_HOLDS_ARRAY(node))
		return NULL;
	JsonArray *a = json_node_get_array(node);
	long n = (long)json_array_get_length(a);
	if (idx < 0)
		idx += n;
	return idx >= 0 && idx < n ? json_array_get_element(a, (guint)idx) : NULL;
}

/* PATH in the innermost scope variable of its first name, else in ROOT. */
static JsonNode *resolve(JsonNode *root, const GArray *scope, const char *path)
{
	if (!template_path_valid(path))
		return NULL;
	const char *p = path;
	size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
	JsonNode *node = NULL;
	bool found = false;
	for (guint i = scope ? scope->len : 0; i-- > 0 && !found;) {
		const ScopeVar *v = &g_array_index(scope, ScopeVar, i);
		if (strlen(v->name) == len && strncmp(v->name, p, len) == 0) {
			node = v->node;
			found = true;
		}
	}
	if (!found)
		node = step_member(root, p, len);
	p += len;
	while (node && *p) {
		if (*p == '[') {
			char *end;
			long idx = strtol(p + 1, &end, 10);
			node = step_index(node, idx);
			p = end + 1;
		} else { /* '.' */
			p++;
			len = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
			node = step_member(node, p, len);
			p += len;
		}
	}
	return node;
}

JsonNode *template_resolve(JsonNode *root, const char *path)
{
	return resolve(root, NULL, path);
}

/* ---- the expander --------------------------------------------------------- */

/* Open inline styles, innermost last: 'b' (bold) or 'i' (italic). */
typedef struct {
	char open[4];
	int n;
} Emph;

typedef struct {
	const Template *t;
	JsonNode *root;
	GArray *scope; /* ScopeVar */
	TemplateDoc *doc;
	bool cover;
	/* the paragraph or list item being collected */
	GString *para;
	BlockKind para_kind;
	int para_line;
	Emph emph;
} Exp;

static bool fail(GError **err, const Exp *x, int line, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static bool fail(GError **err, const Exp *x, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: %s", x->t->name, line, msg);
	g_free(msg);
	return false;
}

static void emph_toggle(Emph *e, char tag, GString *out)
{
	int at = -1;
	for (int i = 0; i < e->n; i++)
		if (e->open[i] == tag)
			at = i;
	if (at < 0) {
		if (e->n < 3) {
			e->open[e->n++] = tag;
			g_string_append(out, tag == 'b' ? "<b>" : "<i>");
		}
		return;
	}
	/* Close down to TAG, then reopen what was inside it. */
	for (int i = e->n - 1; i >= at; i--)
		g_string_append(out, e->open[i] == 'b' ? "</b>" : "</i>");
	for (int i = at + 1; i < e->n; i++) {
		g_string_append(out, e->open[i] == 'b' ? "<b>" : "<i>");
		e->open[i - 1] = e->open[i];
	}
	e->n--;
}

static void emph_close(Emph *e, GString *out)
{
	while (e->n > 0)
		g_string_append(out, e->open[--e->n] == 'b' ? "</b>" : "</i>");
}

static void append_escaped(GString *out, const char *s, gssize len)
{
	char *esc = g_markup_escape_text(s, len);
	g_string_append(out, esc);
	g_free(esc);
}

/* Evaluate the placeholder INNER ("path | f | g") into OUT (escaped). */
static bool placeholder(Exp *x, const char *inner, int line, GString *out, GError **err)
{
	gchar **parts = g_strsplit(*inner ? inner : " ", "|", -1); /* "" splits into nothing */
	char *path = g_strstrip(parts[0]);
	JsonNode *node = resolve(x->root, x->scope, path);
	bool ok = true;
	if (!node) {
		ok = fail(err, x, line, "unknown placeholder \"%s\"", path);
		goto out;
	}
	FmtValue v = fmt_value_from_json(node);
	for (gchar **f = parts + 1; ok && *f; f++) {
		const char *why = NULL;
		g_strstrip(*f);
		if (!fmt_apply(*f, &v, &why))
			ok = fail(err, x, line, "filter \"%s\" %s in \"{{%s}}\"", *f, why, inner);
	}
	if (ok) {
		char *text = fmt_to_text(&v);
		append_escaped(out, text, -1);
		g_free(text);
	}
	fmt_value_clear(&v);
out:
	g_strfreev(parts);
	return ok;
}

static bool word_char(const char *s, const char *start, const char *at)
{
	return at >= start && *at && (g_ascii_isalnum(*at) || (unsigned char)*at >= 0x80);
}

/* Expand the text S of line LINE into Pango markup appended to OUT, with
 * **bold**, _italic_ and \-escapes, emphasis state in E. */
static bool inline_text(Exp *x, const char *s, int line, Emph *e, GString *out, GError **err)
{
	const char *p = s, *run = s;
	while (*p) {
		if (p[0] == '\\' && p[1] && strchr(TEMPLATE_ESCAPABLE, p[1])) {
			append_escaped(out, run, p - run);
			append_escaped(out, p + 1, 1);
			p += 2;
			run = p;
		} else if (p[0] == '{' && p[1] == '{') {
			append_escaped(out, run, p - run);
			const char *end = strstr(p + 2, "}}");
			if (!end) /* cannot happen: the parser checked every line */
				return fail(err, x, line, "\"{{\" without \"}}\"");
			char *inner = g_strndup(p + 2, (gsize)(end - p - 2));
			bool ok = placeholder(x, inner, line, out, err);
			g_free(inner);
			if (!ok)
				return false;
			p = end + 2;
			run = p;
		} else if (p[0] == '*' && p[1] == '*') {
			append_escaped(out, run, p - run);
			emph_toggle(e, 'b', out);
			p += 2;
			run = p;
		} else if (p[0] == '_' && (!word_char(p, s, p - 1) || !word_char(p, s, p + 1))) {
			append_escaped(out, run, p - run);
			emph_toggle(e, 'i', out);
			p++;
			run = p;
		} else {
			p++;
		}
	}
	append_escaped(out, run, p - run);
	return true;
}

/* ---- blocks --------------------------------------------------------------- */

static void block_free(gpointer p)
{
	Block *b = p;
	if (!b)
		return;
	g_free(b->markup);
	g_free(b->name);
	g_free(b);
}

void template_doc_free(TemplateDoc *d)
{
	if (!d)
		return;
	g_ptr_array_free(d->blocks, TRUE);
	g_free(d->header);
	g_free(d->title);
	g_free(d);
}

static Block *add_block(Exp *x, BlockKind kind, int line)
{
	Block *b = g_new0(Block, 1);
	b->kind = kind;
	b->line = line;
	b->cover = x->cover;
	g_ptr_array_add(x->doc->blocks, b);
	return b;
}

static void flush(Exp *x)
{
	if (!x->para)
		return;
	emph_close(&x->emph, x->para);
	char *text = g_strstrip(g_string_free(x->para, FALSE));
	x->para = NULL;
	if (*text) {
		Block *b = add_block(x, x->para_kind, x->para_line);
		b->markup = g_strdup(text);
	}
	g_free(text);
}

/* Markup of a one-line text (heading, caption, header). */
static char *inline_markup(Exp *x, const char *raw, int line, GError **err)
{
	Emph e = { { 0 }, 0 };
	GString *out = g_string_new(NULL);
	if (!inline_text(x, raw, line, &e, out, err)) {
		g_string_free(out, TRUE);
		return NULL;
	}
	emph_close(&e, out);
	return g_strstrip(g_string_free(out, FALSE));
}

static bool heading(Exp *x, const Node *n, int level, GError **err)
{
	flush(x);
	const char *raw = n->text + strspn(n->text, " \t") + level;
	char *m = inline_markup(x, raw, n->line, err);
	if (!m)
		return false;
	Block *b = add_block(x, BLK_HEADING, n->line);
	b->level = level;
	b->markup = m;
	if (level == 1 && !x->doc->title) {
		char *plain = NULL;
		if (pango_parse_markup(m, -1, 0, NULL, &plain, NULL, NULL))
			x->doc->title = plain;
	}
	return true;
}

static int heading_level(const char *t)
{
	t += strspn(t, " \t");
	int level = (int)strspn(t, "#");
	return level >= 1 && level <= 3 && (t[level] == ' ' || t[level] == '\t') ? level : 0;
}

static bool text_line(Exp *x, const Node *n, GError **err)
{
	int level = heading_level(n->text);
	if (level)
		return heading(x, n, level, err);
	const char *t = n->text;
	bool item = g_str_has_prefix(t + strspn(t, " \t"), "- ");
	if (item) {
		flush(x);
		t += strspn(t, " \t") + 2;
	}
	if (!x->para) {
		x->para = g_string_new(NULL);
		x->para_kind = item ? BLK_ITEM : BLK_PARA;
		x->para_line = n->line;
		x->emph.n = 0;
	} else if (!strchr(",.;:)!?", t[strspn(t, " \t")]) || !t[strspn(t, " \t")]) {
		g_string_append_c(x->para, ' '); /* a line opening with punctuation joins without one */
	}
	return inline_text(x, t + strspn(t, " \t"), n->line, &x->emph, x->para, err);
}

/* ---- nodes ------------------------------------------------------------------ */

static bool expand_list(Exp *x, const GPtrArray *nodes, GError **err);

static bool truthy(JsonNode *node)
{
	FmtValue v = fmt_value_from_json(node);
	bool yes = false;
	switch (v.kind) {
	case FMT_NULL: yes = false; break;
	case FMT_NUM: yes = v.num != 0 && v.num == v.num; break;
	case FMT_STR: yes = v.str[0] != '\0'; break;
	case FMT_BOOL: yes = v.flag; break;
	case FMT_ARRAY:
	case FMT_OBJECT: yes = v.num > 0; break;
	}
	fmt_value_clear(&v);
	return yes;
}

static JsonNode *loop_info(guint i, guint n)
{
	JsonBuilder *b = json_builder_new();
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "index");
	json_builder_add_int_value(b, i + 1);
	json_builder_set_member_name(b, "first");
	json_builder_add_boolean_value(b, i == 0);
	json_builder_set_member_name(b, "last");
	json_builder_add_boolean_value(b, i + 1 == n);
	json_builder_end_object(b);
	JsonNode *node = json_builder_get_root(b);
	g_object_unref(b);
	return node;
}

static bool expand_for(Exp *x, const Node *n, GError **err)
{
	JsonNode *list = resolve(x->root, x->scope, n->text);
	if (!list)
		return fail(err, x, n->line, "unknown placeholder \"%s\"", n->text);
	if (JSON_NODE_HOLDS_NULL(list))
		return true;
	if (!JSON_NODE_HOLDS_ARRAY(list))
		return fail(err, x, n->line, "{%% for %%} over \"%s\", which is not a list", n->text);
	JsonArray *a = json_node_get_array(list);
	guint len = json_array_get_length(a);
	if (n->limit > 0 && (guint)n->limit < len)
		len = (guint)n->limit;
	bool ok = true;
	for (guint i = 0; i < len && ok; i++) {
		JsonNode *info = loop_info(i, len);
		ScopeVar vars[2] = { { "loop", info }, { n->var, json_array_get_element(a, i) } };
		g_array_append_vals(x->scope, vars, 2);
		ok = expand_list(x, n->body, err);
		g_array_set_size(x->scope, x->scope->len - 2);
		json_node_unref(info);
	}
	return ok;
}

static bool expand_object(Exp *x, const Node *n, GError **err)
{
	flush(x);
	char *caption = NULL;
	if (n->caption && !(caption = inline_markup(x, n->caption, n->line + 1, err)))
		return false;
	Block *b = add_block(x, n->kind == N_FIGURE ? BLK_FIGURE : BLK_TABLE, n->line);
	b->name = g_strdup(n->text);
	b->markup = caption;
	return true;
}

static bool expand_node(Exp *x, const Node *n, GError **err)
{
	switch (n->kind) {
	case N_TEXT: return text_line(x, n, err);
	case N_BLANK: flush(x); return true;
	case N_IF: {
		bool yes = truthy(resolve(x->root, x->scope, n->text)) != n->negate;
		const GPtrArray *branch = yes ? n->body : n->alt;
		return branch ? expand_list(x, branch, err) : true;
	}
	case N_FOR: return expand_for(x, n, err);
	case N_FIGURE:
	case N_TABLE: return expand_object(x, n, err);
	case N_PAGEBREAK: flush(x); add_block(x, BLK_PAGEBREAK, n->line); return true;
	case N_COVER: {
		flush(x);
		bool was = x->cover;
		x->cover = true;
		bool ok = expand_list(x, n->body, err);
		flush(x);
		x->cover = was;
		return ok;
	}
	case N_HEADER: {
		char *m = inline_markup(x, n->text, n->line, err);
		if (!m)
			return false;
		g_free(x->doc->header);
		x->doc->header = m;
		return true;
	}
	}
	return true;
}

static bool expand_list(Exp *x, const GPtrArray *nodes, GError **err)
{
	for (guint i = 0; i < nodes->len; i++)
		if (!expand_node(x, g_ptr_array_index(nodes, i), err))
			return false;
	return true;
}

TemplateDoc *template_expand(const Template *t, JsonNode *root, GError **err)
{
	Exp x = { 0 };
	x.t = t;
	x.root = root;
	x.scope = g_array_new(FALSE, FALSE, sizeof(ScopeVar));
	x.doc = g_new0(TemplateDoc, 1);
	x.doc->blocks = g_ptr_array_new_with_free_func(block_free);
	bool ok = expand_list(&x, t->nodes, err);
	flush(&x);
	g_array_free(x.scope, TRUE);
	if (!ok) {
		template_doc_free(x.doc);
		return NULL;
	}
	return x.doc;
}
