/*
 * parquet_internal.h - pieces shared by the Parquet reader's files:
 * metadata parsing (parquet_meta.c), encodings (parquet_encoding.c),
 * codecs (parquet_codec.c) and pages (parquet_page.c).  Not for use
 * outside gen/io/parquet*.c and their tests.
 *
 * Decoders work on byte ranges they do not own and return NULL on success
 * or a static message ("delta header truncated") on failure; the caller adds
 * the place.
 */
#ifndef EOI_PARQUET_INTERNAL_H
#define EOI_PARQUET_INTERNAL_H

#include "parquet.h"

/* Encoding values (parquet.thrift Encoding). */
enum {
	PQE_PLAIN = 0,
	PQE_PLAIN_DICTIONARY = 2,
	PQE_RLE = 3,
	PQE_BIT_PACKED = 4,
	PQE_DELTA_BINARY_PACKED = 5,
	PQE_DELTA_LENGTH_BYTE_ARRAY = 6,
	PQE_DELTA_BYTE_ARRAY = 7,
	PQE_RLE_DICTIONARY = 8,
	PQE_BYTE_STREAM_SPLIT = 9,
};

/* Codec values (parquet.thrift CompressionCodec). */
enum {
	PQC_UNCOMPRESSED = 0,
	PQC_SNAPPY = 1,
	PQC_GZIP = 2,
	PQC_LZO = 3,
	PQC_BROTLI = 4,
	PQC_LZ4 = 5,
	PQC_ZSTD = 6,
	PQC_LZ4_RAW = 7,
};

/* Largest page (compressed or not) and largest dictionary eoi accepts. */
#define PQ_MAX_PAGE_BYTES ((size_t)1 << 30)

/* ---- values buffers (parquet_encoding.c) ---- */

/* Set V to an empty buffer of TYPE (WIDTH: FIXED_LEN_BYTE_ARRAY length). */
void pqv_init(PqValues *v, PqType type, int32_t width);
/* Empty V for values of TYPE, keeping its buffers. */
void pqv_reset(PqValues *v, PqType type, int32_t width);
/* Room for N more fixed-width values; returns where to write them (the
 * caller then adds N to v->n). */
uint8_t *pqv_reserve(PqValues *v, size_t n);
/* Append one BYTE_ARRAY value. */
void pqv_append_bytes(PqValues *v, const uint8_t *p, size_t len);
void pqv_free(PqValues *v);

/* ---- encodings (parquet_encoding.c) ---- */

/* Bits needed for values up to MAX. */
int pq_bit_width(uint64_t max);

/* RLE / bit-packed hybrid: N values of WIDTH bits (0..32) from [P, P+LEN).
 * *USED (may be NULL) gets the bytes consumed. */
const char *pq_rle_u32(const uint8_t *p, size_t len, int width, uint32_t *out, size_t n,
		       size_t *used);
/* The same for levels (WIDTH 0..8), each checked to be <= MAX. */
const char *pq_rle_levels(const uint8_t *p, size_t len, int width, int max, uint8_t *out, size_t n,
			  size_t *used);
/* Legacy BIT_PACKED levels (most significant bit first), checked <= MAX. */
const char *pq_bitpacked_levels(const uint8_t *p, size_t len, int width, int max, uint8_t *out,
				size_t n, size_t *used);

/* Value decoders: append exactly N values to OUT (whose type says how to
 * read them). */
const char *pq_decode_plain(const uint8_t *p, size_t len, size_t n, PqValues *out);
/* RLE-encoded booleans (4-byte length prefix, then the hybrid). */
const char *pq_decode_rle_bool(const uint8_t *p, size_t len, size_t n, PqValues *out);
/* DELTA_BINARY_PACKED for INT32 / INT64; *USED gets the bytes consumed. */
const char *pq_decode_delta_ints(const uint8_t *p, size_t len, size_t n, PqValues *out,
				 size_t *used);
const char *pq_decode_delta_length(const uint8_t *p, size_t len, size_t n, PqValues *out);
/* DELTA_BYTE_ARRAY; the decoded bytes may not exceed MAX_BYTES. */
const char *pq_decode_delta_bytes(const uint8_t *p, size_t len, size_t n, PqValues *out,
				  size_t max_bytes);
const char *pq_decode_byte_stream_split(const uint8_t *p, size_t len, size_t n, PqValues *out);

/* ---- codecs (parquet_codec.c) ---- */

/* Largest plausible uncompressed size of SRC_LEN bytes under CODEC. */
size_t pq_codec_max_ratio(int codec);
/* Decompress SRC into exactly DST_LEN bytes at DST.  NULL on success, else
 * e.g. "snappy data corrupt", "codec LZO not supported". */
const char *pq_decompress(int codec, const uint8_t *src, size_t src_len, uint8_t *dst,
			  size_t dst_len);

/* ---- metadata (parquet_meta.c) ---- */

/* Read exactly LEN bytes of F at OFFSET (EOI_EXIT_IO on failure). */
bool pq_read_at(ParquetFile *f, void *buf, size_t len, uint64_t offset, GError **err);

/* Parse the FileMetaData at [P, P+LEN) into F (nodes, leaves, fields, row
 * groups).  NULL or a message; *PLACE gets "schema", "row group 3", ... */
const char *pq_parse_footer(ParquetFile *f, const uint8_t *p, size_t len, char *place,
			    size_t place_len);

/* A parsed page header. */
typedef struct {
	int type;                  /* PageType */
	int32_t uncompressed_size, compressed_size;
	int32_t num_values;
	int encoding;
	int def_encoding, rep_encoding; /* v1 */
	int32_t num_nulls, num_rows;    /* v2 */
	int32_t def_bytes, rep_bytes;   /* v2 */
	bool is_compressed;             /* v2 */
	bool has_body;                  /* the page type's header was present */
} PqPageHeader;

/* Parse a PageHeader at [P, P+LEN); *USED gets its length. */
const char *pq_parse_page_header(const uint8_t *p, size_t len, PqPageHeader *h, size_t *used);

#endif
