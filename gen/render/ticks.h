/*
 * ticks.h - axis tick positions and tick labels (pure computation).
 *
 * Linear axes get "nice" ticks: steps of 1, 2 or 5 times a power of ten,
 * with the axis range widened outwards to whole steps.  Log axes get
 * powers of ten (every k-th decade when there are too many).  Time axes
 * get the first days of years, half-years, quarters or months, whichever
 * is the finest that fits.  Labels never depend on the C locale.
 *
 * A Ticks is a plain value struct; it owns no memory.
 */
#ifndef EOI_RENDER_TICKS_H
#define EOI_RENDER_TICKS_H

#include <stdbool.h>
#include <stddef.h>

#include "../data/dates.h"

#define TICKS_MAX 64
#define TICKS_LABEL_MAX 32

typedef enum {
	LABEL_PLAIN,     /* 0.25, 1500 */
	LABEL_THOUSANDS, /* 12,345 */
	LABEL_PERCENT,   /* values are fractions: 0.45 -> "45%" */
	LABEL_SI,        /* 1.2M, 950, 3K, 1B, 2T */
} LabelStyle;

typedef struct {
	int n;
	double value[TICKS_MAX];
	char label[TICKS_MAX][TICKS_LABEL_MAX];
	double lo, hi; /* axis range: widened to whole steps (linear, log) */
	double step;   /* linear: the step; log: decades per tick; time: months */
	int n_minor;   /* unlabelled ticks between the labelled ones (time) */
	double minor[TICKS_MAX];
} Ticks;

/* Smallest 1, 2 or 5 × 10^k that is >= RAW (RAW > 0). */
double ticks_nice_step(double raw);

/*
 * Nice ticks covering [LO, HI], at most MAX_TICKS (>= 2) of them: the
 * smallest nice step for which the widened range needs no more ticks.
 * LO == HI is widened to a unit range.  Returns false (OUT->n = 0) for
 * non-finite input or LO > HI.
 */
bool ticks_linear(double lo, double hi, int max_ticks, LabelStyle style, Ticks *out);

/*
 * Ticks at powers of ten covering [LO, HI] (0 < LO <= HI), the range
 * widened to whole decades; every k-th decade (k = 1, 2, 3, ...) so that
 * at most MAX_TICKS remain.  Returns false for LO <= 0 or bad input.
 */
bool ticks_log(double lo, double hi, int max_ticks, LabelStyle style, Ticks *out);

/*
 * Ticks at first days of months inside [LO, HI] (days): every 1, 2, 3, 6,
 * 12, 24, 60 or 120 months, the finest step that gives at most MAX_TICKS.
 * Labels: "2021" for steps of a year or more, "2021 Q3" for 3 and 6
 * months, "Mar 2021" for 1 and 2 months.  The next finer calendar unit
 * fills the minor ticks (quarters under years, months under quarters).
 * OUT->lo and OUT->hi are LO and HI (not widened).
 */
bool ticks_time(Day lo, Day hi, int max_ticks, Ticks *out);

/* V with DECIMALS decimals and "," between thousands: "-12,345.6". */
void label_thousands(double v, int decimals, char *buf, size_t size);
/* V with at most 3 significant digits and K, M, B or T: "1.2M", "950". */
void label_si(double v, char *buf, size_t size);
/* FRACTION as a percentage with DECIMALS decimals: 0.45 -> "45%". */
void label_percent(double fraction, int decimals, char *buf, size_t size);
/* Label V in STYLE for ticks STEP apart (STEP decides the decimals). */
void label_value(double v, double step, LabelStyle style, char *buf, size_t size);

#endif
