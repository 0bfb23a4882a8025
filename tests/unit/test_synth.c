/*
 * test_synth.c - the synthetic sample generator (gen/sample/).
 *
 * The default sample is generated once into a temp folder and read back
 * with libcsv by the small reader below (independent of eoi's own readers).
 * The storyline checks recompute the statistics from the counters in the
 * file following DESIGN.md §3 (period downloads, baselines, first-parent
 * attribution), so they fail if the downloads do not carry the story.
 */
#include <csv.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "data/dates.h"
#include "eoi.h"
#include "sample/synth.h"
#include "tk.h"

static const char *const want_header[] = {
	"_id", "model", "author", "time", "created", "downloadsAllTime", "annotator", "org_model",
	"org_type", "org_country", "derived_author", "org_country_single", "derived_org_country",
	"derived_org_country_single", "merged_country_groups_single",
	"merged_derived_country_groups_single", "merged_derived_from", "merged_languages",
	"merged_modality", "__index_level_0__", "params", "quantization", "moe",
	"data_transparency", "openness", "base_relation",
};
#define NCOL 26
enum {
	C_ID, C_MODEL, C_AUTHOR, C_TIME, C_CREATED, C_DOWNLOADS, C_ANNOTATOR, C_ORG_MODEL, C_ORG_TYPE,
	C_ORG_COUNTRY, C_DERIVED_AUTHOR, C_COUNTRY, C_DERIVED_COUNTRY, C_DERIVED_COUNTRY_SINGLE,
	C_GROUP, C_DERIVED_GROUP, C_PARENTS, C_LANGUAGES, C_MODALITY, C_INDEX, C_PARAMS, C_QUANT,
	C_MOE, C_TRANSPARENCY, C_OPENNESS, C_RELATION,
};

/* ---- reading the file back ------------------------------------------------ */

typedef struct {
	char *cell[NCOL]; /* the model's first row (its constant cells) */
	Day created;      /* DAY_NONE when empty */
} Model;

typedef struct {
	uint32_t model;
	Day t;
	int64_t count;
	uint32_t pos; /* row number, for stable sorting */
} Row;

typedef struct {
	char *header[NCOL];
	int n_header;
	GArray *rows;        /* Row */
	GPtrArray *models;   /* Model *, in order of first appearance */
	GHashTable *by_id;   /* model id -> index + 1 */
	/* parser state */
	char *cur[NCOL];
	int field;
	bool in_header;
	int bad_rows;        /* rows with a wrong field count or bad cells */
	int bad_index;       /* __index_level_0__ not the running row number */
	int bad_cells;       /* cells not in the documented format */
} Table;

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	Table *tb = data;
	if (tb->field < NCOL)
		tb->cur[tb->field] = g_strndup(s, len);
	tb->field++;
}

static bool is_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Formats the brief asks for, cell by cell. */
static bool cells_ok(char **c)
{
	Day d;
	size_t n = strlen(c[C_CREATED]);
	bool ok = date_parse(c[C_TIME], strlen(c[C_TIME]), &d) && strlen(c[C_TIME]) == 10 && d % 7 == 6;
	ok = ok && (n == 0 || (n == 25 && g_str_has_suffix(c[C_CREATED], "+00:00") &&
			       date_parse(c[C_CREATED], n, &d)));
	ok = ok && is_digits(c[C_DOWNLOADS]);
	ok = ok && (!*c[C_ANNOTATOR] || (strlen(c[C_ANNOTATOR]) == 3 && g_str_has_suffix(c[C_ANNOTATOR], ".0")));
	ok = ok && (!*c[C_PARAMS] || is_digits(c[C_PARAMS]));
	ok = ok && (!strcmp(c[C_MOE], "True") || !strcmp(c[C_MOE], "False"));
	int lists[] = { C_ORG_COUNTRY, C_DERIVED_COUNTRY, C_PARENTS, C_LANGUAGES };
	for (size_t i = 0; i < G_N_ELEMENTS(lists); i++)
		ok = ok && c[lists[i]][0] == '[' && g_str_has_suffix(c[lists[i]], "]");
	return ok && strstr(c[C_MODALITY], " --> ") != NULL;
}

static void take_row(Table *tb)
{
	char **c = tb->cur;
	uint32_t pos = tb->rows->len;
	if (!cells_ok(c))
		tb->bad_cells++;
	if (g_ascii_strtoull(c[C_INDEX], NULL, 10) != pos || !is_digits(c[C_INDEX]))
		tb->bad_index++;
	gpointer v = g_hash_table_lookup(tb->by_id, c[C_MODEL]);
	uint32_t mi;
	if (v) {
		mi = GPOINTER_TO_UINT(v) - 1;
	} else {
		Model *m = g_new0(Model, 1);
		for (int i = 0; i < NCOL; i++)
			m->cell[i] = g_strdup(c[i]);
		if (!date_parse(c[C_CREATED], strlen(c[C_CREATED]), &m->created))
			m->created = DAY_NONE;
		mi = tb->models->len;
		g_ptr_array_add(tb->models, m);
		g_hash_table_insert(tb->by_id, m->cell[C_MODEL], GUINT_TO_POINTER(mi + 1));
	}
	Row r = { mi, DAY_NONE, g_ascii_strtoll(c[C_DOWNLOADS], NULL, 10), pos };
	date_parse(c[C_TIME], strlen(c[C_TIME]), &r.t);
	g_array_append_val(tb->rows, r);
}

static void on_row(int ch, void *data)
{
	(void)ch;
	Table *tb = data;
	if (tb->in_header) {
		tb->n_header = tb->field;
		for (int i = 0; i < NCOL; i++)
			tb->header[i] = tb->cur[i] ? tb->cur[i] : g_strdup("");
		memset(tb->cur, 0, sizeof tb->cur);
		tb->in_header = false;
	} else if (tb->field != NCOL) {
		tb->bad_rows++;
	} else {
		take_row(tb);
	}
	for (int i = 0; i < NCOL; i++)
		g_clear_pointer(&tb->cur[i], g_free);
	tb->field = 0;
}

static void model_free(gpointer p)
{
	Model *m = p;
	for (int i = 0; i < NCOL; i++)
		g_free(m->cell[i]);
	g_free(m);
}

static void table_free(Table *tb)
{
	if (!tb)
		return;
	for (int i = 0; i < NCOL; i++)
		g_free(tb->header[i]);
	g_array_free(tb->rows, TRUE);
	g_hash_table_destroy(tb->by_id);
	g_ptr_array_set_free_func(tb->models, model_free);
	g_ptr_array_free(tb->models, TRUE);
	g_free(tb);
}

/* Read a (gzip or plain: gzread reads both) CSV; NULL on a parse error. */
static Table *table_read(const char *path)
{
	Table *tb = g_new0(Table, 1);
	tb->rows = g_array_new(FALSE, FALSE, sizeof(Row));
	tb->models = g_ptr_array_new();
	tb->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	tb->in_header = true;
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&p, no_space);
	gzFile gz = gzopen(path, "rb");
	char buf[1 << 16];
	int n;
	bool ok = gz != NULL;
	while (ok && (n = gzread(gz, buf, sizeof buf)) > 0)
		ok = csv_parse(&p, buf, (size_t)n, on_field, on_row, tb) == (size_t)n;
	ok = ok && csv_fini(&p, on_field, on_row, tb) == 0;
	csv_free(&p);
	if (gz)
		gzclose(gz);
	if (!ok) {
		printf("table_read: %s: cannot parse\n", path);
		table_free(tb);
		return NULL;
	}
	return tb;
}

static int cmp_rows(const void *a, const void *b);

/* The default sample, generated and read once for the tests below. */
static Table *the_sample;
static double gen_seconds;

static Table *sample(void)
{
	if (the_sample)
		return the_sample;
	char *dir = g_dir_make_tmp("synthXXXXXX", NULL);
	char *path = g_build_filename(dir, "sample.csv.gz", NULL);
	SynthOptions opt;
	synth_options_default(&opt);
	uint64_t rows = 0;
	GError *err = NULL;
	gint64 t0 = g_get_monotonic_time();
	bool ok = synth_write(&opt, path, &rows, &err);
	gen_seconds = (double)(g_get_monotonic_time() - t0) / 1e6;
	if (!ok) {
		printf("synth_write: %s\n", err->message);
		exit(1);
	}
	GStatBuf st;
	g_stat(path, &st);
	printf("default sample: %" G_GUINT64_FORMAT " rows, %lld bytes, %.2f s\n", rows,
	       (long long)st.st_size, gen_seconds);
	the_sample = table_read(path);
	if (!the_sample || the_sample->rows->len != rows) {
		printf("read back %u rows, synth_write said %" G_GUINT64_FORMAT "\n",
		       the_sample ? the_sample->rows->len : 0, rows);
		exit(1);
	}
	g_array_sort(the_sample->rows, cmp_rows);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	return the_sample;
}

static const Model *model_of(const Table *tb, uint32_t i)
{
	return g_ptr_array_index(tb->models, i);
}

static int year_of(Day d)
{
	int y, m, dd;
	day_to_civil(d, &y, &m, &dd);
	return y;
}

/* ---- period downloads (DESIGN.md §3) -------------------------------------- */

static int cmp_rows(const void *a, const void *b)
{
	const Row *x = a, *y = b;
	if (x->model != y->model)
		return x->model < y->model ? -1 : 1;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

typedef struct {
	int dups, drops, baselines, real_firsts, late_baselines;
	Day *snaps;
	guint n_snaps;
} Flow;

static int cmp_day(const void *a, const void *b)
{
	Day x = *(const Day *)a, y = *(const Day *)b;
	return (x > y) - (x < y);
}

/* Distinct snapshot dates, ascending. */
static void flow_snaps(const Table *tb, Flow *f)
{
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < tb->rows->len; i++)
		g_hash_table_add(seen, GINT_TO_POINTER(g_array_index(tb->rows, Row, i).t));
	f->n_snaps = g_hash_table_size(seen);
	f->snaps = g_new(Day, f->n_snaps);
	GHashTableIter it;
	gpointer k;
	guint j = 0;
	g_hash_table_iter_init(&it, seen);
	while (g_hash_table_iter_next(&it, &k, NULL))
		f->snaps[j++] = GPOINTER_TO_INT(k);
	qsort(f->snaps, f->n_snaps, sizeof(Day), cmp_day);
	g_hash_table_destroy(seen);
}

static Day prev_snap(const Flow *f, Day t)
{
	Day prev = DAY_NONE;
	for (guint a = 0, b = f->n_snaps; a < b;) {
		guint mid = (a + b) / 2;
		if (f->snaps[mid] < t) {
			prev = f->snaps[mid];
			a = mid + 1;
		} else {
			b = mid;
		}
	}
	return prev;
}

typedef void (*FlowFn)(const Model *m, Day t, int64_t d, void *ud);

/* Walk the period downloads d_k of every model (rows sorted by model, date):
 * duplicates keep the larger count, drops count 0, a first count is a
 * download only when the model was created after the previous snapshot. */
static void flow_walk(const Table *tb, Flow *f, FlowFn fn, void *ud)
{
	memset(f, 0, sizeof *f);
	flow_snaps(tb, f);
	const Row *r = (const Row *)tb->rows->data;
	guint n = tb->rows->len;
	for (guint i = 0; i < n;) {
		const Model *m = model_of(tb, r[i].model);
		int64_t max = 0, last = -1;
		bool first = true;
		for (; i < n && model_of(tb, r[i].model) == m; i++) {
			int64_t c = r[i].count;
			while (i + 1 < n && r[i + 1].model == r[i].model && r[i + 1].t == r[i].t) {
				f->dups++;
				c = MAX(c, r[i + 1].count);
				i++;
			}
			if (first) {
				Day prev = prev_snap(f, r[i].t);
				bool real = m->created != DAY_NONE && prev != DAY_NONE && m->created > prev;
				f->real_firsts += real;
				f->baselines += !real;
				f->late_baselines += m->created != DAY_NONE && r[i].t - m->created > 28;
				if (real)
					fn(m, r[i].t, c, ud);
				max = c;
				first = false;
			} else {
				f->drops += c < last;
				if (c > max) {
					fn(m, r[i].t, c - max, ud);
					max = c;
				}
			}
			last = c;
		}
	}
}

#define Y0 2018
#define NY 9
typedef struct {
	int col;            /* column whose value is counted */
	const char *value;
	bool first_year;    /* the Rolling Window Filter */
	double part[NY], total[NY];
} Share;

static void share_fn(const Model *m, Day t, int64_t d, void *ud)
{
	Share *s = ud;
	int y = year_of(t) - Y0;
	if (y < 0 || y >= NY)
		return;
	if (s->first_year && (m->created == DAY_NONE || t - m->created > 365))
		return;
	s->total[y] += (double)d;
	if (strcmp(m->cell[s->col], s->value) == 0)
		s->part[y] += (double)d;
}

/* Share of the downloads of YEAR going to models whose COL is VALUE. */
static double share_in(int col, const char *value, bool first_year, int year)
{
	Share s = { col, value, first_year, { 0 }, { 0 } };
	Flow f;
	flow_walk(sample(), &f, share_fn, &s);
	g_free(f.snaps);
	int y = year - Y0;
	return s.total[y] > 0 ? s.part[y] / s.total[y] : -1;
}

/* ---- model properties by creation year ------------------------------------------ */

typedef bool (*ModelPred)(const Model *m);

/* Share of the models created in YEAR for which PRED holds (-1 if none). */
static double created_share(int year, ModelPred pred)
{
	const Table *tb = sample();
	int n = 0, yes = 0;
	for (guint i = 0; i < tb->models->len; i++) {
		const Model *m = model_of(tb, i);
		if (m->created == DAY_NONE || year_of(m->created) != year)
			continue;
		n++;
		yes += pred(m);
	}
	return n ? (double)yes / n : -1;
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median_params(int year)
{
	const Table *tb = sample();
	GArray *v = g_array_new(FALSE, FALSE, sizeof(double));
	for (guint i = 0; i < tb->models->len; i++) {
		const Model *m = model_of(tb, i);
		if (m->created != DAY_NONE && year_of(m->created) == year && *m->cell[C_PARAMS]) {
			double p = g_ascii_strtod(m->cell[C_PARAMS], NULL);
			g_array_append_val(v, p);
		}
	}
	g_array_sort(v, cmp_dbl);
	double med = v->len ? g_array_index(v, double, v->len / 2) : -1;
	g_array_free(v, TRUE);
	return med;
}

static bool is_quantized(const Model *m)
{
	return strcmp(m->cell[C_QUANT], "none") != 0;
}

static bool is_moe(const Model *m)
{
	return strcmp(m->cell[C_MOE], "True") == 0;
}

static bool not_disclosed(const Model *m)
{
	return strcmp(m->cell[C_TRANSPARENCY], "not_disclosed") == 0;
}

static bool disclosed_available(const Model *m)
{
	return strcmp(m->cell[C_TRANSPARENCY], "disclosed_available") == 0;
}

static bool multimodal_generation(const Model *m)
{
	const char *mod = m->cell[C_MODALITY];
	const char *out = strstr(mod, " --> ") + 5;
	return !strcmp(out, "Image") || !strcmp(out, "Video") || !strcmp(out, "Audio") ||
	       (!strcmp(out, "Text") && strstr(mod, " + ") != NULL);
}

/* ---- parents ----------------------------------------------------------------------- */

/* Entries of a list cell "['a', 'b']" (quotes and blanks stripped). */
static GPtrArray *list_entries(const char *cell)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	size_t n = strlen(cell);
	if (n < 2)
		return out;
	char *body = g_strndup(cell + 1, n - 2);
	char **parts = g_strsplit(body, ",", -1);
	for (char **p = parts; *p; p++) {
		char *e = g_strstrip(*p);
		size_t len = strlen(e);
		if (len >= 2 && e[0] == '\'' && e[len - 1] == '\'')
			g_ptr_array_add(out, g_strndup(e + 1, len - 2));
	}
	g_strfreev(parts);
	g_free(body);
	return out;
}

static bool placeholder(const char *s)
{
	return !*s || !strcmp(s, "No") || !strcmp(s, "Unsure") || !strcmp(s, "None") || !strcmp(s, "null");
}

/* The first real parent of M (owned by the caller) or NULL. */
static char *first_parent(const Model *m)
{
	GPtrArray *e = list_entries(m->cell[C_PARENTS]);
	char *p = NULL;
	for (guint i = 0; i < e->len && !p; i++)
		if (!placeholder(g_ptr_array_index(e, i)))
			p = g_strdup(g_ptr_array_index(e, i));
	g_ptr_array_free(e, TRUE);
	return p;
}

static const Model *find_model(const Table *tb, const char *id)
{
	gpointer v = g_hash_table_lookup(tb->by_id, id);
	return v ? model_of(tb, GPOINTER_TO_UINT(v) - 1) : NULL;
}

/* Credited developer by the first-parent walk; chain length in *DEPTH. */
static char *walk_root(const Table *tb, const Model *m, int *depth)
{
	*depth = 0;
	char *p;
	while ((p = first_parent(m)) != NULL && *depth < 64) {
		(*depth)++;
		const Model *q = find_model(tb, p);
		if (!q) {
			char *ns = g_strndup(p, strcspn(p, "/"));
			g_free(p);
			return ns;
		}
		g_free(p);
		m = q;
	}
	g_free(p);
	return g_strdup(m->cell[C_AUTHOR]);
}

/* ---- tests -------------------------------------------------------------------------- */

static char *tmp_path(const char *name, char **dir)
{
	*dir = g_dir_make_tmp("synthXXXXXX", NULL);
	return g_build_filename(*dir, name, NULL);
}

static GBytes *slurp(const char *path)
{
	gchar *data = NULL;
	gsize len = 0;
	if (!g_file_get_contents(path, &data, &len, NULL))
		return NULL;
	return g_bytes_new_take(data, len);
}

/* Two runs give the same bytes; another seed gives other bytes. */
static void test_deterministic(void)
{
	sample(); /* time the first run on its own */
	TK_CHECK(gen_seconds < 10.0);
	char *dir;
	char *path = tmp_path("a.csv.gz", &dir);
	char *path2 = g_build_filename(dir, "b.csv.gz", NULL);
	char *path3 = g_build_filename(dir, "c.csv.gz", NULL);
	SynthOptions opt;
	synth_options_default(&opt);
	TK_CHECK(synth_write(&opt, path, NULL, NULL));
	TK_CHECK(synth_write(&opt, path2, NULL, NULL));
	opt.seed++;
	TK_CHECK(synth_write(&opt, path3, NULL, NULL));
	GBytes *a = slurp(path), *b = slurp(path2), *c = slurp(path3);
	TK_CHECK(a && b && c);
	if (a && b && c) {
		TK_CHECK(g_bytes_equal(a, b));
		TK_CHECK(!g_bytes_equal(a, c));
		/* gzip header: no name, modification time 0 */
		const guint8 *h = g_bytes_get_data(a, NULL);
		TK_CHECK(h[0] == 0x1f && h[1] == 0x8b && h[3] == 0);
		TK_EQ_INT(h[4] | h[5] | h[6] | h[7], 0);
		TK_CHECK(g_bytes_get_size(a) < 6 * 1000 * 1000);
	}
	g_bytes_unref(a);
	g_bytes_unref(b);
	g_bytes_unref(c);
	g_unlink(path);
	g_unlink(path2);
	g_unlink(path3);
	g_rmdir(dir);
	g_free(path);
	g_free(path2);
	g_free(path3);
	g_free(dir);
}

/* A plain .csv holds exactly the bytes the .csv.gz decompresses to. */
static void test_plain_equals_gzip(void)
{
	char *dir;
	char *plain = tmp_path("s.csv", &dir);
	char *gz = g_build_filename(dir, "s.csv.gz", NULL);
	SynthOptions opt;
	synth_options_default(&opt);
	opt.n_models = 300;
	uint64_t r1 = 0, r2 = 0;
	TK_CHECK(synth_write(&opt, plain, &r1, NULL));
	TK_CHECK(synth_write(&opt, gz, &r2, NULL));
	TK_EQ_INT(r1, r2);
	TK_CHECK(r1 > 300);
	GBytes *a = slurp(plain);
	GByteArray *b = g_byte_array_new();
	gzFile f = gzopen(gz, "rb");
	char buf[1 << 16];
	int n;
	while (f && (n = gzread(f, buf, sizeof buf)) > 0)
		g_byte_array_append(b, (const guint8 *)buf, (guint)n);
	if (f)
		gzclose(f);
	TK_CHECK(a && g_bytes_get_size(a) == b->len &&
		 memcmp(g_bytes_get_data(a, NULL), b->data, b->len) == 0);
	/* the plain file is not compressed */
	TK_CHECK(a && memcmp(g_bytes_get_data(a, NULL), "_id,model,", 10) == 0);
	Table *tb = table_read(plain);
	TK_CHECK(tb && tb->rows->len == r1 && tb->bad_rows == 0);
	table_free(tb);
	g_bytes_unref(a);
	g_byte_array_free(b, TRUE);
	g_unlink(plain);
	g_unlink(gz);
	g_rmdir(dir);
	g_free(plain);
	g_free(gz);
	g_free(dir);
}

static void test_header_and_cells(void)
{
	const Table *tb = sample();
	TK_EQ_INT(tb->n_header, NCOL);
	for (int i = 0; i < NCOL; i++)
		TK_EQ_STR(tb->header[i], want_header[i]);
	TK_EQ_INT(tb->bad_rows, 0);
	TK_EQ_INT(tb->bad_cells, 0);
	TK_EQ_INT(tb->bad_index, 0);
}

static void test_sizes(void)
{
	const Table *tb = sample();
	GHashTable *devs = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < tb->models->len; i++)
		g_hash_table_add(devs, model_of(tb, i)->cell[C_AUTHOR]);
	guint n_devs = g_hash_table_size(devs);
	printf("models %u, developers %u, rows %u\n", tb->models->len, n_devs, tb->rows->len);
	TK_EQ_INT(tb->models->len, 4000);
	TK_CHECK(n_devs >= 300 && n_devs <= 600);
	TK_CHECK(tb->rows->len >= 200000 && tb->rows->len <= 350000);
	g_hash_table_destroy(devs);
}

static void test_nation_groups(void)
{
	const Table *tb = sample();
	GHashTable *groups = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < tb->models->len; i++)
		g_hash_table_add(groups, model_of(tb, i)->cell[C_GROUP]);
	TK_CHECK(g_hash_table_size(groups) >= 15);
	const char *named[] = { "USA", "China", "Germany", "France", "United Kingdom", "Canada",
				"South Korea", "Japan", "India", "Asia", "Europe", "Middle East",
				"Latin America", "Africa", "Oceania", "International / Online", "User",
				"Unknown" };
	for (size_t i = 0; i < G_N_ELEMENTS(named); i++)
		if (!g_hash_table_contains(groups, named[i]))
			TK_FAIL_("no developer in group %s", named[i]);
	g_hash_table_destroy(groups);
}

static void test_quality_cases(void)
{
	const Table *tb = sample();
	Flow f;
	Share s = { C_GROUP, "", false, { 0 }, { 0 } };
	flow_walk(tb, &f, share_fn, &s);
	int no_created = 0;
	for (guint i = 0; i < tb->models->len; i++)
		no_created += model_of(tb, i)->created == DAY_NONE;
	printf("no created %d, drops %d, duplicates %d, baselines %d (late %d), real first counts %d\n",
	       no_created, f.drops, f.dups, f.baselines, f.late_baselines, f.real_firsts);
	TK_CHECK(no_created >= 1 && no_created <= 20);
	TK_CHECK(f.drops >= 1 && f.drops <= 20);
	TK_CHECK(f.dups >= 2 && f.dups <= 20);
	TK_CHECK(f.late_baselines >= 3 && f.late_baselines <= 40);
	TK_CHECK(f.baselines >= f.late_baselines + no_created);
	TK_CHECK(f.real_firsts >= (int)tb->models->len * 9 / 10);
	g_free(f.snaps);
}

static void test_attribution_shift(void)
{
	/* credited nation group, every interval and the first-year window */
	for (int w = 0; w <= 1; w++) {
		double cn21 = share_in(C_DERIVED_GROUP, "China", w, 2021);
		double cn25 = share_in(C_DERIVED_GROUP, "China", w, 2025);
		double us21 = share_in(C_DERIVED_GROUP, "USA", w, 2021);
		double us25 = share_in(C_DERIVED_GROUP, "USA", w, 2025);
		double user21 = share_in(C_DERIVED_GROUP, "User", w, 2021);
		double user25 = share_in(C_DERIVED_GROUP, "User", w, 2025);
		printf("window %d: China %.3f -> %.3f, USA %.3f -> %.3f, User %.3f -> %.3f\n", w, cn21,
		       cn25, us21, us25, user21, user25);
		TK_CHECK(cn25 > 2 * cn21 && cn25 > 0.2);
		TK_CHECK(us21 > 0.6 && us25 < us21 - 0.2);
		TK_CHECK(user25 > 2 * user21);
	}
}

static void test_property_trends(void)
{
	double q21 = created_share(2021, is_quantized), q23 = created_share(2023, is_quantized),
	       q25 = created_share(2025, is_quantized);
	printf("quantized %.3f %.3f %.3f\n", q21, q23, q25);
	TK_CHECK(q21 >= 0 && q21 < q23 && q23 < q25);
	double p21 = median_params(2021), p23 = median_params(2023), p25 = median_params(2025);
	printf("median params %.3g %.3g %.3g\n", p21, p23, p25);
	TK_CHECK(p21 > 0 && p21 < p23 && p23 < p25);
	TK_EQ_DBL(created_share(2021, is_moe), 0, 0);
	TK_EQ_DBL(created_share(2022, is_moe), 0, 0);
	TK_CHECK(created_share(2025, is_moe) > 0.01);
	TK_CHECK(created_share(2025, multimodal_generation) > 2 * created_share(2021, multimodal_generation));
	TK_CHECK(created_share(2025, not_disclosed) > created_share(2021, not_disclosed) + 0.1);
	TK_CHECK(created_share(2021, disclosed_available) > created_share(2025, disclosed_available) + 0.1);
}

static void test_derivatives(void)
{
	const Table *tb = sample();
	int derived = 0, outside = 0, no = 0, unsure = 0, disagree = 0, max_depth = 0, later = 0, rel = 0;
	for (guint i = 0; i < tb->models->len; i++) {
		const Model *m = model_of(tb, i);
		const char *pc = m->cell[C_PARENTS];
		no += !strcmp(pc, "['No']");
		unsure += !strcmp(pc, "['Unsure']");
		char *p = first_parent(m);
		rel += (p != NULL) == (*m->cell[C_RELATION] != 0);
		if (p) {
			derived++;
			const Model *q = find_model(tb, p);
			outside += q == NULL;
			if (q && q->created != DAY_NONE && m->created != DAY_NONE)
				later += q->created <= m->created;
			else
				later++;
		}
		g_free(p);
		int depth;
		char *root = walk_root(tb, m, &depth);
		disagree += strcmp(root, m->cell[C_DERIVED_AUTHOR]) != 0;
		max_depth = MAX(max_depth, depth);
		g_free(root);
	}
	int n = (int)tb->models->len;
	printf("derivatives %d of %d, outside %d, No %d, Unsure %d, disagree %d, max depth %d\n",
	       derived, n, outside, no, unsure, disagree, max_depth);
	TK_CHECK(derived >= n * 30 / 100 && derived <= n * 40 / 100);
	TK_EQ_INT(later, derived); /* parents are earlier models */
	TK_EQ_INT(rel, n);         /* base_relation set exactly for derivatives */
	TK_CHECK(outside >= 3 && outside <= n / 20);
	TK_CHECK(no >= 1 && unsure >= 1 && no + unsure <= 40);
	TK_CHECK(disagree >= n / 200 && disagree <= n / 50);
	TK_CHECK(max_depth >= 3 && max_depth <= 4);
}

static void test_errors(void)
{
	char *dir;
	char *missing = tmp_path("no/such/dir/s.csv.gz", &dir);
	SynthOptions opt;
	synth_options_default(&opt);
	opt.n_models = 50;
	GError *err = NULL;
	TK_CHECK(!synth_write(&opt, missing, NULL, &err));
	TK_CHECK(err && err->domain == EOI_ERROR && err->code == EOI_EXIT_CANTCREAT);
	g_clear_error(&err);

	/* renaming onto a directory fails after writing: the temp file goes */
	char *sub = g_build_filename(dir, "taken", NULL);
	char *sub_tmp = g_strconcat(sub, ".tmp", NULL);
	g_mkdir(sub, 0700);
	TK_CHECK(!synth_write(&opt, sub, NULL, &err));
	TK_CHECK(err && err->code == EOI_EXIT_IO);
	TK_CHECK(!g_file_test(sub_tmp, G_FILE_TEST_EXISTS));
	g_clear_error(&err);

	opt.n_models = 0;
	TK_CHECK(!synth_write(&opt, sub_tmp, NULL, &err));
	TK_CHECK(err && err->code == EOI_EXIT_USAGE);
	g_clear_error(&err);
	g_rmdir(sub);
	g_rmdir(dir);
	g_free(sub);
	g_free(sub_tmp);
	g_free(missing);
	g_free(dir);
}

TK_MAIN(test_deterministic, test_plain_equals_gzip, test_header_and_cells, test_sizes,
	test_nation_groups, test_quality_cases, test_attribution_shift, test_property_trends,
	test_derivatives, test_errors)
