/*
 * workbook.c - build the workbook's sheets and write them, XLSX and CSV,
 * through temporary files renamed on success.
 */
#include "workbook.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../eoi.h"
#include "../render/palette.h"
#include "csvout.h"
#include "workbook_sheets.h"

/* ---- shared helpers of the sheet builders -------------------------------- */

char *wb_run_line(const Stats *st)
{
	char day[11];
	const RunInfo *in = &st->info;
	return g_strdup_printf("as of %s · %s window%s · attributed view (%s attribution) · periods: %s",
			       day_format(in->as_of, day), window_name(in->window),
			       in->window == WINDOW_FIRST_YEAR ? " (Rolling Window Filter)" : "",
			       attribution_name(in->attribution), period_kind_name(in->period));
}

void wb_preamble(Sheet *s, const Stats *st, const char *title, const char *what, uint32_t freeze_cols)
{
	char *run = wb_run_line(st);
	char *caption = g_strdup_printf("%s · %s", what, run);
	sheet_text(s, 0, 0, title, STYLE_TITLE);
	sheet_text(s, 1, 0, caption, STYLE_CAPTION);
	if (st->info.synthetic)
		sheet_text(s, 2, 0,
			   "Synthetic sample data: made by eoi's generator to exercise the pipeline, not the released "
			   "dataset.",
			   STYLE_WARNING);
	s->print_title = g_strdup(title);
	s->print_note = g_strdup_printf("%s · %s", st->info.source ? st->info.source : "", run);
	s->freeze_row = WB_HEADER_ROW + 1;
	s->freeze_col = freeze_cols;
	s->repeat_rows = WB_HEADER_ROW + 1;
	g_free(caption);
	g_free(run);
}

uint32_t wb_notes(Sheet *s, uint32_t last, GPtrArray *notes)
{
	if (!notes || notes->len == 0)
		return last + 1;
	uint32_t r = last + 2;
	sheet_text(s, r++, 0, "Notes", STYLE_SECTION);
	for (guint i = 0; i < notes->len; i++)
		sheet_text(s, r++, 0, g_ptr_array_index(notes, i), STYLE_NOTE);
	return r;
}

void wb_headers(Sheet *s, uint32_t r, uint32_t c, const char *const *headers, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		sheet_text(s, r, c + i, headers[i], STYLE_HEADER);
}

static uint32_t rgb(Colour c)
{
	return (uint32_t)(c.r * 255 + 0.5) << 16 | (uint32_t)(c.g * 255 + 0.5) << 8 | (uint32_t)(c.b * 255 + 0.5);
}

uint32_t wb_series_colour(int i)
{
	Colour all[THEME_MAX_SERIES];
	int n = palette_default_series(all);
	return rgb(all[(i < 0 ? 0 : i) % n]);
}

uint32_t wb_others_colour(void)
{
	return rgb(palette_default_others());
}

uint32_t wb_unknown_colour(void)
{
	return rgb(palette_default_unknown());
}

uint16_t wb_period_interval(PeriodKind k, uint32_t n_periods)
{
	switch (k) {
	case PERIOD_WEEK:
		return n_periods > 104 ? 52 : 13;
	case PERIOD_MONTH:
		return n_periods > 24 ? 12 : 3;
	case PERIOD_QUARTER:
		return 4;
	case PERIOD_YEAR:
		return 1;
	}
	return 0;
}

/* ---- building --------------------------------------------------------- */

GPtrArray *workbook_build(const Stats *st, GError **err)
{
	Sheet *about = wb_about(st, err);
	if (!about)
		return NULL;
	GPtrArray *sheets = g_ptr_array_new_with_free_func((GDestroyNotify)sheet_free);
	g_ptr_array_add(sheets, about);
	g_ptr_array_add(sheets, wb_table1(st));
	g_ptr_array_add(sheets, wb_table2(st));
	g_ptr_array_add(sheets, wb_leaderboards(st));
	g_ptr_array_add(sheets, wb_shares(st, false));
	g_ptr_array_add(sheets, wb_shares(st, true));
	g_ptr_array_add(sheets, wb_concentration(st));
	g_ptr_array_add(sheets, wb_org_matrix(st));
	g_ptr_array_add(sheets, wb_sizes(st));
	for (guint i = 0; i < sheets->len; i++)
		sheet_fit_columns(g_ptr_array_index(sheets, i));
	return sheets;
}

/* ---- writing ------------------------------------------------------------ */

/* A temporary file next to FINAL: its name in *TMP (g_free). */
static bool temp_name(const char *final, char **tmp, GError **err)
{
	*tmp = g_strdup_printf("%s.tmp-XXXXXX", final);
	int fd = g_mkstemp(*tmp);
	if (fd < 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", *tmp, g_strerror(errno));
		g_free(*tmp);
		*tmp = NULL;
		return false;
	}
	close(fd);
	g_chmod(*tmp, 0644); /* mkstemp's 0600 is too private for a deliverable */
	return true;
}

static bool write_csv(const Sheet *s, const char *path, GError **err)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", path, g_strerror(errno));
		return false;
	}
	bool ok = csvout_sheet(s, f);
	int saved = errno;
	if (fclose(f) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok)
		g_set_error(err, EOI_ERROR, EOI_EXIT_IO, "%s: %s", path, g_strerror(saved));
	return ok;
}

/* $SOURCE_DATE_EPOCH when it is a number, else midnight of the as-of day. */
static gint64 creation_time(const Stats *st)
{
	const char *sde = g_getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		gint64 t = g_ascii_strtoll(sde, &end, 10);
		if (*end == '\0' && t >= 0)
			return t;
	}
	return st->info.as_of == DAY_NONE ? 0 : (gint64)st->info.as_of * 86400;
}

/* Write every file under a temporary name (FINALS[i] <- TMPS[i]). */
static bool write_all(const Stats *st, GPtrArray *sheets, const char *dir, GPtrArray *finals, GPtrArray *tmps,
		      GError **err)
{
	char *xlsx = g_build_filename(dir, WORKBOOK_FILE, NULL);
	char *tmp = NULL;
	g_ptr_array_add(finals, xlsx);
	if (!temp_name(xlsx, &tmp, err))
		return false;
	g_ptr_array_add(tmps, tmp);
	if (!workbook_write_xlsx(sheets, st, tmp, creation_time(st), err))
		return false;
	for (guint i = 0; i < sheets->len; i++) {
		const Sheet *s = g_ptr_array_index(sheets, i);
		char *base = g_strdup_printf("%s.csv", s->slug);
		char *final = g_build_filename(dir, base, NULL);
		g_free(base);
		g_ptr_array_add(finals, final);
		if (!temp_name(final, &tmp, err))
			return false;
		g_ptr_array_add(tmps, tmp);
		if (!write_csv(s, tmp, err))
			return false;
	}
	return true;
}

bool tables_write(const Stats *st, const char *out_dir, FILE *log, GError **err)
{
	if (g_mkdir_with_parents(out_dir, 0777) != 0) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", out_dir, g_strerror(errno));
		return false;
	}
	GPtrArray *sheets = workbook_build(st, err);
	if (!sheets)
		return false;
	GPtrArray *finals = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *tmps = g_ptr_array_new_with_free_func(g_free);
	bool ok = write_all(st, sheets, out_dir, finals, tmps, err);
	for (guint i = 0; ok && i < tmps->len; i++) {
		const char *final = g_ptr_array_index(finals, i);
		if (g_rename(g_ptr_array_index(tmps, i), final) != 0) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_CANTCREAT, "%s: %s", final, g_strerror(errno));
			ok = false;
		} else if (log) {
			fprintf(log, "eoi: wrote %s\n", final);
		}
	}
	if (!ok)
		for (guint i = 0; i < tmps->len; i++)
			g_unlink(g_ptr_array_index(tmps, i)); /* renamed ones are already gone */
	g_ptr_array_unref(tmps);
	g_ptr_array_unref(finals);
	g_ptr_array_unref(sheets);
	return ok;
}
