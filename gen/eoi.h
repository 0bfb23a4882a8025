/*
 * eoi.h - things every stage of eoi shares: the version, the error domain
 * and the exit statuses.
 *
 * Errors travel as GError values up to main(), which alone prints them and
 * exits.  The GError code is the sysexits(3) status the program should exit
 * with, so a reader that fails on bad data sets EX_DATAERR and main needs no
 * table to translate it.  Messages are complete sentences fragments of the
 * form "FILE:LINE:COLUMN: reason" (whatever of the place is known); main
 * prefixes "eoi: error: ".
 */
#ifndef EOI_H
#define EOI_H

#include <glib.h>
#include <sysexits.h>

#define EOI_VERSION "0.1.0"

#define EOI_ERROR (eoi_error_quark())
GQuark eoi_error_quark(void);

/* Exit statuses (sysexits.h), named once. */
enum {
	EOI_EXIT_OK = 0,
	EOI_EXIT_USAGE = EX_USAGE,       /* 64: bad command line */
	EOI_EXIT_DATA = EX_DATAERR,      /* 65: malformed input data */
	EOI_EXIT_NOINPUT = EX_NOINPUT,   /* 66: input file missing/unreadable */
	EOI_EXIT_SOFTWARE = EX_SOFTWARE, /* 70: internal error */
	EOI_EXIT_CANTCREAT = EX_CANTCREAT, /* 73: cannot create output */
	EOI_EXIT_IO = EX_IOERR,          /* 74: I/O error */
};

/* The reason of a GLib file error without the path GLib puts into its
 * message (callers print their own "PATH: reason"); other errors' message. */
const char *eoi_file_error_reason(const GError *e);

/* Verbosity, set once by main from -q / -v; read by progress reporting. */
typedef enum { EOI_QUIET = 0, EOI_NORMAL = 1, EOI_VERBOSE = 2 } EoiVerbosity;

#endif
