/*
 * test_csv.c - the CSV reader, end to end into a built Dataset.
 *
 * Every expectation below was worked out by hand from the fixture text
 * (days: 2025-02-26 = 20145 days after 1970-01-01, checked with Python's
 * datetime), or, for the real Hub file, with Python's csv module.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <zlib.h>

#include "data/dataset.h"
#include "eoi.h"
#include "io/csv.h"
#include "tk.h"

#define LS "\x1f" /* LIST_SEP as a string literal piece */

enum {
	D20240101 = 19723,
	D20240417 = 19830,
	D20240420 = 19833,
	D20240920 = 19986,
	D20250226 = 20145,
	D20250305 = 20152,
	D20250312 = 20159,
};

/* ---- helpers ------------------------------------------------------------ */

/* Write LEN bytes to a new temporary file named eoi-csv-XXXXXX<SUFFIX>. */
static char *write_tmp(const char *suffix, const void *data, size_t len)
{
	char *tmpl = g_strdup_printf("eoi-csv-XXXXXX%s", suffix);
	char *path = NULL;
	int fd = g_file_open_tmp(tmpl, &path, NULL);
	g_free(tmpl);
	if (fd < 0)
		return NULL;
	gboolean ok = g_file_set_contents(path, data, (gssize)len, NULL);
	close(fd);
	return ok ? path : NULL;
}

/* Write TEXT gzip-compressed to a new temporary .csv.gz file. */
static char *write_gz(const char *text)
{
	char *path = write_tmp(".csv.gz", "", 0);
	gzFile gz = gzopen(path, "wb");
	gzwrite(gz, text, (unsigned)strlen(text));
	gzclose(gz);
	return path;
}

static void remove_tmp(char *path)
{
	if (path)
		g_unlink(path);
	g_free(path);
}

/* Read the downloads file PATH and build the dataset; NULL (with a FAIL
 * line) when anything fails. */
static Dataset *load_path(const char *path, Day snapshot)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = snapshot };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	Dataset *ds = NULL;
	if (csv_read_file(path, ROLE_DOWNLOADS, b, &err))
		ds = dataset_build(b, &err);
	else
		dsb_free(b);
	if (!ds)
		TK_FAIL_("load %s: %s", path, err ? err->message : "?");
	g_clear_error(&err);
	return ds;
}

/* Read each non-NULL text as a file of its role and build the dataset;
 * NULL (with a FAIL line) when anything fails. */
static Dataset *load_files(const char *downloads, const char *models, const char *developers,
			   Day snapshot)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = snapshot };
	DatasetBuilder *b = dsb_new(&opt);
	const char *text[] = { downloads, models, developers };
	const FileRole role[] = { ROLE_DOWNLOADS, ROLE_MODELS, ROLE_DEVELOPERS };
	GError *err = NULL;
	bool ok = true;
	for (int i = 0; i < 3 && ok; i++) {
		if (!text[i])
			continue;
		char *path = write_tmp(".csv", text[i], strlen(text[i]));
		ok = csv_read_file(path, role[i], b, &err);
		remove_tmp(path);
	}
	if (!ok)
		dsb_free(b);
	Dataset *ds = ok ? dataset_build(b, &err) : NULL;
	if (!ds) {
		TK_FAIL_("load: %s", err ? err->message : "?");
		g_clear_error(&err);
	}
	return ds;
}

static Dataset *load(const char *downloads, Day snapshot)
{
	return load_files(downloads, NULL, NULL, snapshot);
}

static int64_t midx(const Dataset *ds, const char *id)
{
	Sym s = strpool_find(ds->strings, id);
	return s == SYM_NONE ? -1 : dataset_model_index(ds, s);
}

/* A string attribute of model ID: "<none>" when missing. */
static const char *attr(const Dataset *ds, const char *id, ColId col)
{
	int64_t m = midx(ds, id);
	if (m < 0)
		return "<no such model>";
	Sym s = ds_sym(ds, (uint32_t)m, col);
	return s == SYM_NONE ? "<none>" : dataset_str(ds, s);
}

static Day attr_day(const Dataset *ds, const char *id, ColId col)
{
	int64_t m = midx(ds, id);
	return m < 0 ? -1 : ds_day(ds, (uint32_t)m, col);
}

static double attr_num(const Dataset *ds, const char *id, ColId col)
{
	int64_t m = midx(ds, id);
	return m < 0 || !ds->attrs.num[col] ? -1 : ds->attrs.num[col][m];
}

static int attr_flag(const Dataset *ds, const char *id, ColId col)
{
	int64_t m = midx(ds, id);
	return m < 0 || !ds->attrs.flag[col] ? -2 : ds->attrs.flag[col][m];
}

static const InputFile *input(const Dataset *ds, guint i)
{
	return i < ds->inputs->len ? g_ptr_array_index(ds->inputs, i) : NULL;
}

/* ---- reading ------------------------------------------------------------ */

static const char release_csv[] =
	"_id,model,author,time,created,downloadsAllTime,annotator,org_model,org_type,org_country,"
	"derived_author,org_country_single,derived_org_country,derived_org_country_single,"
	"merged_country_groups_single,merged_derived_country_groups_single,merged_derived_from,"
	"merged_languages,merged_modality,__index_level_0__\n"
	"67a1,meta-llama/Llama-3-8B,meta-llama,2025-03-05 00:00:00,2024-04-17 00:00:00+00:00,1500,,"
	"team,company,['United States of America'],meta-llama,United States of America,"
	"['United States of America'],United States of America,USA,USA,[],\"['en', 'de']\","
	"Text --> Text,0\n"
	"67a2,meta-llama/Llama-3-8B,meta-llama,2025-02-26 00:00:00,2024-04-17 00:00:00+00:00,1000,,"
	"team,company,['United States of America'],meta-llama,United States of America,"
	"['United States of America'],United States of America,USA,USA,[],['en'],"
	"Text --> Text,1\n"
	"67a3,TheBloke/Llama-3-8B-GGUF,TheBloke,2025-02-26 00:00:00,2024-04-20 12:00:00+00:00,300,"
	"2.0,user,user,['United Kingdom'],meta-llama,United Kingdom,['United States of America'],"
	"United States of America,Europe,USA,['meta-llama/Llama-3-8B'],['en'],Text --> Text,2\n";

static void test_release_layout(void)
{
	Dataset *ds = load(release_csv, DAY_NONE);
	if (!ds)
		return;
	TK_EQ_INT(ds->n_rows, 3);
	TK_EQ_INT(ds->n_models, 2);
	TK_CHECK(ds->cumulative);
	/* rows sorted by (model, day): Llama (02-26, 03-05), then GGUF */
	TK_EQ_STR(dataset_str(ds, ds->model_id[0]), "meta-llama/Llama-3-8B");
	TK_EQ_STR(dataset_str(ds, ds->model_id[1]), "TheBloke/Llama-3-8B-GGUF");
	TK_EQ_INT(dataset_row_model(ds, 0), 0);
	TK_EQ_INT(ds->row_day[0], D20250226);
	TK_EQ_INT(ds->row_value[0], 1000);
	TK_EQ_INT(dataset_row_model(ds, 1), 0);
	TK_EQ_INT(ds->row_day[1], D20250305);
	TK_EQ_INT(ds->row_value[1], 1500);
	TK_EQ_INT(dataset_row_model(ds, 2), 1);
	TK_EQ_INT(ds->row_day[2], D20250226);
	TK_EQ_INT(ds->row_value[2], 300);
	TK_EQ_INT(ds->n_days, 2);
	/* Llama's attributes come from its 03-05 row (line 2) */
	const char *l = "meta-llama/Llama-3-8B", *g = "TheBloke/Llama-3-8B-GGUF";
	TK_EQ_INT(attr_day(ds, l, COL_CREATED_AT), D20240417);
	TK_EQ_STR(attr(ds, l, COL_AUTHOR), "meta-llama");
	TK_EQ_STR(attr(ds, l, COL_ORG_MODEL), "team");
	TK_EQ_STR(attr(ds, l, COL_ORG_TYPE), "company");
	TK_EQ_STR(attr(ds, l, COL_COUNTRIES), "United States of America");
	TK_EQ_STR(attr(ds, l, COL_BASE_MODELS), "");
	TK_EQ_STR(attr(ds, l, COL_LANGUAGES), "en" LS "de");
	TK_EQ_STR(attr(ds, l, COL_MODALITY), "Text --> Text");
	TK_EQ_INT(attr_day(ds, g, COL_CREATED_AT), D20240420);
	TK_EQ_STR(attr(ds, g, COL_DEVELOPER), "meta-llama");
	TK_EQ_STR(attr(ds, g, COL_COUNTRY), "United Kingdom");
	TK_EQ_STR(attr(ds, g, COL_COUNTRY_GROUP), "Europe");
	TK_EQ_STR(attr(ds, g, COL_DEVELOPER_COUNTRY), "United States of America");
	TK_EQ_STR(attr(ds, g, COL_DEVELOPER_COUNTRY_GROUP), "USA");
	TK_EQ_STR(attr(ds, g, COL_DEVELOPER_COUNTRIES), "United States of America");
	TK_EQ_STR(attr(ds, g, COL_BASE_MODELS), "meta-llama/Llama-3-8B");
	TK_EQ_STR(attr(ds, g, COL_LICENSE), "<none>");
	/* _id, annotator, __index_level_0__ are known and ignored */
	TK_EQ_INT(ds->warnings.unknown_columns, 0);
	TK_CHECK(ds->has_col[COL_DEVELOPER_COUNTRY_GROUP]);
	TK_CHECK(!ds->has_col[COL_PARAMS]);
	const InputFile *f = input(ds, 0);
	TK_CHECK(f != NULL);
	if (f) {
		TK_EQ_STR(f->format, "csv");
		TK_EQ_INT(f->rows, 3);
		TK_EQ_INT(f->role, ROLE_DOWNLOADS);
		char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, release_csv, -1);
		TK_EQ_STR(f->sha256, want);
		g_free(want);
	}
	dataset_free(ds);
}

static void test_bom_crlf_blank_lines(void)
{
	Dataset *ds = load("\xEF\xBB\xBFmodel_id,date,downloads,modality\r\n"
			   "a/x,2025-02-26,5,Text --> Text\r\n"
			   "a/x,2025-03-05,7,Text --> Image\r\n"
			   "\r\n   \r\n\r\n",
			   DAY_NONE);
	if (!ds)
		return;
	TK_EQ_INT(ds->n_rows, 2);
	TK_CHECK(!ds->cumulative);
	TK_EQ_INT(ds->row_value[0], 5);
	TK_EQ_INT(ds->row_value[1], 7);
	TK_EQ_STR(attr(ds, "a/x", COL_MODALITY), "Text --> Image");
	TK_EQ_INT(input(ds, 0)->rows, 2);
	TK_EQ_INT(ds->warnings.unknown_columns, 0);
	dataset_free(ds);
}

static const char quoted_csv[] = "model_id,date,downloads,license,modality,pipeline_tag\n"
				 "\"q/a,b\",2025-02-26,1,\"He said \"\"hi\"\"\",\"Image, Text --> Text\",x\n"
				 "q/c,2025-02-26,2,\"line one\n"
				 "line two\",Text --> Text,\"\"\n"
				 "q/d,2025-02-26,3,,,\"x\"\n";

static void test_quoted_fields(void)
{
	Dataset *ds = load(quoted_csv, DAY_NONE);
	if (!ds)
		return;
	TK_EQ_INT(ds->n_models, 3);
	TK_EQ_STR(attr(ds, "q/a,b", COL_LICENSE), "He said \"hi\"");
	TK_EQ_STR(attr(ds, "q/a,b", COL_MODALITY), "Image, Text --> Text");
	TK_EQ_STR(attr(ds, "q/c", COL_LICENSE), "line one\nline two");
	TK_EQ_STR(attr(ds, "q/c", COL_PIPELINE_TAG), "<none>"); /* "" is an empty cell */
	TK_EQ_STR(attr(ds, "q/d", COL_LICENSE), "<none>");
	TK_EQ_STR(attr(ds, "q/d", COL_PIPELINE_TAG), "x");
	TK_EQ_INT(input(ds, 0)->rows, 3);
	dataset_free(ds);
}

static void test_empty_vs_values(void)
{
	Dataset *ds = load("model_id,date,downloads,author,org_type,country,created_at,params,moe\n"
			   "n/a,2025-02-26,1,None,NA,,,,\n"
			   "n/b,2025-02-26,2, spaced ,,United States,2024-01-01,7.5e9,true\n",
			   DAY_NONE);
	if (!ds)
		return;
	TK_EQ_STR(attr(ds, "n/a", COL_AUTHOR), "None");
	TK_EQ_STR(attr(ds, "n/a", COL_ORG_TYPE), "NA");
	TK_EQ_STR(attr(ds, "n/a", COL_COUNTRY), "<none>");
	TK_EQ_INT(attr_day(ds, "n/a", COL_CREATED_AT), DAY_NONE);
	TK_CHECK(isnan(attr_num(ds, "n/a", COL_PARAMS)));
	TK_EQ_INT(attr_flag(ds, "n/a", COL_MOE), -1);
	TK_EQ_STR(attr(ds, "n/b", COL_AUTHOR), " spaced "); /* not trimmed */
	TK_EQ_STR(attr(ds, "n/b", COL_ORG_TYPE), "<none>");
	TK_EQ_STR(attr(ds, "n/b", COL_COUNTRY), "United States");
	TK_EQ_INT(attr_day(ds, "n/b", COL_CREATED_AT), D20240101);
	TK_EQ_DBL(attr_num(ds, "n/b", COL_PARAMS), 7.5e9, 0);
	TK_EQ_INT(attr_flag(ds, "n/b", COL_MOE), 1);
	dataset_free(ds);
}

static void test_list_cells(void)
{
	Dataset *ds = load("model_id,date,downloads,base_models\n"
			   "l/1,2025-02-26,1,\"['a', 'b']\"\n"
			   "l/2,2025-02-26,1,\"[\"\"a\"\",\"\"b\"\"]\"\n"
			   "l/3,2025-02-26,1,a; b\n"
			   "l/4,2025-02-26,1,[]\n"
			   "l/5,2025-02-26,1,['a' 'b']\n"
			   "l/6,2025-02-26,1,\"[\"\"O'Neil\"\"]\"\n"
			   "l/7,2025-02-26,1,\n"
			   "l/8,2025-02-26,1,single\n",
			   DAY_NONE);
	if (!ds)
		return;
	TK_EQ_STR(attr(ds, "l/1", COL_BASE_MODELS), "a" LS "b");
	TK_EQ_STR(attr(ds, "l/2", COL_BASE_MODELS), "a" LS "b");
	TK_EQ_STR(attr(ds, "l/3", COL_BASE_MODELS), "a" LS "b");
	TK_EQ_STR(attr(ds, "l/4", COL_BASE_MODELS), "");
	TK_EQ_STR(attr(ds, "l/5", COL_BASE_MODELS), "a" LS "b");
	TK_EQ_STR(attr(ds, "l/6", COL_BASE_MODELS), "O'Neil");
	TK_EQ_STR(attr(ds, "l/7", COL_BASE_MODELS), "<none>");
	TK_EQ_STR(attr(ds, "l/8", COL_BASE_MODELS), "single");
	dataset_free(ds);
}

static void test_gzip(void)
{
	const char *text = "modelId,time,downloadsAllTime,author\n"
			   "z/a,2025-02-26,10,zed\n"
			   "z/a,2025-03-05,25,zed2\n";
	char *path = write_gz(text);
	Dataset *ds = load_path(path, DAY_NONE);
	if (!ds) {
		remove_tmp(path);
		return;
	}
	TK_EQ_INT(ds->n_rows, 2);
	TK_EQ_INT(ds->row_value[1], 25);
	TK_EQ_STR(attr(ds, "z/a", COL_AUTHOR), "zed2");
	const InputFile *f = input(ds, 0);
	TK_EQ_STR(f->format, "csv.gz");
	TK_EQ_INT(f->rows, 2);
	/* the digest is of the compressed bytes, as stored */
	gchar *bytes = NULL;
	gsize len = 0;
	TK_CHECK(g_file_get_contents(path, &bytes, &len, NULL));
	TK_CHECK(len > 10 && (guchar)bytes[0] == 0x1f && (guchar)bytes[1] == 0x8b);
	char *want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)bytes, len);
	TK_EQ_STR(f->sha256, want);
	g_free(want);
	g_free(bytes);
	dataset_free(ds);
	remove_tmp(path);
}

static void test_latest_row_wins(void)
{
	Dataset *ds = load("model_id,date,downloads_cumulative,author,params\n"
			   "w/a,2025-03-05,10,first,1\n"
			   "w/a,2025-02-26,5,older,2\n"
			   "w/a,2025-03-05,11,tie-later,\n"
			   "w/b,2025-02-26,1,b-old,3\n"
			   "w/b,2025-03-12,2,,\n"
			   "w/a,2025-02-26,4,stale,9\n",
			   DAY_NONE);
	if (!ds)
		return;
	/* w/a: the 03-05 tie goes to the later row (line 4), whose params is
	 * empty; the older 02-26 rows (lines 3 and 7) never win. */
	TK_EQ_STR(attr(ds, "w/a", COL_AUTHOR), "tie-later");
	TK_CHECK(isnan(attr_num(ds, "w/a", COL_PARAMS)));
	/* w/b: the latest row has empty cells, so both are missing */
	TK_EQ_STR(attr(ds, "w/b", COL_AUTHOR), "<none>");
	TK_CHECK(isnan(attr_num(ds, "w/b", COL_PARAMS)));
	/* rows by (model, day, file order) */
	const int64_t want[] = { 5, 4, 10, 11, 1, 2 };
	TK_EQ_INT(ds->n_rows, 6);
	for (int i = 0; i < 6 && i < (int)ds->n_rows; i++)
		TK_EQ_INT(ds->row_value[i], want[i]);
	TK_EQ_INT(ds->row_day[5], D20250312);
	dataset_free(ds);
}

static void test_aliases(void)
{
	static const struct {
		const char *text;
		bool cumulative;
	} cases[] = {
		{ "modelId,time,downloadsAllTime,created\n"
		  "x/y,2025-02-26T00:00:00,100,2024-04-17T10:00:00Z\n", true },
		{ "model_id,date,downloads_cumulative,created_at\nx/y,2025-02-26,100,2024-04-17\n",
		  true },
		{ "model,time,downloadsAllTime,createdAt\nx/y,2025-02-26,100,2024-04-17 23:59:59\n",
		  true },
		{ "id,date,downloads,created\nx/y,2025-02-26,100,2024-04-17\n", false },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		Dataset *ds = load(cases[i].text, DAY_NONE);
		if (!ds)
			continue;
		TK_EQ_INT(ds->n_rows, 1);
		TK_EQ_INT(ds->row_day[0], D20250226);
		TK_EQ_INT(ds->row_value[0], 100);
		TK_EQ_INT(ds->cumulative, cases[i].cumulative);
		TK_EQ_INT(attr_day(ds, "x/y", COL_CREATED_AT), D20240417);
		TK_CHECK(ds->has_col[COL_DATE] && ds->has_col[COL_CREATED_AT]);
		TK_EQ_INT(ds->warnings.unknown_columns, 0);
		dataset_free(ds);
	}
}

/* A few lines in the layout of the Hub top-10k listing. */
static void test_snapshot_date(void)
{
	Dataset *ds = load("modelId,modelName,author,downloads,lastModified,tags,pipeline_tag,sha,"
			   "private,inference\n"
			   "org/m1,m1,org,1234,2024-09-01 10:00:00+00:00,"
			   "\"['transformers', 'gguf', 'license:mit']\",text-generation,abc,False,cold\n"
			   "me/m2,m2,me,0,2024-08-01 10:00:00+00:00,[],,def,False,warm\n",
			   D20240920);
	if (!ds)
		return;
	TK_EQ_INT(ds->n_rows, 2);
	TK_CHECK(!ds->cumulative);
	TK_EQ_INT(ds->row_day[0], D20240920);
	TK_EQ_INT(ds->row_day[1], D20240920);
	TK_EQ_INT(ds->row_value[0], 1234);
	TK_EQ_INT(ds->row_value[1], 0);
	TK_CHECK(!ds->has_col[COL_DATE]);
	TK_EQ_STR(attr(ds, "org/m1", COL_AUTHOR), "org");
	TK_EQ_STR(attr(ds, "org/m1", COL_TAGS), "transformers" LS "gguf" LS "license:mit");
	TK_EQ_STR(attr(ds, "org/m1", COL_PIPELINE_TAG), "text-generation");
	TK_EQ_STR(attr(ds, "me/m2", COL_TAGS), "");
	TK_EQ_STR(attr(ds, "me/m2", COL_PIPELINE_TAG), "<none>");
	TK_EQ_INT(ds->warnings.unknown_columns, 5);
	TK_EQ_STR(ds->warnings.unknown_column_names->str,
		  "modelName, lastModified, sha, private, inference");
	dataset_free(ds);

	/* A file with its own date column keeps it despite --snapshot-date. */
	ds = load("model_id,date,downloads\na,2025-02-26,1\n", D20240920);
	if (ds) {
		TK_EQ_INT(ds->row_day[0], D20250226);
		dataset_free(ds);
	}
}

/* The real Hub listing (9,715 rows per its SOURCES.md; counted again with
 * Python's csv module, which also gave the other numbers). */
static void test_real_hub_file(void)
{
	const char *dir = g_getenv("EOI_REALDATA");
	char *path = g_build_filename(dir ? dir : "../shared/realdata",
				      "hf_top_models_2024-09_enochlev.csv", NULL);
	if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
		printf("note: %s not found; real-data checks skipped\n", path);
		g_free(path);
		return;
	}
	Dataset *ds = load_path(path, D20240920);
	if (!ds) {
		g_free(path);
		return;
	}
	TK_EQ_INT(ds->n_rows, 9715);
	TK_EQ_INT(ds->n_models, 9715);
	TK_EQ_INT(input(ds, 0)->rows, 9715);
	int64_t total = 0;
	for (uint64_t i = 0; i < ds->n_rows; i++)
		total += ds->row_value[i];
	TK_EQ_INT(total, 1368390199);
	const char *mit = "MIT/ast-finetuned-audioset-10-10-0.4593";
	int64_t m = midx(ds, mit);
	TK_EQ_INT(m, 0);
	TK_EQ_INT(ds->row_value[0], 189285567);
	TK_EQ_STR(attr(ds, mit, COL_PIPELINE_TAG), "audio-classification");
	TK_EQ_STR(attr(ds, mit, COL_AUTHOR), "MIT");
	TK_CHECK(g_str_has_prefix(attr(ds, "google-bert/bert-base-uncased", COL_TAGS),
				  "transformers" LS "pytorch" LS "tf" LS));
	m = midx(ds, "TheBloke/Mistral-7B-Instruct-v0.2-GGUF");
	TK_CHECK(m >= 0);
	if (m >= 0)
		TK_EQ_INT(ds->row_value[m], 198377); /* one row per model: row m is model m */
	m = midx(ds, "rakeshkiriyath/gpt2Medium_text_to_sql");
	if (m >= 0)
		TK_EQ_INT(ds->row_value[m], 1193);
	int no_pipeline = 0, gguf = 0;
	for (uint32_t k = 0; k < ds->n_models; k++) {
		no_pipeline += ds_sym(ds, k, COL_PIPELINE_TAG) == SYM_NONE;
		gchar **tags = g_strsplit(dataset_str(ds, ds_sym(ds, k, COL_TAGS)), LS, -1);
		gguf += g_strv_contains((const gchar *const *)tags, "gguf");
		g_strfreev(tags);
	}
	TK_EQ_INT(no_pipeline, 1151);
	TK_EQ_INT(gguf, 902);
	dataset_free(ds);

	/* The same bytes with CRLF line ends, gzip-compressed: same rows. */
	gchar *text = NULL;
	TK_CHECK(g_file_get_contents(path, &text, NULL, NULL));
	gchar **lines = g_strsplit(text ? text : "", "\n", -1);
	gchar *crlf = g_strjoinv("\r\n", lines);
	char *gz = write_gz(crlf);
	ds = load_path(gz, D20240920);
	if (ds) {
		TK_EQ_INT(ds->n_rows, 9715);
		TK_EQ_STR(input(ds, 0)->format, "csv.gz");
		int64_t sum = 0;
		for (uint64_t i = 0; i < ds->n_rows; i++)
			sum += ds->row_value[i];
		TK_EQ_INT(sum, 1368390199);
		TK_EQ_STR(attr(ds, "rakeshkiriyath/gpt2Medium_text_to_sql", COL_PIPELINE_TAG),
			  "text-generation");
		dataset_free(ds);
	}
	remove_tmp(gz);
	g_free(crlf);
	g_strfreev(lines);
	g_free(text);
	g_free(path);
}

static void test_models_table(void)
{
	Dataset *ds = load_files("model_id,date,downloads,author,params,moe\n"
				 "o/a,2025-02-26,10,orig,1000,false\n"
				 "o/b,2025-02-26,20,keep,2000,true\n",
				 "model_id,author,params,moe,license,date\n"
				 "o/a,override,5e9,true,apache-2.0,not-read\n"
				 "o/b,,,,mit,\n"
				 "o/zzz,ghost,1,,,\n",
				 NULL, DAY_NONE);
	if (!ds)
		return;
	TK_EQ_STR(attr(ds, "o/a", COL_AUTHOR), "override");
	TK_EQ_DBL(attr_num(ds, "o/a", COL_PARAMS), 5e9, 0);
	TK_EQ_INT(attr_flag(ds, "o/a", COL_MOE), 1);
	TK_EQ_STR(attr(ds, "o/a", COL_LICENSE), "apache-2.0");
	/* empty cells of the models table do not override */
	TK_EQ_STR(attr(ds, "o/b", COL_AUTHOR), "keep");
	TK_EQ_DBL(attr_num(ds, "o/b", COL_PARAMS), 2000, 0);
	TK_EQ_INT(attr_flag(ds, "o/b", COL_MOE), 1);
	TK_EQ_STR(attr(ds, "o/b", COL_LICENSE), "mit");
	TK_EQ_INT(midx(ds, "o/zzz"), -1);
	TK_EQ_INT(ds->warnings.models_table_unmatched, 1);
	TK_EQ_INT(ds->n_rows, 2);
	TK_EQ_INT(input(ds, 1)->role, ROLE_MODELS);
	TK_EQ_INT(input(ds, 1)->rows, 3);
	dataset_free(ds);
}

static const char *dev_str(const Dataset *ds, Sym s)
{
	return s == SYM_NONE ? "<none>" : dataset_str(ds, s);
}

static void test_developers_table(void)
{
	Dataset *ds = load_files("model_id,date,downloads\nd/a,2025-02-26,1\n", NULL,
				 "developer,country,country_group,org_type,notes\n"
				 "meta-llama,United States of America,USA,company,x\n"
				 "Qwen,China,China,company,\n"
				 "someone,,,,\n",
				 DAY_NONE);
	if (!ds)
		return;
	TK_EQ_INT(g_hash_table_size(ds->developers), 3);
	const DeveloperInfo *meta = g_hash_table_lookup(
		ds->developers, GUINT_TO_POINTER(strpool_find(ds->strings, "meta-llama")));
	const DeveloperInfo *qwen =
		g_hash_table_lookup(ds->developers, GUINT_TO_POINTER(strpool_find(ds->strings, "Qwen")));
	const DeveloperInfo *one = g_hash_table_lookup(
		ds->developers, GUINT_TO_POINTER(strpool_find(ds->strings, "someone")));
	TK_CHECK(meta && qwen && one);
	if (meta && qwen && one) {
		TK_EQ_STR(dev_str(ds, meta->country), "United States of America");
		TK_EQ_STR(dev_str(ds, meta->country_group), "USA");
		TK_EQ_STR(dev_str(ds, meta->org_type), "company");
		TK_EQ_STR(dev_str(ds, qwen->country), "China");
		TK_EQ_STR(dev_str(ds, one->country), "<none>");
		TK_EQ_STR(dev_str(ds, one->org_type), "<none>");
	}
	TK_EQ_STR(ds->warnings.unknown_column_names->str, "notes");
	TK_EQ_INT(input(ds, 1)->role, ROLE_DEVELOPERS);
	TK_EQ_INT(input(ds, 1)->rows, 3);
	dataset_free(ds);
}

static void test_header_names(void)
{
	Dataset *ds = load(",model,modelId,time,downloads,foo,_id\n"
			   "0,a/a,b/b,2025-02-26,3,x,id1\n",
			   DAY_NONE);
	if (!ds)
		return;
	TK_EQ_INT(ds->n_models, 1);
	TK_CHECK(midx(ds, "a/a") == 0); /* the first of two model columns wins */
	TK_EQ_INT(midx(ds, "b/b"), -1);
	TK_EQ_INT(ds->warnings.unknown_columns, 3);
	TK_EQ_STR(ds->warnings.unknown_column_names->str,
		  "(unnamed column 1), modelId (duplicate of model_id), foo");
	dataset_free(ds);
}

/* ---- errors ------------------------------------------------------------- */

/* Reading PATH as ROLE fails with CODE and the message PATH + TAIL; the
 * builder can still be freed. */
static void expect_fail_path(const char *path, FileRole role, Day snapshot, int code,
			     const char *tail)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = snapshot };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	bool ok = csv_read_file(path, role, b, &err);
	char *want = g_strconcat(path, tail, NULL);
	if (ok) {
		TK_FAIL_("no error, want: %s", want);
	} else {
		TK_EQ_STR(err->message, want);
		TK_EQ_INT(err->code, code);
		TK_CHECK(err->domain == EOI_ERROR);
		TK_CHECK(strchr(err->message, '\n') == NULL);
	}
	g_clear_error(&err);
	g_free(want);
	dsb_free(b);
}

/* The same for LEN bytes of DATA in a file named *SUFFIX. */
static void expect_fail_bytes(const char *suffix, const void *data, size_t len, FileRole role,
			      Day snapshot, int code, const char *tail)
{
	char *path = write_tmp(suffix, data, len);
	expect_fail_path(path, role, snapshot, code, tail);
	remove_tmp(path);
}

static void expect_fail_as(const char *text, FileRole role, const char *tail)
{
	expect_fail_bytes(".csv", text, strlen(text), role, DAY_NONE, EOI_EXIT_DATA, tail);
}

static void expect_fail(const char *text, const char *tail)
{
	expect_fail_as(text, ROLE_DOWNLOADS, tail);
}

/* "model,time,downloadsAllTime" + N-1 good rows (lines 2..N) + LAST. */
static char *rows_then(int n, const char *last)
{
	GString *s = g_string_new("model,time,downloadsAllTime\n");
	for (int i = 2; i <= n; i++)
		g_string_append_printf(s, "m/%d,2025-02-26,%d\n", i, i);
	g_string_append(s, last);
	return g_string_free(s, FALSE);
}

static void test_error_cells(void)
{
	char *t = rows_then(11, "m/x,2025-02-26,12x\n");
	expect_fail(t, ":12:downloadsAllTime: not an integer: \"12x\"");
	g_free(t);
	t = rows_then(6, "m/x,2024-13-01,5\n");
	expect_fail(t, ":7:time: not a date: \"2024-13-01\"");
	g_free(t);
	t = rows_then(8, "m/x,2025-02-26,-5\n");
	expect_fail(t, ":9:downloadsAllTime: negative download count -5");
	g_free(t);
	expect_fail("model,time,downloadsAllTime\nm/x,2025-02-26,\n",
		    ":2:downloadsAllTime: empty download count");
	expect_fail("model_id,date,downloads\nm/x,,1\n", ":2:date: empty date");
	expect_fail("model_id,date,downloads\na,2025-02-26,1\n,2025-02-26,1\n",
		    ":3:model_id: empty model id");
	/* long cells are cut in messages */
	char *x100 = g_strnfill(100, 'x');
	t = g_strdup_printf("model_id,date,downloads\na,2025-02-26,%s\n", x100);
	char *want = g_strdup_printf(":2:downloads: not an integer: \"%.60s\"...", x100);
	expect_fail(t, want);
	g_free(want);
	g_free(t);
	g_free(x100);
	/* text must be UTF-8; bad bytes are shown escaped */
	expect_fail("model_id,date,downloads,author\na,2025-02-26,1,caf\xe9\n",
		    ":2:author: not UTF-8 text: \"caf\\xe9\"");
	expect_fail("model_id,date,downloads\n\xff,2025-02-26,1\n",
		    ":2:model_id: not UTF-8 text: \"\\xff\"");
	expect_fail("model_id,date,downloads,languages\na,2025-02-26,1,\"['\\ud800']\"\n",
		    ":2:languages: not UTF-8 text: \"['\\\\ud800']\"");
	expect_fail_as("developer,country\nx,\xc3\n", ROLE_DEVELOPERS,
		       ":2:country: not UTF-8 text: \"\\xc3\"");
	expect_fail_bytes(".csv", "model_id,date\0,downloads\n", 25, ROLE_DOWNLOADS, DAY_NONE,
			  EOI_EXIT_DATA, ":1: NUL byte in a field (not a UTF-8 text file?)");
	/* control characters are escaped, so the message stays one line */
	expect_fail("model_id,date,downloads\na,\"2025-02-26\n\",1\n",
		    ":2:date: not a date: \"2025-02-26\\n\"");
}

/* Typed attribute cells are checked on every row, not only latest rows. */
static void test_error_typed_attrs(void)
{
	expect_fail("model_id,date,downloads,created_at\n"
		    "a,2025-03-05,5,2024-01-01\n"
		    "a,2025-02-26,3,2024-02-30\n",
		    ":3:created_at: not a date: \"2024-02-30\"");
	expect_fail("model_id,date,downloads,params\n"
		    "a,2025-03-05,5,7e9\n"
		    "a,2025-02-26,3,7B\n",
		    ":3:params: not a number: \"7B\"");
	expect_fail("model_id,date,downloads,moe\na,2025-03-05,5,maybe\n",
		    ":2:moe: not a boolean: \"maybe\"");
	expect_fail("model_id,date,downloads,tags\na,2025-03-05,5,\"['a', 'b'\"\n",
		    ":2:tags: not a list: \"['a', 'b'\"");
	/* the same checks in a models table */
	expect_fail_as("modelId,createdAt\na,2024-01-01\nb,yesterday\n", ROLE_MODELS,
		       ":3:createdAt: not a date: \"yesterday\"");
	expect_fail_as("model_id,author\n,x\n", ROLE_MODELS, ":2:model_id: empty model id");
	expect_fail_as("derived_author,country\n,China\n", ROLE_DEVELOPERS,
		       ":2:derived_author: empty developer");
}

static void test_error_structure(void)
{
	expect_fail("model_id,date,downloads\na,2025-02-26,1\nb,2025-02-26,2\n"
		    "c,\"2025-02-26,3\n",
		    ":4: unterminated quoted field (opened on line 4)");
	/* the record starts on line 4; the runaway quote opens on line 5 */
	expect_fail("model_id,date,downloads,license\na,2025-02-26,1,x\nb,2025-02-26,2,x\n"
		    "\"c\nd\",2025-02-26,\"3\n,x\n",
		    ":4: unterminated quoted field (opened on line 5)");
	expect_fail("model_id,date,downloads,author,org_type,license\n"
		    "a,2025-02-26,1,x,y,z\n"
		    "b,2025-02-26,1,x,y\n",
		    ":3: 5 fields, header has 6");
	expect_fail("model_id,date,downloads,author,org_type,license\n"
		    "a,2025-02-26,1,x,y,z\n"
		    "b,2025-02-26,1,x,y,z,w\n",
		    ":3: 7 fields, header has 6");
	expect_fail("model_id,date,downloads\nabc\n", ":2: 1 field, header has 3");
	/* line numbers count the newlines inside quoted fields */
	char *t = g_strconcat(quoted_csv, "q/e,2025-02-30,4,,,\n", NULL);
	expect_fail(t, ":6:date: not a date: \"2025-02-30\"");
	g_free(t);
	/* ... and CRLF line ends */
	expect_fail("model_id,date,downloads\r\na,2025-02-26,1\r\n\r\nb,2025-02-26,x\r\n",
		    ":4:downloads: not an integer: \"x\"");
	expect_fail("model_id,date,downloads\na\"b,2025-02-26,1\n",
		    ":2: quote inside an unquoted field");
	expect_fail("model_id,date,downloads\na,2025-02-26,1\n\"a\"b,2025-02-26,1\n",
		    ":3: unexpected character after the closing quote of a field");
}

static void test_error_header(void)
{
	expect_fail("model_id,downloads\na,1\n",
		    ": missing required column date (or time; --snapshot-date supplies it for a "
		    "one-snapshot file)");
	expect_fail("model_id,date\na,2025-02-26\n",
		    ": missing required column downloads_cumulative (or downloadsAllTime) or "
		    "downloads");
	expect_fail("name,date,downloads\na,2025-02-26,1\n",
		    ": missing required column model_id (or model, id, modelId)");
	expect_fail_as("author,license\na,mit\n", ROLE_MODELS,
		       ": missing required column model_id (or model, id, modelId)");
	expect_fail_as("country,org_type\nChina,company\n", ROLE_DEVELOPERS,
		       ": missing required column developer (or derived_author)");
	/* with --snapshot-date a file needs no date column */
	expect_fail_bytes(".csv", "modelId\na\n", 10, ROLE_DOWNLOADS, D20240920, EOI_EXIT_DATA,
			  ": missing required column downloads_cumulative (or downloadsAllTime) or "
			  "downloads");
	expect_fail("", ": empty file (no header)");
	expect_fail("\xEF\xBB\xBF", ": empty file (no header)");
	expect_fail("\n\r\n  \n", ": empty file (no header)");
	GString *wide = g_string_new("model_id");
	for (int i = 0; i < 10000; i++)
		g_string_append(wide, ",c");
	g_string_append(wide, "\n");
	expect_fail(wide->str, ":1: header has more than 10000 fields");
	g_string_free(wide, TRUE);
}

static void test_error_files(void)
{
	char *dir = g_dir_make_tmp("eoi-csv-XXXXXX", NULL);
	char *missing = g_build_filename(dir, "nope.csv", NULL);
	expect_fail_path(missing, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_NOINPUT,
			 ": No such file or directory");
	expect_fail_path(dir, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_NOINPUT, ": Is a directory");
	g_rmdir(dir);
	g_free(missing);
	g_free(dir);
}

static void test_error_gzip(void)
{
	GString *text = g_string_new("model_id,date,downloads\n");
	for (int i = 0; i < 200; i++)
		g_string_append_printf(text, "m/%d,2025-02-26,%d\n", i, i);
	char *path = write_gz(text->str);
	gchar *gz = NULL;
	gsize len = 0;
	TK_CHECK(g_file_get_contents(path, &gz, &len, NULL) && len > 40);
	remove_tmp(path);
	/* a flipped byte in the deflate data */
	gz[len / 2] ^= 0x55;
	expect_fail_bytes(".csv.gz", gz, len, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_DATA,
			  ": corrupt gzip data");
	gz[len / 2] ^= 0x55;
	/* a wrong CRC in the trailer */
	gz[len - 8] ^= 0x01;
	expect_fail_bytes(".csv.gz", gz, len, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_DATA,
			  ": corrupt gzip data");
	gz[len - 8] ^= 0x01;
	/* truncated: the trailer, then half the stream */
	expect_fail_bytes(".csv.gz", gz, len - 8, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_DATA,
			  ": truncated gzip data (unexpected end of file)");
	expect_fail_bytes(".csv.gz", gz, len / 2, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_DATA,
			  ": truncated gzip data (unexpected end of file)");
	g_free(gz);
	g_string_free(text, TRUE);
}

/* A runaway quoted field stops at 1 MiB instead of eating the file. */
static void test_error_field_too_long(void)
{
	size_t n = (2u << 20);
	GString *s = g_string_sized_new(n + 64);
	g_string_append(s, "model_id,date,downloads\na,\"");
	while (s->len < n)
		g_string_append(s, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n");
	expect_fail_bytes(".csv", s->str, s->len, ROLE_DOWNLOADS, DAY_NONE, EOI_EXIT_DATA,
			  ":2: field longer than 1 MiB (quoted field opened on line 2 never "
			  "closed?)");
	g_string_free(s, TRUE);
}

/* After an error mid-file the builder holds the rows before it and is
 * still consistent: building it does not crash. */
static void test_error_leaves_builder_usable(void)
{
	const char *text = "model_id,date,downloads,author,params\n"
			   "a,2025-02-26,1,x,1\n"
			   "b,2025-02-26,2,y,oops\n";
	char *path = write_tmp(".csv", text, strlen(text));
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	TK_CHECK(!csv_read_file(path, ROLE_DOWNLOADS, b, &err));
	g_clear_error(&err);
	Dataset *ds = dataset_build(b, &err);
	TK_CHECK(ds != NULL);
	if (ds) {
		TK_EQ_INT(ds->n_rows, 2);
		TK_EQ_STR(attr(ds, "b", COL_AUTHOR), "y");
		dataset_free(ds);
	}
	g_clear_error(&err);
	remove_tmp(path);
}

TK_MAIN(test_release_layout, test_bom_crlf_blank_lines, test_quoted_fields, test_empty_vs_values,
	test_list_cells, test_gzip, test_latest_row_wins, test_aliases, test_snapshot_date,
	test_real_hub_file, test_models_table, test_developers_table, test_header_names,
	test_error_cells, test_error_typed_attrs, test_error_structure, test_error_header,
	test_error_files, test_error_gzip, test_error_field_too_long, test_error_leaves_builder_usable)
