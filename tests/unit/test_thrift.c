/*
 * test_thrift.c - the Thrift compact protocol decoder on byte strings built
 * by hand from the protocol's specification.
 */
#include "io/thrift.h"
#include "tk.h"

#define READER(r, ...)                                        \
	static const uint8_t r##_bytes[] = { __VA_ARGS__ };   \
	ThriftReader r;                                       \
	thrift_init(&r, r##_bytes, sizeof r##_bytes)

static void test_varint_zigzag(void)
{
	/* 150 = 0b1_0010110 -> 0x96 0x01 */
	READER(r, 0x96, 0x01, 0x03, 0x04, 0xff, 0xff, 0xff, 0xff, 0x0f);
	TK_EQ_INT(thrift_varint(&r), 150);
	TK_EQ_INT(thrift_zigzag(&r), -2); /* 3 -> -2 */
	TK_EQ_INT(thrift_zigzag(&r), 2);  /* 4 -> 2 */
	TK_EQ_INT(thrift_varint(&r), 0xffffffffu);
	TK_CHECK(r.error == NULL);
	TK_EQ_INT(thrift_varint(&r), 0); /* nothing left */
	TK_EQ_STR(r.error, "truncated");
}

static void test_varint_too_long(void)
{
	READER(r, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
	thrift_varint(&r);
	TK_EQ_STR(r.error, "varint too long");
}

/* struct { 1: i32 = 5; 3: binary "ab"; 20: i64 = -1; 21: bool true;
 * 23: bool false } with short deltas and one long-form id. */
static void test_fields(void)
{
	READER(r, 0x15, 0x0a,            /* delta 1, i32, zigzag(5) = 10 */
	       0x28, 0x02, 'a', 'b',     /* delta 2, binary, length 2 */
	       0x06, 0x28, 0x01,         /* delta 0, i64; id zigzag(20) = 40; zigzag(-1) = 1 */
	       0x11,                     /* delta 1, bool true */
	       0x22,                     /* delta 2, bool false */
	       0x00);
	int16_t last = 0, id;
	int type, seen = 0;
	TK_CHECK(thrift_struct_begin(&r));
	while (thrift_field(&r, &last, &id, &type)) {
		const uint8_t *p;
		uint32_t len;
		switch (id) {
		case 1: TK_EQ_INT(thrift_i32(&r, type), 5); seen |= 1; break;
		case 3:
			TK_CHECK(thrift_binary(&r, type, &p, &len));
			TK_EQ_INT(len, 2);
			TK_CHECK(p[0] == 'a' && p[1] == 'b');
			seen |= 2;
			break;
		case 20: TK_EQ_INT(thrift_i64(&r, type), -1); seen |= 4; break;
		case 21: TK_CHECK(thrift_bool(&r, type)); seen |= 8; break;
		case 23: TK_CHECK(!thrift_bool(&r, type)); seen |= 16; break;
		default: TK_CHECK(!"unexpected field");
		}
	}
	thrift_struct_end(&r);
	TK_EQ_INT(seen, 31);
	TK_CHECK(r.error == NULL);
	TK_EQ_INT(thrift_offset(&r, r_bytes), sizeof r_bytes);
}

/* struct { 1: struct { 1: i64 = 300 }; 2: list<i32> [2, 4, 6] } */
static void test_nested_and_list(void)
{
	READER(r, 0x1c,                  /* field 1, struct */
	       0x16, 0xd8, 0x04,         /* field 1, i64, zigzag(300) = 600 */
	       0x00,                     /* end of inner struct */
	       0x19, 0x35, 0x04, 0x08, 0x0c, /* field 2, list: 3 x i32 */
	       0x00);
	int16_t last = 0, id, ilast = 0, iid;
	int type, itype, et;
	uint32_t n;
	TK_CHECK(thrift_struct_begin(&r));
	TK_CHECK(thrift_field(&r, &last, &id, &type));
	TK_EQ_INT(id, 1);
	TK_EQ_INT(type, THRIFT_STRUCT);
	TK_CHECK(thrift_struct_begin(&r));
	TK_CHECK(thrift_field(&r, &ilast, &iid, &itype));
	TK_EQ_INT(thrift_i64(&r, itype), 300);
	TK_CHECK(!thrift_field(&r, &ilast, &iid, &itype));
	thrift_struct_end(&r);
	TK_CHECK(thrift_field(&r, &last, &id, &type));
	TK_EQ_INT(id, 2);
	TK_CHECK(thrift_list_begin(&r, type, &et, &n));
	TK_EQ_INT(et, THRIFT_I32);
	TK_EQ_INT(n, 3);
	for (uint32_t i = 0; i < n; i++)
		TK_EQ_INT(thrift_i32(&r, et), 2 * (int)(i + 1));
	TK_CHECK(!thrift_field(&r, &last, &id, &type));
	thrift_struct_end(&r);
	TK_CHECK(r.error == NULL);
}

/* A list whose size does not fit the header nibble: 0xf5 + varint 16. */
static void test_long_list(void)
{
	uint8_t buf[2 + 16];
	buf[0] = 0xf3; /* size follows, element type byte */
	buf[1] = 16;
	for (int i = 0; i < 16; i++)
		buf[2 + i] = (uint8_t)(i * 3);
	ThriftReader r;
	thrift_init(&r, buf, sizeof buf);
	int et;
	uint32_t n;
	TK_CHECK(thrift_list_begin(&r, THRIFT_LIST, &et, &n));
	TK_EQ_INT(n, 16);
	TK_EQ_INT(et, THRIFT_BYTE);
	int sum = 0;
	for (uint32_t i = 0; i < n; i++)
		sum += thrift_i8(&r, et);
	TK_EQ_INT(sum, 3 * 120);
	TK_CHECK(r.error == NULL);
}

/* Unknown fields of every type are skipped; the known one after them is
 * still read. */
static void test_skip_unknown(void)
{
	READER(r, 0x17, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, /* 1: double 1.5 */
	       0x1b, 0x02, 0x85, 0x01, 'a', 0x02, 0x01, 'b', 0x04, /* 2: map<binary,i32> {a:1, b:2} */
	       0x19, 0x2c, 0x15, 0x02, 0x00, 0x11, 0x00,  /* 3: list<struct> of 2 */
	       0x1a, 0x11, 0x01,                          /* 4: set<bool> {true} */
	       0x13, 0x7f,                                /* 5: byte */
	       0x15, 0x54,                                /* 6: i32 = 42 */
	       0x00);
	int16_t last = 0, id;
	int type;
	int32_t got = 0;
	TK_CHECK(thrift_struct_begin(&r));
	while (thrift_field(&r, &last, &id, &type)) {
		if (id == 6)
			got = thrift_i32(&r, type);
		else
			thrift_skip(&r, type);
	}
	thrift_struct_end(&r);
	TK_CHECK(r.error == NULL);
	TK_EQ_INT(got, 42);
	TK_EQ_INT(thrift_offset(&r, r_bytes), sizeof r_bytes);
}

static void test_double(void)
{
	READER(r, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f);
	TK_EQ_DBL(thrift_double(&r, THRIFT_DOUBLE), 1.5, 0);
}

/* 40 nested structs: deeper than THRIFT_MAX_DEPTH. */
static void test_depth_limit(void)
{
	uint8_t buf[100];
	int n = 0;
	for (int i = 0; i < 40; i++)
		buf[n++] = 0x1c; /* field 1, struct */
	for (int i = 0; i < 41; i++)
		buf[n++] = 0x00;
	ThriftReader r;
	thrift_init(&r, buf, (size_t)n);
	thrift_skip(&r, THRIFT_STRUCT);
	TK_EQ_STR(r.error, "nesting too deep");
}

static void test_errors(void)
{
	{
		READER(r, 0x15); /* field header, value missing */
		int16_t last = 0, id;
		int type;
		thrift_struct_begin(&r);
		TK_CHECK(thrift_field(&r, &last, &id, &type));
		thrift_i32(&r, type);
		TK_EQ_STR(r.error, "truncated");
	}
	{
		READER(r, 0x08, 'a'); /* binary of length 8 with 1 byte */
		const uint8_t *p;
		uint32_t len;
		TK_CHECK(!thrift_binary(&r, THRIFT_BINARY, &p, &len));
		TK_EQ_STR(r.error, "length past the end");
	}
	{
		READER(r, 0xf5, 0xff, 0xff, 0x03); /* list of 65535 i32 in 0 bytes */
		int et;
		uint32_t n;
		TK_CHECK(!thrift_list_begin(&r, THRIFT_LIST, &et, &n));
		TK_EQ_STR(r.error, "list size past the end");
	}
	{
		READER(r, 0x15, 0x0a); /* an i32 read as a string */
		int16_t last = 0, id;
		int type;
		thrift_struct_begin(&r);
		thrift_field(&r, &last, &id, &type);
		const uint8_t *p;
		uint32_t len;
		TK_CHECK(!thrift_binary(&r, type, &p, &len));
		TK_EQ_STR(r.error, "field type mismatch");
	}
	{
		READER(r, 0x1e); /* type 14 does not exist */
		int16_t last = 0, id;
		int type;
		thrift_struct_begin(&r);
		TK_CHECK(!thrift_field(&r, &last, &id, &type));
		TK_EQ_STR(r.error, "bad field type");
	}
}

TK_MAIN(test_varint_zigzag, test_varint_too_long, test_fields, test_nested_and_list,
	test_long_list, test_skip_unknown, test_double, test_depth_limit, test_errors)
