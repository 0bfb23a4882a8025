/*
 * parquet_inspect.c - `eoi inspect FILE`: a Parquet file's metadata in the
 * manner of `parquet meta` / `parquet-tools meta`: file facts, the schema
 * in Parquet's message syntax (physical type, logical type, repetition),
 * then each row group with one line per column chunk (codec, encodings,
 * sizes, values, nulls from the statistics when present).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "parquet.h"

static const char *repetition_name(PqRepetition r)
{
	return r == PQ_REQUIRED ? "required" : r == PQ_OPTIONAL ? "optional" : "repeated";
}

static const char *unit_name(PqTimeUnit u)
{
	return u == PQ_UNIT_MILLIS ? "MILLIS" : u == PQ_UNIT_MICROS ? "MICROS" : "NANOS";
}

/* The logical type annotation of node N, e.g. "TIMESTAMP(MICROS,true)";
 * empty when none. */
static void logical_name(const PqNode *n, char *buf, size_t len)
{
	static const char *const names[] = {
		[PQL_STRING] = "STRING", [PQL_MAP] = "MAP",   [PQL_LIST] = "LIST", [PQL_ENUM] = "ENUM",
		[PQL_DATE] = "DATE",     [PQL_NULL] = "UNKNOWN", [PQL_JSON] = "JSON", [PQL_BSON] = "BSON",
		[PQL_UUID] = "UUID",     [PQL_FLOAT16] = "FLOAT16", [PQL_OTHER] = "OTHER",
	};
	buf[0] = '\0';
	switch (n->logical) {
	case PQL_NONE:
		return;
	case PQL_DECIMAL:
		snprintf(buf, len, "DECIMAL(%d,%d)", n->precision, n->scale);
		return;
	case PQL_TIME:
	case PQL_TIMESTAMP:
		snprintf(buf, len, "%s(%s,%s)", n->logical == PQL_TIME ? "TIME" : "TIMESTAMP",
			 unit_name(n->unit), n->utc ? "true" : "false");
		return;
	case PQL_INTEGER:
		snprintf(buf, len, "INTEGER(%d,%s)", n->bit_width, n->is_signed ? "true" : "false");
		return;
	default:
		snprintf(buf, len, "%s", names[n->logical] ? names[n->logical] : "?");
	}
}

static const char *physical_name(const PqNode *n)
{
	static const char *const names[] = { "boolean", "int32", "int64", "int96", "float",
					     "double", "binary", "fixed_len_byte_array" };
	return n->type >= 0 && n->type < 8 ? names[n->type] : "?";
}

/* Print node IDX and its subtree; returns the next node index. */
static int print_node(const ParquetFile *f, int idx, int depth, FILE *out)
{
	const PqNode *n = &f->nodes[idx];
	char logical[64];
	logical_name(n, logical, sizeof logical);
	fprintf(out, "%*s", 2 * depth + 2, "");
	if (n->type >= 0 && n->num_children == 0) {
		fprintf(out, "%s %s", repetition_name(n->repetition), physical_name(n));
		if (n->type == PQ_FIXED_LEN_BYTE_ARRAY)
			fprintf(out, "(%d)", n->type_length);
		fprintf(out, " %s%s%s%s;\n", n->name, *logical ? " (" : "", logical, *logical ? ")" : "");
		return idx + 1;
	}
	fprintf(out, "%s group %s%s%s%s {\n", repetition_name(n->repetition), n->name,
		*logical ? " (" : "", logical, *logical ? ")" : "");
	int next = idx + 1;
	for (int i = 0; i < n->num_children; i++)
		next = print_node(f, next, depth + 1, out);
	fprintf(out, "%*s}\n", 2 * depth + 2, "");
	return next;
}

static void print_schema(const ParquetFile *f, FILE *out)
{
	fprintf(out, "schema:\n  message %s {\n", f->nodes[0].name);
	int next = 1;
	for (int i = 0; i < f->nodes[0].num_children; i++)
		next = print_node(f, next, 1, out);
	fprintf(out, "  }\n");
}

static void encodings_text(uint32_t mask, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int e = 0; e < 32; e++) {
		if (!(mask & (1u << e)))
			continue;
		if (buf[0])
			g_strlcat(buf, ",", len);
		g_strlcat(buf, pq_encoding_name(e), len);
	}
}

static void print_row_group(const ParquetFile *f, int g, FILE *out)
{
	const PqRowGroup *rg = &f->row_groups[g];
	fprintf(out, "\nrow group %d: %" PRId64 " rows, %" PRId64 " bytes\n", g, rg->num_rows,
		rg->total_byte_size);
	int w = 6;
	for (int c = 0; c < f->n_leaves; c++)
		w = MAX(w, (int)strlen(f->leaves[c].path));
	fprintf(out, "  %-*s  %-20s  %-12s  %-40s  %12s  %12s  %10s  %10s\n", w, "column", "type",
		"codec", "encodings", "compressed", "uncompressed", "values", "nulls");
	for (int c = 0; c < f->n_leaves; c++) {
		const PqChunkMeta *m = &rg->chunks[c];
		char enc[256], nulls[32];
		encodings_text(m->encodings, enc, sizeof enc);
		if (m->null_count >= 0)
			snprintf(nulls, sizeof nulls, "%" PRId64, m->null_count);
		else
			snprintf(nulls, sizeof nulls, "-");
		fprintf(out, "  %-*s  %-20s  %-12s  %-40s  %12" PRId64 "  %12" PRId64 "  %10" PRId64 "  %10s\n",
			w, f->leaves[c].path, pq_type_name(m->type), pq_codec_name(m->codec), enc,
			m->total_compressed_size, m->total_uncompressed_size, m->num_values, nulls);
	}
}

bool parquet_inspect(const char *path, FILE *out, GError **err)
{
	ParquetFile *f = parquet_open(path, err);
	if (!f)
		return false;
	fprintf(out, "file:        %s\n", path);
	fprintf(out, "size:        %" PRIu64 " bytes\n", f->size);
	fprintf(out, "created by:  %s\n", f->created_by ? f->created_by : "-");
	fprintf(out, "version:     %d\n", f->version);
	fprintf(out, "rows:        %" PRId64 "\n", f->num_rows);
	fprintf(out, "row groups:  %d\n", f->n_row_groups);
	fprintf(out, "columns:     %d\n", f->n_leaves);
	fprintf(out, "key-value:   ");
	for (int i = 0; f->kv_keys[i]; i++)
		fprintf(out, "%s%s", i ? ", " : "", f->kv_keys[i]);
	fprintf(out, "%s\n", f->kv_keys[0] ? "" : "-");
	print_schema(f, out);
	for (int g = 0; g < f->n_row_groups; g++)
		print_row_group(f, g, out);
	parquet_close(f);
	return true;
}
