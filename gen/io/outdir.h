/*
 * outdir.h - all-or-nothing output: a run stages every file it writes in a
 * private folder and publishes them together when it has succeeded.
 *
 * outdir_begin() makes FINAL/.eoi-tmp-XXXXXX (same file system as FINAL,
 * so rename(2) is atomic).  Writers are given paths inside it
 * (outdir_path) and write as they please.  outdir_commit() checks that
 * every file can go to its place, then renames each staged file
 * STAGE/REL to FINAL/REL (each rename atomic: a reader or a concurrent run
 * sees either the old file or a complete new one) and removes the staging
 * folder.  outdir_abort() removes the staging folder and leaves FINAL as it
 * was.  Commit and abort both free the OutDir.
 *
 * A run that is killed leaves its staging folder behind; it holds a lock
 * (flock) on STAGE/.lock while alive, so the next outdir_begin() on the
 * same FINAL removes every .eoi-tmp-* folder whose lock is free (or that
 * has no lock and is over an hour old).  No signal handler is installed.
 */
#ifndef EOI_OUTDIR_H
#define EOI_OUTDIR_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct OutDir OutDir;

/*
 * Start staging outputs for the folder FINAL_DIR (created with its parents
 * when missing; the folders created are removed again on abort).
 * Stale staging folders of killed runs are cleaned first.  NULL with ERR
 * set (EOI_EXIT_CANTCREAT, "DIR: reason") when FINAL_DIR is not a
 * writable folder.
 */
OutDir *outdir_begin(const char *final_dir, GError **err);

/* The staging path to write the output FINAL_DIR/RELPATH to (g_free).
 * Its parent folders are not created. */
char *outdir_path(const OutDir *od, const char *relpath);

/*
 * A stream for the writers' progress lines ("eoi: wrote PATH"): its text
 * is held back and printed on LOG at commit, with every staging path shown
 * as the final one; dropped on abort.  NULL when LOG is NULL.  Owned by OD.
 */
FILE *outdir_log(OutDir *od, FILE *log);

/* TEXT with every staging path of OD shown as its final path, for error
 * messages of the writers (g_free). */
char *outdir_shown(const OutDir *od, const char *text);

/*
 * Publish every staged file, then remove the staging folder and free OD.
 * Before anything is renamed, every destination is checked: its folder
 * must be (or be creatable as) a writable folder and the file must not be
 * a folder; on such an error nothing in FINAL_DIR changes.  Only a failure
 * of rename(2) itself (I/O error) can leave a part published.  False with
 * ERR set (EOI_EXIT_CANTCREAT, "PATH: reason"); the staging folder is
 * removed either way.
 */
bool outdir_commit(OutDir *od, GError **err);

/* Remove the staging folder and its files, free OD.  NULL is fine. */
void outdir_abort(OutDir *od);

/* Remove PATH and everything below it (symbolic links are not followed;
 * errors are ignored). */
void outdir_remove_tree(const char *path);

#endif
