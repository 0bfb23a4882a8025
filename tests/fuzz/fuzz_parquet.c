/*
 * fuzz_parquet.c - libFuzzer harness for the Parquet reader on a whole
 * file.  Each input is written to a temporary file, then
 *   1. opened and read like parquet_dump: footer, schema, every column
 *      chunk of every row group (parquet_open, parquet_read_column);
 *   2. ingested as eoi's commands do: parquet_read_file() into a
 *      DatasetBuilder for each file role, then dataset_build().
 * Errors are expected; any crash, hang, leak or sanitizer report is a bug.
 * See tests/fuzz/README.md.
 */
#include "eoi.h"
#include "data/dataset.h"
#include "io/parquet.h"

#include "fuzz_main.h"

static void read_chunks(const char *path)
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_temp_file(data, size);
	if (!path)
		return 0;
	read_chunks(path);
	fuzz_ingest(path, ROLE_DOWNLOADS, parquet_read_file);
	fuzz_ingest(path, ROLE_MODELS, parquet_read_file);
	fuzz_ingest(path, ROLE_DEVELOPERS, parquet_read_file);
	unlink(path);
	g_free(path);
	return 0;
}
