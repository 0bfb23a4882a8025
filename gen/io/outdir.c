/*
 * outdir.c - stage a run's outputs in FINAL/.eoi-tmp-XXXXXX and publish
 * them together by rename(2).
 */
#include "outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../eoi.h"

#define STAGE_PREFIX ".eoi-tmp-"
/* A staging folder whose lock is free is removed once it is this old (the
 * gap covers the instant between mkdtemp and flock of a new run); one that
 * cannot be locked at all (a file system without flock) once it is
 * STALE_NOLOCK old. */
#define STALE_UNLOCKED 60
#define STALE_NOLOCK 3600

struct OutDir {
	char *final;    /* FINAL_DIR without trailing slashes, "." for "" */
	char *stage;    /* FINAL/.eoi-tmp-XXXXXX */
	int lock_fd;    /* the staging folder, flock-ed while the run lives */
	dev_t dev;      /* its file system: rename(2) does not leave it */
	char *created;  /* the topmost folder of FINAL made by begin, or NULL */
	FILE *mem;      /* outdir_log's stream, or NULL */
	char *mem_buf;
	size_t mem_len;
	FILE *log;      /* where the held-back lines go at commit */
};

/* ---- removing folders ------------------------------------------------------ */

void outdir_remove_tree(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	for (const char *n; d && (n = g_dir_read_name(d));) {
		char *p = g_build_filename(path, n, NULL);
		GStatBuf sb;
		if (g_lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			outdir_remove_tree(p);
		else
			g_unlink(p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(path);
}

/* Whether the staging folder PATH belongs to a run that is gone. */
static bool stale(const char *path)
{
	GStatBuf sb;
	if (g_lstat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return false;
	double age = difftime(time(NULL), sb.st_mtime);
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool gone;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		gone = age > STALE_UNLOCKED;
	else
		gone = errno != EWOULDBLOCK && age > STALE_NOLOCK;
	close(fd); /* releases the lock taken above */
	return gone;
}

/* Remove the staging folders of killed runs in DIR. */
static void clean_stale(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	for (const char *n; d && (n = g_dir_read_name(d));) {
		if (!g_str_has_prefix(n, STAGE_PREFIX))
			continue;
		char *p = g_build_filename(dir, n, NULL);
		if (stale(p))
			outdir_remove_tree(p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
}

/* ---- begin ------------------------------------------------------------------- */

/* The topmost of DIR and its ancestors that does not exist (g_free), or
 * NULL when DIR exists. */
static char *topmost_missing(const char *dir)
{
	char *top = NULL, *d = g_strdup(dir);
	while (!g_file_test(d, G_FILE_TEST_EXISTS)) {
		char *up = g_path_get_dirname(d);
		g_free(top);
		top = d;
		d = up;
		if (strcmp(d, top) == 0)
			break;
	}
	g_free(d);
	return top;
}

/* Remove DIR and its ancestors up to TOP, each only when empty. */
static void remove_created(const char *dir, const char *top)
{
	char *d = g_strdup(dir);
	while (g_rmdir(d) == 0 && strcmp(d, top) != 0) {
		char *up = g_path_get_dirname(d);
		g_free(d);
		d = up;
	}
	g_free(d);
}

static void outdir_free(OutDir *od)
{
	if (od->lock_fd >= 0)
		close(od->lock_fd);
	if (od->mem)
		fclose(od->mem);
	free(od->mem_buf); /* open_memstream's buffer is malloc-ed */
	g_free(od->final);
	g_free(od->stage);
	g_free(od->created);
	g_free(od);
}

OutDir *outdir_begin(const char *final_dir, GError **err)
{
	OutDir *od = g_new0(OutDir, 1);
	od->lock_fd = -1;
	od->final = g_strdup(final_dir);
	for (size_t n = strlen(od->final); n > 1 && od->final[n - 1] == '/'; n--)
		od->final[n - 1] = '\0';
	if (!*od->final) {
		g_free(od->final);
		od->final = g_strdup(".");
	}
	od->created = topmost_missing(od->final);
	if (g_mkdir_with_parents(od->final, 0777) != 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create directory: %s", od->final,
			    g_strerror(errno));
		goto fail;
	}
	clean_stale(od->final);
	od->stage = g_build_filename(od->final, STAGE_PREFIX "XXXXXX", NULL);
	if (!g_mkdtemp(od->stage)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create a staging folder: %s",
			    od->final, g_strerror(errno));
		goto fail;
	}
	GStatBuf sb;
	od->dev = g_stat(od->stage, &sb) == 0 ? sb.st_dev : 0;
	od->lock_fd = open(od->stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (od->lock_fd >= 0)
		(void)flock(od->lock_fd, LOCK_EX | LOCK_NB); /* best effort: see stale() */
	return od;
fail:
	g_free(od->stage);
	od->stage = NULL;
	outdir_abort(od);
	return NULL;
}

char *outdir_path(const OutDir *od, const char *relpath)
{
	return g_build_filename(od->stage, relpath, NULL);
}

FILE *outdir_log(OutDir *od, FILE *log)
{
	if (!log)
		return NULL;
	if (!od->mem) {
		od->mem = open_memstream(&od->mem_buf, &od->mem_len);
		if (!od->mem)
			return log; /* unbuffered, staging paths shown: still correct */
		od->log = log;
	}
	return od->mem;
}

/* ---- commit ----------------------------------------------------------------- */

/* Append to FILES the paths relative to the staging folder of every file
 * below DIR (REL: DIR relative to it, "" at the top). */
static void list_files(const char *dir, const char *rel, GPtrArray *files)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	for (const char *n; d && (n = g_dir_read_name(d));) {
		char *p = g_build_filename(dir, n, NULL);
		char *r = *rel ? g_build_filename(rel, n, NULL) : g_strdup(n);
		GStatBuf sb;
		if (g_lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			list_files(p, r, files);
			g_free(r);
		} else {
			g_ptr_array_add(files, r);
		}
		g_free(p);
	}
	if (d)
		g_dir_close(d);
}

static int compare_strings(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the file PATH may be replaced by rename(2) from the staging
 * folder: its nearest existing ancestor is a writable folder on the same
 * file system, and PATH itself is not a folder. */
static bool check_dest(const OutDir *od, const char *path, GError **err)
{
	GStatBuf sb;
	if (g_lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", path, g_strerror(EISDIR));
		return false;
	}
	char *dir = g_path_get_dirname(path);
	bool ok = true;
	for (;;) {
		if (g_stat(dir, &sb) == 0) {
			int e = 0;
			if (!S_ISDIR(sb.st_mode))
				e = ENOTDIR;
			else if (access(dir, W_OK | X_OK) != 0)
				e = errno;
			else if (sb.st_dev != od->dev)
				e = EXDEV;
			if (e) {
				g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", dir, g_strerror(e));
				ok = false;
			}
			break;
		}
		char *up = g_path_get_dirname(dir);
		bool top = strcmp(up, dir) == 0;
		g_free(dir);
		dir = up;
		if (top)
			break;
	}
	g_free(dir);
	return ok;
}

/* Create the folder of every destination, then rename each staged file. */
static bool publish(const OutDir *od, GPtrArray *files, GError **err)
{
	for (guint i = 0; i < files->len; i++) {
		char *dest = g_build_filename(od->final, g_ptr_array_index(files, i), NULL);
		char *dir = g_path_get_dirname(dest);
		bool ok = g_mkdir_with_parents(dir, 0777) == 0;
		if (!ok)
			g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: cannot create directory: %s", dir,
				    g_strerror(errno));
		g_free(dir);
		g_free(dest);
		if (!ok)
			return false;
	}
	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);
		char *from = g_build_filename(od->stage, rel, NULL);
		char *dest = g_build_filename(od->final, rel, NULL);
		bool ok = g_rename(from, dest) == 0;
		if (!ok)
			g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", dest, g_strerror(errno));
		g_free(from);
		g_free(dest);
		if (!ok)
			return false;
	}
	return true;
}

char *outdir_shown(const OutDir *od, const char *text)
{
	char **parts = g_strsplit(text, od->stage, -1);
	char *shown = g_strjoinv(od->final, parts);
	g_strfreev(parts);
	return shown;
}

/* Print the held-back log lines with the staging folder shown as FINAL. */
static void flush_log(OutDir *od)
{
	if (!od->mem)
		return;
	fclose(od->mem);
	od->mem = NULL;
	if (!od->mem_buf)
		return;
	char *text = outdir_shown(od, od->mem_buf);
	fputs(text, od->log);
	fflush(od->log);
	g_free(text);
}

bool outdir_commit(OutDir *od, GError **err)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	list_files(od->stage, "", files);
	g_ptr_array_sort(files, compare_strings);
	bool ok = true;
	for (guint i = 0; ok && i < files->len; i++) {
		char *dest = g_build_filename(od->final, g_ptr_array_index(files, i), NULL);
		ok = check_dest(od, dest, err);
		g_free(dest);
	}
	ok = ok && publish(od, files, err);
	g_ptr_array_unref(files);
	if (!ok) {
		outdir_abort(od);
		return false;
	}
	flush_log(od);
	outdir_remove_tree(od->stage);
	outdir_free(od);
	return true;
}

void outdir_abort(OutDir *od)
{
	if (!od)
		return;
	if (od->stage)
		outdir_remove_tree(od->stage);
	if (od->created)
		remove_created(od->final, od->created);
	outdir_free(od);
}
