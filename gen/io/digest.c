/* digest.c - file digests through GChecksum. */
#include "digest.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../eoi.h"

bool digest_file_sha256(const char *path, char out[static 65], GError **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		g_set_error(err, EOI_ERROR, errno == ENOENT ? EOI_EXIT_NOINPUT : EOI_EXIT_IO, "%s: %s",
			    path, g_strerror(errno));
		return false;
	}
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	guchar buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_checksum_update(sum, buf, n);
	bool ok = !ferror(f);
	if (ok)
		g_strlcpy(out, g_checksum_get_string(sum), 65);
	else
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: read error", path);
	g_checksum_free(sum);
	fclose(f);
	return ok;
}
