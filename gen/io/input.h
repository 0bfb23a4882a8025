/*
 * input.h - read one input file of any supported format into a builder.
 */
#ifndef EOI_INPUT_H
#define EOI_INPUT_H

#include <stdbool.h>

#include "../data/dataset.h"

/* Read PATH as an input of ROLE into B: Parquet when the file starts with
 * the Parquet magic "PAR1", else CSV (plain or gzip-compressed).  A missing
 * or unreadable file fails with EOI_EXIT_NOINPUT. */
bool input_read(const char *path, FileRole role, DatasetBuilder *b, GError **err);

/* Is PATH a Parquet file (by its first four bytes)? False when unreadable. */
bool input_is_parquet(const char *path);

#endif
