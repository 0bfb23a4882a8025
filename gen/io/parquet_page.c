/*
 * parquet_page.c - reading one column chunk: its pages (dictionary, data
 * v1, data v2), decompression, levels and values.
 *
 * The chunk's bytes are read at once (bounded by the file size); each page
 * is decompressed into a scratch buffer reused across pages.  Values of a
 * chunk whose data pages are all dictionary encoded stay as dictionary +
 * indices; when a plain page follows dictionary pages (a writer's fallback
 * when the dictionary grew too big) the indices so far are turned into
 * values.
 */
#include "parquet_internal.h"

#include <stdio.h>
#include <string.h>

#include "../eoi.h"

/* Most level entries a chunk may declare per byte of it: generous for all
 * null columns (RLE runs), yet bounding what a tiny hostile file can make
 * us allocate. */
#define LEVELS_PER_BYTE 65536
#define MIN_LEVELS_CAP (1 << 20)

typedef struct {
	ParquetFile *f;
	const PqLeaf *leaf;
	const PqChunkMeta *meta;
	int rg, page;
	PqColumn *out;
	bool have_dict;
	bool mode_set;   /* out->dict decided by the first data page */
	GError **err;
} ChunkCtx;

void pq_column_clear(PqColumn *c)
{
	g_free(c->def);
	g_free(c->rep);
	g_free(c->indices);
	g_free(c->io);
	g_free(c->scratch);
	pqv_free(&c->dictionary);
	pqv_free(&c->values);
	memset(c, 0, sizeof *c);
}

/* "x.parquet: row group 0, column name, page 3: why" (a list column is
 * named by its top-level field). */
static bool fail(ChunkCtx *cx, const char *why)
{
	const PqField *fd = &cx->f->fields[cx->leaf->field];
	const char *name = fd->shape == PQS_LIST ? fd->name : cx->leaf->path;
	if (cx->page >= 0)
		g_set_error(cx->err, EOI_ERROR, EOI_EXIT_DATA, "%s: row group %d, column %s, page %d: %s",
			    cx->f->path, cx->rg, name, cx->page, why);
	else
		g_set_error(cx->err, EOI_ERROR, EOI_EXIT_DATA, "%s: row group %d, column %s: %s",
			    cx->f->path, cx->rg, name, why);
	return false;
}

/* Empty C, keeping its buffers. */
static void pq_column_reset(PqColumn *c)
{
	c->n_levels = 0;
	c->n_values = 0;
	c->dict = false;
	pqv_reset(&c->values, c->values.type, 0);
	pqv_reset(&c->dictionary, c->dictionary.type, 0);
}

/* Decompress (or point at) a page body of RAW_LEN bytes. */
static const char *page_body(ChunkCtx *cx, int codec, const uint8_t *src, size_t src_len,
			     size_t raw_len, const uint8_t **out)
{
	if (codec == PQC_UNCOMPRESSED) {
		if (src_len != raw_len)
			return "compressed and uncompressed page sizes differ";
		*out = src;
		return NULL;
	}
	if (raw_len > PQ_MAX_PAGE_BYTES)
		return "page too large";
	if (raw_len / pq_codec_max_ratio(codec) > src_len + 64)
		return "uncompressed page size implausible for its compressed size";
	PqColumn *c = cx->out;
	if (raw_len > c->scratch_cap) {
		g_free(c->scratch);
		c->scratch_cap = MAX(raw_len, c->scratch_cap * 2);
		c->scratch = g_malloc(c->scratch_cap);
	}
	*out = c->scratch;
	return pq_decompress(codec, src, src_len, c->scratch, raw_len);
}

static void grow_levels(PqColumn *c, const PqLeaf *leaf, int64_t need)
{
	/* The buffers may come from a read of another leaf: allocate the
	 * ones this leaf needs, and keep every existing one at levels_cap. */
	bool missing = (leaf->max_def && !c->def) || (leaf->max_rep && !c->rep);
	if (need <= c->levels_cap && !missing)
		return;
	int64_t cap = MAX(c->levels_cap, 1024);
	while (cap < need)
		cap *= 2;
	if (leaf->max_def || c->def)
		c->def = g_realloc(c->def, (size_t)cap);
	if (leaf->max_rep || c->rep)
		c->rep = g_realloc(c->rep, (size_t)cap);
	c->levels_cap = cap;
}

/* Append the dictionary values IDX[0..N) to c->values. */
static void append_from_dict(PqColumn *c, const uint32_t *idx, size_t n)
{
	PqValues *v = &c->values;
	if (v->type == PQ_BYTE_ARRAY) {
		for (size_t i = 0; i < n; i++) {
			size_t len;
			const uint8_t *p = pq_bytes(&c->dictionary, idx[i], &len);
			pqv_append_bytes(v, p, len);
		}
		return;
	}
	size_t w = (size_t)v->width;
	uint8_t *dst = pqv_reserve(v, n);
	for (size_t i = 0; i < n; i++)
		memcpy(dst + i * w, c->dictionary.fixed + idx[i] * w, w);
	v->n += n;
}

/* Turn the dictionary indices so far into values (a plain page follows). */
static void materialize(PqColumn *c)
{
	append_from_dict(c, c->indices, c->n_values);
	g_free(c->indices);
	c->indices = NULL;
	c->indices_cap = 0;
	c->dict = false;
}

static const char *dict_indices(ChunkCtx *cx, const uint8_t *p, size_t len, size_t n)
{
	PqColumn *c = cx->out;
	if (!cx->have_dict)
		return "dictionary-encoded page without a dictionary page";
	if (n && len < 1)
		return "dictionary index bit width missing";
	if (!cx->mode_set) {
		c->dict = true;
		cx->mode_set = true;
	}
	/* In dictionary mode the indices go to c->indices; after a fallback
	 * to plain pages, to a temporary array whose values are appended. */
	uint32_t *idx;
	if (c->dict) {
		if (c->n_values + n > c->indices_cap) {
			size_t cap = c->indices_cap ? c->indices_cap : 1024;
			while (cap < c->n_values + n)
				cap *= 2;
			c->indices = g_renew(uint32_t, c->indices, cap);
			c->indices_cap = cap;
		}
		idx = c->indices + c->n_values;
	} else {
		idx = g_new(uint32_t, n ? n : 1);
	}
	const char *e = n ? pq_rle_u32(p + 1, len - 1, p[0], idx, n, NULL) : NULL;
	uint32_t nd = (uint32_t)c->dictionary.n, bad = 0;
	for (size_t i = 0; !e && i < n; i++)
		bad |= idx[i] >= nd;
	if (!e && bad)
		e = "dictionary index out of range";
	if (!e && !c->dict)
		append_from_dict(c, idx, n);
	if (!c->dict)
		g_free(idx);
	if (!e)
		c->n_values += n;
	return e;
}

/* Decode N non-null values of ENCODING from [P, P+LEN) onto the column. */
static const char *decode_values(ChunkCtx *cx, int encoding, const uint8_t *p, size_t len,
				 size_t n, size_t raw_len)
{
	PqColumn *c = cx->out;
	if (encoding == PQE_PLAIN_DICTIONARY || encoding == PQE_RLE_DICTIONARY)
		return dict_indices(cx, p, len, n);
	if (!cx->mode_set)
		cx->mode_set = true;
	else if (c->dict)
		materialize(c);
	PqValues *v = &c->values;
	size_t before = v->n;
	const char *e;
	switch (encoding) {
	case PQE_PLAIN:
		e = pq_decode_plain(p, len, n, v);
		break;
	case PQE_RLE:
		e = v->type == PQ_BOOLEAN ? pq_decode_rle_bool(p, len, n, v)
					  : "RLE encoding on a non-boolean column";
		break;
	case PQE_DELTA_BINARY_PACKED:
		e = pq_decode_delta_ints(p, len, n, v, NULL);
		break;
	case PQE_DELTA_LENGTH_BYTE_ARRAY:
		e = pq_decode_delta_length(p, len, n, v);
		break;
	case PQE_DELTA_BYTE_ARRAY: {
		size_t max = raw_len * 256 + ((size_t)1 << 20);
		e = pq_decode_delta_bytes(p, len, n, v, MIN(max, PQ_MAX_PAGE_BYTES));
		break;
	}
	case PQE_BYTE_STREAM_SPLIT:
		e = pq_decode_byte_stream_split(p, len, n, v);
		break;
	default:
		return "unsupported value encoding";
	}
	if (!e && v->n != before + n)
		e = "wrong number of values decoded";
	if (!e)
		c->n_values += n;
	return e;
}

static const char *dictionary_page(ChunkCtx *cx, const PqPageHeader *h, const uint8_t *src)
{
	PqColumn *c = cx->out;
	if (cx->have_dict || c->n_levels > 0)
		return "dictionary page is not the first page";
	if (h->encoding != PQE_PLAIN && h->encoding != PQE_PLAIN_DICTIONARY)
		return "unsupported dictionary encoding";
	if (h->num_values < 0)
		return "negative dictionary size";
	const uint8_t *body;
	const char *e = page_body(cx, cx->meta->codec, src, (size_t)h->compressed_size,
				  (size_t)h->uncompressed_size, &body);
	if (!e)
		e = pq_decode_plain(body, (size_t)h->uncompressed_size, (size_t)h->num_values,
				    &c->dictionary);
	cx->have_dict = true;
	return e;
}

/* Levels of a v1 page: 4-byte length + RLE, or legacy BIT_PACKED. */
static const char *levels_v1(int encoding, const uint8_t **p, size_t *left, int max, uint8_t *out,
			     size_t n)
{
	int width = pq_bit_width((uint64_t)max);
	size_t used = 0;
	const char *e;
	if (encoding == PQE_RLE) {
		if (*left < 4)
			return "level length truncated";
		const uint8_t *q = *p;
		uint32_t l = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
			     (uint32_t)q[3] << 24;
		if (l > *left - 4)
			return "levels past the end of the page";
		e = pq_rle_levels(q + 4, l, width, max, out, n, NULL);
		used = 4 + (size_t)l;
	} else if (encoding == PQE_BIT_PACKED) {
		e = pq_bitpacked_levels(*p, *left, width, max, out, n, &used);
	} else {
		return "unsupported level encoding";
	}
	if (!e) {
		*p += used;
		*left -= used;
	}
	return e;
}

/* Count the non-null values among N definition levels. */
static size_t count_present(const PqColumn *c, const PqLeaf *leaf, int64_t first, size_t n)
{
	if (leaf->max_def == 0)
		return n;
	size_t k = 0;
	const uint8_t *d = c->def + first;
	uint8_t m = (uint8_t)leaf->max_def;
	for (size_t i = 0; i < n; i++)
		k += d[i] == m;
	return k;
}

static const char *start_data_page(ChunkCtx *cx, const PqPageHeader *h)
{
	PqColumn *c = cx->out;
	if (h->num_values < 0)
		return "negative value count";
	if (h->num_values > cx->meta->num_values - c->n_levels)
		return "page holds more values than the column chunk";
	grow_levels(c, cx->leaf, c->n_levels + h->num_values);
	return NULL;
}

static const char *data_page_v1(ChunkCtx *cx, const PqPageHeader *h, const uint8_t *src)
{
	PqColumn *c = cx->out;
	const PqLeaf *leaf = cx->leaf;
	const char *e = start_data_page(cx, h);
	const uint8_t *p = NULL;
	size_t left = (size_t)h->uncompressed_size, n = (size_t)h->num_values;
	if (!e)
		e = page_body(cx, cx->meta->codec, src, (size_t)h->compressed_size, left, &p);
	if (!e && leaf->max_rep)
		e = levels_v1(h->rep_encoding, &p, &left, leaf->max_rep, c->rep + c->n_levels, n);
	if (!e && leaf->max_def)
		e = levels_v1(h->def_encoding, &p, &left, leaf->max_def, c->def + c->n_levels, n);
	if (e)
		return e;
	size_t present = count_present(c, leaf, c->n_levels, n);
	e = decode_values(cx, h->encoding, p, left, present, (size_t)h->uncompressed_size);
	if (!e)
		c->n_levels += (int64_t)n;
	return e;
}

static const char *data_page_v2(ChunkCtx *cx, const PqPageHeader *h, const uint8_t *src)
{
	PqColumn *c = cx->out;
	const PqLeaf *leaf = cx->leaf;
	const char *e = start_data_page(cx, h);
	size_t n = (size_t)h->num_values;
	if (e)
		return e;
	if (h->rep_bytes < 0 || h->def_bytes < 0 ||
	    (int64_t)h->rep_bytes + h->def_bytes > h->compressed_size ||
	    (int64_t)h->rep_bytes + h->def_bytes > h->uncompressed_size)
		return "bad level byte lengths";
	if (leaf->max_rep)
		e = pq_rle_levels(src, (size_t)h->rep_bytes, pq_bit_width((uint64_t)leaf->max_rep),
				  leaf->max_rep, c->rep + c->n_levels, n, NULL);
	if (!e && leaf->max_def)
		e = pq_rle_levels(src + h->rep_bytes, (size_t)h->def_bytes,
				  pq_bit_width((uint64_t)leaf->max_def), leaf->max_def,
				  c->def + c->n_levels, n, NULL);
	if (e)
		return e;
	size_t present = count_present(c, leaf, c->n_levels, n);
	if (h->num_nulls != (int32_t)(n - present) && leaf->max_rep == 0)
		return "num_nulls does not match the definition levels";
	size_t skip = (size_t)h->rep_bytes + (size_t)h->def_bytes;
	size_t raw = (size_t)h->uncompressed_size - skip;
	const uint8_t *p;
	int codec = h->is_compressed ? cx->meta->codec : PQC_UNCOMPRESSED;
	e = page_body(cx, codec, src + skip, (size_t)h->compressed_size - skip, raw, &p);
	if (!e)
		e = decode_values(cx, h->encoding, p, raw, present, raw);
	if (!e)
		c->n_levels += (int64_t)n;
	return e;
}

/* Where the chunk's pages start and how long they are, checked. */
static const char *chunk_range(ChunkCtx *cx, uint64_t *start, uint64_t *len)
{
	const PqChunkMeta *m = cx->meta;
	if (m->external)
		return "column data in another file is not supported";
	int64_t s = m->data_page_offset;
	if (m->dictionary_page_offset > 0 && m->dictionary_page_offset < s)
		s = m->dictionary_page_offset;
	if (s < 4 || m->total_compressed_size < 0)
		return "bad column chunk offset or size";
	if ((uint64_t)s > cx->f->size - 8 ||
	    (uint64_t)m->total_compressed_size > cx->f->size - 8 - (uint64_t)s)
		return "column chunk past the end of the file";
	if (m->num_values < 0 ||
	    m->num_values > MAX((int64_t)MIN_LEVELS_CAP, m->total_compressed_size * LEVELS_PER_BYTE) ||
	    m->num_values > INT32_MAX)
		return "implausible number of values";
	*start = (uint64_t)s;
	*len = (uint64_t)m->total_compressed_size;
	return NULL;
}

static const char *one_page(ChunkCtx *cx, const uint8_t *buf, size_t len, size_t *pos)
{
	PqPageHeader h;
	size_t used;
	const char *e = pq_parse_page_header(buf + *pos, len - *pos, &h, &used);
	if (e)
		return e;
	*pos += used;
	if ((size_t)h.compressed_size > len - *pos)
		return "page data past the end of the column chunk";
	const uint8_t *src = buf + *pos;
	*pos += (size_t)h.compressed_size;
	if (h.type != 0 && h.type != 2 && h.type != 3)
		return NULL; /* index pages and unknown page types are skipped */
	if (!h.has_body)
		return "page header without its type's header";
	if (h.type == 2)
		return dictionary_page(cx, &h, src);
	if (h.type == 0)
		return data_page_v1(cx, &h, src);
	return data_page_v2(cx, &h, src);
}

/* Whole-chunk checks after the last page. */
static const char *check_chunk(ChunkCtx *cx)
{
	const PqColumn *c = cx->out;
	const PqRowGroup *rg = &cx->f->row_groups[cx->rg];
	if (c->n_levels != cx->meta->num_values)
		return "fewer values than the column chunk says";
	if (cx->leaf->max_rep == 0)
		return c->n_levels == rg->num_rows ? NULL : "value count differs from the row count";
	int64_t rows = 0;
	for (int64_t i = 0; i < c->n_levels; i++)
		rows += c->rep[i] == 0;
	if (c->n_levels && c->rep[0] != 0)
		return "first repetition level is not 0";
	return rows == rg->num_rows ? NULL : "list count differs from the row count";
}

bool parquet_read_column(ParquetFile *f, int rg, int leaf, PqColumn *out, GError **err)
{
	pq_column_reset(out);
	g_return_val_if_fail(rg >= 0 && rg < f->n_row_groups && leaf >= 0 && leaf < f->n_leaves,
			     false);
	ChunkCtx cx = { .f = f, .leaf = &f->leaves[leaf], .meta = &f->row_groups[rg].chunks[leaf],
			.rg = rg, .page = -1, .out = out, .err = err };
	pqv_reset(&out->values, cx.leaf->type, cx.leaf->type_length);
	pqv_reset(&out->dictionary, cx.leaf->type, cx.leaf->type_length);
	uint64_t start = 0, len = 0;
	const char *e = chunk_range(&cx, &start, &len);
	if (e)
		return fail(&cx, e);
	if (len > out->io_cap) {
		g_free(out->io);
		out->io_cap = MAX((size_t)len, out->io_cap * 2);
		out->io = g_malloc(out->io_cap);
	}
	uint8_t *buf = out->io;
	bool ok = pq_read_at(f, buf, len, start, err);
	size_t pos = 0;
	cx.page = 0;
	while (ok && out->n_levels < cx.meta->num_values) {
		if (pos >= len) {
			ok = fail(&cx, "column chunk ends before all its values");
			break;
		}
		e = one_page(&cx, buf, len, &pos);
		if (e)
			ok = fail(&cx, e);
		else
			cx.page++;
	}
	cx.page = -1;
	if (ok && (e = check_chunk(&cx)))
		ok = fail(&cx, e);
	if (!ok)
		pq_column_reset(out);
	return ok;
}
