/* eoi.c - the shared error domain. */
#include "eoi.h"

#include <errno.h>

G_DEFINE_QUARK(eoi-error-quark, eoi_error)

const char *eoi_file_error_reason(const GError *e)
{
	static const struct {
		GFileError code;
		int err;
	} map[] = {
		{ G_FILE_ERROR_EXIST, EEXIST },	  { G_FILE_ERROR_ISDIR, EISDIR },
		{ G_FILE_ERROR_ACCES, EACCES },	  { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
		{ G_FILE_ERROR_NOENT, ENOENT },	  { G_FILE_ERROR_NOTDIR, ENOTDIR },
		{ G_FILE_ERROR_ROFS, EROFS },	  { G_FILE_ERROR_LOOP, ELOOP },
		{ G_FILE_ERROR_NOSPC, ENOSPC },	  { G_FILE_ERROR_NOMEM, ENOMEM },
		{ G_FILE_ERROR_MFILE, EMFILE },	  { G_FILE_ERROR_NFILE, ENFILE },
		{ G_FILE_ERROR_INVAL, EINVAL },	  { G_FILE_ERROR_IO, EIO },
		{ G_FILE_ERROR_PERM, EPERM },
	};
	if (e && e->domain == G_FILE_ERROR)
		for (size_t i = 0; i < G_N_ELEMENTS(map); i++)
			if (map[i].code == (GFileError)e->code)
				return g_strerror(map[i].err);
	return e ? e->message : "unknown error";
}
