/*
 * summary.c - plain-text summaries of a run.
 */
#include "summary.h"

#include <math.h>
#include <string.h>

char *summary_thousands(double v, char buf[static 32])
{
	char digits[32];
	snprintf(digits, sizeof digits, "%.0f", fabs(v));
	size_t n = strlen(digits), k = 0;
	if (v < 0 && strcmp(digits, "0") != 0)
		buf[k++] = '-';
	for (size_t i = 0; i < n && k < 30; i++) {
		if (i && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

static void print_inputs(const Stats *st, FILE *out)
{
	fprintf(out, "Inputs%s\n", st->info.synthetic ? " (synthetic sample data)" : "");
	for (guint i = 0; i < st->inputs->len; i++) {
		const InputFile *f = g_ptr_array_index(st->inputs, i);
		char rows[32];
		fprintf(out, "  %s  %s table, %s, %s rows, sha256 %s\n", f->path, file_role_name(f->role), f->format,
			summary_thousands((double)f->rows, rows), f->sha256);
	}
}

static void print_run(const Stats *st, FILE *out)
{
	char asof[11], first[11], rows[32], models[32], devs[32];
	fprintf(out, "\nRun\n  as of %s (data from %s), window %s, attribution %s, period %s\n",
		day_format(st->info.as_of, asof), day_format(st->info.first_day, first),
		window_name(st->info.window), attribution_name(st->info.attribution),
		period_kind_name(st->info.period));
	fprintf(out, "  %s rows, %s models, %s credited developers\n", summary_thousands((double)st->n_rows, rows),
		summary_thousands(st->n_models, models), summary_thousands(st->n_developers, devs));
}

static void print_totals(const ShareSeries *s, FILE *out)
{
	fprintf(out, "\nPeriod totals (downloads counted under the window)\n");
	double sum = 0;
	for (uint32_t p = 0; p < s->n_periods; p++) {
		char v[32];
		fprintf(out, "  %-10s %18s\n", s->period_label[p], summary_thousands(s->total[p], v));
		sum += s->total[p];
	}
	char v[32];
	fprintf(out, "  %-10s %18s\n", "all", summary_thousands(sum, v));
}

static void print_groups(const ShareSeries *s, const char *title, FILE *out)
{
	double sum = 0;
	for (uint32_t g = 0; g < s->n_groups; g++)
		sum += s->group_total[g];
	fprintf(out, "\n%s\n  %4s  %-40s %18s %8s\n", title, "rank", "name", "downloads", "share");
	for (uint32_t g = 0; g < s->n_groups; g++) {
		char v[32], rank[16] = "";
		if (s->group_kind[g] == GROUP_NAMED)
			snprintf(rank, sizeof rank, "%u", g + 1);
		fprintf(out, "  %4s  %-40s %18s %7.2f%%\n", rank, s->group_name[g],
			summary_thousands(s->group_total[g], v), sum > 0 ? 100.0 * s->group_total[g] / sum : 0.0);
	}
}

/* Each warning as "what: count"; PRINT_ZERO lists the ones that are 0 too. */
static void each_warning(const Stats *st, FILE *out, const char *prefix, bool print_zero)
{
	WarningItem items[RUN_WARNING_ITEMS];
	run_warning_items(&st->warnings, items);
	for (size_t i = 0; i < RUN_WARNING_ITEMS; i++) {
		if (!items[i].n && !print_zero)
			continue;
		char v[32];
		fprintf(out, "%s%s: %s", prefix, items[i].what, summary_thousands((double)items[i].n, v));
		if (items[i].n && strcmp(items[i].key, "unknown_columns") == 0)
			fprintf(out, " (%s)", st->warnings.unknown_column_names);
		fputc('\n', out);
	}
}

void summary_print_warnings(const Stats *st, FILE *out)
{
	each_warning(st, out, "eoi: warning: ", false);
}

void summary_print(const Stats *st, FILE *out)
{
	print_inputs(st, out);
	print_run(st, out);
	print_totals(st->developer_shares, out);
	print_groups(st->developer_shares, "Top developers (attributed view, whole span)", out);
	print_groups(st->nation_shares, "Nation groups (attributed view, whole span)", out);
	fprintf(out, "\nWarnings\n");
	each_warning(st, out, "  ", true);
}
