/*
 * parquet.h - eoi's own Parquet reader.
 *
 * parquet_open() reads and checks the footer (Thrift compact protocol
 * FileMetaData), builds the schema tree and the list of leaf columns, and
 * keeps the file descriptor.  parquet_read_column() then reads one column
 * chunk of one row group (pread, every offset and length checked against
 * the file size) and decodes its pages into a PqColumn: definition and
 * repetition levels plus the non-null values, either plain or, when every
 * data page is dictionary encoded, as the dictionary and one index per
 * value.  Memory is bounded by one column chunk.
 *
 * Supported: data pages v1 and v2, dictionary pages; encodings PLAIN,
 * PLAIN_DICTIONARY, RLE_DICTIONARY, RLE, BIT_PACKED (levels),
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
 * BYTE_STREAM_SPLIT; codecs UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW, LZ4
 * (Hadoop framing), BROTLI.
 *
 * Errors are GErrors in EOI_ERROR: EOI_EXIT_NOINPUT / EOI_EXIT_IO when the
 * file cannot be read, EOI_EXIT_DATA for anything wrong inside it, with one
 * line naming the place: "x.parquet: footer: bad magic",
 * "x.parquet: row group 0, column downloads, page 3: snappy data corrupt"
 * (a list column is named by its top-level field).
 *
 * Ownership: a ParquetFile owns its metadata; parquet_close() frees it.  A
 * PqColumn owns its buffers; pq_column_clear() frees them (and zeroes it, so
 * it can be reused).  A zeroed PqColumn is a valid empty one.
 */
#ifndef EOI_PARQUET_H
#define EOI_PARQUET_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "columns.h"

/* Physical types (parquet.thrift Type). */
typedef enum {
	PQ_BOOLEAN = 0,
	PQ_INT32 = 1,
	PQ_INT64 = 2,
	PQ_INT96 = 3,
	PQ_FLOAT = 4,
	PQ_DOUBLE = 5,
	PQ_BYTE_ARRAY = 6,
	PQ_FIXED_LEN_BYTE_ARRAY = 7,
} PqType;

typedef enum { PQ_REQUIRED = 0, PQ_OPTIONAL = 1, PQ_REPEATED = 2 } PqRepetition;

/* Logical types (LogicalType union members; legacy converted types are
 * mapped onto these when no LogicalType is given). */
typedef enum {
	PQL_NONE = 0,
	PQL_STRING,
	PQL_MAP,
	PQL_LIST,
	PQL_ENUM,
	PQL_DECIMAL,
	PQL_DATE,
	PQL_TIME,
	PQL_TIMESTAMP,
	PQL_INTEGER,
	PQL_NULL,
	PQL_JSON,
	PQL_BSON,
	PQL_UUID,
	PQL_FLOAT16,
	PQL_OTHER,
} PqLogical;

typedef enum { PQ_UNIT_MILLIS, PQ_UNIT_MICROS, PQ_UNIT_NANOS } PqTimeUnit;

/* How a leaf's values are read (from physical + logical type). */
typedef enum {
	PQV_BOOL,      /* BOOLEAN */
	PQV_INT,       /* signed integer (INT32 / INT64, any int logical type) */
	PQV_UINT,      /* unsigned integer */
	PQV_FLOAT,     /* FLOAT / DOUBLE */
	PQV_STRING,    /* UTF-8 byte array (STRING, ENUM, JSON, UTF8) */
	PQV_BINARY,    /* other byte arrays and fixed-length byte arrays */
	PQV_DATE,      /* INT32 days since 1970-01-01 */
	PQV_TIMESTAMP, /* INT64 in ->unit, or INT96 */
	PQV_OTHER,     /* decimal, time, ...: readable raw, not interpreted */
} PqValueKind;

/* One node of the schema tree (a SchemaElement). */
typedef struct {
	char *name;
	int type;             /* PqType, or -1 for a group */
	int32_t type_length;
	PqRepetition repetition;
	int num_children;
	int converted;        /* ConvertedType, or -1 */
	PqLogical logical;
	PqTimeUnit unit;      /* TIMESTAMP / TIME */
	bool utc;             /* TIMESTAMP / TIME isAdjustedToUTC */
	int bit_width;        /* INTEGER */
	bool is_signed;       /* INTEGER */
	int32_t scale, precision;
	int parent;           /* index of the parent node, -1 for the root */
	int leaf;             /* leaf column index, -1 for a group */
} PqNode;

/* Shape of a top-level field as eoi reads it. */
typedef enum {
	PQS_FLAT,        /* no repetition: one value per row per leaf */
	PQS_LIST,        /* one leaf, repeated once: a list per row */
	PQS_UNSUPPORTED, /* maps, lists of lists, lists of structs */
} PqShape;

/* A leaf column (a primitive node). */
typedef struct {
	char *path;           /* dotted path from the root, e.g. "a.b" */
	int node;             /* index into ParquetFile.nodes */
	int field;            /* index into ParquetFile.fields */
	int max_def, max_rep;
	PqType type;
	int32_t type_length;  /* FIXED_LEN_BYTE_ARRAY */
	PqValueKind kind;
	PqTimeUnit unit;
	/* Lists: def < list_def: the list is null; def < elem_def: it is
	 * empty; otherwise an element, null when def < max_def. */
	int list_def, elem_def;
} PqLeaf;

/* A top-level field (a child of the root). */
typedef struct {
	char *name;
	int node;
	int first_leaf, n_leaves;
	PqShape shape;
} PqField;

/* Metadata of one column chunk. */
typedef struct {
	int type;
	int codec;
	uint32_t encodings;      /* bit mask of Encoding values (< 32) */
	int64_t num_values;
	int64_t total_uncompressed_size, total_compressed_size;
	int64_t data_page_offset;
	int64_t dictionary_page_offset; /* -1 when absent */
	int64_t null_count;             /* -1 when no statistics */
	bool has_meta;                  /* meta_data present */
	bool external;                  /* file_path set: data in another file */
} PqChunkMeta;

typedef struct {
	int64_t num_rows;
	int64_t total_byte_size;
	PqChunkMeta *chunks; /* one per leaf */
} PqRowGroup;

typedef struct {
	char *path;
	int fd;
	uint64_t size;
	int32_t version;
	int64_t num_rows;
	char *created_by;     /* may be NULL */
	PqNode *nodes;        /* schema elements in file order; [0] is the root */
	int n_nodes;
	PqLeaf *leaves;
	int n_leaves;
	PqField *fields;
	int n_fields;
	PqRowGroup *row_groups;
	int n_row_groups;
	char **kv_keys;       /* key_value_metadata keys (NULL-terminated) */
} ParquetFile;

/* Decoded values of one physical type. */
typedef struct {
	PqType type;
	int width;            /* bytes per value in ->fixed (BOOLEAN: 1) */
	size_t n;
	uint8_t *fixed;       /* n * width bytes, little endian (not BYTE_ARRAY) */
	uint64_t *offsets;    /* BYTE_ARRAY: n + 1 offsets into ->bytes */
	uint8_t *bytes;
	size_t n_bytes;
	size_t cap, bytes_cap, offsets_cap; /* allocated sizes (internal) */
} PqValues;

/* One decoded column chunk. */
typedef struct {
	int64_t n_levels;     /* level entries: rows, plus list elements */
	uint8_t *def;         /* n_levels, NULL when max_def == 0 */
	uint8_t *rep;         /* n_levels, NULL when max_rep == 0 */
	size_t n_values;      /* non-null values (def == max_def) */
	bool dict;            /* values are ->dictionary[->indices[i]] */
	PqValues dictionary;
	uint32_t *indices;    /* n_values, when dict */
	PqValues values;      /* n_values, when !dict */
	/* Buffers kept between reads (internal). */
	int64_t levels_cap;
	size_t indices_cap;
	uint8_t *io;          /* the chunk's bytes */
	size_t io_cap;
	uint8_t *scratch;     /* one decompressed page */
	size_t scratch_cap;
} PqColumn;

/* Open PATH and read its footer.  NULL and ERR on failure. */
ParquetFile *parquet_open(const char *path, GError **err);
void parquet_close(ParquetFile *f);

/* Index of the leaf column with dotted path PATH, or -1. */
int parquet_find_leaf(const ParquetFile *f, const char *path);

/*
 * Read and decode column chunk LEAF of row group RG into OUT (emptied
 * first; its buffers are reused, so reading chunk after chunk into the same
 * PqColumn does not allocate again; OUT must be zeroed before its first use).  Levels are checked against the leaf's maximum levels, dictionary
 * indices against the dictionary.  Returns false with ERR (EOI_EXIT_DATA
 * naming row group, column and page; EOI_EXIT_IO on a read error).
 */
bool parquet_read_column(ParquetFile *f, int rg, int leaf, PqColumn *out, GError **err);
void pq_column_clear(PqColumn *c);

/* Value I of V as a byte string (BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY). */
static inline const uint8_t *pq_bytes(const PqValues *v, size_t i, size_t *len)
{
	if (v->offsets) {
		*len = (size_t)(v->offsets[i + 1] - v->offsets[i]);
		return v->bytes + v->offsets[i];
	}
	*len = (size_t)v->width;
	return v->fixed + i * (size_t)v->width;
}

/* Value I of V as a signed integer (BOOLEAN, INT32, INT64). */
int64_t pq_int(const PqValues *v, size_t i);
/* Value I of V as a double (FLOAT, DOUBLE; integers converted). */
double pq_double(const PqValues *v, size_t i);
/* Timestamp value I of V in nanoseconds since the epoch (INT64 in UNIT,
 * or INT96).  False when it does not fit in 64 bits. */
bool pq_timestamp_ns(const PqValues *v, size_t i, PqTimeUnit unit, int64_t *ns);
/* Same in whole UTC days (floor division), never overflowing. */
int64_t pq_timestamp_day(const PqValues *v, size_t i, PqTimeUnit unit);

/* Names of enum values, for messages and inspect. */
const char *pq_type_name(int type);
const char *pq_codec_name(int codec);
const char *pq_encoding_name(int encoding);

/*
 * Read the Parquet file PATH as an input of ROLE into B (parquet_ingest.c),
 * with the same meaning of cells as the CSV reader: a null or an empty
 * string is missing, list entries are trimmed, `time`/`created` may be
 * timestamps (any unit; converted to UTC days by floor division), dates or
 * strings.  Registers the file with dsb_begin_file() (format "parquet",
 * SHA-256, row count).  Columns are decoded one row group at a time; only
 * the columns eoi uses are read.  Errors: EOI_EXIT_NOINPUT / EOI_EXIT_IO /
 * EOI_EXIT_DATA with "PATH: row group G, row R, column \"C\": reason".
 */
typedef struct DatasetBuilder DatasetBuilder;
bool parquet_read_file(const char *path, FileRole role, DatasetBuilder *b, GError **err);

/* Print FILE's metadata (schema tree, row groups, column chunks) to OUT,
 * like `parquet meta`.  Fails like parquet_open. */
bool parquet_inspect(const char *path, FILE *out, GError **err);

#endif
