/*
 * digest.c - file digests through nettle's SHA-256 (several times faster
 * than GChecksum's portable C where the CPU has SHA instructions, which
 * matters when a large input is hashed while it is read).
 */
#include "digest.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>

#include "../eoi.h"

bool digest_file_sha256(const char *path, char out[static 65], GError **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		g_set_error(err, EOI_ERROR, errno == ENOENT ? EOI_EXIT_NOINPUT : EOI_EXIT_IO, "%s: %s",
			    path, g_strerror(errno));
		return false;
	}
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	static const size_t block = 1 << 18;
	guchar *buf = g_malloc(block);
	size_t n;
	while ((n = fread(buf, 1, block, f)) > 0)
		sha256_update(&ctx, n, buf);
	bool ok = !ferror(f);
	if (ok) {
		uint8_t digest[SHA256_DIGEST_SIZE];
		sha256_digest(&ctx, sizeof digest, digest);
		for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
			g_snprintf(out + 2 * i, 3, "%02x", digest[i]);
	} else {
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: read error", path);
	}
	g_free(buf);
	fclose(f);
	return ok;
}
