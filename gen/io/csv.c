/*
 * csv.c - the CSV reader: bytes to records.
 *
 * zlib's gz* functions read plain and gzip-compressed files alike; libcsv
 * (strict RFC 4180) splits the bytes into fields and records.  To say where
 * an error is, the reader cuts what it feeds libcsv at every '\n', so the
 * physical line is known inside libcsv's callbacks; it remembers the line
 * where the current record and the current field started.
 *
 * The first record is the header (csv_cells.c maps it); every later record
 * is handed to csv_row_apply().  Only the current record is held in
 * memory, one field may not exceed FIELD_MAX bytes and one record
 * RECORD_MAX bytes, so memory does not grow with the file, and a runaway
 * field or line is refused after reading at most that much of it.
 */
#include "csv.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "../eoi.h"
#include "csv_cells.h"
#include "digest.h"

#define READ_CHUNK (1u << 16)
/* libcsv grows its field buffer by this much at a time. */
#define FIELD_BLOCK (1u << 16)
/* The longest field accepted (a runaway quoted field stops here). */
#define FIELD_MAX (1u << 20)
/* The longest record accepted, line ends included (also bounds the number
 * of fields in a record). */
#define RECORD_MAX_MIB 4
#define RECORD_MAX ((size_t)RECORD_MAX_MIB << 20)
/* The most header fields accepted. */
#define MAX_COLUMNS 10000u

typedef struct {
	const char *path;
	FileRole role;
	DatasetBuilder *b;
	struct csv_parser parser;
	bool gzipped;
	bool have_header;
	CsvLayout lay;
	InputFile *file;      /* registered once the header is good */
	GString *cells;       /* the current record's fields, each NUL-ended */
	GArray *offs;         /* size_t: where each stored field starts */
	GArray *lens;         /* size_t: its length */
	GPtrArray *ptrs;      /* const char *: each stored field, for a record */
	unsigned n_fields;    /* fields of the current record (stored or not) */
	uint64_t line;        /* physical line being fed (from 1) */
	uint64_t record_line; /* line where the current record started */
	uint64_t field_line;  /* line where the current field started */
	size_t record_bytes;  /* bytes of the current record fed so far */
	bool in_record;
	GError *err;          /* first error; stops everything */
} Reader;

/* ---- errors ------------------------------------------------------------- */

static bool fail_at(Reader *r, uint64_t line, const char *reason)
{
	if (!r->err)
		g_set_error(&r->err, EOI_ERROR, EOI_EXIT_DATA, "%s:%" G_GUINT64_FORMAT ": %s",
			    r->path, line, reason);
	return false;
}

static bool fail_file(Reader *r, int code, const char *reason)
{
	if (!r->err)
		g_set_error(&r->err, EOI_ERROR, code, "%s: %s", r->path, reason);
	return false;
}

/* ---- records ------------------------------------------------------------ */

static void start_record(Reader *r)
{
	r->in_record = true;
	r->record_line = r->field_line = r->line;
	r->record_bytes = 0;
}

static void clear_record(Reader *r)
{
	g_string_truncate(r->cells, 0);
	g_array_set_size(r->offs, 0);
	g_array_set_size(r->lens, 0);
	r->n_fields = 0;
}

/* libcsv's field callback: store the field (data records keep at most as
 * many fields as the header has; extra ones are only counted). */
static void on_field(void *s, size_t len, void *data)
{
	Reader *r = data;
	if (r->err)
		return;
	if (!r->in_record)
		start_record(r); /* a record that began after a bare CR */
	if (!r->have_header && r->n_fields >= MAX_COLUMNS) {
		fail_at(r, r->record_line, "header has more than 10000 fields");
		return;
	}
	if (memchr(s, '\0', len)) {
		fail_at(r, r->line, "NUL byte in a field (not a UTF-8 text file?)");
		return;
	}
	if (!r->have_header || r->n_fields < r->lay.n_cols) {
		size_t off = r->cells->len;
		g_string_append_len(r->cells, s, (gssize)len);
		g_string_append_c(r->cells, '\0');
		g_array_append_val(r->offs, off);
		g_array_append_val(r->lens, len);
	}
	r->n_fields++;
	r->field_line = r->line;
}

/* A record of one field holding nothing but blanks is a blank line. */
static bool blank_record(const Reader *r)
{
	if (r->n_fields != 1)
		return false;
	const char *p = r->cells->str;
	for (size_t i = 0; i < g_array_index(r->lens, size_t, 0); i++)
		if (p[i] != ' ' && p[i] != '\t')
			return false;
	return true;
}

/* Pointers to the stored fields of the current record. */
static const char *const *record_cells(Reader *r)
{
	g_ptr_array_set_size(r->ptrs, 0);
	for (unsigned i = 0; i < r->offs->len; i++)
		g_ptr_array_add(r->ptrs, r->cells->str + g_array_index(r->offs, size_t, i));
	return (const char *const *)r->ptrs->pdata;
}

/* The header record: map it, then register the file. */
static bool header_record(Reader *r)
{
	bool ok = csv_layout_init(&r->lay, r->path, r->role, r->b, record_cells(r),
				  (const size_t *)r->lens->data, r->offs->len, &r->err);
	r->have_header = true;
	if (!ok)
		return false;
	r->file = dsb_begin_file(r->b, r->path, r->role, r->gzipped ? "csv.gz" : "csv");
	return digest_file_sha256(r->path, r->file->sha256, &r->err);
}

static bool data_record(Reader *r)
{
	if (r->n_fields != r->lay.n_cols) {
		char *reason = g_strdup_printf("%u field%s, header has %u", r->n_fields,
					       r->n_fields == 1 ? "" : "s", r->lay.n_cols);
		fail_at(r, r->record_line, reason);
		g_free(reason);
		return false;
	}
	r->file->rows++;
	return csv_row_apply(&r->lay, record_cells(r), (const size_t *)r->lens->data,
			     r->record_line, &r->err);
}

/* libcsv's record callback. */
static void on_record(int c, void *data)
{
	Reader *r = data;
	if (r->err)
		return;
	r->in_record = false;
	if (!blank_record(r)) {
		if (r->have_header)
			data_record(r);
		else
			header_record(r);
	}
	clear_record(r);
}

/* ---- feeding libcsv ----------------------------------------------------- */

/* Does S[0..LEN) hold anything but line terminators? */
static bool has_content(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return true;
	return false;
}

/* libcsv stopped early: say why, at the current line. */
static bool parse_failed(Reader *r)
{
	switch (csv_error(&r->parser)) {
	case CSV_EPARSE:
		return fail_at(r, r->line,
			       r->parser.quoted ? "unexpected character after the closing quote of a field"
						: "quote inside an unquoted field");
	case CSV_ENOMEM:
	case CSV_ETOOBIG:
		return fail_file(r, EOI_EXIT_SOFTWARE, "out of memory");
	default:
		return fail_at(r, r->line, csv_strerror(csv_error(&r->parser)));
	}
}

static bool field_too_long(Reader *r)
{
	char *reason = r->parser.quoted
			       ? g_strdup_printf("field longer than %u MiB (quoted field opened on "
						 "line %" G_GUINT64_FORMAT " never closed?)",
						 FIELD_MAX >> 20, r->field_line)
			       : g_strdup_printf("field longer than %u MiB", FIELD_MAX >> 20);
	fail_at(r, r->record_line, reason);
	g_free(reason);
	return false;
}

/* Feed S[0..LEN) to libcsv one physical line (or the part of one that is
 * in this chunk) at a time, counting lines. */
static bool feed(Reader *r, const unsigned char *s, size_t len)
{
	while (len > 0) {
		const unsigned char *nl = memchr(s, '\n', len);
		size_t seg = nl ? (size_t)(nl - s) + 1 : len;
		if (!r->in_record && has_content(s, seg))
			start_record(r);
		size_t used = csv_parse(&r->parser, s, seg, on_field, on_record, r);
		if (r->err)
			return false;
		if (used < seg)
			return parse_failed(r);
		if (csv_get_buffer_size(&r->parser) > FIELD_MAX)
			return field_too_long(r);
		if (r->in_record && (r->record_bytes += seg) > RECORD_MAX)
			return fail_at(r, r->record_line,
				       "record longer than " G_STRINGIFY(RECORD_MAX_MIB) " MiB");
		if (nl)
			r->line++;
		s += seg;
		len -= seg;
	}
	return true;
}

/* After the last byte: flush libcsv and check the file had a header. */
static bool finish(Reader *r)
{
	if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
		char *reason = g_strdup_printf(
			"unterminated quoted field (opened on line %" G_GUINT64_FORMAT ")", r->field_line);
		fail_at(r, r->record_line, reason);
		g_free(reason);
		return false;
	}
	if (r->err)
		return false;
	if (!r->have_header)
		return fail_file(r, EOI_EXIT_DATA, "empty file (no header)");
	if (r->role == ROLE_DOWNLOADS && r->file->rows == 0)
		return fail_file(r, EOI_EXIT_DATA, "no data rows (only a header)");
	return true;
}

/* ---- the file ----------------------------------------------------------- */

/* The zlib error after a failed or finished read, as a Reader error;
 * true when there was none. */
static bool check_gz(Reader *r, gzFile gz)
{
	int code = Z_OK;
	gzerror(gz, &code);
	if (code == Z_OK || code == Z_STREAM_END)
		return true;
	if (code == Z_ERRNO)
		return fail_file(r, EOI_EXIT_IO, g_strerror(errno));
	if (code == Z_MEM_ERROR)
		return fail_file(r, EOI_EXIT_SOFTWARE, "out of memory");
	if (code == Z_BUF_ERROR)
		return fail_file(r, EOI_EXIT_DATA, "truncated gzip data (unexpected end of file)");
	return fail_file(r, EOI_EXIT_DATA, "corrupt gzip data");
}

/* Read the whole of GZ through libcsv. */
static bool pump(Reader *r, gzFile gz)
{
	unsigned char *buf = g_malloc(READ_CHUNK);
	bool ok = true, first = true;
	for (;;) {
		int n = gzread(gz, buf, READ_CHUNK);
		if (n < 0) {
			if (check_gz(r, gz))
				fail_file(r, EOI_EXIT_DATA, "corrupt gzip data");
			ok = false;
			break;
		}
		if (n == 0) {
			ok = check_gz(r, gz) && finish(r);
			break;
		}
		const unsigned char *p = buf;
		size_t len = (size_t)n;
		if (first && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
			p += 3; /* UTF-8 byte order mark */
			len -= 3;
		}
		first = false;
		if (!(ok = feed(r, p, len)))
			break;
	}
	g_free(buf);
	return ok;
}

/* Open PATH for gzread; NULL with R's error set when it cannot be read. */
static gzFile open_input(Reader *r)
{
	int fd = open(r->path, O_RDONLY);
	if (fd < 0) {
		fail_file(r, EOI_EXIT_NOINPUT, g_strerror(errno));
		return NULL;
	}
	struct stat st;
	int bad = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
	if (bad) {
		fail_file(r, EOI_EXIT_NOINPUT, g_strerror(bad));
		close(fd);
		return NULL;
	}
	gzFile gz = gzdopen(fd, "rb");
	if (!gz) {
		close(fd);
		fail_file(r, EOI_EXIT_SOFTWARE, "out of memory");
		return NULL;
	}
	gzbuffer(gz, READ_CHUNK * 2);
	r->gzipped = !gzdirect(gz);
	return gz;
}

static int no_space(unsigned char c)
{
	return 0; /* cells are not trimmed (DESIGN.md §3.1) */
}

bool csv_read_file(const char *path, FileRole role, DatasetBuilder *b, GError **err)
{
	Reader r = { .path = path, .role = role, .b = b, .line = 1, .record_line = 1,
		     .field_line = 1 };
	csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r.parser, no_space);
	csv_set_blk_size(&r.parser, FIELD_BLOCK);
	r.cells = g_string_new(NULL);
	r.offs = g_array_new(FALSE, FALSE, sizeof(size_t));
	r.lens = g_array_new(FALSE, FALSE, sizeof(size_t));
	r.ptrs = g_ptr_array_new();

	gzFile gz = open_input(&r);
	if (gz) {
		pump(&r, gz);
		gzclose_r(gz);
	}

	csv_free(&r.parser);
	csv_layout_clear(&r.lay);
	g_string_free(r.cells, TRUE);
	g_array_free(r.offs, TRUE);
	g_array_free(r.lens, TRUE);
	g_ptr_array_free(r.ptrs, TRUE);
	if (r.err) {
		g_propagate_error(err, r.err);
		return false;
	}
	return true;
}
