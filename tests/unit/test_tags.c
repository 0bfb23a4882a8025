/* Hub tags fill licence, parents, relation and quantization (§2.2). */
#include <glib.h>

#include "data/dataset.h"
#include "tk.h"

static Dataset *one_model(const char *tags, const char *license, const char *parents)
{
	DatasetOptions opt = { DAY_NONE, DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	dsb_has_column(b, COL_TAGS);
	uint32_t rec;
	GString *list = g_string_new(NULL);
	g_assert(dsb_add_download(b, dsb_intern(b, "u/m", 3), 100, 5, false, &rec));
	cell_parse_list(tags, strlen(tags), list);
	dsb_set_sym(b, rec, COL_TAGS, dsb_intern(b, list->str, list->len));
	if (license)
		dsb_set_sym(b, rec, COL_LICENSE, dsb_intern(b, license, strlen(license)));
	if (parents) {
		cell_parse_list(parents, strlen(parents), list);
		dsb_set_sym(b, rec, COL_BASE_MODELS, dsb_intern(b, list->str, list->len));
	}
	g_string_free(list, TRUE);
	return dataset_build(b, NULL);
}

static const char *cell(const Dataset *ds, ColId col)
{
	static char buf[256];
	g_strlcpy(buf, dataset_str(ds, ds_sym(ds, 0, col)), sizeof buf);
	for (char *p = buf; *p; p++)
		if (*p == LIST_SEP)
			*p = '|';
	return buf;
}

static void test_fill(void)
{
	Dataset *ds = one_model("['transformers', 'gguf', 'base_model:org/x', 'base_model:quantized:org/x', "
				"'base_model:finetune:org/y', 'license:apache-2.0', 'region:us']",
				NULL, NULL);
	TK_EQ_STR(cell(ds, COL_LICENSE), "apache-2.0");
	TK_EQ_STR(cell(ds, COL_BASE_MODELS), "org/x|org/y");
	TK_EQ_STR(cell(ds, COL_BASE_RELATION), "quantized");
	TK_EQ_STR(cell(ds, COL_QUANTIZATION), "gguf");
	TK_CHECK(ds->has_col[COL_BASE_MODELS] && ds->has_col[COL_LICENSE]);
	dataset_free(ds);
}

static void test_columns_win(void)
{
	/* Cells that are present are not overwritten. */
	Dataset *ds = one_model("['base_model:adapter:org/x', 'license:mit']", "gpl-3.0", "['org/z']");
	TK_EQ_STR(cell(ds, COL_LICENSE), "gpl-3.0");
	TK_EQ_STR(cell(ds, COL_BASE_MODELS), "org/z");
	TK_EQ_STR(cell(ds, COL_BASE_RELATION), "adapter");
	TK_EQ_STR(cell(ds, COL_QUANTIZATION), "");
	dataset_free(ds);
}

static void test_no_base_tags(void)
{
	/* Tags without base_model: the parents are known to be none. */
	Dataset *ds = one_model("['transformers', 'license:mit']", NULL, NULL);
	TK_CHECK(ds_sym(ds, 0, COL_BASE_MODELS) != SYM_NONE);
	TK_EQ_STR(cell(ds, COL_BASE_MODELS), "");
	dataset_free(ds);
}

TK_MAIN(test_fill, test_columns_win, test_no_base_tags)
