/*
 * fuzz_template.c - libFuzzer harness for the report template language:
 * each input is a template, parsed with template_parse() (figure and table
 * names checked against the report's own lists) and, when it parses,
 * expanded with template_expand() against the real data model of a small
 * dataset.  The model is built once, from the CSV named by $EOI_FUZZ_DATA
 * or else tests/fixtures/report/two_quarters.csv (relative to the current
 * directory: run from the top of the checkout), with its statistics as
 * both the current and the previous run (so `changes` exists); without
 * that file an empty model is used.  Errors are expected; any crash, hang,
 * leak or sanitizer report is a bug.  See tests/fuzz/README.md.
 */
#include <stdlib.h>
#include <string.h>

#include "eoi.h"
#include "data/dataset.h"
#include "io/input.h"
#include "report/figset.h"
#include "report/model.h"
#include "report/tables.h"
#include "report/template.h"
#include "stats/changes.h"
#include "stats/stats.h"

#include "fuzz_main.h"

static Stats *model_stats(const char *csv)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	if (!input_read(csv, ROLE_DOWNLOADS, b, &err)) {
		dsb_free(b);
		goto fail;
	}
	Dataset *ds = dataset_build(b, &err);
	if (!ds)
		goto fail;
	StatsOptions so = { WINDOW_FIRST_YEAR, ATTRIBUTION_AUTO, PERIOD_MONTH, NULL };
	Stats *st = stats_compute(ds, &so, &err);
	dataset_free(ds);
	if (st)
		return st;
fail:
	fprintf(stderr, "fuzz_template: %s; using an empty model\n", err ? err->message : "no data");
	g_clear_error(&err);
	return NULL;
}

/* The data model, built on first use and kept for the process's life. */
static JsonNode *model(void)
{
	static JsonNode *root;
	if (root)
		return root;
	const char *csv = getenv("EOI_FUZZ_DATA");
	Stats *st = model_stats(csv ? csv : "tests/fixtures/report/two_quarters.csv");
	if (st) {
		Changes *ch = changes_compute(st, st);
		root = report_model_new(st, st, ch, false);
		changes_free(ch);
		stats_free(st);
	} else {
		root = json_node_init_object(json_node_alloc(), json_object_new());
	}
	return root;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	JsonNode *root = model();
	char *text = g_strndup((const char *)data, size);
	TemplateHooks hooks = { figset_known, report_table_known, NULL };
	GError *err = NULL;
	Template *t = template_parse("fuzz.tmpl", text, &hooks, &err);
	g_free(text);
	if (!t) {
		g_clear_error(&err);
		return 0;
	}
	TemplateDoc *doc = template_expand(t, root, &err);
	g_clear_error(&err);
	template_doc_free(doc);
	template_free(t);
	return 0;
}
