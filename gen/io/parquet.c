/*
 * parquet.c - opening a Parquet file: magic numbers, footer length and
 * metadata (parsed by parquet_meta.c), and the names of enum values.
 * Column chunks are read by parquet_page.c.
 */
#include "parquet.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../eoi.h"
#include "parquet_internal.h"

/* ---- names ------------------------------------------------------------ */

const char *pq_type_name(int type)
{
	static const char *const names[] = { "BOOLEAN", "INT32", "INT64", "INT96", "FLOAT",
					     "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY" };
	return type >= 0 && type < (int)G_N_ELEMENTS(names) ? names[type] : "?";
}

const char *pq_codec_name(int codec)
{
	static const char *const names[] = { "UNCOMPRESSED", "SNAPPY", "GZIP", "LZO",
					     "BROTLI", "LZ4", "ZSTD", "LZ4_RAW" };
	return codec >= 0 && codec < (int)G_N_ELEMENTS(names) ? names[codec] : "?";
}

const char *pq_encoding_name(int encoding)
{
	static const char *const names[] = { "PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE",
					     "BIT_PACKED", "DELTA_BINARY_PACKED",
					     "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY",
					     "RLE_DICTIONARY", "BYTE_STREAM_SPLIT", "ALP" };
	return encoding >= 0 && encoding < (int)G_N_ELEMENTS(names) ? names[encoding] : "?";
}

/* ---- opening ----------------------------------------------------------- */

/* Read exactly LEN bytes at OFFSET; false with ERR (EOI_EXIT_IO). */
static bool read_at(ParquetFile *f, void *buf, size_t len, uint64_t offset, GError **err)
{
	uint8_t *p = buf;
	while (len) {
		ssize_t n = pread(f->fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: read error: %s", f->path,
				    n < 0 ? g_strerror(errno) : "unexpected end of file");
			return false;
		}
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	return true;
}

bool pq_read_at(ParquetFile *f, void *buf, size_t len, uint64_t offset, GError **err)
{
	return read_at(f, buf, len, offset, err);
}

static bool footer_error(ParquetFile *f, const char *place, const char *why, GError **err)
{
	g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: %s: %s", f->path, place, why);
	return false;
}

static bool read_footer(ParquetFile *f, GError **err)
{
	uint8_t head[4], tail[8];
	if (f->size < 12)
		return footer_error(f, "footer", "file too small to be Parquet", err);
	if (!read_at(f, head, 4, 0, err) || !read_at(f, tail, 8, f->size - 8, err))
		return false;
	if (memcmp(tail + 4, "PARE", 4) == 0)
		return footer_error(f, "footer", "encrypted Parquet files are not supported", err);
	if (memcmp(head, "PAR1", 4) != 0 || memcmp(tail + 4, "PAR1", 4) != 0)
		return footer_error(f, "footer", "bad magic", err);
	uint32_t len = (uint32_t)tail[0] | (uint32_t)tail[1] << 8 | (uint32_t)tail[2] << 16 |
		       (uint32_t)tail[3] << 24;
	if (len == 0 || (uint64_t)len > f->size - 12)
		return footer_error(f, "footer", "footer length past the start of the file", err);
	uint8_t *buf = g_malloc(len);
	bool ok = read_at(f, buf, len, f->size - 8 - len, err);
	if (ok) {
		char place[64];
		const char *why = pq_parse_footer(f, buf, len, place, sizeof place);
		if (why)
			ok = footer_error(f, place, why, err);
	}
	g_free(buf);
	return ok;
}

ParquetFile *parquet_open(const char *path, GError **err)
{
	ParquetFile *f = g_new0(ParquetFile, 1);
	f->path = g_strdup(path);
	f->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (f->fd < 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: cannot open: %s", path,
			    g_strerror(errno));
		goto fail;
	}
	struct stat st;
	if (fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: not a regular file", path);
		goto fail;
	}
	f->size = (uint64_t)st.st_size;
	if (!read_footer(f, err))
		goto fail;
	return f;
fail:
	parquet_close(f);
	return NULL;
}

void parquet_close(ParquetFile *f)
{
	if (!f)
		return;
	if (f->fd >= 0)
		close(f->fd);
	for (int i = 0; i < f->n_nodes; i++)
		g_free(f->nodes[i].name);
	g_free(f->nodes);
	for (int i = 0; i < f->n_leaves; i++)
		g_free(f->leaves[i].path);
	g_free(f->leaves);
	for (int i = 0; i < f->n_fields; i++)
		g_free(f->fields[i].name);
	g_free(f->fields);
	for (int i = 0; i < f->n_row_groups; i++)
		g_free(f->row_groups[i].chunks);
	g_free(f->row_groups);
	g_strfreev(f->kv_keys);
	g_free(f->created_by);
	g_free(f->path);
	g_free(f);
}

int parquet_find_leaf(const ParquetFile *f, const char *path)
{
	for (int i = 0; i < f->n_leaves; i++)
		if (strcmp(f->leaves[i].path, path) == 0)
			return i;
	return -1;
}
