/*
 * synth.c - synth_write(): builds the synthetic world, simulates each
 * model's weekly downloads and writes one CSV row per (model, snapshot),
 * model after model, in the release's column order (see synth.h).
 *
 * Output goes to PATH.tmp (plain stdio, or zlib's gzwrite when PATH ends in
 * ".gz") and is renamed to PATH once complete.  zlib writes a gzip header
 * without a name and with modification time 0, so the bytes depend only on
 * the options (and the zlib version).
 */
#include "synth_priv.h"

#include <csv.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "../eoi.h"

static const char header[] =
	"_id,model,author,time,created,downloadsAllTime,annotator,org_model,org_type,"
	"org_country,derived_author,org_country_single,derived_org_country,"
	"derived_org_country_single,merged_country_groups_single,"
	"merged_derived_country_groups_single,merged_derived_from,merged_languages,"
	"merged_modality,__index_level_0__,params,quantization,moe,data_transparency,"
	"openness,base_relation\n";

/* The models table of the split layout: the same columns without time,
 * downloadsAllTime and __index_level_0__. */
static const char models_header[] =
	"_id,model,author,created,annotator,org_model,org_type,"
	"org_country,derived_author,org_country_single,derived_org_country,"
	"derived_org_country_single,merged_country_groups_single,"
	"merged_derived_country_groups_single,merged_derived_from,merged_languages,"
	"merged_modality,params,quantization,moe,data_transparency,"
	"openness,base_relation\n";

/* ---- the world -------------------------------------------------------------- */

static void dev_free(gpointer p)
{
	SynthDev *d = p;
	g_free(d->name);
	g_free(d->stem);
	g_free(d->countries);
	g_free(d);
}

SynthWorld *synth_world_new(const SynthOptions *opt)
{
	SynthWorld *w = g_new0(SynthWorld, 1);
	w->opt = opt;
	w->n_snaps = (uint32_t)((opt->end - opt->start) / 7 + 1);
	w->snaps = g_new(Day, w->n_snaps);
	for (uint32_t k = 0; k < w->n_snaps; k++)
		w->snaps[k] = opt->start + 7 * (Day)k;
	w->devs = g_ptr_array_new_with_free_func(dev_free);
	w->strings = g_ptr_array_new_with_free_func(g_free);
	w->names = g_hash_table_new(g_str_hash, g_str_equal);
	w->n_models = opt->n_models;
	SynthRng rng;
	srng_seed(&rng, opt->seed);
	synth_devs_build(w, &rng);
	synth_models_build(w, &rng);
	return w;
}

void synth_world_free(SynthWorld *w)
{
	if (!w)
		return;
	for (uint32_t i = 0; w->models && i < w->n_models; i++) {
		g_free(w->models[i].id);
		g_free(w->models[i].parents);
	}
	g_free(w->models);
	g_hash_table_destroy(w->names);
	g_ptr_array_free(w->devs, TRUE);
	g_ptr_array_free(w->strings, TRUE);
	g_free(w->snaps);
	g_free(w);
}

/* ---- cells ------------------------------------------------------------------ */

/* Append V as one CSV cell: quoted (by libcsv) only when it must be. */
static void cell(GString *s, const char *v, bool last)
{
	size_t len = strlen(v);
	if (strpbrk(v, ",\"\r\n")) {
		size_t need = 2 * len + 2;
		char *q = g_malloc(need);
		size_t n = csv_write(q, need, v, len);
		g_string_append_len(s, q, (gssize)n);
		g_free(q);
	} else {
		g_string_append_len(s, v, (gssize)len);
	}
	g_string_append_c(s, last ? '\n' : ',');
}

static const char *const modality_names[SYNTH_N_MODS] = {
	[SYNTH_MOD_EMBED] = "Text --> Text Embed/Class",
	[SYNTH_MOD_TEXT] = "Text --> Text",
	[SYNTH_MOD_VL] = "Image + Text --> Text",
	[SYNTH_MOD_T2I] = "Text --> Image",
	[SYNTH_MOD_ASR] = "Audio --> Text",
	[SYNTH_MOD_VIDEO] = "Text --> Video",
	[SYNTH_MOD_UNDOC] = "Undocumented --> Undocumented",
	[SYNTH_MOD_IMGCLS] = "Image --> Text Embed/Class",
	[SYNTH_MOD_TTS] = "Text --> Audio",
};

/* The constant cells of a model's rows, in the four pieces around the
 * varying ones: HEAD time MID downloads TAIL index END. */
typedef struct {
	GString *head, *mid, *tail, *end;
} RowParts;

static void parts_build(const SynthWorld *w, const SynthModel *m, RowParts *p)
{
	static const char *const dt[] = { "disclosed_available", "disclosed_unavailable", "not_disclosed" };
	static const char *const rel[] = { "", "finetune", "adapter", "quantized", "merge" };
	const SynthDev *up = synth_dev(w, m->dev), *cr = synth_dev(w, m->credited);
	char buf[64];
	cell(p->head, m->oid, false);
	cell(p->head, m->id, false);
	cell(p->head, up->name, false);
	g_string_append_c(p->mid, ',');
	if (m->quirk != QUIRK_NO_CREATED) {
		int secs = (int)(m->created_s - (int64_t)m->created * 86400);
		g_string_append_printf(p->mid, "%s %02d:%02d:%02d+00:00", day_format(m->created, buf),
				       secs / 3600, secs / 60 % 60, secs % 60);
	}
	g_string_append_c(p->mid, ',');
	g_string_append_c(p->tail, ',');
	if (m->annotator)
		g_string_append_printf(p->tail, "%d.0", m->annotator);
	g_string_append_c(p->tail, ',');
	const char *mid_cells[] = { up->org_model, up->org_type, up->countries, cr->name, up->country,
				    cr->countries, cr->country, up->group, cr->group, m->parents };
	for (size_t i = 0; i < G_N_ELEMENTS(mid_cells); i++)
		cell(p->tail, mid_cells[i], false);
	char *langs = g_strdup_printf("[%s]", m->langs);
	cell(p->tail, langs, false);
	g_free(langs);
	cell(p->tail, modality_names[m->modality], false);
	g_string_append_c(p->end, ',');
	if (m->params)
		g_snprintf(buf, sizeof buf, "%" PRId64, m->params);
	cell(p->end, m->params ? buf : "", false);
	cell(p->end, m->quant, false);
	cell(p->end, m->moe ? "True" : "False", false);
	cell(p->end, m->transparency >= 0 ? dt[m->transparency] : "", false);
	cell(p->end, m->open_source < 0 ? "" : m->open_source ? "open_source" : "open_weights", false);
	cell(p->end, rel[m->relation], true);
}

/* ---- output sink -------------------------------------------------------------- */

typedef struct {
	const char *path; /* the temp file */
	FILE *fp;
	gzFile gz;
	GString *buf;
	bool failed;
	int errnum;
} Sink;

static bool sink_open(Sink *s, const char *tmp, bool gz, GError **err)
{
	memset(s, 0, sizeof *s);
	s->path = tmp;
	errno = 0;
	if (gz) {
		s->gz = gzopen(tmp, "wb9");
		if (s->gz)
			gzbuffer(s->gz, 1 << 17);
	} else {
		s->fp = fopen(tmp, "wb");
	}
	if (!s->gz && !s->fp) {
		int e = errno ? errno : ENOMEM;
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create: %s", tmp, g_strerror(e));
		return false;
	}
	s->buf = g_string_sized_new(1 << 20);
	return true;
}

static void sink_flush(Sink *s)
{
	if (s->buf->len && !s->failed) {
		errno = 0;
		bool ok = s->gz ? gzwrite(s->gz, s->buf->str, (unsigned)s->buf->len) == (int)s->buf->len :
				  fwrite(s->buf->str, 1, s->buf->len, s->fp) == s->buf->len;
		if (!ok) {
			s->failed = true;
			s->errnum = errno ? errno : EIO;
		}
	}
	g_string_truncate(s->buf, 0);
}

/* Flush and close; false with ERR set when any write failed. */
static bool sink_close(Sink *s, GError **err)
{
	sink_flush(s);
	errno = 0;
	if (s->gz) {
		if (gzclose(s->gz) != Z_OK && !s->failed) {
			s->failed = true;
			s->errnum = errno ? errno : EIO;
		}
	} else if (s->fp) {
		if (fclose(s->fp) != 0 && !s->failed) {
			s->failed = true;
			s->errnum = errno ? errno : EIO;
		}
	}
	s->gz = NULL;
	s->fp = NULL;
	g_string_free(s->buf, TRUE);
	s->buf = NULL;
	if (s->failed)
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: write failed: %s", s->path, g_strerror(s->errnum));
	return !s->failed;
}

/* ---- rows --------------------------------------------------------------------- */

typedef struct {
	Sink *sink;   /* the downloads table */
	Sink *models; /* the models table (split layout), else NULL */
	uint64_t rows;
} Writer;

static void emit_row(Writer *wr, const RowParts *p, const char *id, Day t, int64_t count)
{
	GString *b = wr->sink->buf;
	char date[11];
	if (wr->models) {
		/* Split layout: model, time, downloadsAllTime. */
		g_string_append(b, id);
		g_string_append_c(b, ',');
		g_string_append(b, day_format(t, date));
		g_string_append_printf(b, ",%" PRId64 "\n", count);
	} else {
		g_string_append_len(b, p->head->str, (gssize)p->head->len);
		g_string_append(b, day_format(t, date));
		g_string_append_len(b, p->mid->str, (gssize)p->mid->len);
		g_string_append_printf(b, "%" PRId64, count);
		g_string_append_len(b, p->tail->str, (gssize)p->tail->len);
		g_string_append_printf(b, "%" PRIu64, wr->rows);
		g_string_append_len(b, p->end->str, (gssize)p->end->len);
	}
	wr->rows++;
	if (b->len > (1u << 20) - 4096)
		sink_flush(wr->sink);
}

/* The models-table row of a model: the release row without time,
 * downloadsAllTime and __index_level_0__ (see models_header). */
static void emit_model(Writer *wr, const RowParts *p)
{
	GString *b = wr->models->buf;
	g_string_append_len(b, p->head->str, (gssize)p->head->len);
	g_string_append_len(b, p->mid->str + 1, (gssize)p->mid->len - 1);
	g_string_append_len(b, p->tail->str + 1, (gssize)p->tail->len - 1);
	g_string_append_len(b, p->end->str + 1, (gssize)p->end->len - 1);
	if (b->len > (1u << 20) - 4096)
		sink_flush(wr->models);
}

/* Downloads drawn around the expectation X: log-normal weekly noise, then
 * rounded at random so small expectations still give whole counts. */
static int64_t draw_count(SynthRng *rng, double x)
{
	double v = x * exp(0.35 * srng_normal(rng) - 0.06125) + srng_unif(rng);
	return v < 9e15 ? (int64_t)v : (int64_t)9e15;
}

/* Counter of M at snapshot T, from downloads since creation. PREV is the
 * snapshot before T (or the creation day). */
static int64_t week_downloads(const SynthWorld *w, const SynthModel *m, SynthRng *rng, Day prev, Day t)
{
	double days = t - (prev > m->created ? prev : m->created) + 0.5;
	if (days > 7)
		days = 7;
	return draw_count(rng, synth_expected_weekly(w, m, t) * days / 7.0);
}

static void write_model(Writer *wr, const SynthWorld *w, uint32_t i)
{
	const SynthModel *m = &w->models[i];
	RowParts p = { g_string_new(NULL), g_string_new(NULL), g_string_new(NULL), g_string_new(NULL) };
	parts_build(w, m, &p);
	GString *id = g_string_new(NULL);
	cell(id, m->id, true);
	g_string_truncate(id, id->len - 1); /* the cell without its '\n' */
	if (wr->models)
		emit_model(wr, &p);
	bool dense = w->opt->dense;
	int32_t first = dense ? 0 : m->first, last = dense ? (int32_t)w->n_snaps - 1 : m->last;
	SynthRng rng;
	srng_seed(&rng, w->opt->seed ^ ((uint64_t)(i + 1) * UINT64_C(0xD1B54A32D192ED03)));
	int64_t cum = 0, shown = -1;
	for (Day t = m->created + 7; t < w->snaps[0]; t += 7) /* before the first snapshot */
		cum += week_downloads(w, m, &rng, t - 7, t);
	int32_t mark = m->first + (m->last - m->first) / 2;
	for (int32_t k = 0; k <= last; k++) {
		Day t = w->snaps[k];
		if (t < m->created) {
			if (dense)
				emit_row(wr, &p, id->str, t, 0);
			continue;
		}
		cum += week_downloads(w, m, &rng, k ? w->snaps[k - 1] : t - 7, t);
		if (k < first)
			continue;
		int64_t out = cum;
		if (m->quirk == QUIRK_DROP && k >= mark && shown >= 2) {
			out = shown - 1 - (int64_t)srng_below(&rng, (uint32_t)MIN(shown / 10, 1000000));
			mark = INT32_MAX;
		}
		emit_row(wr, &p, id->str, t, out);
		if (k == mark && m->quirk == QUIRK_DUP_EXACT)
			emit_row(wr, &p, id->str, t, out);
		if (k == mark && m->quirk == QUIRK_DUP_STALE && shown >= 0)
			emit_row(wr, &p, id->str, t, shown);
		shown = out;
	}
	g_string_free(id, TRUE);
	g_string_free(p.head, TRUE);
	g_string_free(p.mid, TRUE);
	g_string_free(p.tail, TRUE);
	g_string_free(p.end, TRUE);
}

/* ---- synth_write ------------------------------------------------------------------ */

static bool check_options(const SynthOptions *opt, GError **err)
{
	if (opt->n_models == 0 || opt->end < opt->start || opt->start == DAY_NONE) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE,
			    "sample: need at least one model and an end date not before the start");
		return false;
	}
	return true;
}

/* Close SINK and move its temp file TMP to PATH; on failure remove TMP. */
static bool sink_commit(Sink *sink, const char *tmp, const char *path, GError **err)
{
	if (!sink_close(sink, err)) {
		unlink(tmp);
		return false;
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: cannot rename from %s: %s", path, tmp, g_strerror(e));
		unlink(tmp);
		return false;
	}
	return true;
}

/* Close SINK without keeping its temp file (after another failure). */
static void sink_discard(Sink *sink, const char *tmp)
{
	if (sink->fp || sink->gz)
		sink_close(sink, NULL);
	unlink(tmp);
}

bool synth_write(const SynthOptions *opt, const char *path, uint64_t *rows, GError **err)
{
	if (!check_options(opt, err))
		return false;
	bool ok = false;
	char *tmp = g_strconcat(path, ".tmp", NULL);
	char *mtmp = opt->models_path ? g_strconcat(opt->models_path, ".tmp", NULL) : NULL;
	SynthWorld *w = synth_world_new(opt);
	Sink sink, models;
	if (!sink_open(&sink, tmp, g_str_has_suffix(path, ".gz"), err))
		goto out;
	if (mtmp && !sink_open(&models, mtmp, g_str_has_suffix(opt->models_path, ".gz"), err)) {
		sink_discard(&sink, tmp);
		goto out;
	}
	Writer wr = { &sink, mtmp ? &models : NULL, 0 };
	if (mtmp) {
		g_string_append(sink.buf, "model,time,downloadsAllTime\n");
		g_string_append(models.buf, models_header);
	} else {
		g_string_append(sink.buf, header);
	}
	for (uint32_t i = 0; i < w->n_models; i++) {
		write_model(&wr, w, i);
		if (opt->progress && (i + 1) % 8192 == 0)
			opt->progress(i + 1, w->n_models, wr.rows, opt->progress_data);
	}
	if (mtmp && !sink_commit(&models, mtmp, opt->models_path, err)) {
		sink_discard(&sink, tmp);
		goto out;
	}
	if (!sink_commit(&sink, tmp, path, err)) {
		if (mtmp)
			unlink(opt->models_path);
		goto out;
	}
	if (rows)
		*rows = wr.rows;
	ok = true;
out:
	synth_world_free(w);
	g_free(tmp);
	g_free(mtmp);
	return ok;
}
