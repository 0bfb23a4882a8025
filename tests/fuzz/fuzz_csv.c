/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader, through the entry the
 * command line uses: input_read() (which also sends inputs starting with
 * "PAR1" to the Parquet reader, and reads gzip-compressed CSV), for each
 * file role, then dataset_build().  Errors are expected; any crash, hang,
 * leak or sanitizer report is a bug.  See tests/fuzz/README.md.
 */
#include "eoi.h"
#include "data/dataset.h"
#include "io/input.h"

#include "fuzz_main.h"

static void ingest(const char *path, FileRole role)
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	if (!input_read(path, role, b, &err)) {
		g_clear_error(&err);
		dsb_free(b);
		return;
	}
	Dataset *ds = dataset_build(b, &err);
	g_clear_error(&err);
	dataset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_temp_file(data, size);
	if (!path)
		return 0;
	ingest(path, ROLE_DOWNLOADS);
	ingest(path, ROLE_MODELS);
	ingest(path, ROLE_DEVELOPERS);
	unlink(path);
	g_free(path);
	return 0;
}
