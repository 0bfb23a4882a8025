/*
 * parquet_dump - print every row of a Parquet file in the dump format the
 * fixtures' .expected files use (tests/fixtures/parquet/README.md):
 *
 *   # rows=<N> columns=<K>
 *   # <leaf column paths, tab-separated; a list column by its field name>
 *   <one line per row: values tab-separated>
 *
 * Values: \N null; true/false; integers in decimal; f:<16 hex digits of the
 * IEEE-754 double> for FLOAT/DOUBLE; strings as JSON strings; x:<hex> for
 * other binary; d:<days> for DATE; ts:<ns since the epoch> for timestamps;
 * lists as [a,b] with null elements as `null`.
 *
 * Usage: parquet_dump FILE.  Exit 0, or the GError's code (65 for bad data)
 * with one line on stderr.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "eoi.h"
#include "io/parquet.h"

typedef struct {
	int leaf;
	bool list;
	PqColumn col;
	int64_t level;  /* next level entry */
	size_t value;   /* next value */
} DumpCol;

static void print_i128(FILE *out, __int128 v)
{
	char buf[48];
	int n = 0;
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
	do {
		buf[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	if (v < 0)
		fputc('-', out);
	while (n)
		fputc(buf[--n], out);
}

static void print_string(FILE *out, const uint8_t *p, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		uint8_t c = p[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void print_timestamp(FILE *out, const PqValues *v, size_t j, const PqLeaf *leaf)
{
	__int128 ns;
	if (v->type == PQ_INT96) {
		const uint8_t *p = v->fixed + j * 12;
		uint64_t nanos;
		uint32_t jd;
		memcpy(&nanos, p, 8);
		memcpy(&jd, p + 8, 4);
		ns = ((__int128)(int32_t)GUINT32_FROM_LE(jd) - 2440588) * (__int128)86400000000000 +
		     (int64_t)GUINT64_FROM_LE(nanos);
	} else {
		int k = leaf->unit == PQ_UNIT_MILLIS ? 1000000 : leaf->unit == PQ_UNIT_MICROS ? 1000 : 1;
		ns = (__int128)pq_int(v, j) * k;
	}
	fputs("ts:", out);
	print_i128(out, ns);
}

static void print_value(FILE *out, const PqColumn *c, size_t i, const PqLeaf *leaf)
{
	const PqValues *v = c->dict ? &c->dictionary : &c->values;
	size_t j = c->dict ? c->indices[i] : i;
	size_t len;
	const uint8_t *p;
	switch (leaf->kind) {
	case PQV_BOOL:
		fputs(pq_int(v, j) ? "true" : "false", out);
		return;
	case PQV_UINT:
		if (v->type == PQ_INT32)
			fprintf(out, "%" PRIu32, (uint32_t)pq_int(v, j));
		else
			fprintf(out, "%" PRIu64, (uint64_t)pq_int(v, j));
		return;
	case PQV_FLOAT: {
		double d = pq_double(v, j);
		uint64_t bits;
		memcpy(&bits, &d, 8);
		fprintf(out, "f:%016" PRIx64, bits);
		return;
	}
	case PQV_STRING:
		p = pq_bytes(v, j, &len);
		print_string(out, p, len);
		return;
	case PQV_DATE:
		fprintf(out, "d:%" PRId64, pq_int(v, j));
		return;
	case PQV_TIMESTAMP:
		print_timestamp(out, v, j, leaf);
		return;
	case PQV_INT:
	case PQV_OTHER:
	case PQV_BINARY:
		if (v->type == PQ_INT32 || v->type == PQ_INT64) {
			fprintf(out, "%" PRId64, pq_int(v, j));
			return;
		}
		p = pq_bytes(v, j, &len);
		fputs("x:", out);
		for (size_t k = 0; k < len; k++)
			fprintf(out, "%02x", p[k]);
		return;
	}
}

static void print_flat(FILE *out, DumpCol *dc, const PqLeaf *leaf)
{
	if (leaf->max_def && dc->col.def[dc->level] < leaf->max_def) {
		fputs("\\N", out);
	} else {
		print_value(out, &dc->col, dc->value++, leaf);
	}
	dc->level++;
}

static void print_list(FILE *out, DumpCol *dc, const PqLeaf *leaf)
{
	const PqColumn *c = &dc->col;
	int64_t i = dc->level;
	int d = leaf->max_def ? c->def[i] : 0;
	if (d < leaf->list_def) {
		fputs("\\N", out);
		dc->level++;
		return;
	}
	fputc('[', out);
	if (d < leaf->elem_def) {
		i++;
	} else {
		bool first = true;
		do {
			if (!first)
				fputc(',', out);
			first = false;
			if (leaf->max_def && c->def[i] < leaf->max_def)
				fputs("null", out);
			else
				print_value(out, c, dc->value++, leaf);
			i++;
		} while (i < c->n_levels && c->rep[i] != 0);
	}
	fputc(']', out);
	dc->level = i;
}

static bool dump_row_group(ParquetFile *f, int rg, DumpCol *cols, int n, FILE *out, GError **err)
{
	for (int k = 0; k < n; k++) {
		cols[k].level = 0;
		cols[k].value = 0;
		if (!parquet_read_column(f, rg, cols[k].leaf, &cols[k].col, err))
			return false;
	}
	for (int64_t r = 0; r < f->row_groups[rg].num_rows; r++) {
		for (int k = 0; k < n; k++) {
			if (k)
				fputc('\t', out);
			const PqLeaf *leaf = &f->leaves[cols[k].leaf];
			if (cols[k].list)
				print_list(out, &cols[k], leaf);
			else
				print_flat(out, &cols[k], leaf);
		}
		fputc('\n', out);
	}
	return true;
}

static bool dump(const char *path, FILE *out, GError **err)
{
	ParquetFile *f = parquet_open(path, err);
	if (!f)
		return false;
	DumpCol *cols = g_new0(DumpCol, f->n_leaves);
	int n = 0;
	bool ok = true;
	GString *names = g_string_new("# ");
	for (int i = 0; i < f->n_fields && ok; i++) {
		const PqField *fd = &f->fields[i];
		if (fd->shape == PQS_UNSUPPORTED) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: column \"%s\": nesting not supported",
				    path, fd->name);
			ok = false;
			break;
		}
		for (int l = fd->first_leaf; l < fd->first_leaf + fd->n_leaves; l++) {
			if (n)
				g_string_append_c(names, '\t');
			g_string_append(names, fd->shape == PQS_LIST ? fd->name : f->leaves[l].path);
			cols[n].leaf = l;
			cols[n++].list = fd->shape == PQS_LIST;
		}
	}
	if (ok) {
		fprintf(out, "# rows=%" PRId64 " columns=%d\n%s\n", f->num_rows, n, names->str);
		for (int rg = 0; rg < f->n_row_groups && ok; rg++)
			ok = dump_row_group(f, rg, cols, n, out, err);
	}
	for (int k = 0; k < n; k++)
		pq_column_clear(&cols[k].col);
	g_string_free(names, TRUE);
	g_free(cols);
	parquet_close(f);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: parquet_dump FILE\n");
		return EOI_EXIT_USAGE;
	}
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	GError *err = NULL;
	if (!dump(argv[1], stdout, &err)) {
		fflush(stdout);
		fprintf(stderr, "parquet_dump: error: %s\n", err->message);
		int code = err->code;
		g_error_free(err);
		return code;
	}
	return fflush(stdout) == 0 ? 0 : EOI_EXIT_IO;
}
