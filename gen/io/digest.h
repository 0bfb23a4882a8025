/*
 * digest.h - SHA-256 of input files, for provenance (the `inputs` record of
 * every output).
 */
#ifndef EOI_DIGEST_H
#define EOI_DIGEST_H

#include <glib.h>
#include <stdbool.h>

/* SHA-256 of the bytes of PATH as 64 lowercase hex digits into OUT.
 * Fails with EOI_EXIT_NOINPUT / EOI_EXIT_IO naming the file. */
bool digest_file_sha256(const char *path, char out[static 65], GError **err);

#endif
