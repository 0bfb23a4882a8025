/*
 * thrift.c - Thrift compact protocol decoder (see thrift.h).
 *
 * Wire format (Thrift's compact protocol specification):
 *   - integers i16/i32/i64 are zigzag-encoded ULEB128 varints; i8 is a byte;
 *   - a double is 8 bytes little endian;
 *   - binary is a varint length followed by the bytes;
 *   - a field header is one byte: high nibble = field id delta (1..15) or 0,
 *     in which case a zigzag i16 id follows; low nibble = type.  Booleans
 *     carry their value in the type (1 true, 2 false);
 *   - a list/set header is one byte: high nibble = size (15: a varint size
 *     follows), low nibble = element type; bool elements are one byte each;
 *   - a map is a varint size, then (when not empty) one byte of key and value
 *     types.
 */
#include "thrift.h"

#include <glib.h>
#include <string.h>

static void fail(ThriftReader *r, const char *why)
{
	if (!r->error)
		r->error = why;
	r->p = r->end;
}

void thrift_init(ThriftReader *r, const uint8_t *p, size_t len)
{
	r->p = p;
	r->end = p + len;
	r->depth = 0;
	r->error = NULL;
}

size_t thrift_offset(const ThriftReader *r, const uint8_t *start)
{
	return (size_t)(r->p - start);
}

uint64_t thrift_varint(ThriftReader *r)
{
	uint64_t v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end) {
			fail(r, "truncated");
			return 0;
		}
		uint8_t b = *r->p++;
		if (shift == 63 && (b & 0x7e)) {
			fail(r, "varint too long");
			return 0;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	fail(r, "varint too long");
	return 0;
}

int64_t thrift_zigzag(ThriftReader *r)
{
	uint64_t v = thrift_varint(r);
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static uint8_t read_byte(ThriftReader *r)
{
	if (r->p >= r->end) {
		fail(r, "truncated");
		return 0;
	}
	return *r->p++;
}

bool thrift_struct_begin(ThriftReader *r)
{
	if (r->error)
		return false;
	if (++r->depth > THRIFT_MAX_DEPTH) {
		fail(r, "nesting too deep");
		return false;
	}
	return true;
}

void thrift_struct_end(ThriftReader *r)
{
	r->depth--;
}

bool thrift_field(ThriftReader *r, int16_t *last, int16_t *id, int *type)
{
	if (r->error)
		return false;
	uint8_t b = read_byte(r);
	if (r->error || b == THRIFT_STOP)
		return false;
	*type = b & 0x0f;
	int delta = b >> 4;
	if (delta) {
		*id = (int16_t)(*last + delta);
	} else {
		int64_t v = thrift_zigzag(r);
		if (v < INT16_MIN || v > INT16_MAX)
			fail(r, "bad field id");
		*id = (int16_t)v;
	}
	if (*type > THRIFT_UUID || *type == THRIFT_STOP)
		fail(r, "bad field type");
	*last = *id;
	return r->error == NULL;
}

static bool is_int_type(int type, int widest)
{
	return type >= THRIFT_BYTE && type <= widest;
}

bool thrift_bool(ThriftReader *r, int type)
{
	if (type == THRIFT_TRUE)
		return true;
	if (type != THRIFT_FALSE)
		fail(r, "field type mismatch");
	return false;
}

bool thrift_bool_elem(ThriftReader *r)
{
	uint8_t b = read_byte(r);
	return b == 1;
}

static int64_t read_int(ThriftReader *r, int type, int widest)
{
	if (!is_int_type(type, widest)) {
		fail(r, "field type mismatch");
		return 0;
	}
	if (type == THRIFT_BYTE)
		return (int8_t)read_byte(r);
	return thrift_zigzag(r);
}

int8_t thrift_i8(ThriftReader *r, int type)
{
	int64_t v = read_int(r, type, THRIFT_BYTE);
	return (int8_t)v;
}

int32_t thrift_i32(ThriftReader *r, int type)
{
	int64_t v = read_int(r, type, THRIFT_I32);
	if (v < INT32_MIN || v > INT32_MAX) {
		fail(r, "i32 out of range");
		return 0;
	}
	return (int32_t)v;
}

int64_t thrift_i64(ThriftReader *r, int type)
{
	return read_int(r, type, THRIFT_I64);
}

double thrift_double(ThriftReader *r, int type)
{
	if (type != THRIFT_DOUBLE) {
		fail(r, "field type mismatch");
		return 0;
	}
	if (r->end - r->p < 8) {
		fail(r, "truncated");
		return 0;
	}
	uint64_t bits = 0;
	for (int i = 7; i >= 0; i--)
		bits = bits << 8 | r->p[i];
	r->p += 8;
	double d;
	memcpy(&d, &bits, sizeof d);
	return d;
}

bool thrift_binary(ThriftReader *r, int type, const uint8_t **p, uint32_t *len)
{
	*p = NULL;
	*len = 0;
	if (type != THRIFT_BINARY) {
		fail(r, "field type mismatch");
		return false;
	}
	uint64_t n = thrift_varint(r);
	if (r->error)
		return false;
	if (n > (uint64_t)(r->end - r->p)) {
		fail(r, "length past the end");
		return false;
	}
	*p = r->p;
	*len = (uint32_t)n;
	r->p += n;
	return true;
}

char *thrift_string(ThriftReader *r, int type)
{
	const uint8_t *p;
	uint32_t len;
	if (!thrift_binary(r, type, &p, &len))
		return NULL;
	return g_strndup((const char *)p, len);
}

bool thrift_list_begin(ThriftReader *r, int type, int *elem_type, uint32_t *n)
{
	*n = 0;
	*elem_type = THRIFT_STOP;
	if (type != THRIFT_LIST && type != THRIFT_SET) {
		fail(r, "field type mismatch");
		return false;
	}
	uint8_t b = read_byte(r);
	uint64_t size = b >> 4;
	if (size == 15)
		size = thrift_varint(r);
	*elem_type = b & 0x0f;
	if (r->error)
		return false;
	/* Every element takes at least one byte, except empty structs...
	 * which still take their STOP byte. */
	if (size > (uint64_t)(r->end - r->p)) {
		fail(r, "list size past the end");
		return false;
	}
	if (*elem_type == THRIFT_STOP || *elem_type > THRIFT_UUID) {
		fail(r, "bad element type");
		return false;
	}
	*n = (uint32_t)size;
	return true;
}

static void skip_bytes(ThriftReader *r, size_t n)
{
	if ((size_t)(r->end - r->p) < n) {
		fail(r, "truncated");
		return;
	}
	r->p += n;
}

static void skip_elem(ThriftReader *r, int type)
{
	if (type == THRIFT_TRUE || type == THRIFT_FALSE)
		skip_bytes(r, 1); /* bool inside a container: one byte */
	else
		thrift_skip(r, type);
}

static void skip_container(ThriftReader *r, int type)
{
	if (++r->depth > THRIFT_MAX_DEPTH) {
		fail(r, "nesting too deep");
		return;
	}
	if (type == THRIFT_MAP) {
		uint64_t n = thrift_varint(r);
		if (n > (uint64_t)(r->end - r->p)) {
			fail(r, "map size past the end");
		} else if (n) {
			uint8_t kv = read_byte(r);
			for (uint64_t i = 0; i < n && !r->error; i++) {
				skip_elem(r, kv >> 4);
				skip_elem(r, kv & 0x0f);
			}
		}
	} else {
		int et;
		uint32_t n;
		if (thrift_list_begin(r, type, &et, &n))
			for (uint32_t i = 0; i < n && !r->error; i++)
				skip_elem(r, et);
	}
	r->depth--;
}

void thrift_skip(ThriftReader *r, int type)
{
	if (r->error)
		return;
	switch (type) {
	case THRIFT_TRUE:
	case THRIFT_FALSE:
		return; /* value is in the field header */
	case THRIFT_BYTE:
		skip_bytes(r, 1);
		return;
	case THRIFT_I16:
	case THRIFT_I32:
	case THRIFT_I64:
		thrift_varint(r);
		return;
	case THRIFT_DOUBLE:
		skip_bytes(r, 8);
		return;
	case THRIFT_UUID:
		skip_bytes(r, 16);
		return;
	case THRIFT_BINARY: {
		const uint8_t *p;
		uint32_t len;
		thrift_binary(r, type, &p, &len);
		return;
	}
	case THRIFT_LIST:
	case THRIFT_SET:
	case THRIFT_MAP:
		skip_container(r, type);
		return;
	case THRIFT_STRUCT: {
		int16_t last = 0, id;
		int ft;
		if (!thrift_struct_begin(r))
			return;
		while (thrift_field(r, &last, &id, &ft))
			thrift_skip(r, ft);
		thrift_struct_end(r);
		return;
	}
	default:
		fail(r, "bad type");
	}
}
