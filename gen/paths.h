/*
 * paths.h - where eoi's bundled resources (fonts/, templates/, data/) are
 * found at run time.
 *
 * The program is built at the repository root (./eoi) and its test
 * programs in build/tests/ and build/tools/, so the resources are looked
 * for next to the executable and up to three directories above it.
 * $EOI_DATADIR, when set, overrides the search (installed copies, tests).
 */
#ifndef EOI_PATHS_H
#define EOI_PATHS_H

#include <glib.h>

/*
 * Full path of the resource RELATIVE ("fonts", "templates/theme.ini", ...):
 * $EOI_DATADIR/RELATIVE when $EOI_DATADIR is set and non-empty; otherwise
 * the first existing DIR/RELATIVE where DIR is the directory of the running
 * executable (/proc/self/exe) or one of its three nearest ancestors.
 * Returns a newly allocated string (g_free), or NULL with ERR set
 * (EOI_EXIT_NOINPUT) naming the resource and the places looked in.
 */
char *eoi_resource_path(const char *relative, GError **err);

#endif
