/*
 * parquet_meta.c - the Parquet footer (FileMetaData) and page headers,
 * decoded from the Thrift compact protocol, and the schema tree built from
 * the flat list of SchemaElements (depth-first, num_children per group).
 *
 * Field ids are those of parquet.thrift; unknown fields are skipped.  Every
 * count is checked against the bytes present before it is allocated (a
 * Thrift list cannot have more elements than bytes left).
 */
#include "parquet_internal.h"

#include <stdio.h>
#include <string.h>

#include "thrift.h"

#define MAX_SCHEMA_DEPTH 64

/* Iterate the fields of a struct: FIELDS(r) { switch (id) ... } */
#define FOR_FIELDS(r, id, type)                                                      \
	for (int16_t last_##id = 0, id = 0, once_##id = thrift_struct_begin(r) ? 1 : 0; \
	     once_##id; once_##id = 0, thrift_struct_end(r))                        \
		while (thrift_field(r, &last_##id, &id, &type))

static void read_time_unit(ThriftReader *r, PqTimeUnit *unit)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		if (id == 1)
			*unit = PQ_UNIT_MILLIS;
		else if (id == 2)
			*unit = PQ_UNIT_MICROS;
		else if (id == 3)
			*unit = PQ_UNIT_NANOS;
		thrift_skip(r, type);
	}
}

/* TimestampType / TimeType. */
static void read_time_type(ThriftReader *r, PqNode *n)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		if (id == 1)
			n->utc = thrift_bool(r, type);
		else if (id == 2 && type == THRIFT_STRUCT)
			read_time_unit(r, &n->unit);
		else
			thrift_skip(r, type);
	}
}

static void read_int_type(ThriftReader *r, PqNode *n)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		if (id == 1)
			n->bit_width = thrift_i8(r, type);
		else if (id == 2)
			n->is_signed = thrift_bool(r, type);
		else
			thrift_skip(r, type);
	}
}

static void read_logical_type(ThriftReader *r, PqNode *n)
{
	static const PqLogical by_id[] = {
		[1] = PQL_STRING, [2] = PQL_MAP,   [3] = PQL_LIST,  [4] = PQL_ENUM,
		[5] = PQL_DECIMAL, [6] = PQL_DATE, [7] = PQL_TIME,  [8] = PQL_TIMESTAMP,
		[10] = PQL_INTEGER, [11] = PQL_NULL, [12] = PQL_JSON, [13] = PQL_BSON,
		[14] = PQL_UUID, [15] = PQL_FLOAT16,
	};
	int type;
	FOR_FIELDS(r, id, type)
	{
		n->logical = (id > 0 && id < (int)G_N_ELEMENTS(by_id) && by_id[id]) ? by_id[id]
										    : PQL_OTHER;
		if ((id == 7 || id == 8) && type == THRIFT_STRUCT)
			read_time_type(r, n);
		else if (id == 10 && type == THRIFT_STRUCT)
			read_int_type(r, n);
		else
			thrift_skip(r, type);
	}
}

/* Map a legacy ConvertedType onto the logical type fields. */
static void apply_converted(PqNode *n)
{
	static const struct {
		PqLogical logical;
		int bits;       /* INTEGER bit width */
		int flag;       /* INTEGER signed / TIMESTAMP unit */
	} map[] = {
		[0] = { PQL_STRING, 0, 0 },   [1] = { PQL_MAP, 0, 0 },     [2] = { PQL_MAP, 0, 0 },
		[3] = { PQL_LIST, 0, 0 },     [4] = { PQL_ENUM, 0, 0 },    [5] = { PQL_DECIMAL, 0, 0 },
		[6] = { PQL_DATE, 0, 0 },     [7] = { PQL_TIME, 0, PQ_UNIT_MILLIS },
		[8] = { PQL_TIME, 0, PQ_UNIT_MICROS },
		[9] = { PQL_TIMESTAMP, 0, PQ_UNIT_MILLIS }, [10] = { PQL_TIMESTAMP, 0, PQ_UNIT_MICROS },
		[11] = { PQL_INTEGER, 8, 0 }, [12] = { PQL_INTEGER, 16, 0 }, [13] = { PQL_INTEGER, 32, 0 },
		[14] = { PQL_INTEGER, 64, 0 }, [15] = { PQL_INTEGER, 8, 1 }, [16] = { PQL_INTEGER, 16, 1 },
		[17] = { PQL_INTEGER, 32, 1 }, [18] = { PQL_INTEGER, 64, 1 }, [19] = { PQL_JSON, 0, 0 },
		[20] = { PQL_BSON, 0, 0 },    [21] = { PQL_OTHER, 0, 0 },
	};
	if (n->logical != PQL_NONE || n->converted < 0 || n->converted >= (int)G_N_ELEMENTS(map))
		return;
	n->logical = map[n->converted].logical;
	if (n->logical == PQL_INTEGER) {
		n->bit_width = map[n->converted].bits;
		n->is_signed = map[n->converted].flag;
	} else if (n->logical == PQL_TIMESTAMP || n->logical == PQL_TIME) {
		n->unit = map[n->converted].flag;
		n->utc = true;
	}
}

static void read_schema_element(ThriftReader *r, PqNode *n)
{
	int type;
	n->type = -1;
	n->converted = -1;
	n->leaf = -1;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: n->type = thrift_i32(r, type); break;
		case 2: n->type_length = thrift_i32(r, type); break;
		case 3: n->repetition = thrift_i32(r, type); break;
		case 4: g_free(n->name); n->name = thrift_string(r, type); break;
		case 5: n->num_children = thrift_i32(r, type); break;
		case 6: n->converted = thrift_i32(r, type); break;
		case 7: n->scale = thrift_i32(r, type); break;
		case 8: n->precision = thrift_i32(r, type); break;
		case 10:
			if (type == THRIFT_STRUCT)
				read_logical_type(r, n);
			else
				thrift_skip(r, type);
			break;
		default: thrift_skip(r, type);
		}
	}
	apply_converted(n);
}

static void read_statistics(ThriftReader *r, PqChunkMeta *m)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		if (id == 3)
			m->null_count = thrift_i64(r, type);
		else
			thrift_skip(r, type);
	}
}

static void read_column_meta(ThriftReader *r, PqChunkMeta *m)
{
	int type, et;
	uint32_t n;
	m->has_meta = true;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: m->type = thrift_i32(r, type); break;
		case 2:
			if (thrift_list_begin(r, type, &et, &n))
				for (uint32_t i = 0; i < n; i++) {
					int32_t e = thrift_i32(r, et);
					if (e >= 0 && e < 32)
						m->encodings |= 1u << e;
				}
			break;
		case 4: m->codec = thrift_i32(r, type); break;
		case 5: m->num_values = thrift_i64(r, type); break;
		case 6: m->total_uncompressed_size = thrift_i64(r, type); break;
		case 7: m->total_compressed_size = thrift_i64(r, type); break;
		case 9: m->data_page_offset = thrift_i64(r, type); break;
		case 11: m->dictionary_page_offset = thrift_i64(r, type); break;
		case 12:
			if (type == THRIFT_STRUCT)
				read_statistics(r, m);
			else
				thrift_skip(r, type);
			break;
		default: thrift_skip(r, type);
		}
	}
}

static void read_column_chunk(ThriftReader *r, PqChunkMeta *m)
{
	int type;
	m->dictionary_page_offset = -1;
	m->null_count = -1;
	m->type = -1;
	FOR_FIELDS(r, id, type)
	{
		if (id == 1) {
			m->external = true;
			thrift_skip(r, type);
		} else if (id == 3 && type == THRIFT_STRUCT) {
			read_column_meta(r, m);
		} else {
			thrift_skip(r, type);
		}
	}
}

/* A row group; its chunks go to a GArray of PqChunkMeta (*N_CHUNKS). */
static void read_row_group(ThriftReader *r, PqRowGroup *rg, uint32_t *n_chunks)
{
	int type, et;
	uint32_t n;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1:
			if (!thrift_list_begin(r, type, &et, &n))
				break;
			if (et != THRIFT_STRUCT || rg->chunks) {
				r->error = "bad column chunk list";
				break;
			}
			rg->chunks = g_new0(PqChunkMeta, n ? n : 1);
			*n_chunks = n;
			for (uint32_t i = 0; i < n && !r->error; i++)
				read_column_chunk(r, &rg->chunks[i]);
			break;
		case 2: rg->total_byte_size = thrift_i64(r, type); break;
		case 3: rg->num_rows = thrift_i64(r, type); break;
		default: thrift_skip(r, type);
		}
	}
}

typedef struct {
	uint32_t *n_chunks; /* per row group */
	bool have_schema, have_row_groups;
} FooterState;

static void read_list_of_structs_err(ThriftReader *r)
{
	if (!r->error)
		r->error = "expected a list of structs";
}

static void read_kv(ThriftReader *r, GPtrArray *keys)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		if (id == 1)
			g_ptr_array_add(keys, thrift_string(r, type));
		else
			thrift_skip(r, type);
	}
}

static void read_file_meta(ThriftReader *r, ParquetFile *f, FooterState *st, GPtrArray *keys)
{
	int type, et;
	uint32_t n;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: f->version = thrift_i32(r, type); break;
		case 2:
			if (!thrift_list_begin(r, type, &et, &n))
				break;
			if (et != THRIFT_STRUCT || st->have_schema || n == 0) {
				read_list_of_structs_err(r);
				break;
			}
			st->have_schema = true;
			f->nodes = g_new0(PqNode, n);
			f->n_nodes = (int)n;
			for (uint32_t i = 0; i < n && !r->error; i++)
				read_schema_element(r, &f->nodes[i]);
			break;
		case 3: f->num_rows = thrift_i64(r, type); break;
		case 4:
			if (!thrift_list_begin(r, type, &et, &n))
				break;
			if (et != THRIFT_STRUCT || st->have_row_groups) {
				read_list_of_structs_err(r);
				break;
			}
			st->have_row_groups = true;
			f->row_groups = g_new0(PqRowGroup, n ? n : 1);
			st->n_chunks = g_new0(uint32_t, n ? n : 1);
			f->n_row_groups = (int)n;
			for (uint32_t i = 0; i < n && !r->error; i++)
				read_row_group(r, &f->row_groups[i], &st->n_chunks[i]);
			break;
		case 5:
			if (!thrift_list_begin(r, type, &et, &n))
				break;
			for (uint32_t i = 0; i < n && !r->error; i++) {
				if (et == THRIFT_STRUCT)
					read_kv(r, keys);
				else
					thrift_skip(r, et);
			}
			break;
		case 6: g_free(f->created_by); f->created_by = thrift_string(r, type); break;
		default: thrift_skip(r, type);
		}
	}
}

/* ---- schema tree ------------------------------------------------------ */

typedef struct {
	ParquetFile *f;
	GArray *leaves; /* PqLeaf */
	int next;       /* next node to consume */
	const char *error;
} SchemaBuild;

static PqValueKind value_kind(const PqNode *n)
{
	switch (n->type) {
	case PQ_BOOLEAN:
		return PQV_BOOL;
	case PQ_INT32:
	case PQ_INT64:
		if (n->logical == PQL_DATE && n->type == PQ_INT32)
			return PQV_DATE;
		if (n->logical == PQL_TIMESTAMP && n->type == PQ_INT64)
			return PQV_TIMESTAMP;
		if (n->logical == PQL_INTEGER && !n->is_signed)
			return PQV_UINT;
		return PQV_INT;
	case PQ_INT96:
		return PQV_TIMESTAMP;
	case PQ_FLOAT:
	case PQ_DOUBLE:
		return PQV_FLOAT;
	case PQ_BYTE_ARRAY:
		if (n->logical == PQL_STRING || n->logical == PQL_ENUM || n->logical == PQL_JSON)
			return PQV_STRING;
		return PQV_BINARY;
	default:
		return PQV_BINARY;
	}
}

/* Consume node sb->next and its subtree.  DEF/REP: levels of the parent;
 * PATH: the parent's dotted path (NULL at the root). */
static void build_node(SchemaBuild *sb, int parent, int depth, int def, int rep, const char *path,
		       int field)
{
	ParquetFile *f = sb->f;
	if (sb->error)
		return;
	if (sb->next >= f->n_nodes) {
		sb->error = "schema: fewer elements than num_children says";
		return;
	}
	if (depth > MAX_SCHEMA_DEPTH) {
		sb->error = "schema: nesting too deep";
		return;
	}
	int idx = sb->next++;
	PqNode *n = &f->nodes[idx];
	n->parent = parent;
	if (!n->name) {
		sb->error = "schema: element without a name";
		return;
	}
	if (parent >= 0) {
		if (n->repetition < PQ_REQUIRED || n->repetition > PQ_REPEATED) {
			sb->error = "schema: bad repetition type";
			return;
		}
		def += n->repetition != PQ_REQUIRED;
		rep += n->repetition == PQ_REPEATED;
	}
	char *my_path = path ? g_strconcat(path, ".", n->name, NULL) : g_strdup(n->name);
	if (parent == 0) { /* a top-level field */
		field = f->n_fields++;
		f->fields[field] = (PqField){ g_strdup(n->name), idx, (int)sb->leaves->len, 0, PQS_FLAT };
	}
	if (n->num_children > 0 || (parent < 0)) {
		if (n->num_children < 0 || n->num_children > f->n_nodes - sb->next)
			sb->error = "schema: bad num_children";
		for (int i = 0; i < n->num_children && !sb->error; i++)
			build_node(sb, idx, depth + 1, def, rep, parent < 0 ? NULL : my_path, field);
	} else if (n->type < PQ_BOOLEAN || n->type > PQ_FIXED_LEN_BYTE_ARRAY) {
		sb->error = "schema: leaf without a valid physical type";
	} else if (n->type == PQ_FIXED_LEN_BYTE_ARRAY && n->type_length <= 0) {
		sb->error = "schema: fixed-length byte array without a length";
	} else {
		PqLeaf leaf = { .path = my_path, .node = idx, .field = field, .max_def = def,
				.max_rep = rep, .type = n->type, .type_length = n->type_length,
				.kind = value_kind(n), .unit = n->unit };
		if (n->type == PQ_INT96)
			leaf.unit = PQ_UNIT_NANOS;
		n->leaf = (int)sb->leaves->len;
		g_array_append_val(sb->leaves, leaf);
		my_path = NULL;
	}
	g_free(my_path);
}

/* Def level of node IDX (non-required nodes from the top down to it). */
static int node_def(const ParquetFile *f, int idx)
{
	int d = 0;
	for (; idx > 0; idx = f->nodes[idx].parent)
		d += f->nodes[idx].repetition != PQ_REQUIRED;
	return d;
}

/* Shape of each field, and the list levels of list leaves (one pass over
 * the leaves: a field's leaves are contiguous). */
static void classify_fields(ParquetFile *f)
{
	int *max_rep = g_new0(int, f->n_fields ? f->n_fields : 1);
	for (int i = 0; i < f->n_fields; i++)
		f->fields[i].n_leaves = 0;
	for (int l = 0; l < f->n_leaves; l++) {
		PqField *fd = &f->fields[f->leaves[l].field];
		if (!fd->n_leaves++)
			fd->first_leaf = l;
		max_rep[f->leaves[l].field] = MAX(max_rep[f->leaves[l].field], f->leaves[l].max_rep);
	}
	for (int i = 0; i < f->n_fields; i++) {
		PqField *fd = &f->fields[i];
		if (max_rep[i] == 0)
			fd->shape = PQS_FLAT;
		else if (max_rep[i] == 1 && fd->n_leaves == 1)
			fd->shape = PQS_LIST;
		else
			fd->shape = PQS_UNSUPPORTED;
		if (fd->shape != PQS_LIST)
			continue;
		PqLeaf *leaf = &f->leaves[fd->first_leaf];
		int r = leaf->node; /* the repeated node on the leaf's path */
		while (r > 0 && f->nodes[r].repetition != PQ_REPEATED)
			r = f->nodes[r].parent;
		leaf->elem_def = node_def(f, r);
		leaf->list_def = (r == fd->node) ? 0 : node_def(f, fd->node);
	}
	g_free(max_rep);
}

static const char *build_schema(ParquetFile *f)
{
	SchemaBuild sb = { f, g_array_new(FALSE, TRUE, sizeof(PqLeaf)), 0, NULL };
	f->fields = g_new0(PqField, f->n_nodes);
	build_node(&sb, -1, 0, 0, 0, NULL, -1);
	if (!sb.error && sb.next != f->n_nodes)
		sb.error = "schema: elements left over after the tree";
	f->n_leaves = (int)sb.leaves->len;
	f->leaves = (PqLeaf *)(void *)g_array_free(sb.leaves, FALSE);
	if (!sb.error && f->n_leaves == 0)
		sb.error = "schema: no columns";
	if (!sb.error)
		classify_fields(f);
	return sb.error;
}

/* ---- footer ------------------------------------------------------------ */

static const char *check_row_groups(ParquetFile *f, const uint32_t *n_chunks, char *place,
				    size_t place_len)
{
	int64_t total = 0;
	for (int g = 0; g < f->n_row_groups; g++) {
		PqRowGroup *rg = &f->row_groups[g];
		snprintf(place, place_len, "row group %d", g);
		if (n_chunks[g] != (uint32_t)f->n_leaves)
			return "number of column chunks differs from the schema";
		if (rg->num_rows < 0 || rg->num_rows > INT64_MAX - total)
			return "bad row count";
		total += rg->num_rows;
		for (int c = 0; c < f->n_leaves; c++) {
			PqChunkMeta *m = &rg->chunks[c];
			if (!m->has_meta)
				return "column chunk without metadata (encrypted?)";
			if (m->type != (int)f->leaves[c].type)
				return "column chunk type differs from the schema";
		}
	}
	snprintf(place, place_len, "footer");
	return total == f->num_rows ? NULL : "row count differs from the row groups' total";
}

const char *pq_parse_footer(ParquetFile *f, const uint8_t *p, size_t len, char *place,
			    size_t place_len)
{
	ThriftReader r;
	FooterState st = { 0 };
	GPtrArray *keys = g_ptr_array_new();
	const char *e = NULL;
	snprintf(place, place_len, "footer");
	thrift_init(&r, p, len);
	read_file_meta(&r, f, &st, keys);
	g_ptr_array_add(keys, NULL);
	f->kv_keys = (char **)g_ptr_array_free(keys, FALSE);
	if (r.error)
		e = r.error;
	else if (!st.have_schema)
		e = "no schema";
	else if (!st.have_row_groups)
		e = "no row groups list";
	else if (f->num_rows < 0)
		e = "negative row count";
	if (!e)
		e = build_schema(f);
	if (!e)
		e = check_row_groups(f, st.n_chunks, place, place_len);
	g_free(st.n_chunks);
	return e;
}

/* ---- page headers ----------------------------------------------------- */

static void read_data_page_header(ThriftReader *r, PqPageHeader *h)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: h->num_values = thrift_i32(r, type); break;
		case 2: h->encoding = thrift_i32(r, type); break;
		case 3: h->def_encoding = thrift_i32(r, type); break;
		case 4: h->rep_encoding = thrift_i32(r, type); break;
		default: thrift_skip(r, type);
		}
	}
}

static void read_dictionary_page_header(ThriftReader *r, PqPageHeader *h)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: h->num_values = thrift_i32(r, type); break;
		case 2: h->encoding = thrift_i32(r, type); break;
		default: thrift_skip(r, type);
		}
	}
}

static void read_data_page_header_v2(ThriftReader *r, PqPageHeader *h)
{
	int type;
	FOR_FIELDS(r, id, type)
	{
		switch (id) {
		case 1: h->num_values = thrift_i32(r, type); break;
		case 2: h->num_nulls = thrift_i32(r, type); break;
		case 3: h->num_rows = thrift_i32(r, type); break;
		case 4: h->encoding = thrift_i32(r, type); break;
		case 5: h->def_bytes = thrift_i32(r, type); break;
		case 6: h->rep_bytes = thrift_i32(r, type); break;
		case 7: h->is_compressed = thrift_bool(r, type); break;
		default: thrift_skip(r, type);
		}
	}
}

const char *pq_parse_page_header(const uint8_t *p, size_t len, PqPageHeader *h, size_t *used)
{
	ThriftReader r;
	int type;
	memset(h, 0, sizeof *h);
	h->type = -1;
	h->is_compressed = true;
	thrift_init(&r, p, len);
	bool have_sizes[2] = { false, false };
	int body = 0;
	FOR_FIELDS(&r, id, type)
	{
		switch (id) {
		case 1: h->type = thrift_i32(&r, type); break;
		case 2: h->uncompressed_size = thrift_i32(&r, type); have_sizes[0] = true; break;
		case 3: h->compressed_size = thrift_i32(&r, type); have_sizes[1] = true; break;
		case 5:
		case 7:
		case 8:
			if (type != THRIFT_STRUCT || body) {
				thrift_skip(&r, type);
				break;
			}
			body = id;
			if (id == 8)
				read_data_page_header_v2(&r, h);
			else if (id == 7)
				read_dictionary_page_header(&r, h);
			else
				read_data_page_header(&r, h);
			break;
		default: thrift_skip(&r, type);
		}
	}
	if (r.error)
		return r.error;
	h->has_body = (body == 5 && h->type == 0) || (body == 7 && h->type == 2) ||
		      (body == 8 && h->type == 3);
	if (!have_sizes[0] || !have_sizes[1] || h->type < 0)
		return "page header incomplete";
	if (h->uncompressed_size < 0 || h->compressed_size < 0)
		return "negative page size";
	*used = thrift_offset(&r, p);
	return NULL;
}
