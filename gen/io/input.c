/* input.c - choose the reader of an input file by its content. */
#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../eoi.h"
#include "csv.h"
#include "parquet.h"

bool input_is_parquet(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	/* Either magic makes it Parquet, so a file broken at one end gets the
	 * Parquet reader's error rather than the CSV reader's. */
	char magic[4];
	bool yes = fread(magic, 1, 4, f) == 4 && memcmp(magic, "PAR1", 4) == 0;
	if (!yes && fseek(f, -4, SEEK_END) == 0)
		yes = fread(magic, 1, 4, f) == 4 && memcmp(magic, "PAR1", 4) == 0;
	fclose(f);
	return yes;
}

bool input_read(const char *path, FileRole role, DatasetBuilder *b, GError **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		g_set_error(err, EOI_ERROR, errno == ENOENT || errno == EACCES ? EOI_EXIT_NOINPUT : EOI_EXIT_IO,
			    "%s: %s", path, g_strerror(errno));
		return false;
	}
	fclose(f);
	if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: is a directory", path);
		return false;
	}
	if (input_is_parquet(path))
		return parquet_read_file(path, role, b, err);
	return csv_read_file(path, role, b, err);
}
