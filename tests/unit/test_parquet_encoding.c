/*
 * test_parquet_encoding.c - Parquet encodings on byte buffers built by hand
 * from Encodings.md; expected values follow from the definitions.
 */
#include <string.h>

#include "io/parquet_internal.h"
#include "tk.h"

/* Encodings.md's example: 0..7 bit-packed in 3 bits is 0x88 0xC6 0xFA;
 * then an RLE run of five 7s. */
static void test_rle_hybrid(void)
{
	static const uint8_t buf[] = { 0x03, 0x88, 0xc6, 0xfa, /* 1 group of 8 */
				       0x0a, 0x07 };           /* run of 5, value 7 */
	uint32_t out[13];
	size_t used = 0;
	TK_CHECK(pq_rle_u32(buf, sizeof buf, 3, out, 13, &used) == NULL);
	for (int i = 0; i < 8; i++)
		TK_EQ_INT(out[i], i);
	for (int i = 8; i < 13; i++)
		TK_EQ_INT(out[i], 7);
	TK_EQ_INT(used, sizeof buf);
	/* Asking for more values than encoded fails. */
	uint32_t more[14];
	TK_CHECK(pq_rle_u32(buf, sizeof buf, 3, more, 14, NULL) != NULL);
	/* A run value wider than the bit width is rejected. */
	static const uint8_t wide[] = { 0x02, 0x09 };
	TK_CHECK(pq_rle_u32(wide, sizeof wide, 3, more, 1, NULL) != NULL);
	/* A bit-packed run longer than the buffer. */
	static const uint8_t cut[] = { 0x05, 0x88, 0xc6, 0xfa }; /* 2 groups, 1 present */
	TK_CHECK(pq_rle_u32(cut, sizeof cut, 3, more, 14, NULL) != NULL);
}

static void test_levels(void)
{
	/* max level 2 (width 2): RLE run of three 2s, then bit-packed
	 * 0,1,2,1,0,0,0,0 = bits 00 10 01 10 | 00 00 00 00 -> 0x64 0x00. */
	static const uint8_t buf[] = { 0x06, 0x02, 0x03, 0x64, 0x00 };
	uint8_t out[11];
	TK_CHECK(pq_rle_levels(buf, sizeof buf, 2, 2, out, 11, NULL) == NULL);
	static const uint8_t want[] = { 2, 2, 2, 0, 1, 2, 1, 0, 0, 0, 0 };
	TK_CHECK(memcmp(out, want, sizeof want) == 0);
	/* Level 3 with max 2: out of range (RLE and bit-packed). */
	static const uint8_t bad1[] = { 0x02, 0x03 };
	TK_EQ_STR(pq_rle_levels(bad1, sizeof bad1, 2, 2, out, 1, NULL), "level out of range");
	static const uint8_t bad2[] = { 0x03, 0x03, 0x00 };
	TK_EQ_STR(pq_rle_levels(bad2, sizeof bad2, 2, 2, out, 8, NULL), "level out of range");
	/* Legacy BIT_PACKED (most significant bit first): Encodings.md's
	 * example 0..7 in 3 bits is 0x05 0x39 0x77. */
	static const uint8_t legacy[] = { 0x05, 0x39, 0x77 };
	size_t used = 0;
	TK_CHECK(pq_bitpacked_levels(legacy, sizeof legacy, 3, 7, out, 8, &used) == NULL);
	for (int i = 0; i < 8; i++)
		TK_EQ_INT(out[i], i);
	TK_EQ_INT(used, 3);
}

static void test_plain(void)
{
	PqValues v;
	/* booleans, LSB first: 1,0,1,1,0,0,0,0 | 1,1 */
	static const uint8_t bits[] = { 0x0d, 0x03 };
	pqv_init(&v, PQ_BOOLEAN, 0);
	TK_CHECK(pq_decode_plain(bits, sizeof bits, 10, &v) == NULL);
	static const int want[] = { 1, 0, 1, 1, 0, 0, 0, 0, 1, 1 };
	for (int i = 0; i < 10; i++)
		TK_EQ_INT(pq_int(&v, (size_t)i), want[i]);
	pqv_free(&v);
	/* byte arrays: "ab", "", "xyz" */
	static const uint8_t ba[] = { 2, 0, 0, 0, 'a', 'b', 0, 0, 0, 0, 3, 0, 0, 0, 'x', 'y', 'z' };
	pqv_init(&v, PQ_BYTE_ARRAY, 0);
	TK_CHECK(pq_decode_plain(ba, sizeof ba, 3, &v) == NULL);
	size_t len;
	const uint8_t *p = pq_bytes(&v, 2, &len);
	TK_EQ_INT(len, 3);
	TK_CHECK(memcmp(p, "xyz", 3) == 0);
	pq_bytes(&v, 1, &len);
	TK_EQ_INT(len, 0);
	/* a length past the end */
	TK_CHECK(pq_decode_plain(ba, sizeof ba - 1, 3, &v) != NULL);
	pqv_free(&v);
	/* int32 -2 and 7 */
	static const uint8_t i32[] = { 0xfe, 0xff, 0xff, 0xff, 7, 0, 0, 0 };
	pqv_init(&v, PQ_INT32, 0);
	TK_CHECK(pq_decode_plain(i32, sizeof i32, 2, &v) == NULL);
	TK_EQ_INT(pq_int(&v, 0), -2);
	TK_EQ_INT(pq_int(&v, 1), 7);
	TK_CHECK(pq_decode_plain(i32, sizeof i32, 3, &v) != NULL);
	pqv_free(&v);
}

/* 41 INT64 values: 7, then deltas alternating -3 and +2.  Block 128 with
 * 4 miniblocks of 32; min delta -3, so the packed deltas are 0 and 5 in
 * 3 bits: 0,5,0,5,0,5,0,5 -> 0x28 0x8a 0xa2 per 8 values.  Two miniblocks
 * carry data (32 + 8 values, the second padded); the bit widths of the
 * unused ones hold junk that readers must accept. */
static void test_delta_binary_packed(void)
{
	uint8_t buf[64];
	size_t n = 0;
	static const uint8_t head[] = { 0x80, 0x01, 0x04, 41, 0x0e, /* 128, 4, 41, zigzag(7) */
					0x05,                       /* min delta zigzag(-3) */
					0x03, 0x03, 0xee, 0x44 };   /* bit widths */
	memcpy(buf, head, sizeof head);
	n = sizeof head;
	for (int g = 0; g < 4; g++) { /* miniblock 1: 32 values */
		buf[n++] = 0x28;
		buf[n++] = 0x8a;
		buf[n++] = 0xa2;
	}
	buf[n++] = 0x28; /* miniblock 2: 8 values + 24 zeros of padding */
	buf[n++] = 0x8a;
	buf[n++] = 0xa2;
	memset(buf + n, 0, 9);
	n += 9;
	buf[n++] = 0x99; /* a byte after the stream */
	PqValues v;
	pqv_init(&v, PQ_INT64, 0);
	size_t used = 0;
	TK_CHECK(pq_decode_delta_ints(buf, n, 41, &v, &used) == NULL);
	TK_EQ_INT(used, n - 1);
	int64_t want = 7;
	for (size_t i = 0; i < 41; i++) {
		if (i > 0)
			want += (i % 2) ? -3 : 2;
		TK_EQ_INT(pq_int(&v, i), want);
	}
	TK_EQ_INT(pq_int(&v, 40), -13);
	pqv_free(&v);
	/* The header says 41 values; the page needs 40: refused. */
	pqv_init(&v, PQ_INT64, 0);
	TK_CHECK(pq_decode_delta_ints(buf, n, 40, &v, NULL) != NULL);
	/* Cut inside the second miniblock. */
	TK_CHECK(pq_decode_delta_ints(buf, 24, 41, &v, NULL) != NULL);
	pqv_free(&v);
}

/* Two blocks: 100, then 128 deltas of -1 (min delta -1, bit width 0 in all
 * four miniblocks: no data bytes), then deltas +10, +20, +30 (min 10,
 * packed 0, 10, 20 in 5 bits -> 0x40 0x51 0x00 ..., 20 bytes). */
static void test_delta_two_blocks(void)
{
	uint8_t buf[64];
	size_t n = 0;
	static const uint8_t head[] = { 0x80, 0x01, 0x04, 0x84, 0x01, 0xc8, 0x01, /* 128,4,132,zz(100) */
					0x01, 0, 0, 0, 0,                         /* block 1 */
					0x14, 5, 0, 0, 0 };                       /* block 2 */
	memcpy(buf, head, sizeof head);
	n = sizeof head;
	memset(buf + n, 0, 20);
	buf[n] = 0x40;
	buf[n + 1] = 0x51;
	n += 20;
	PqValues v;
	pqv_init(&v, PQ_INT32, 0);
	size_t used = 0;
	TK_CHECK(pq_decode_delta_ints(buf, n, 132, &v, &used) == NULL);
	TK_EQ_INT(used, n);
	TK_EQ_INT(pq_int(&v, 0), 100);
	TK_EQ_INT(pq_int(&v, 1), 99);
	TK_EQ_INT(pq_int(&v, 128), -28);
	TK_EQ_INT(pq_int(&v, 129), -18);
	TK_EQ_INT(pq_int(&v, 130), 2);
	TK_EQ_INT(pq_int(&v, 131), 32);
	pqv_free(&v);
}

/* Encodings.md's DELTA_LENGTH_BYTE_ARRAY example: "Hello", "World",
 * "Foobar", "ABCDEF": lengths 5,5,6,6 = 5 then deltas 0,1,0 (min 0, one bit:
 * 0,1,0 -> 0x02). */
static void test_delta_length(void)
{
	static const uint8_t buf[] = { 0x80, 0x01, 0x04, 0x04, 0x0a, /* 128,4,4,zz(5) */
				       0x00, 0x01, 0, 0, 0,          /* min 0, widths */
				       0x02, 0, 0, 0,                /* 32 x 1 bit */
				       'H', 'e', 'l', 'l', 'o', 'W', 'o', 'r', 'l', 'd',
				       'F', 'o', 'o', 'b', 'a', 'r', 'A', 'B', 'C', 'D', 'E', 'F' };
	PqValues v;
	pqv_init(&v, PQ_BYTE_ARRAY, 0);
	TK_CHECK(pq_decode_delta_length(buf, sizeof buf, 4, &v) == NULL);
	static const char *const want[] = { "Hello", "World", "Foobar", "ABCDEF" };
	for (size_t i = 0; i < 4; i++) {
		size_t len;
		const uint8_t *p = pq_bytes(&v, i, &len);
		TK_EQ_INT(len, strlen(want[i]));
		TK_CHECK(memcmp(p, want[i], len) == 0);
	}
	/* One data byte short. */
	TK_CHECK(pq_decode_delta_length(buf, sizeof buf - 1, 4, &v) != NULL);
	pqv_free(&v);
}

/* Encodings.md's DELTA_BYTE_ARRAY example: "axis", "axle", "babble",
 * "babyhood" -> prefix lengths 0,2,0,3 (0, deltas 2,-2,3: min -2, packed
 * 4,0,5 in 3 bits -> 0x44 0x01) and suffixes "axis","le","babble","yhood"
 * (lengths 4, deltas -2,4,-1: min -2, packed 0,6,1 -> 0x70 0x00). */
static void test_delta_byte_array(void)
{
	static const uint8_t buf[] = {
		0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 0x03, 0, 0, 0, /* prefixes: ..., zz(0); min zz(-2) */
		0x44, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 0x03, 0, 0, 0, /* suffix lengths: zz(4) */
		0x70, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		'a', 'x', 'i', 's', 'l', 'e', 'b', 'a', 'b', 'b', 'l', 'e', 'y', 'h', 'o', 'o', 'd',
	};
	PqValues v;
	pqv_init(&v, PQ_BYTE_ARRAY, 0);
	TK_CHECK(pq_decode_delta_bytes(buf, sizeof buf, 4, &v, 1000) == NULL);
	static const char *const want[] = { "axis", "axle", "babble", "babyhood" };
	for (size_t i = 0; i < 4; i++) {
		size_t len;
		const uint8_t *p = pq_bytes(&v, i, &len);
		TK_EQ_INT(len, strlen(want[i]));
		TK_CHECK(memcmp(p, want[i], len) == 0);
	}
	pqv_free(&v);
	/* The output cap is honoured. */
	pqv_init(&v, PQ_BYTE_ARRAY, 0);
	TK_CHECK(pq_decode_delta_bytes(buf, sizeof buf, 4, &v, 10) != NULL);
	pqv_free(&v);
}

/* BYTE_STREAM_SPLIT of the floats 1.5 (00 00 c0 3f) and -2 (00 00 00 c0):
 * all first bytes, then all second bytes, ... */
static void test_byte_stream_split(void)
{
	static const uint8_t buf[] = { 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x3f, 0xc0 };
	PqValues v;
	pqv_init(&v, PQ_FLOAT, 0);
	TK_CHECK(pq_decode_byte_stream_split(buf, sizeof buf, 2, &v) == NULL);
	TK_EQ_DBL(pq_double(&v, 0), 1.5, 0);
	TK_EQ_DBL(pq_double(&v, 1), -2.0, 0);
	TK_CHECK(pq_decode_byte_stream_split(buf, sizeof buf, 3, &v) != NULL);
	pqv_free(&v);
}

/* INT96 timestamps: nanoseconds of the day + Julian day; and unit
 * timestamps to UTC days with floor division. */
static void test_timestamps(void)
{
	/* 1970-01-02 00:00:01 = Julian day 2440589, 1e9 ns. */
	uint8_t b[12] = { 0 };
	uint64_t ns = 1000000000;
	uint32_t jd = 2440589;
	memcpy(b, &ns, 8);
	memcpy(b + 8, &jd, 4);
	PqValues v;
	pqv_init(&v, PQ_INT96, 0);
	TK_CHECK(pq_decode_plain(b, 12, 1, &v) == NULL);
	int64_t got;
	TK_CHECK(pq_timestamp_ns(&v, 0, PQ_UNIT_NANOS, &got));
	TK_EQ_INT(got, INT64_C(86401000000000));
	TK_EQ_INT(pq_timestamp_day(&v, 0, PQ_UNIT_NANOS), 1);
	pqv_free(&v);
	/* -1 ms is 1969-12-31: day -1. */
	int64_t ms = -1;
	pqv_init(&v, PQ_INT64, 0);
	TK_CHECK(pq_decode_plain((const uint8_t *)&ms, 8, 1, &v) == NULL);
	TK_EQ_INT(pq_timestamp_day(&v, 0, PQ_UNIT_MILLIS), -1);
	TK_CHECK(pq_timestamp_ns(&v, 0, PQ_UNIT_MILLIS, &got));
	TK_EQ_INT(got, -1000000);
	pqv_free(&v);
}

TK_MAIN(test_rle_hybrid, test_levels, test_plain, test_delta_binary_packed, test_delta_two_blocks,
	test_delta_length, test_delta_byte_array, test_byte_stream_split, test_timestamps)
