/*
 * timing.c - stage timings and peak memory (see timing.h).
 */
#include "timing.h"

#include <glib.h>
#include <string.h>
#include <sys/resource.h>

typedef struct {
	const char *stage;
	uint64_t rows;
	double seconds;
	uint64_t peak; /* peak RSS of the process when the stage ended */
} Stage;

struct Timings {
	GArray *stages; /* Stage */
};

Timings *timings_new(void)
{
	Timings *t = g_new0(Timings, 1);
	t->stages = g_array_new(FALSE, FALSE, sizeof(Stage));
	return t;
}

void timings_free(Timings *t)
{
	if (!t)
		return;
	g_array_free(t->stages, TRUE);
	g_free(t);
}

double timings_now(void)
{
	return (double)g_get_monotonic_time() / 1e6;
}

void timings_add(Timings *t, const char *stage, uint64_t rows, double start)
{
	if (!t)
		return;
	double s = timings_now() - start;
	for (guint i = 0; i < t->stages->len; i++) {
		Stage *e = &g_array_index(t->stages, Stage, i);
		if (strcmp(e->stage, stage) == 0) {
			e->rows += rows;
			e->seconds += s;
			e->peak = timings_peak_rss();
			return;
		}
	}
	Stage e = { stage, rows, s, timings_peak_rss() };
	g_array_append_val(t->stages, e);
}

uint64_t timings_peak_rss(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return 0;
	return (uint64_t)ru.ru_maxrss * 1024; /* Linux reports KiB */
}

void timings_print(const Timings *t, FILE *f)
{
	if (!t)
		return;
	double total = 0;
	for (guint i = 0; i < t->stages->len; i++) {
		const Stage *e = &g_array_index(t->stages, Stage, i);
		total += e->seconds;
		fprintf(f, "timing: %-9s %12" G_GUINT64_FORMAT " rows %9.3f s %12.0f rows/s  peak %6.0f MB\n",
			e->stage, e->rows, e->seconds, e->seconds > 0 ? (double)e->rows / e->seconds : 0.0,
			(double)e->peak / 1e6);
	}
	fprintf(f, "timing: %-9s %12s      %9.3f s\n", "total", "-", total);
	fprintf(f, "timing: peak memory %.0f MB\n", (double)timings_peak_rss() / 1e6);
}
