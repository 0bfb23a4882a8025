/*
 * parquet_codec.c - page decompression through the Debian libraries:
 * snappy, zlib (gzip), zstd, lz4 (raw and Hadoop-framed) and brotli.
 *
 * The caller knows the uncompressed size from the page header and has
 * checked it against pq_codec_max_ratio(); every codec must produce exactly
 * that many bytes, or the page is corrupt.
 */
#include "parquet_internal.h"

#include <brotli/decode.h>
#include <lz4.h>
#include <snappy-c.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

size_t pq_codec_max_ratio(int codec)
{
	switch (codec) {
	case PQC_UNCOMPRESSED:
		return 1;
	case PQC_SNAPPY:
		return 32; /* a 64-byte copy takes at least 3 bytes */
	case PQC_GZIP:
		return 1100; /* deflate's limit is 1032:1 */
	case PQC_LZ4:
	case PQC_LZ4_RAW:
		return 260; /* lz4's limit is about 255:1 */
	default:
		return 1u << 16; /* zstd, brotli: bounded by PQ_MAX_PAGE_BYTES */
	}
}

static const char *snappy(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	size_t n;
	if (snappy_uncompressed_length((const char *)src, src_len, &n) != SNAPPY_OK || n != dst_len)
		return "snappy data corrupt";
	if (snappy_uncompress((const char *)src, src_len, (char *)dst, &n) != SNAPPY_OK ||
	    n != dst_len)
		return "snappy data corrupt";
	return NULL;
}

static const char *gzip(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return "gzip: cannot initialise zlib";
	const char *e = NULL;
	/* Pages fit in 1 GiB, so the sizes fit zlib's uInt. */
	z.next_in = (Bytef *)src;
	z.avail_in = (uInt)src_len;
	z.next_out = dst;
	z.avail_out = (uInt)dst_len;
	int rc = inflate(&z, Z_FINISH);
	/* Concatenated gzip members: continue while input remains. */
	while (rc == Z_STREAM_END && z.avail_in > 0 && z.avail_out > 0) {
		if (inflateReset(&z) != Z_OK)
			break;
		rc = inflate(&z, Z_FINISH);
	}
	if (rc != Z_STREAM_END || (size_t)(z.next_out - dst) != dst_len)
		e = "gzip data corrupt";
	inflateEnd(&z);
	return e;
}

static const char *zstd(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	size_t n = ZSTD_decompress(dst, dst_len, src, src_len);
	if (ZSTD_isError(n) || n != dst_len)
		return "zstd data corrupt";
	return NULL;
}

static const char *lz4_raw(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	if (src_len > INT32_MAX || dst_len > INT32_MAX)
		return "lz4 page too large";
	int n = LZ4_decompress_safe((const char *)src, (char *)dst, (int)src_len, (int)dst_len);
	if (n < 0 || (size_t)n != dst_len)
		return "lz4 data corrupt";
	return NULL;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The deprecated LZ4 codec: Hadoop framing (big-endian uncompressed and
 * compressed sizes before each block), else a raw block. */
static const char *lz4_hadoop(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	const uint8_t *p = src, *end = src + src_len;
	size_t out = 0;
	while (end - p >= 8) {
		uint32_t raw = be32(p), comp = be32(p + 4);
		if (comp > (size_t)(end - p - 8) || raw > dst_len - out)
			return lz4_raw(src, src_len, dst, dst_len);
		if (lz4_raw(p + 8, comp, dst + out, raw))
			return lz4_raw(src, src_len, dst, dst_len);
		out += raw;
		p += 8 + comp;
	}
	if (p == end && out == dst_len)
		return NULL;
	return lz4_raw(src, src_len, dst, dst_len);
}

static const char *brotli(const uint8_t *src, size_t src_len, uint8_t *dst, size_t dst_len)
{
	size_t n = dst_len;
	if (BrotliDecoderDecompress(src_len, src, &n, dst) != BROTLI_DECODER_RESULT_SUCCESS ||
	    n != dst_len)
		return "brotli data corrupt";
	return NULL;
}

const char *pq_decompress(int codec, const uint8_t *src, size_t src_len, uint8_t *dst,
			  size_t dst_len)
{
	switch (codec) {
	case PQC_UNCOMPRESSED:
		if (src_len != dst_len)
			return "uncompressed page sizes differ";
		memcpy(dst, src, dst_len);
		return NULL;
	case PQC_SNAPPY:
		return snappy(src, src_len, dst, dst_len);
	case PQC_GZIP:
		return gzip(src, src_len, dst, dst_len);
	case PQC_ZSTD:
		return zstd(src, src_len, dst, dst_len);
	case PQC_LZ4_RAW:
		return lz4_raw(src, src_len, dst, dst_len);
	case PQC_LZ4:
		return lz4_hadoop(src, src_len, dst, dst_len);
	case PQC_BROTLI:
		return brotli(src, src_len, dst, dst_len);
	case PQC_LZO:
		return "codec LZO not supported";
	default:
		return "unknown codec";
	}
}
