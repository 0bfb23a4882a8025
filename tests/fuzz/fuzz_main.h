/*
 * fuzz_main.h - the part every harness shares: the libFuzzer entry point's
 * prototype, a helper that writes an input to a temporary file (for readers
 * that take a path), one that ingests a file into a dataset (when
 * data/dataset.h is included), and, when built without -fsanitize=fuzzer, a replay
 * main that feeds each file named on the command line to the same entry
 * point.  Include it last in a harness.
 */
#ifndef EOI_FUZZ_MAIN_H
#define EOI_FUZZ_MAIN_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write DATA to a new temporary file; its path (g_free, unlink) or NULL. */
static inline char *fuzz_temp_file(const uint8_t *data, size_t size)
{
	char *path = NULL;
	int fd = g_file_open_tmp("eoi-fuzz-XXXXXX", &path, NULL);
	if (fd < 0)
		return NULL;
	bool ok = write(fd, data, size) == (ssize_t)size;
	close(fd);
	if (!ok) {
		unlink(path);
		g_free(path);
		return NULL;
	}
	return path;
}

#ifdef EOI_DATASET_H
/* Read PATH as a ROLE table with READ (input_read, parquet_read_file) into
 * a dataset and drop it: errors are expected, crashes and leaks are not. */
static inline void fuzz_ingest(const char *path, FileRole role,
			       bool (*read)(const char *, FileRole, DatasetBuilder *, GError **))
{
	DatasetOptions opt = { .as_of = DAY_NONE, .snapshot_date = DAY_NONE };
	DatasetBuilder *b = dsb_new(&opt);
	GError *err = NULL;
	if (!read(path, role, b, &err)) {
		g_clear_error(&err);
		dsb_free(b);
		return;
	}
	Dataset *ds = dataset_build(b, &err);
	g_clear_error(&err);
	dataset_free(ds);
}
#endif

#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
/* Replay: run every FILE through the harness; exit 0 unless a file cannot
 * be read (a crash ends the process anyway). */
int main(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++) {
		gchar *data = NULL;
		gsize len = 0;
		GError *err = NULL;
		if (!g_file_get_contents(argv[i], &data, &len, &err)) {
			fprintf(stderr, "%s\n", err->message);
			g_error_free(err);
			status = 66;
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		g_free(data);
	}
	return status;
}
#endif

#endif
