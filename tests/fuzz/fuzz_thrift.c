/*
 * fuzz_thrift.c - libFuzzer harness for the Thrift compact decoder on raw
 * bytes.  The first byte selects what the rest is decoded as:
 *   0  a FileMetaData, as the reader parses a footer (pq_parse_footer:
 *      schema tree, leaves, row groups checked against a 1 MiB file);
 *   1  a PageHeader, as the reader parses one before each page
 *      (pq_parse_page_header);
 *   2  any struct, walked field by field with the typed readers
 *      (thrift_i8/i32/i64/double/binary/string, lists and sets element by
 *      element, maps and unknown types with thrift_skip).
 * Errors are expected; any crash, hang, leak or sanitizer report is a bug.
 * See tests/fuzz/README.md.
 */
#include "eoi.h"
#include "io/parquet_internal.h"
#include "io/thrift.h"

#include "fuzz_main.h"

#define WALK_MAX_DEPTH 64

static void walk_value(ThriftReader *r, int type, int depth);

static void walk_struct(ThriftReader *r, int depth)
{
	int16_t last = 0, id;
	int type;
	if (!thrift_struct_begin(r))
		return;
	while (thrift_field(r, &last, &id, &type))
		walk_value(r, type, depth + 1);
	thrift_struct_end(r);
}

static void walk_list(ThriftReader *r, int type, int depth)
{
	int elem;
	uint32_t n;
	if (!thrift_list_begin(r, type, &elem, &n))
		return;
	for (uint32_t i = 0; i < n && !r->error; i++) {
		if (elem == THRIFT_TRUE || elem == THRIFT_FALSE)
			thrift_bool_elem(r);
		else
			walk_value(r, elem, depth + 1);
	}
}

static void walk_value(ThriftReader *r, int type, int depth)
{
	const uint8_t *p;
	uint32_t len;
	if (depth > WALK_MAX_DEPTH) {
		thrift_skip(r, type);
		return;
	}
	switch (type) {
	case THRIFT_TRUE:
	case THRIFT_FALSE:
		thrift_bool(r, type);
		break;
	case THRIFT_BYTE:
		thrift_i8(r, type);
		break;
	case THRIFT_I16:
	case THRIFT_I32:
		thrift_i32(r, type);
		break;
	case THRIFT_I64:
		thrift_i64(r, type);
		break;
	case THRIFT_DOUBLE:
		thrift_double(r, type);
		break;
	case THRIFT_BINARY:
		if (depth & 1)
			g_free(thrift_string(r, type));
		else
			thrift_binary(r, type, &p, &len);
		break;
	case THRIFT_LIST:
	case THRIFT_SET:
		walk_list(r, type, depth);
		break;
	case THRIFT_STRUCT:
		walk_struct(r, depth);
		break;
	default:
		thrift_skip(r, type);
		break;
	}
}

static void file_meta(const uint8_t *p, size_t len)
{
	ParquetFile *f = g_new0(ParquetFile, 1);
	char place[64];
	f->path = g_strdup("fuzz.parquet");
	f->fd = -1;
	f->size = 1 << 20;
	pq_parse_footer(f, p, len, place, sizeof place);
	parquet_close(f);
}

static void page_header(const uint8_t *p, size_t len)
{
	PqPageHeader h;
	size_t used = 0;
	if (!pq_parse_page_header(p, len, &h, &used) && used > len)
		__builtin_trap(); /* the header cannot be longer than its bytes */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	ThriftReader r;
	switch (data[0] % 3) {
	case 0:
		file_meta(data + 1, size - 1);
		break;
	case 1:
		page_header(data + 1, size - 1);
		break;
	default:
		thrift_init(&r, data + 1, size - 1);
		walk_struct(&r, 0);
		if (thrift_offset(&r, data + 1) > size - 1)
			__builtin_trap(); /* read past the end */
		break;
	}
	return 0;
}
