/* eoi.c - the shared error domain. */
#include "eoi.h"

G_DEFINE_QUARK(eoi-error-quark, eoi_error)
