/* paths.c - locate bundled resources next to the executable. */
#include "paths.h"

#include "eoi.h"

#define SEARCH_LEVELS 4 /* the executable's directory and 3 ancestors */

/* Directory of the running executable, or NULL (g_free). */
static char *exe_dir(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	if (!exe)
		return NULL;
	char *dir = g_path_get_dirname(exe);
	g_free(exe);
	return dir;
}

static char *from_datadir(const char *datadir, const char *relative, GError **err)
{
	char *path = g_build_filename(datadir, relative, NULL);
	if (g_file_test(path, G_FILE_TEST_EXISTS))
		return path;
	g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: resource not found (EOI_DATADIR is %s)",
		    path, datadir);
	g_free(path);
	return NULL;
}

char *eoi_resource_path(const char *relative, GError **err)
{
	const char *datadir = g_getenv("EOI_DATADIR");
	if (datadir && *datadir)
		return from_datadir(datadir, relative, err);

	char *dir = exe_dir();
	if (!dir) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT,
			    "%s: resource not found (cannot read /proc/self/exe; set EOI_DATADIR)",
			    relative);
		return NULL;
	}
	char *first = NULL;
	for (int level = 0; level < SEARCH_LEVELS; level++) {
		char *path = g_build_filename(dir, relative, NULL);
		if (g_file_test(path, G_FILE_TEST_EXISTS)) {
			g_free(dir);
			g_free(first);
			return path;
		}
		g_free(path);
		if (level == 0)
			first = g_strdup(dir);
		char *up = g_path_get_dirname(dir);
		g_free(dir);
		dir = up;
	}
	g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT,
		    "%s: resource not found in %s or its %d parent directories (set EOI_DATADIR)",
		    relative, first, SEARCH_LEVELS - 1);
	g_free(first);
	g_free(dir);
	return NULL;
}
