/*
 * test_template.c - the report's template language: text, placeholders,
 * filters, if/for, directives, and one-line errors naming file and line.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "eoi.h"
#include "report/format.h"
#include "report/template.h"
#include "tk.h"

static const char *const model_json =
	"{ \"org\": { \"name\": \"Acme & Co\", \"share\": 0.43152, \"neg\": -0.0551, \"tiny\": -0.0004 },"
	"  \"list\": [ { \"name\": \"a\" }, { \"name\": \"b\" }, { \"name\": \"c\" } ],"
	"  \"empty\": [], \"nothing\": null, \"zero\": 0, \"yes\": true, \"text\": \"\","
	"  \"day\": \"2025-08-27\", \"big\": 191912929, \"params\": 1640000000.0,"
	"  \"p\": 4e-9, \"hhi\": 0.27778, \"grow\": 10.96 }";

static bool known_figure(const char *name, void *data)
{
	return strcmp(name, "fig2") == 0;
}

static bool known_table(const char *name, void *data)
{
	return strcmp(name, "table1") == 0;
}

static const TemplateHooks hooks = { known_figure, known_table, NULL };

/* Expand TEXT against the model; NULL with *ERR set on failure. */
static TemplateDoc *expand(const char *text, GError **err)
{
	Template *t = template_parse("t.tmpl", text, &hooks, err);
	if (!t)
		return NULL;
	JsonNode *root = json_from_string(model_json, NULL);
	TemplateDoc *d = template_expand(t, root, err);
	json_node_unref(root);
	template_free(t);
	return d;
}

static const Block *block(const TemplateDoc *d, guint i)
{
	return d && i < d->blocks->len ? g_ptr_array_index(d->blocks, i) : NULL;
}

/* The markup of the single paragraph TEXT expands to. */
static char *one_para(const char *text)
{
	GError *err = NULL;
	TemplateDoc *d = expand(text, &err);
	char *m = NULL;
	if (!d)
		m = g_strdup_printf("error: %s", err->message);
	else if (d->blocks->len != 1)
		m = g_strdup_printf("%u blocks", d->blocks->len);
	else
		m = g_strdup(block(d, 0)->markup);
	g_clear_error(&err);
	template_doc_free(d);
	return m;
}

#define PARA_IS(text, want)                    \
	do {                                   \
		char *got_ = one_para(text);   \
		TK_EQ_STR(got_, want);         \
		g_free(got_);                  \
	} while (0)

/* The error message of TEXT (expected to fail with EOI_EXIT_DATA). */
static char *error_of(const char *text)
{
	GError *err = NULL;
	TemplateDoc *d = expand(text, &err);
	char *m = d ? g_strdup("(no error)") : g_strdup(err->message);
	if (!d && err->code != EOI_EXIT_DATA)
		printf("FAIL error code %d for: %s\n", err->code, text);
	g_clear_error(&err);
	template_doc_free(d);
	return m;
}

#define ERROR_IS(text, want)                  \
	do {                                  \
		char *got_ = error_of(text);  \
		TK_EQ_STR(got_, want);        \
		g_free(got_);                 \
	} while (0)

static void test_text_and_emphasis(void)
{
	GError *err = NULL;
	TemplateDoc *d = expand("# Report for {{ org.name }}\n\nHello **{{ org.name }}** and _you_,\n"
				"second line.\n\n## Next\n- one _item_\n  goes on\n- two\n\nEnd\n",
				&err);
	TK_CHECK(d != NULL);
	if (!d)
		return;
	TK_EQ_INT(d->blocks->len, 6);
	TK_EQ_INT(block(d, 0)->kind, BLK_HEADING);
	TK_EQ_INT(block(d, 0)->level, 1);
	TK_EQ_STR(block(d, 0)->markup, "Report for Acme &amp; Co");
	TK_EQ_STR(d->title, "Report for Acme & Co");
	TK_EQ_INT(block(d, 1)->kind, BLK_PARA);
	TK_EQ_STR(block(d, 1)->markup, "Hello <b>Acme &amp; Co</b> and <i>you</i>, second line.");
	TK_EQ_INT(block(d, 2)->level, 2);
	TK_EQ_INT(block(d, 3)->kind, BLK_ITEM);
	TK_EQ_STR(block(d, 3)->markup, "one <i>item</i> goes on");
	TK_EQ_INT(block(d, 4)->kind, BLK_ITEM);
	TK_EQ_STR(block(d, 5)->markup, "End");
	TK_EQ_INT(block(d, 5)->line, 11);
	template_doc_free(d);
	/* Escapes, snake_case, markup characters, unbalanced emphasis. */
	PARA_IS("a \\*\\*b\\*\\* snake_case x<y", "a **b** snake_case x&lt;y");
	PARA_IS("**open _both", "<b>open <i>both</i></b>");
	PARA_IS("**a _b** c_", "<b>a <i>b</i></b><i> c</i>");
}

static void test_filters(void)
{
	PARA_IS("{{ org.share | pct0 }} {{ org.share | pct1 }} {{ org.share | pct2 }}", "43% 43.2% 43.15%");
	PARA_IS("{{ org.neg | pp }} {{ org.neg | ppabs }} {{ org.share | pp }} {{ org.tiny | pp }}",
		"\xe2\x88\x92" "5.5 pp 5.5 pp +43.2 pp 0.0 pp");
	PARA_IS("{{ org.neg | updown }} {{ org.share | updown }} {{ org.tiny | updown }}", "fell rose was unchanged");
	PARA_IS("{{ big | thousands }} {{ big | compact }} {{ params | params }} {{ hhi | hhi }}",
		"191,912,929 192M 1.64B 2,778");
	PARA_IS("{{ hhi | num3 }} {{ org.neg | signed3 }} {{ org.neg | abs | num2 }} {{ grow | times }}",
		"0.278 \xe2\x88\x92" "0.055 0.06 \xc3\x97" "11.0");
	PARA_IS("{{ p | pvalue }} {{ day | date }} {{ day | quarter }} {{ org.name | upper }}",
		"&lt;0.001 27 August 2025 2025 Q3 ACME &amp; CO");
	PARA_IS("{{ list | count }} {{ nothing | pct1 }} {{ big }} {{ org.share }} {{ list[-1].name }}",
		"3 n/a 191912929 0.43152 c");
	PARA_IS("{{ yes | yesno }} {{ zero | yesno }}", "yes no");
	/* Straight through fmt_apply. */
	FmtValue v = { FMT_NUM, 0.125, NULL, false };
	const char *why = NULL;
	TK_CHECK(fmt_apply("pct1", &v, &why));
	char *s = fmt_to_text(&v);
	TK_EQ_STR(s, "12.5%");
	g_free(s);
	TK_CHECK(!fmt_apply("pct1", &v, &why)); /* a string now */
	TK_EQ_STR(why, "needs a number");
	fmt_value_clear(&v);
	TK_CHECK(!fmt_filter_known("percent"));
}

static void test_conditions_and_loops(void)
{
	PARA_IS("{% if org %}\nyes\n{% else %}\nno\n{% endif %}", "yes");
	PARA_IS("{% if missing.path %}\nyes\n{% else %}\nno\n{% endif %}", "no");
	PARA_IS("{% if not empty %}\nempty\n{% endif %}\n{% if zero %}\nzero\n{% endif %}", "empty");
	PARA_IS("{% if text %}\nt\n{% endif %}\n{% if nothing %}\nn\n{% endif %}\n{% if yes %}\ny\n{% endif %}", "y");
	PARA_IS("Lead\n{% if list[2] %}\n, then more\n{% endif %}\n.", "Lead, then more.");
	PARA_IS("Names:\n{% for e in list limit 2 %}\n{{ loop.index }}={{ e.name }}\n{% if not loop.last %}\n,\n"
		"{% endif %}\n{% endfor %}\n.",
		"Names: 1=a, 2=b.");
	PARA_IS("x\n{% for e in nothing %}\n{{ e.name }}\n{% endfor %}", "x");
	GError *err = NULL;
	TemplateDoc *d = expand("{% for e in list %}\n- {{ e.name }}\n{% endfor %}\n", &err);
	TK_EQ_INT(d ? d->blocks->len : 0, 3);
	TK_EQ_STR(block(d, 2) ? block(d, 2)->markup : NULL, "c");
	template_doc_free(d);
}

static void test_directives(void)
{
	GError *err = NULL;
	TemplateDoc *d = expand("{# a comment #}\n{% header Report {{ day | quarter }} %}\n{% cover %}\n# Big\n"
				"Cover text\n{% endcover %}\n{% pagebreak %}\nText {# inline #}\n{# one\nmore #}\n"
				"goes on\n{% figure fig2 %}\n: **Figure 2.** Caption {{ org.share | pct1 }}\n"
				"{% table table1 %}\n",
				&err);
	TK_CHECK(d != NULL);
	if (!d) {
		printf("  %s\n", err->message);
		g_error_free(err);
		return;
	}
	TK_EQ_STR(d->header, "Report 2025 Q3");
	TK_EQ_INT(d->blocks->len, 6);
	TK_CHECK(block(d, 0)->cover && block(d, 0)->kind == BLK_HEADING);
	TK_CHECK(block(d, 1)->cover && block(d, 1)->kind == BLK_PARA);
	TK_EQ_INT(block(d, 2)->kind, BLK_PAGEBREAK);
	TK_CHECK(!block(d, 3)->cover);
	TK_EQ_STR(block(d, 3)->markup, "Text goes on");
	TK_EQ_INT(block(d, 4)->kind, BLK_FIGURE);
	TK_EQ_STR(block(d, 4)->name, "fig2");
	TK_EQ_STR(block(d, 4)->markup, "<b>Figure 2.</b> Caption 43.2%");
	TK_EQ_INT(block(d, 5)->kind, BLK_TABLE);
	TK_CHECK(block(d, 5)->markup == NULL);
	template_doc_free(d);
}

static void test_errors(void)
{
	ERROR_IS("ok\n\nThe {{ org.nope }} here", "t.tmpl:3: unknown placeholder \"org.nope\"");
	ERROR_IS("{{ list[7].name }}", "t.tmpl:1: unknown placeholder \"list[7].name\"");
	ERROR_IS("a\n{{ org..name }}", "t.tmpl:2: unknown placeholder \"org..name\"");
	ERROR_IS("a\nb {{ org.share | percent }}", "t.tmpl:2: unknown filter \"percent\" in \"{{ org.share | percent }}\"");
	ERROR_IS("{{ org.name | pct1 }}", "t.tmpl:1: filter \"pct1\" needs a number in \"{{ org.name | pct1 }}\"");
	ERROR_IS("x {{ org.name", "t.tmpl:1: \"{{\" without \"}}\"");
	ERROR_IS("a\n{% chart fig2 %}", "t.tmpl:2: unknown directive \"chart\"");
	ERROR_IS("a\n{% figure fig12 %}", "t.tmpl:2: unknown figure \"fig12\"");
	ERROR_IS("{% table table9 %}", "t.tmpl:1: unknown table \"table9\"");
	ERROR_IS("a\n{% if org %}\nb\n", "t.tmpl:2: {% if %} is not closed");
	ERROR_IS("a\n{% endif %}", "t.tmpl:2: {% endif %} without its opening directive");
	ERROR_IS("text {% if org %} more", "t.tmpl:1: a directive must stand alone on its line");
	ERROR_IS("{% for x of list %}\n{% endfor %}",
		 "t.tmpl:1: bad {% for x of list %} (want {% for NAME in PATH [limit N] %})");
	ERROR_IS("{% for x in org %}\n{{ x }}\n{% endfor %}", "t.tmpl:1: {% for %} over \"org\", which is not a list");
	ERROR_IS("{% for x in nope %}\n{% endfor %}", "t.tmpl:1: unknown placeholder \"nope\"");
	ERROR_IS("a\n{# never closed\nb", "t.tmpl:2: \"{#\" without \"#}\"");
	ERROR_IS("{% pagebreak now %}", "t.tmpl:1: {% pagebreak %} takes no argument");
	ERROR_IS("{% if org %}\n{% else %}\n{% else %}\n{% endif %}", "t.tmpl:3: {% else %} without its opening directive");
	ERROR_IS("{% figure fig2 %}\n: caption {{ org.bad | pct1 }}", "t.tmpl:2: unknown placeholder \"org.bad\"");
	ERROR_IS("{{ }}", "t.tmpl:1: unknown placeholder \"\"");
	ERROR_IS("{{ org.name | }}", "t.tmpl:1: unknown filter \"\" in \"{{ org.name | }}\"");
	ERROR_IS("{% %}", "t.tmpl:1: unknown directive \"\"");
	ERROR_IS("{% if %}\n{% endif %}", "t.tmpl:1: unknown placeholder \"\" in {% if %}");
	PARA_IS("ends with \\", "ends with \\");
}

/* Random templates made of the language's pieces: every one parses or
 * fails with a one-line "t.tmpl:LINE: ..." message, and never crashes. */
static void test_garbage(void)
{
	static const char *const piece[] = { "{{", "}}", "{%", "%}", "{#", "#}", " if ", " for ", " endif ",
					     " endfor ", " else ", " x in list ", " org.name ", " list[-1] ", "|",
					     " pct1 ", "**", "_", "\\", "\n", "\n\n", "# ", "- ", ": ", "text",
					     " figure fig2 ", " table table1 ", " cover ", " endcover ", "\xc3\xa9" };
	GRand *r = g_rand_new_with_seed(7);
	int failed_badly = 0;
	for (int i = 0; i < 3000; i++) {
		GString *t = g_string_new(NULL);
		int n = g_rand_int_range(r, 1, 40);
		for (int k = 0; k < n; k++)
			g_string_append(t, piece[g_rand_int_range(r, 0, G_N_ELEMENTS(piece))]);
		GError *err = NULL;
		TemplateDoc *d = expand(t->str, &err);
		if (!d && (!err || !g_str_has_prefix(err->message, "t.tmpl:") || strchr(err->message, '\n')))
			failed_badly++;
		g_clear_error(&err);
		template_doc_free(d);
		g_string_free(t, TRUE);
	}
	g_rand_free(r);
	TK_EQ_INT(failed_badly, 0);
}

static void test_load(void)
{
	GError *err = NULL;
	TK_CHECK(template_load("tests/fixtures/report/no-such.tmpl", &hooks, &err) == NULL);
	TK_EQ_INT(err ? err->code : 0, EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	char *path = g_build_filename(g_get_tmp_dir(), "eoi-test-template.tmpl", NULL);
	g_file_set_contents(path, "# T\n\n{% if org %}\n{{ org.missing }}\n{% endif %}\n", -1, NULL);
	Template *t = template_load(path, &hooks, &err);
	TK_CHECK(t != NULL);
	JsonNode *root = json_from_string(model_json, NULL);
	TK_CHECK(t && template_expand(t, root, &err) == NULL);
	char *want = g_strdup_printf("%s:4: unknown placeholder \"org.missing\"", path);
	TK_EQ_STR(err ? err->message : NULL, want);
	g_free(want);
	g_clear_error(&err);
	TK_CHECK(template_resolve(root, "list[-3].name") != NULL);
	TK_CHECK(template_resolve(root, "list[-4]") == NULL);
	TK_CHECK(template_resolve(root, "org.name.x") == NULL);
	json_node_unref(root);
	template_free(t);
	g_remove(path);
	g_free(path);
}

TK_MAIN(test_text_and_emphasis, test_filters, test_conditions_and_loops, test_directives, test_errors, test_load,
	test_garbage)
