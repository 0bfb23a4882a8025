/*
 * fuzz_parquet.c - libFuzzer harness for the Parquet reader (not part of
 * `make test`).  Each input is written to a temporary file and read like
 * parquet_dump does: footer, schema, every column chunk of every row group.
 * Any crash, hang, leak or sanitizer report is a bug; errors are expected.
 *
 * Build and run (clang):
 *   clang -std=c11 -D_DEFAULT_SOURCE -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION \
 *     -g -O1 -fsanitize=fuzzer,address,undefined -Igen \
 *     $(pkg-config --cflags glib-2.0) tests/tools/fuzz_parquet.c gen/io/parquet*.c \
 *     gen/io/thrift.c gen/eoi.c $(pkg-config --libs glib-2.0 zlib libzstd snappy liblz4 \
 *     libbrotlidec) -o fuzz_parquet
 *   ./fuzz_parquet -max_len=65536 CORPUS_DIR tests/fixtures/parquet
 *
 * Built without -fsanitize=fuzzer (as `make` does for tests/tools), it is a
 * replay tool: fuzz_parquet FILE... reads each file the same way.
 */
#include <glib.h>
#include <stdio.h>
#include <unistd.h>

#include "eoi.h"
#include "io/parquet.h"

static void read_all(const char *path)
{
	GError *err = NULL;
	ParquetFile *f = parquet_open(path, &err);
	if (!f) {
		g_clear_error(&err);
		return;
	}
	PqColumn col = { 0 };
	for (int rg = 0; rg < f->n_row_groups; rg++)
		for (int l = 0; l < f->n_leaves; l++)
			if (!parquet_read_column(f, rg, l, &col, &err))
				g_clear_error(&err);
	pq_column_clear(&col);
	parquet_close(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = NULL;
	int fd = g_file_open_tmp("eoi-fuzz-XXXXXX", &path, NULL);
	if (fd < 0)
		return 0;
	bool ok = write(fd, data, size) == (ssize_t)size;
	close(fd);
	if (ok)
		read_all(path);
	unlink(path);
	g_free(path);
	return 0;
}

#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		read_all(argv[i]);
	return 0;
}
#endif
