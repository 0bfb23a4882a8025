/*
 * thrift.h - a decoder for the Thrift compact protocol, enough to read
 * Parquet metadata (file footer, page headers).
 *
 * A ThriftReader walks a byte buffer it does not own.  Every read is bounds
 * checked; the first problem (truncation, an overlong varint, a bad type,
 * nesting deeper than THRIFT_MAX_DEPTH, a size larger than the bytes left)
 * is remembered in ->error (a static string) and every later read returns
 * zero values, so a caller may check once at the end.
 *
 * Reading a struct:
 *
 *   int16_t last = 0, id; int type;
 *   if (thrift_struct_begin(r)) {
 *       while (thrift_field(r, &last, &id, &type)) {
 *           switch (id) {
 *           case 1: x = thrift_i32(r, type); break;
 *           default: thrift_skip(r, type);
 *           }
 *       }
 *       thrift_struct_end(r);
 *   }
 *
 * Readers of a value take the field's wire TYPE and set an error when it is
 * not the expected one.
 */
#ifndef EOI_THRIFT_H
#define EOI_THRIFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define THRIFT_MAX_DEPTH 32

enum {
	THRIFT_STOP = 0,
	THRIFT_TRUE = 1,
	THRIFT_FALSE = 2,
	THRIFT_BYTE = 3,
	THRIFT_I16 = 4,
	THRIFT_I32 = 5,
	THRIFT_I64 = 6,
	THRIFT_DOUBLE = 7,
	THRIFT_BINARY = 8,
	THRIFT_LIST = 9,
	THRIFT_SET = 10,
	THRIFT_MAP = 11,
	THRIFT_STRUCT = 12,
	THRIFT_UUID = 13,
};

typedef struct {
	const uint8_t *p, *end;
	int depth;
	const char *error; /* NULL while all is well */
} ThriftReader;

void thrift_init(ThriftReader *r, const uint8_t *p, size_t len);
/* Bytes consumed so far from the start given to thrift_init. */
size_t thrift_offset(const ThriftReader *r, const uint8_t *start);

/* Enter a struct (counts nesting depth); false on error. */
bool thrift_struct_begin(ThriftReader *r);
/* Next field header: true with *ID and *TYPE set, false at STOP or on an
 * error.  *LAST is the previous field id (start at 0). */
bool thrift_field(ThriftReader *r, int16_t *last, int16_t *id, int *type);
void thrift_struct_end(ThriftReader *r);

/* Values of a field of wire type TYPE.  Integer readers also accept any
 * narrower integer type; an out-of-range value is an error. */
bool thrift_bool(ThriftReader *r, int type);
int8_t thrift_i8(ThriftReader *r, int type);
int32_t thrift_i32(ThriftReader *r, int type);
int64_t thrift_i64(ThriftReader *r, int type);
double thrift_double(ThriftReader *r, int type);
/* A binary/string: pointer into the buffer and its length. */
bool thrift_binary(ThriftReader *r, int type, const uint8_t **p, uint32_t *len);
/* The same, as a new NUL-terminated string (g_free); NULL on error. */
char *thrift_string(ThriftReader *r, int type);

/* Start a list or set of field type TYPE: element type and count.  The
 * count is at most the bytes left.  Elements are then read with the value
 * readers using *ELEM_TYPE (bool elements: thrift_bool_elem). */
bool thrift_list_begin(ThriftReader *r, int type, int *elem_type, uint32_t *n);
bool thrift_bool_elem(ThriftReader *r);

/* Skip a value of wire type TYPE (nested containers included). */
void thrift_skip(ThriftReader *r, int type);

/* Raw varint and zigzag decoders (exported for tests). */
uint64_t thrift_varint(ThriftReader *r);
int64_t thrift_zigzag(ThriftReader *r);

#endif
