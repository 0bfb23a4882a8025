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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_temp_file(data, size);
	if (!path)
		return 0;
	fuzz_ingest(path, ROLE_DOWNLOADS, input_read);
	fuzz_ingest(path, ROLE_MODELS, input_read);
	fuzz_ingest(path, ROLE_DEVELOPERS, input_read);
	unlink(path);
	g_free(path);
	return 0;
}
