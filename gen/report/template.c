/*
 * template.c - reading a report template: comments, directives and the
 * syntax of placeholders (the expansion is in template_expand.c).
 */
#include "template.h"

#include <string.h>

#include "../eoi.h"
#include "format.h"
#include "template_priv.h"

/* ---- nodes ---------------------------------------------------------------- */

static void node_free(gpointer p)
{
	Node *n = p;
	if (!n)
		return;
	g_free(n->text);
	g_free(n->caption);
	g_free(n->var);
	if (n->body)
		g_ptr_array_free(n->body, TRUE);
	if (n->alt)
		g_ptr_array_free(n->alt, TRUE);
	g_free(n);
}

static GPtrArray *node_list(void)
{
	return g_ptr_array_new_with_free_func(node_free);
}

static Node *node_new(NodeKind kind, int line)
{
	Node *n = g_new0(Node, 1);
	n->kind = kind;
	n->line = line;
	return n;
}

void template_free(Template *t)
{
	if (!t)
		return;
	g_free(t->name);
	if (t->nodes)
		g_ptr_array_free(t->nodes, TRUE);
	g_free(t);
}

const char *template_name(const Template *t)
{
	return t->name;
}

/* ---- placeholders ------------------------------------------------------- */

static bool is_name_start(char c)
{
	return g_ascii_isalpha(c) || c == '_';
}

static bool is_name_char(char c)
{
	return g_ascii_isalnum(c) || c == '_';
}

bool template_path_valid(const char *s)
{
	const char *p = s;
	for (;;) {
		if (!is_name_start(*p))
			return false;
		while (is_name_char(*p))
			p++;
		while (*p == '[') {
			p++;
			if (*p == '-')
				p++;
			if (!g_ascii_isdigit(*p))
				return false;
			while (g_ascii_isdigit(*p))
				p++;
			if (*p++ != ']')
				return false;
		}
		if (*p == '\0')
			return true;
		if (*p++ != '.')
			return false;
	}
}

bool template_check_placeholders(const char *text, char **why)
{
	const char *p = text;
	while (*p) {
		if (p[0] == '\\' && p[1] && strchr(TEMPLATE_ESCAPABLE, p[1])) {
			p += 2; /* the same escapes as the expansion */
			continue;
		}
		if (p[0] != '{' || p[1] != '{') {
			p++;
			continue;
		}
		const char *end = strstr(p + 2, "}}");
		if (!end) {
			*why = g_strdup("\"{{\" without \"}}\"");
			return false;
		}
		char *inner = g_strndup(p + 2, (gsize)(end - p - 2));
		gchar **parts = g_strsplit(*inner ? inner : " ", "|", -1); /* "" splits into nothing */
		bool ok = true;
		char *path = g_strstrip(parts[0]);
		if (!template_path_valid(path)) {
			*why = g_strdup_printf("unknown placeholder \"%s\"", path);
			ok = false;
		}
		for (gchar **f = parts + 1; ok && *f; f++) {
			g_strstrip(*f);
			if (!fmt_filter_known(*f)) {
				*why = g_strdup_printf("unknown filter \"%s\" in \"{{%s}}\"", *f, inner);
				ok = false;
			}
		}
		g_strfreev(parts);
		g_free(inner);
		if (!ok)
			return false;
		p = end + 2;
	}
	return true;
}

/* ---- lines and comments --------------------------------------------------- */

typedef struct {
	const char *name;
	char **lines;   /* comments removed */
	bool *skip;     /* line held only a comment */
	int n;
	int i;          /* next line to read (0-based) */
	const TemplateHooks *hooks;
} Parser;

static bool fail(GError **err, const Parser *p, int line, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static bool fail(GError **err, const Parser *p, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: %s", p->name, line, msg);
	g_free(msg);
	return false;
}

/* Split TEXT into lines and cut out every {# ... #} (which may span
 * lines).  A line left blank by a comment is skipped, not a blank line. */
static bool split_lines(Parser *p, const char *text, GError **err)
{
	gchar **raw = g_strsplit(text, "\n", -1);
	p->n = (int)g_strv_length(raw);
	if (p->n > 0 && raw[p->n - 1][0] == '\0')
		p->n--; /* the newline ending the last line */
	p->lines = g_new0(char *, p->n + 1);
	p->skip = g_new0(bool, p->n + 1);
	bool in_comment = false;
	int comment_line = 0;
	for (int i = 0; i < p->n; i++) {
		GString *out = g_string_new(NULL);
		bool had_comment = in_comment;
		for (const char *c = raw[i]; *c; c++) {
			if (in_comment) {
				if (c[0] == '#' && c[1] == '}') {
					in_comment = false;
					c++;
				}
			} else if (c[0] == '{' && c[1] == '#') {
				in_comment = had_comment = true;
				comment_line = i + 1;
				c++;
			} else if (*c != '\r') {
				g_string_append_c(out, *c);
			}
		}
		had_comment |= in_comment;
		p->skip[i] = had_comment && out->str[strspn(out->str, " \t")] == '\0';
		if (p->skip[i]) {
			g_string_free(out, TRUE);
			p->lines[i] = g_strdup("");
		} else {
			p->lines[i] = g_string_free(out, FALSE);
		}
	}
	g_strfreev(raw);
	if (in_comment)
		return fail(err, p, comment_line, "\"{#\" without \"#}\"");
	return true;
}

/* ---- directives --------------------------------------------------------- */

/* If LINE is a directive ("{% name args %}" alone on its line), its name
 * and arguments (newly allocated); else false. */
static bool directive(const char *line, char **name, char **args)
{
	char *t = g_strstrip(g_strdup(line));
	size_t len = strlen(t);
	if (len < 4 || strncmp(t, "{%", 2) != 0 || strcmp(t + len - 2, "%}") != 0) {
		g_free(t);
		return false;
	}
	t[len - 2] = '\0';
	char *inner = g_strstrip(t + 2);
	size_t k = strcspn(inner, " \t");
	*name = g_strndup(inner, k);
	*args = g_strstrip(g_strdup(inner + k));
	g_free(t);
	return true;
}

static bool parse_nodes(Parser *p, GPtrArray *out, const char *const *stops, char **stopped, int opener,
			const char *opener_name, GError **err);

/* "if [not] PATH" */
static bool parse_if(Parser *p, Node *n, const char *args, GError **err)
{
	const char *path = args;
	if (g_str_has_prefix(args, "not ") || g_str_has_prefix(args, "not\t")) {
		n->negate = true;
		path = args + 4;
		while (*path == ' ' || *path == '\t')
			path++;
	}
	if (!template_path_valid(path))
		return fail(err, p, n->line, "unknown placeholder \"%s\" in {%% if %%}", path);
	n->text = g_strdup(path);
	n->body = node_list();
	char *stop = NULL;
	static const char *const stops[] = { "else", "endif", NULL };
	if (!parse_nodes(p, n->body, stops, &stop, n->line, "if", err)) {
		g_free(stop); /* set when the stop directive had an argument */
		return false;
	}
	bool ok = true;
	if (strcmp(stop, "else") == 0) {
		static const char *const end[] = { "endif", NULL };
		char *stop2 = NULL;
		n->alt = node_list();
		ok = parse_nodes(p, n->alt, end, &stop2, n->line, "if", err);
		g_free(stop2);
	}
	g_free(stop);
	return ok;
}

/* "for VAR in PATH [limit N]" */
static bool parse_for(Parser *p, Node *n, const char *args, GError **err)
{
	gchar **w = g_strsplit_set(args, " \t", -1);
	GPtrArray *words = g_ptr_array_new();
	for (gchar **x = w; *x; x++)
		if (**x)
			g_ptr_array_add(words, *x);
	guint nw = words->len;
	char **v = (char **)words->pdata;
	bool ok = (nw == 3 || nw == 5) && strcmp(v[1], "in") == 0 && template_path_valid(v[0]) &&
		  !strchr(v[0], '.') && !strchr(v[0], '[') && template_path_valid(v[2]);
	char *end = NULL;
	if (ok && nw == 5) {
		gint64 lim = g_ascii_strtoll(v[4], &end, 10);
		ok = strcmp(v[3], "limit") == 0 && *end == '\0' && lim > 0 && lim < 100000;
		n->limit = ok ? (int)lim : 0;
	}
	if (ok) {
		n->var = g_strdup(v[0]);
		n->text = g_strdup(v[2]);
	}
	g_ptr_array_free(words, TRUE);
	g_strfreev(w);
	if (!ok)
		return fail(err, p, n->line, "bad {%% for %s %%} (want {%% for NAME in PATH [limit N] %%})", args);
	n->body = node_list();
	char *stop = NULL;
	static const char *const stops[] = { "endfor", NULL };
	ok = parse_nodes(p, n->body, stops, &stop, n->line, "for", err);
	g_free(stop);
	return ok;
}

static bool simple_name(const char *s)
{
	if (!*s)
		return false;
	for (const char *c = s; *c; c++)
		if (!is_name_char(*c) && *c != '-')
			return false;
	return true;
}

/* figure/table NAME, and the caption line ": ..." that may follow. */
static bool parse_object(Parser *p, Node *n, const char *kind, const char *args, GError **err)
{
	const TemplateHooks *h = p->hooks;
	bool figure = n->kind == N_FIGURE;
	bool known = simple_name(args) && (figure ? (!h || !h->figure_known || h->figure_known(args, h->data))
						  : (!h || !h->table_known || h->table_known(args, h->data)));
	if (!known)
		return fail(err, p, n->line, "unknown %s \"%s\"", kind, args);
	n->text = g_strdup(args);
	if (p->i < p->n && !p->skip[p->i]) {
		const char *next = p->lines[p->i];
		if (next[0] == ':' && (next[1] == ' ' || next[1] == '\0')) {
			char *why = NULL;
			if (!template_check_placeholders(next, &why)) {
				fail(err, p, p->i + 1, "%s", why);
				g_free(why);
				return false;
			}
			n->caption = g_strstrip(g_strdup(next + 1));
			p->i++;
		}
	}
	return true;
}

/* One directive at line LINE; appends its node to OUT. */
static bool parse_directive(Parser *p, GPtrArray *out, const char *name, const char *args, int line,
			    GError **err)
{
	Node *n = node_new(N_TEXT, line);
	g_ptr_array_add(out, n);
	if (strcmp(name, "if") == 0) {
		n->kind = N_IF;
		return parse_if(p, n, args, err);
	}
	if (strcmp(name, "for") == 0) {
		n->kind = N_FOR;
		return parse_for(p, n, args, err);
	}
	if (strcmp(name, "figure") == 0 || strcmp(name, "table") == 0) {
		n->kind = name[0] == 'f' ? N_FIGURE : N_TABLE;
		return parse_object(p, n, name, args, err);
	}
	if (strcmp(name, "header") == 0) {
		char *why = NULL;
		n->kind = N_HEADER;
		n->text = g_strdup(args);
		if (!template_check_placeholders(args, &why)) {
			fail(err, p, line, "%s", why);
			g_free(why);
			return false;
		}
		return true;
	}
	if ((strcmp(name, "pagebreak") == 0 || strcmp(name, "cover") == 0) && *args)
		return fail(err, p, line, "{%% %s %%} takes no argument", name);
	if (strcmp(name, "pagebreak") == 0) {
		n->kind = N_PAGEBREAK;
		return true;
	}
	if (strcmp(name, "cover") == 0) {
		static const char *const stops[] = { "endcover", NULL };
		char *stop = NULL;
		n->kind = N_COVER;
		n->body = node_list();
		bool ok = parse_nodes(p, n->body, stops, &stop, line, "cover", err);
		g_free(stop);
		return ok;
	}
	return fail(err, p, line, "unknown directive \"%s\"", name);
}

/*
 * Read nodes into OUT until a directive named in STOPS (returned in
 * *STOPPED) or the end of the file (an error when STOPS is not empty:
 * OPENER_NAME at line OPENER is not closed).
 */
static bool parse_nodes(Parser *p, GPtrArray *out, const char *const *stops, char **stopped, int opener,
			const char *opener_name, GError **err)
{
	while (p->i < p->n) {
		int line = p->i + 1;
		const char *text = p->lines[p->i++];
		if (p->skip[line - 1])
			continue;
		char *name = NULL, *args = NULL;
		if (directive(text, &name, &args)) {
			bool is_stop = false;
			for (const char *const *s = stops; s && *s; s++)
				is_stop |= strcmp(name, *s) == 0;
			bool ok;
			if (is_stop) {
				*stopped = name;
				ok = *args ? fail(err, p, line, "{%% %s %%} takes no argument", name) : true;
				g_free(args);
				return ok;
			}
			if (strcmp(name, "else") == 0 || g_str_has_prefix(name, "end"))
				ok = fail(err, p, line, "{%% %s %%} without its opening directive", name);
			else
				ok = parse_directive(p, out, name, args, line, err);
			g_free(name);
			g_free(args);
			if (!ok)
				return false;
			continue;
		}
		if (strstr(text, "{%"))
			return fail(err, p, line, "a directive must stand alone on its line");
		char *why = NULL;
		if (!template_check_placeholders(text, &why)) {
			fail(err, p, line, "%s", why);
			g_free(why);
			return false;
		}
		bool blank = text[strspn(text, " \t")] == '\0';
		Node *n = node_new(blank ? N_BLANK : N_TEXT, line);
		n->text = g_strchomp(g_strdup(text));
		g_ptr_array_add(out, n);
	}
	if (stops && stops[0])
		return fail(err, p, opener, "{%% %s %%} is not closed", opener_name);
	return true;
}

Template *template_parse(const char *name, const char *text, const TemplateHooks *hooks, GError **err)
{
	Parser p = { name, NULL, NULL, 0, 0, hooks };
	Template *t = g_new0(Template, 1);
	t->name = g_strdup(name);
	t->nodes = node_list();
	bool ok = split_lines(&p, text, err) && parse_nodes(&p, t->nodes, NULL, NULL, 0, NULL, err);
	for (int i = 0; i < p.n; i++)
		g_free(p.lines[i]);
	g_free(p.lines);
	g_free(p.skip);
	if (!ok) {
		template_free(t);
		return NULL;
	}
	return t;
}

Template *template_load(const char *path, const TemplateHooks *hooks, GError **err)
{
	char *text = NULL;
	GError *e = NULL;
	if (!g_file_get_contents(path, &text, NULL, &e)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: %s", path, eoi_file_error_reason(e));
		g_error_free(e);
		return NULL;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: not UTF-8 text", path);
		g_free(text);
		return NULL;
	}
	Template *t = template_parse(path, text, hooks, err);
	g_free(text);
	return t;
}
