/*
 * parquet_encoding.c - Parquet value and level encodings (Encodings.md):
 * PLAIN, the RLE / bit-packed hybrid (levels, dictionary indices,
 * booleans), legacy BIT_PACKED levels, DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT, plus the
 * growable value buffers they fill.
 *
 * Every read is bounds checked against the range given; counts taken from
 * the data are checked against the bytes that remain before anything is
 * allocated for them.
 */
#include "parquet_internal.h"

#include <string.h>

/* ---- values buffers ---------------------------------------------------- */

static int type_width(PqType type, int32_t width)
{
	switch (type) {
	case PQ_BOOLEAN:
		return 1;
	case PQ_INT32:
	case PQ_FLOAT:
		return 4;
	case PQ_INT64:
	case PQ_DOUBLE:
		return 8;
	case PQ_INT96:
		return 12;
	case PQ_FIXED_LEN_BYTE_ARRAY:
		return width;
	case PQ_BYTE_ARRAY:
		return 0;
	}
	return 0;
}

void pqv_init(PqValues *v, PqType type, int32_t width)
{
	memset(v, 0, sizeof *v);
	v->type = type;
	v->width = type_width(type, width);
}

void pqv_reset(PqValues *v, PqType type, int32_t width)
{
	v->type = type;
	v->width = type_width(type, width);
	v->n = 0;
	v->n_bytes = 0;
	if (v->offsets)
		v->offsets[0] = 0;
}

void pqv_free(PqValues *v)
{
	g_free(v->fixed);
	g_free(v->offsets);
	g_free(v->bytes);
	PqType type = v->type;
	int width = v->width;
	memset(v, 0, sizeof *v);
	v->type = type;
	v->width = width;
}

static size_t grow_cap(size_t cap, size_t need)
{
	size_t c = cap ? cap : 256;
	while (c < need)
		c *= 2;
	return c;
}

uint8_t *pqv_reserve(PqValues *v, size_t n)
{
	size_t need = (v->n + n) * (size_t)v->width;
	if (need > v->cap || !v->fixed) { /* never NULL: no arithmetic on it */
		v->cap = grow_cap(v->cap, need);
		v->fixed = g_realloc(v->fixed, v->cap);
	}
	return v->fixed + v->n * (size_t)v->width;
}

static void reserve_bytes(PqValues *v, size_t n_values, size_t n_bytes)
{
	if (v->n + n_values + 1 > v->offsets_cap) {
		v->offsets_cap = grow_cap(v->offsets_cap, v->n + n_values + 1);
		v->offsets = g_renew(uint64_t, v->offsets, v->offsets_cap);
		if (v->n == 0)
			v->offsets[0] = 0;
	}
	if (v->n_bytes + n_bytes > v->bytes_cap || !v->bytes) { /* never NULL, even for "" */
		v->bytes_cap = grow_cap(v->bytes_cap, v->n_bytes + n_bytes);
		v->bytes = g_realloc(v->bytes, v->bytes_cap);
	}
}

void pqv_append_bytes(PqValues *v, const uint8_t *p, size_t len)
{
	reserve_bytes(v, 1, len);
	if (len)
		memcpy(v->bytes + v->n_bytes, p, len);
	v->n_bytes += len;
	v->offsets[++v->n] = v->n_bytes;
}

/* ---- bits ------------------------------------------------------------- */

int pq_bit_width(uint64_t max)
{
	int w = 0;
	while (max) {
		w++;
		max >>= 1;
	}
	return w;
}

static inline uint64_t load_le64(const uint8_t *p, size_t avail)
{
	uint64_t w = 0;
	memcpy(&w, p, avail < 8 ? avail : 8);
	return GUINT64_FROM_LE(w);
}

/* N values of WIDTH (<= 32) bits, LSB first, from P with AVAIL bytes
 * (at least ceil(n * width / 8)). */
static void unpack32(const uint8_t *p, size_t avail, int width, uint32_t *out, size_t n)
{
	if (width == 0) {
		memset(out, 0, n * sizeof *out);
		return;
	}
	uint64_t mask = (width == 32) ? 0xffffffffu : ((1u << width) - 1);
	size_t bit = 0;
	for (size_t i = 0; i < n; i++, bit += (size_t)width) {
		size_t byte = bit >> 3;
		uint64_t w = load_le64(p + byte, avail - byte);
		out[i] = (uint32_t)((w >> (bit & 7)) & mask);
	}
}

/* One value of WIDTH (<= 64) bits at bit position BIT of P (AVAIL bytes). */
static uint64_t read_bits64(const uint8_t *p, size_t avail, size_t bit, int width)
{
	if (width == 0)
		return 0;
	size_t byte = bit >> 3;
	unsigned shift = bit & 7;
	uint64_t lo = load_le64(p + byte, avail - byte) >> shift;
	if (shift + (unsigned)width > 64 && byte + 8 < avail)
		lo |= (uint64_t)p[byte + 8] << (64 - shift);
	return width == 64 ? lo : lo & ((UINT64_C(1) << width) - 1);
}

static bool read_uleb(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (*p >= end)
			return false;
		uint8_t b = *(*p)++;
		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return true;
	}
	return false;
}

static bool read_zigzag(const uint8_t **p, const uint8_t *end, int64_t *v)
{
	uint64_t u;
	if (!read_uleb(p, end, &u))
		return false;
	*v = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
	return true;
}

/* ---- RLE / bit-packed hybrid ------------------------------------------ */

const char *pq_rle_u32(const uint8_t *p, size_t len, int width, uint32_t *out, size_t n,
		       size_t *used)
{
	const uint8_t *start = p, *end = p + len;
	size_t vbytes = ((size_t)width + 7) / 8;
	size_t i = 0;
	if (width < 0 || width > 32)
		return "bad bit width";
	while (i < n) {
		uint64_t h;
		if (!read_uleb(&p, end, &h))
			return "run header truncated";
		size_t left = (size_t)(end - p);
		if (h & 1) {
			uint64_t groups = h >> 1;
			if (width && groups > left / (size_t)width + 1)
				return "bit-packed run past the end";
			size_t count = (size_t)groups * 8;
			size_t take = count < n - i ? count : n - i;
			size_t need = (take * (size_t)width + 7) / 8;
			if (need > left)
				return "bit-packed run past the end";
			unpack32(p, left, width, out + i, take);
			size_t run_bytes = (size_t)groups * (size_t)width;
			p += run_bytes < left ? run_bytes : left;
			i += take;
		} else {
			uint64_t count = h >> 1;
			if (vbytes > left)
				return "run value past the end";
			uint32_t v = 0;
			for (size_t k = 0; k < vbytes; k++)
				v |= (uint32_t)p[k] << (8 * k);
			p += vbytes;
			if (width < 32 && (v >> width))
				return "run value wider than its bit width";
			size_t take = count < n - i ? (size_t)count : n - i;
			for (size_t k = 0; k < take; k++)
				out[i + k] = v;
			i += take;
		}
	}
	if (used)
		*used = (size_t)(p - start);
	return NULL;
}

const char *pq_rle_levels(const uint8_t *p, size_t len, int width, int max, uint8_t *out, size_t n,
			  size_t *used)
{
	const uint8_t *start = p, *end = p + len;
	uint32_t buf[512];
	size_t i = 0;
	if (width < 0 || width > 8)
		return "bad level bit width";
	while (i < n) {
		uint64_t h;
		if (!read_uleb(&p, end, &h))
			return "level run header truncated";
		size_t left = (size_t)(end - p);
		if (h & 1) {
			uint64_t groups = h >> 1;
			if (width && groups > left / (size_t)width + 1)
				return "level run past the end";
			size_t count = (size_t)groups * 8;
			size_t take = count < n - i ? count : n - i;
			if ((take * (size_t)width + 7) / 8 > left)
				return "level run past the end";
			size_t done = 0;
			while (done < take) { /* unpack in slices of whole bytes */
				size_t k = take - done < 512 ? take - done : 512;
				size_t off = done * (size_t)width / 8;
				unpack32(p + off, left - off, width, buf, k);
				for (size_t j = 0; j < k; j++) {
					if (buf[j] > (uint32_t)max)
						return "level out of range";
					out[i + done + j] = (uint8_t)buf[j];
				}
				done += k;
			}
			size_t run_bytes = (size_t)groups * (size_t)width;
			p += run_bytes < left ? run_bytes : left;
			i += take;
		} else {
			uint64_t count = h >> 1;
			size_t vbytes = ((size_t)width + 7) / 8;
			if (vbytes > left)
				return "level run past the end";
			int v = vbytes ? p[0] : 0;
			p += vbytes;
			if (v > max)
				return "level out of range";
			size_t take = count < n - i ? (size_t)count : n - i;
			memset(out + i, v, take);
			i += take;
		}
	}
	if (used)
		*used = (size_t)(p - start);
	return NULL;
}

const char *pq_bitpacked_levels(const uint8_t *p, size_t len, int width, int max, uint8_t *out,
				size_t n, size_t *used)
{
	if (width < 0 || width > 8)
		return "bad level bit width";
	if (width && n > len * 8 / (size_t)width)
		return "bit-packed levels past the end";
	size_t bit = 0;
	for (size_t i = 0; i < n; i++) {
		int v = 0;
		for (int k = 0; k < width; k++, bit++)
			v = v << 1 | ((p[bit >> 3] >> (7 - (bit & 7))) & 1);
		if (v > max)
			return "level out of range";
		out[i] = (uint8_t)v;
	}
	*used = (bit + 7) / 8;
	return NULL;
}

/* ---- PLAIN -------------------------------------------------------------- */

static const char *plain_bool(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	if (n > len * 8)
		return "boolean values past the end";
	uint8_t *dst = pqv_reserve(out, n);
	for (size_t i = 0; i < n; i++)
		dst[i] = (p[i >> 3] >> (i & 7)) & 1;
	out->n += n;
	return NULL;
}

static const char *plain_byte_array(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	const uint8_t *end = p + len;
	if (n > len / 4)
		return "byte array values past the end";
	/* Lengths and bytes together fit in LEN, so reserving LEN is enough. */
	reserve_bytes(out, n, len);
	for (size_t i = 0; i < n; i++) {
		if (end - p < 4)
			return "byte array length past the end";
		uint32_t l = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
			     (uint32_t)p[3] << 24;
		p += 4;
		if (l > (size_t)(end - p))
			return "byte array value past the end";
		memcpy(out->bytes + out->n_bytes, p, l);
		out->n_bytes += l;
		out->offsets[++out->n] = out->n_bytes;
		p += l;
	}
	return NULL;
}

const char *pq_decode_plain(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	if (out->type == PQ_BOOLEAN)
		return plain_bool(p, len, n, out);
	if (out->type == PQ_BYTE_ARRAY)
		return plain_byte_array(p, len, n, out);
	size_t w = (size_t)out->width;
	if (w == 0)
		return "zero-width values";
	if (n > len / w)
		return "values past the end of the page";
	if (n)
		memcpy(pqv_reserve(out, n), p, n * w);
	out->n += n;
	return NULL;
}

const char *pq_decode_rle_bool(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	if (len < 4)
		return "boolean run length truncated";
	uint32_t l = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	if (l > len - 4)
		return "boolean runs past the end";
	uint8_t *dst = pqv_reserve(out, n);
	const char *e = pq_rle_levels(p + 4, l, 1, 1, dst, n, NULL);
	if (!e)
		out->n += n;
	return e;
}

/* ---- DELTA_BINARY_PACKED ---------------------------------------------- */

#define DELTA_MAX_BLOCK (1u << 24)

/* Decode a delta stream holding exactly N values into
 * OUT (wrapping arithmetic); *USED gets the bytes consumed. */
static const char *delta_u64(const uint8_t *p, size_t len, size_t n, uint64_t *out,
			     size_t *used)
{
	const uint8_t *start = p, *end = p + len;
	uint64_t block, minis, total;
	int64_t first;
	if (!read_uleb(&p, end, &block) || !read_uleb(&p, end, &minis) ||
	    !read_uleb(&p, end, &total) || !read_zigzag(&p, end, &first))
		return "delta header truncated";
	if (block == 0 || block % 128 || block > DELTA_MAX_BLOCK)
		return "bad delta block size";
	if (minis == 0 || block % minis || (block / minis) % 32)
		return "bad delta miniblock count";
	if (total != n)
		return "delta value count does not match the page";
	size_t per = (size_t)(block / minis), i = 0;
	uint64_t last = (uint64_t)first;
	if (n)
		out[i++] = last;
	while (i < n) {
		int64_t min_delta;
		if (!read_zigzag(&p, end, &min_delta))
			return "delta block truncated";
		if ((size_t)(end - p) < minis)
			return "delta bit widths truncated";
		const uint8_t *widths = p;
		p += minis;
		for (size_t m = 0; m < minis && i < n; m++) {
			int w = widths[m];
			/* Writers should not exceed the type's width, but some
			 * (DuckDB) pack INT32 deltas in up to 33 bits; the
			 * wrapping sum still restores the values. */
			if (w > 64)
				return "delta bit width too large";
			size_t left = (size_t)(end - p);
			size_t take = per < n - i ? per : n - i;
			if ((take * (size_t)w + 7) / 8 > left)
				return "delta miniblock past the end";
			for (size_t k = 0; k < take; k++) {
				last += (uint64_t)min_delta + read_bits64(p, left, k * (size_t)w, w);
				out[i++] = last;
			}
			size_t mb = per * (size_t)w / 8;
			p += mb < left ? mb : left;
		}
	}
	*used = (size_t)(p - start);
	return NULL;
}

const char *pq_decode_delta_ints(const uint8_t *p, size_t len, size_t n, PqValues *out,
				 size_t *used)
{
	if (out->type != PQ_INT32 && out->type != PQ_INT64)
		return "DELTA_BINARY_PACKED on a non-integer column";
	int bits = out->type == PQ_INT32 ? 32 : 64;
	uint64_t *tmp = g_new(uint64_t, n ? n : 1);
	size_t u = 0;
	const char *e = delta_u64(p, len, n, tmp, &u);
	if (!e) {
		uint8_t *dst = pqv_reserve(out, n);
		for (size_t i = 0; i < n; i++) {
			if (bits == 32) {
				uint32_t v = GUINT32_TO_LE((uint32_t)tmp[i]);
				memcpy(dst + 4 * i, &v, 4);
			} else {
				uint64_t v = GUINT64_TO_LE(tmp[i]);
				memcpy(dst + 8 * i, &v, 8);
			}
		}
		out->n += n;
	}
	if (used)
		*used = u;
	g_free(tmp);
	return e;
}

/* Lengths of a DELTA_LENGTH_BYTE_ARRAY stream: N lengths into LENS, their
 * sum (checked against the bytes after them) into *TOTAL. */
static const char *delta_lengths(const uint8_t *p, size_t len, size_t n, uint64_t *lens,
				 size_t *used, size_t *total)
{
	const char *e = delta_u64(p, len, n, lens, used);
	if (e)
		return e;
	size_t sum = 0, left = len - *used;
	for (size_t i = 0; i < n; i++) {
		int32_t l = (int32_t)(uint32_t)lens[i];
		if (l < 0)
			return "negative byte array length";
		if ((size_t)l > left - sum)
			return "byte array data past the end";
		lens[i] = (uint64_t)l;
		sum += (size_t)l;
	}
	*total = sum;
	return NULL;
}

const char *pq_decode_delta_length(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	if (out->type != PQ_BYTE_ARRAY)
		return "DELTA_LENGTH_BYTE_ARRAY on a non-byte-array column";
	uint64_t *lens = g_new(uint64_t, n ? n : 1);
	size_t used = 0, total = 0;
	const char *e = delta_lengths(p, len, n, lens, &used, &total);
	if (!e) {
		const uint8_t *d = p + used;
		reserve_bytes(out, n, total);
		for (size_t i = 0; i < n; i++) {
			memcpy(out->bytes + out->n_bytes, d, lens[i]);
			d += lens[i];
			out->n_bytes += lens[i];
			out->offsets[++out->n] = out->n_bytes;
		}
	}
	g_free(lens);
	return e;
}

/* Rebuild DELTA_BYTE_ARRAY values into the byte-array buffer V. */
static const char *delta_bytes_into(const uint8_t *p, size_t len, size_t n, PqValues *v,
				    size_t max_bytes)
{
	uint64_t *prefix = g_new(uint64_t, n ? n : 1);
	uint64_t *suffix = g_new(uint64_t, n ? n : 1);
	size_t used1 = 0, used2 = 0, total = 0;
	const char *e = delta_u64(p, len, n, prefix, &used1);
	if (!e)
		e = delta_lengths(p + used1, len - used1, n, suffix, &used2, &total);
	const uint8_t *d = p + used1 + used2;
	size_t prev_off = 0, prev_len = 0, produced = 0;
	for (size_t i = 0; !e && i < n; i++) {
		if (prefix[i] > prev_len) {
			e = "prefix longer than the previous value";
			break;
		}
		size_t l = (size_t)prefix[i] + (size_t)suffix[i];
		if (l > max_bytes - produced) {
			e = "byte array values too large";
			break;
		}
		produced += l;
		reserve_bytes(v, 1, l);
		size_t off = v->n_bytes;
		memmove(v->bytes + off, v->bytes + prev_off, (size_t)prefix[i]);
		memcpy(v->bytes + off + prefix[i], d, (size_t)suffix[i]);
		d += suffix[i];
		v->n_bytes += l;
		v->offsets[++v->n] = v->n_bytes;
		prev_off = off;
		prev_len = l;
	}
	g_free(prefix);
	g_free(suffix);
	return e;
}

const char *pq_decode_delta_bytes(const uint8_t *p, size_t len, size_t n, PqValues *out,
				  size_t max_bytes)
{
	if (out->type == PQ_BYTE_ARRAY)
		return delta_bytes_into(p, len, n, out, max_bytes);
	if (out->type != PQ_FIXED_LEN_BYTE_ARRAY)
		return "DELTA_BYTE_ARRAY on a column that is not a byte array";
	PqValues tmp;
	pqv_init(&tmp, PQ_BYTE_ARRAY, 0);
	const char *e = delta_bytes_into(p, len, n, &tmp, max_bytes);
	if (!e && tmp.n_bytes != n * (size_t)out->width)
		e = "fixed-length value of the wrong length";
	for (size_t i = 0; !e && i < n; i++)
		if (tmp.offsets[i + 1] - tmp.offsets[i] != (uint64_t)out->width)
			e = "fixed-length value of the wrong length";
	if (!e && n) {
		memcpy(pqv_reserve(out, n), tmp.bytes, tmp.n_bytes);
		out->n += n;
	}
	pqv_free(&tmp);
	return e;
}

/* ---- BYTE_STREAM_SPLIT ---------------------------------------------- */

const char *pq_decode_byte_stream_split(const uint8_t *p, size_t len, size_t n, PqValues *out)
{
	size_t w = (size_t)out->width;
	if (out->type == PQ_BYTE_ARRAY || out->type == PQ_BOOLEAN || w == 0)
		return "BYTE_STREAM_SPLIT on an unsupported type";
	if (n > len / w)
		return "values past the end of the page";
	if (n == 0)
		return NULL;
	uint8_t *dst = pqv_reserve(out, n);
	for (size_t j = 0; j < w; j++) {
		const uint8_t *stream = p + j * n;
		for (size_t i = 0; i < n; i++)
			dst[i * w + j] = stream[i];
	}
	out->n += n;
	return NULL;
}

/* ---- value accessors ------------------------------------------------- */

int64_t pq_int(const PqValues *v, size_t i)
{
	const uint8_t *p = v->fixed + i * (size_t)v->width;
	switch (v->type) {
	case PQ_BOOLEAN:
		return p[0];
	case PQ_INT32: {
		uint32_t u;
		memcpy(&u, p, 4);
		return (int32_t)GUINT32_FROM_LE(u);
	}
	case PQ_INT64: {
		uint64_t u;
		memcpy(&u, p, 8);
		return (int64_t)GUINT64_FROM_LE(u);
	}
	default:
		return 0;
	}
}

double pq_double(const PqValues *v, size_t i)
{
	const uint8_t *p = v->fixed + i * (size_t)v->width;
	if (v->type == PQ_FLOAT) {
		uint32_t u;
		float f;
		memcpy(&u, p, 4);
		u = GUINT32_FROM_LE(u);
		memcpy(&f, &u, 4);
		return f;
	}
	if (v->type == PQ_DOUBLE) {
		uint64_t u;
		double d;
		memcpy(&u, p, 8);
		u = GUINT64_FROM_LE(u);
		memcpy(&d, &u, 8);
		return d;
	}
	return (double)pq_int(v, i);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* INT96: 8 bytes nanoseconds of the day, 4 bytes Julian day (LE). */
static void int96_parts(const uint8_t *p, int64_t *nanos, int64_t *julian)
{
	uint64_t ns;
	uint32_t jd;
	memcpy(&ns, p, 8);
	memcpy(&jd, p + 8, 4);
	*nanos = (int64_t)GUINT64_FROM_LE(ns);
	*julian = (int32_t)GUINT32_FROM_LE(jd);
}

#define JULIAN_EPOCH 2440588 /* Julian day of 1970-01-01 */
#define NS_PER_DAY INT64_C(86400000000000)

static int64_t unit_per_day(PqTimeUnit unit)
{
	return unit == PQ_UNIT_MILLIS ? INT64_C(86400000)
	     : unit == PQ_UNIT_MICROS ? INT64_C(86400000000) : NS_PER_DAY;
}

bool pq_timestamp_ns(const PqValues *v, size_t i, PqTimeUnit unit, int64_t *ns)
{
	int64_t r;
	if (v->type == PQ_INT96) {
		int64_t nanos, julian;
		int96_parts(v->fixed + i * 12, &nanos, &julian);
		if (__builtin_mul_overflow(julian - JULIAN_EPOCH, NS_PER_DAY, &r) ||
		    __builtin_add_overflow(r, nanos, &r))
			return false;
		*ns = r;
		return true;
	}
	int64_t x = pq_int(v, i);
	int64_t k = unit == PQ_UNIT_MILLIS ? 1000000 : unit == PQ_UNIT_MICROS ? 1000 : 1;
	if (__builtin_mul_overflow(x, k, &r))
		return false;
	*ns = r;
	return true;
}

int64_t pq_timestamp_day(const PqValues *v, size_t i, PqTimeUnit unit)
{
	if (v->type == PQ_INT96) {
		int64_t nanos, julian;
		int96_parts(v->fixed + i * 12, &nanos, &julian);
		return julian - JULIAN_EPOCH + floor_div(nanos, NS_PER_DAY);
	}
	return floor_div(pq_int(v, i), unit_per_day(unit));
}
