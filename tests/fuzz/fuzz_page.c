/*
 * fuzz_page.c - libFuzzer harness for the Parquet page decoders and
 * decompressors on raw bytes.  An input is a 5-byte header and a payload:
 *
 *   byte 0   operation (low 4 bits, see below); bit 7: decode the payload
 *            a second time onto the same values, as the next page would
 *   byte 1   physical type (0..7; FIXED_LEN_BYTE_ARRAY's length is byte 2
 *            % 17) or, for op 9, the codec
 *   byte 2   bit width / level parameter (see below)
 *   byte 3-4 value count N, little endian
 *
 *   op 0  PLAIN of the type
 *   op 1  RLE booleans (4-byte length + hybrid)
 *   op 2  RLE / bit-packed hybrid u32 with bit width byte 2 (0..255: as
 *         dictionary indices read it, the width is the page's first byte)
 *   op 3  RLE levels, width byte 2 >> 4, max level byte 2 & 15
 *   op 4  legacy BIT_PACKED levels, same parameters
 *   op 5  DELTA_BINARY_PACKED of the type
 *   op 6  DELTA_LENGTH_BYTE_ARRAY of the type
 *   op 7  DELTA_BYTE_ARRAY of the type
 *   op 8  BYTE_STREAM_SPLIT of the type
 *   op 9  pq_decompress(codec, payload) into N + byte 2 * 65536 bytes,
 *         when that passes the reader's ratio check
 *
 * Decoders are called as parquet_page.c calls them, on the type the
 * column says, whatever the encoding.  Errors are expected; any crash,
 * hang, leak or sanitizer report is a bug.  See tests/fuzz/README.md.
 */
#include <string.h>

#include "eoi.h"
#include "io/parquet_internal.h"

#include "fuzz_main.h"

static const char *decode_values(int op, const uint8_t *p, size_t len, size_t n, PqValues *v)
{
	size_t max;
	switch (op) {
	case 0:
		return pq_decode_plain(p, len, n, v);
	case 1:
		return pq_decode_rle_bool(p, len, n, v);
	case 5:
		return pq_decode_delta_ints(p, len, n, v, NULL);
	case 6:
		return pq_decode_delta_length(p, len, n, v);
	case 7:
		max = len * 256 + ((size_t)1 << 20);
		return pq_decode_delta_bytes(p, len, n, v, MIN(max, PQ_MAX_PAGE_BYTES));
	default:
		return pq_decode_byte_stream_split(p, len, n, v);
	}
}

/* Every decoded value must be inside the buffers. */
static void check_values(const PqValues *v)
{
	if (v->offsets) {
		for (size_t i = 0; i < v->n; i++)
			if (v->offsets[i] > v->offsets[i + 1] || v->offsets[i + 1] > v->n_bytes)
				__builtin_trap();
	} else if (v->n && v->n * (size_t)v->width > v->cap) {
		__builtin_trap();
	}
}

static void values(int op, bool twice, PqType type, int32_t width, const uint8_t *p, size_t len,
		   size_t n)
{
	PqValues v;
	pqv_init(&v, type, width);
	if (!decode_values(op, p, len, n, &v) && twice)
		decode_values(op, p, len, n, &v);
	check_values(&v);
	pqv_free(&v);
}

static void hybrid(int op, int param, const uint8_t *p, size_t len, size_t n)
{
	size_t used = 0;
	const char *e;
	if (op == 2) {
		uint32_t *out = g_new(uint32_t, n ? n : 1);
		e = pq_rle_u32(p, len, param, out, n, &used);
		g_free(out);
	} else {
		uint8_t *out = g_malloc(n ? n : 1);
		if (op == 3)
			e = pq_rle_levels(p, len, param >> 4, param & 15, out, n, &used);
		else
			e = pq_bitpacked_levels(p, len, param >> 4, param & 15, out, n, &used);
		g_free(out);
	}
	if (!e && used > len)
		__builtin_trap(); /* consumed more than it was given */
}

static void decompress(int codec, int param, const uint8_t *p, size_t len, size_t n)
{
	size_t dst_len = n + ((size_t)param << 16);
	if (dst_len > len * pq_codec_max_ratio(codec))
		return; /* the reader rejects the page before decompressing */
	uint8_t *dst = g_malloc(dst_len ? dst_len : 1);
	pq_decompress(codec, p, len, dst, dst_len);
	g_free(dst);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 5)
		return 0;
	int op = data[0] & 15;
	bool twice = data[0] & 0x80;
	int param = data[2];
	size_t n = (size_t)data[3] | (size_t)data[4] << 8;
	/* An exact copy, so that reads past the payload are caught (never
	 * NULL: the reader always passes a buffer, even for 0 bytes). */
	size_t len = size - 5;
	uint8_t *p = g_malloc(len ? len : 1);
	memcpy(p, data + 5, len);
	switch (op) {
	case 2:
	case 3:
	case 4:
		hybrid(op, param, p, len, n);
		break;
	case 9:
		decompress(data[1] & 7, param, p, len, n);
		break;
	default:
		if (op <= 8)
			values(op, twice, (PqType)(data[1] & 7), param % 17, p, len, n);
		break;
	}
	g_free(p);
	return 0;
}
