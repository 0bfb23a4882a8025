/*
 * dataset.h - the input data in memory: interned, columnar arrays.
 *
 * Readers (CSV, Parquet) feed a DatasetBuilder row by row; dataset_build()
 * turns it into an immutable Dataset that the derivation and statistics
 * stages read.
 *
 * Rows of the downloads table become three parallel arrays (model, day,
 * value: 14 bytes per row; 10 once built, model offsets replacing the
 * model column).  Per-model attributes (DESIGN.md §2.2) come from the model's
 * latest row: the row with the latest date, the later row in file order on
 * a tie.  The builder keeps one attribute record per model and overwrites it
 * whenever a newer-or-equal row arrives, so a reader:
 *
 *   1. calls dsb_add_download() with the row's model, day and count;
 *   2. when it returns true (this row is now the model's latest), sets the
 *      row's non-empty attribute cells with dsb_set_*(); every attribute of
 *      the model was reset to missing by dsb_add_download().
 *
 * A reader may skip step 2's work (decoding, interning) for rows that
 * return false.  Rows dated after the as-of date are dropped by
 * dsb_add_download() (it returns false and registers nothing).
 *
 * A models table (ROLE_MODELS) feeds dsb_add_model_row() + dsb_set_*() on the
 * returned record; its non-missing cells override the downloads table's for
 * models present in the data.  A developers table (ROLE_DEVELOPERS) feeds
 * dsb_add_developer_row(); its country, country_group and org_type cells
 * describe the developer.
 *
 * Ownership: the builder owns everything until dataset_build(), which
 * consumes it; the Dataset owns its arrays and string pool; dataset_free()
 * releases all of it.
 */
#ifndef EOI_DATASET_H
#define EOI_DATASET_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "../io/columns.h"
#include "dates.h"
#include "strings.h"

/* A row's day in 16 bits: days since 1970-01-01, which the readers keep
 * within DAY_DATA_MIN..DAY_DATA_MAX (1970..2100).  Read as a Day it is the
 * same number. */
typedef uint16_t RowDay;
G_STATIC_ASSERT(DAY_DATA_MIN >= 0 && DAY_DATA_MAX <= UINT16_MAX);

/* Per-model attribute records (columnar).  Missing values: SYM_NONE for
 * string/list columns, DAY_NONE for days, NAN for floats, -1 for bools. */
typedef struct {
	uint32_t n;
	uint32_t cap;
	Sym *sym[COL_COUNT];   /* COLK_STRING and COLK_LIST columns */
	Day *day[COL_COUNT];   /* COLK_DAY columns (created_at) */
	double *num[COL_COUNT];/* COLK_FLOAT columns (params) */
	int8_t *flag[COL_COUNT];/* COLK_BOOL columns (moe) */
} AttrTable;

/* An input file as reported in provenance. */
typedef struct {
	char *path;
	FileRole role;
	char *format;      /* "csv", "csv.gz", "parquet" */
	char sha256[65];
	uint64_t rows;     /* data rows read (before the as-of cut) */
} InputFile;

/* Counts of things that were tolerated, summarised once per run. */
typedef struct {
	uint64_t rows_after_as_of;     /* dropped by --as-of */
	uint64_t duplicate_rows;       /* (model, date) seen more than once */
	uint64_t counter_drops;        /* cumulative count went down */
	uint64_t no_created_window;    /* models left out of the window: no created_at */
	uint64_t attribution_cycles;   /* walks stopped by a cycle */
	uint64_t attribution_depth;    /* walks stopped by the depth cap */
	uint64_t unknown_columns;      /* header names eoi does not know */
	uint64_t models_table_unmatched;/* models-table rows for models not in the data */
	GString *unknown_column_names; /* comma-separated, for the summary */
} Warnings;

InputFile *input_file_copy(const InputFile *f);
void input_file_free(gpointer f);

typedef struct {
	Day as_of;          /* DAY_NONE: the last date in the data */
	Day snapshot_date;  /* DAY_NONE unless --snapshot-date was given */
	/* Called every DSB_PROGRESS_ROWS downloads rows with the current
	 * file and the rows read from it so far (NULL: no progress). */
	void (*progress)(const char *path, uint64_t rows, void *data);
	void *progress_data;
	/* Rows from which dataset_build() sorts in place rather than copying
	 * a column at a time (0: the default, 2^25; tests set 1). */
	uint64_t inplace_min_rows;
} DatasetOptions;

#define DSB_PROGRESS_ROWS (1u << 20)

typedef struct DatasetBuilder DatasetBuilder;

DatasetBuilder *dsb_new(const DatasetOptions *opt);
void dsb_free(DatasetBuilder *b);
StrPool *dsb_strings(DatasetBuilder *b);
/* Room for N more downloads rows (a reader that knows its row count calls
 * it first, to avoid regrowing the row arrays). */
void dsb_reserve_rows(DatasetBuilder *b, uint64_t n);
Sym dsb_intern(DatasetBuilder *b, const char *s, size_t len);
const DatasetOptions *dsb_options(const DatasetBuilder *b);

/* Register an input file before its rows; returns its record so the reader
 * can fill rows and sha256.  FORMAT is copied. */
InputFile *dsb_begin_file(DatasetBuilder *b, const char *path, FileRole role, const char *format);
/* Note a header name no column matched (one warning per run lists them). */
void dsb_unknown_column(DatasetBuilder *b, const char *name);
/* Note that the current file has column COL (for has_col and "skipped"
 * reasons later). */
void dsb_has_column(DatasetBuilder *b, ColId col);

/*
 * Add one downloads-table row.  CUMULATIVE says which kind VALUE is
 * (downloads_cumulative or per-interval downloads); all rows of a run must
 * agree (the first row decides; the reader checks its own file).  Returns
 * true when the row is now its model's latest; *REC is then the model's
 * attribute record for dsb_set_*().
 */
bool dsb_add_download(DatasetBuilder *b, Sym model, Day day, int64_t value, bool cumulative,
		      uint32_t *rec);
/* Add one models-table row; returns its record in the override table. */
uint32_t dsb_add_model_row(DatasetBuilder *b, Sym model);
/* Add one developers-table row (any of the Syms may be SYM_NONE). */
void dsb_add_developer_row(DatasetBuilder *b, Sym developer, Sym country, Sym country_group,
			   Sym org_type);

/* Which attribute table dsb_set_* write to: the one of the last
 * dsb_add_download() or dsb_add_model_row() call. */
void dsb_set_sym(DatasetBuilder *b, uint32_t rec, ColId col, Sym value);
void dsb_set_day(DatasetBuilder *b, uint32_t rec, ColId col, Day value);
void dsb_set_num(DatasetBuilder *b, uint32_t rec, ColId col, double value);
void dsb_set_flag(DatasetBuilder *b, uint32_t rec, ColId col, bool value);

/* ---- the built dataset -------------------------------------------------- */

typedef struct {
	Sym country, country_group, org_type;
} DeveloperInfo;

typedef struct {
	StrPool *strings;

	/* Downloads rows, sorted by (model, day, file order): model m's rows
	 * are [model_start[m], model_start[m + 1]).  10 bytes per row. */
	uint64_t n_rows;
	uint64_t *model_start; /* n_models + 1 offsets */
	RowDay *row_day;
	int64_t *row_value;
	bool cumulative;     /* values are cumulative counts (else per interval) */

	/* Snapshot dates: distinct row days, ascending. */
	uint32_t n_days;
	Day *days;
	Day first_day, last_day;
	Day as_of;           /* the effective as-of date */

	/* Models, indexed 0..n_models-1, in order of first appearance. */
	uint32_t n_models;
	Sym *model_id;
	uint64_t *model_latest_pos; /* file position of the latest row */
	AttrTable attrs;            /* latest-row attributes, models table applied */
	bool has_col[COL_COUNT];    /* some input file had this column */
	uint32_t *sym_model;        /* Sym -> model index + 1 (0: not a model) */
	uint32_t n_sym_model;       /* length of sym_model */

	/* Developers table: Sym developer -> DeveloperInfo* (may be empty). */
	GHashTable *developers;

	GPtrArray *inputs;          /* InputFile* */
	Warnings warnings;
	bool synthetic;             /* the input is eoi's synthetic sample */
} Dataset;

/* Finish building; consumes B.  Fails (EOI_EXIT_DATA) when there are no
 * rows. */
Dataset *dataset_build(DatasetBuilder *b, GError **err);
void dataset_free(Dataset *ds);

/* The model of row I (a binary search; loops over rows go model by model
 * through model_start instead). */
uint32_t dataset_row_model(const Dataset *ds, uint64_t i);

/* Model index of SYM, or -1 when the model is not in the data. */
int64_t dataset_model_index(const Dataset *ds, Sym model);
const char *dataset_str(const Dataset *ds, Sym sym);

/* Attribute accessors (missing: SYM_NONE, DAY_NONE, NAN, -1). */
static inline Sym ds_sym(const Dataset *ds, uint32_t m, ColId col)
{
	return ds->attrs.sym[col] ? ds->attrs.sym[col][m] : SYM_NONE;
}
static inline Day ds_day(const Dataset *ds, uint32_t m, ColId col)
{
	return ds->attrs.day[col] ? ds->attrs.day[col][m] : DAY_NONE;
}

#endif
