/*
 * timing.h - wall-clock time per pipeline stage and the peak memory of the
 * run, printed by `eoi ... --timings` (and read by `make bench`).
 *
 * A Timings records stages in the order they ran: a name, the rows the
 * stage worked on and the seconds it took.  Stages that run more than once
 * (the report's previous-quarter run) add up under one name.
 *
 * Ownership: timings_new() returns a Timings for timings_free().  Every
 * function accepts NULL for T and then does nothing, so stages can be timed
 * unconditionally.
 */
#ifndef EOI_TIMING_H
#define EOI_TIMING_H

#include <stdint.h>
#include <stdio.h>

typedef struct Timings Timings;

Timings *timings_new(void);
void timings_free(Timings *t);

/* Monotonic seconds (an arbitrary origin). */
double timings_now(void);

/* Record that STAGE (a static string) processed ROWS rows since START
 * (a timings_now() value). */
void timings_add(Timings *t, const char *stage, uint64_t rows, double start);

/* Peak resident memory of the process so far, in bytes (getrusage). */
uint64_t timings_peak_rss(void);

/*
 * Print one line per stage, then the total and the peak memory:
 *
 *   timing: ingest    3000000 rows  0.750 s  4000000 rows/s  peak 110 MB
 *   timing: total               -   2.100 s
 *   timing: peak memory 812 MB
 *
 * ("peak" is the process's peak memory when the stage ended.)
 *
 * The format is stable (tests/bench.sh reads it).
 */
void timings_print(const Timings *t, FILE *f);

#endif
