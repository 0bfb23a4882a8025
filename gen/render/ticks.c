/* ticks.c - nice ticks for linear, log and time axes, and their labels. */
#include "ticks.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ labels */

/* Digits of the integer part of a non-negative decimal string grouped by
 * thousands: "1234567.5" -> "1,234,567.5". */
static void group_thousands(const char *plain, char *buf, size_t size)
{
	const char *dot = strchr(plain, '.');
	size_t int_len = dot ? (size_t)(dot - plain) : strlen(plain);
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			g_string_append_c(s, ',');
		g_string_append_c(s, plain[i]);
	}
	if (dot)
		g_string_append(s, dot);
	g_strlcpy(buf, s->str, size);
	g_string_free(s, TRUE);
}

/* V with DECIMALS decimals in the C locale, "-0" shown as "0". */
static void format_fixed(double v, int decimals, char *buf, size_t size)
{
	char fmt[16];
	g_snprintf(fmt, sizeof fmt, "%%.%df", decimals < 0 ? 0 : decimals);
	g_ascii_formatd(buf, (gint)size, fmt, v);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

void label_thousands(double v, int decimals, char *buf, size_t size)
{
	char plain[64], grouped[96];
	format_fixed(fabs(v), decimals, plain, sizeof plain);
	group_thousands(plain, grouped, sizeof grouped);
	bool neg = v < 0 && strspn(plain, "0.") != strlen(plain);
	g_snprintf(buf, size, "%s%s", neg ? "-" : "", grouped);
}

/* Strip trailing zeros after a decimal point, and the point itself. */
static void strip_zeros(char *s)
{
	if (!strchr(s, '.'))
		return;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[n - 1] = '\0';
}

/* M (>= 0) with 3 significant digits, trailing zeros stripped. */
static void three_digits(double m, char *buf, size_t size)
{
	int decimals = m >= 99.95 ? 0 : m >= 9.995 ? 1 : 2;
	if (m < 1 && m > 0)
		decimals = 2 - (int)floor(log10(m));
	format_fixed(m, decimals, buf, size);
	strip_zeros(buf);
}

void label_si(double v, char *buf, size_t size)
{
	static const char units[] = { '\0', 'K', 'M', 'B', 'T' };
	double a = fabs(v);
	int u = 0;
	while (u < 4 && a >= 999.5 * pow(1000, u))
		u++;
	char num[64];
	three_digits(a / pow(1000, u), num, sizeof num);
	if (u == 4 && a >= 999.5e12)
		label_thousands(a / 1e12, 0, num, sizeof num);
	bool zero = strcmp(num, "0") == 0;
	g_snprintf(buf, size, "%s%s%.1s", v < 0 && !zero ? "-" : "", num, &units[u]);
}

void label_percent(double fraction, int decimals, char *buf, size_t size)
{
	char num[64];
	format_fixed(fraction * 100.0, decimals, num, sizeof num);
	g_snprintf(buf, size, "%s%%", num);
}

/* Fewest decimals (0..9) that show multiples of STEP exactly. */
static int step_decimals(double step)
{
	for (int d = 0; d < 9; d++) {
		double x = step * pow(10, d);
		if (fabs(x - round(x)) < 1e-6 * fmax(1.0, fabs(x)))
			return d;
	}
	return 9;
}

void label_value(double v, double step, LabelStyle style, char *buf, size_t size)
{
	step = fabs(step);
	switch (style) {
	case LABEL_PERCENT:
		label_percent(v, step > 0 ? step_decimals(step * 100.0) : 0, buf, size);
		return;
	case LABEL_SI: label_si(v, buf, size); return;
	case LABEL_THOUSANDS:
		label_thousands(v, step > 0 ? step_decimals(step) : 0, buf, size);
		return;
	case LABEL_PLAIN: format_fixed(v, step > 0 ? step_decimals(step) : 0, buf, size); return;
	}
	buf[0] = '\0';
}

/* ------------------------------------------------------------ linear, log */

double ticks_nice_step(double raw)
{
	if (!(raw > 0) || !isfinite(raw))
		return 1.0;
	double base = pow(10, floor(log10(raw)));
	double f = raw / base;
	double m = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
	return m * base;
}

/* K × STEP without the error of a binary STEP below 1 (0.1 * 3). */
static double multiple(long k, double step)
{
	int e = (int)floor(log10(step) + 1e-9);
	if (e >= 0)
		return (double)k * step;
	double scale = pow(10, -e);
	return round((double)k * step * scale) / scale;
}

static long floor_div(long a, long b)
{
	long q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool fail(Ticks *out)
{
	memset(out, 0, sizeof *out);
	return false;
}

bool ticks_linear(double lo, double hi, int max_ticks, LabelStyle style, Ticks *out)
{
	memset(out, 0, sizeof *out);
	if (!isfinite(lo) || !isfinite(hi) || lo > hi || max_ticks < 2)
		return fail(out);
	if (max_ticks > TICKS_MAX)
		max_ticks = TICKS_MAX;
	if (lo == hi) {
		double d = lo == 0 ? 1 : fabs(lo) * 0.1;
		lo = lo == 0 ? 0 : lo - d;
		hi += d;
	}
	double step = ticks_nice_step((hi - lo) / (max_ticks - 1));
	long k0 = 0, k1 = 0;
	for (int tries = 0; tries < 8; tries++) {
		k0 = (long)floor(lo / step + 1e-9);
		k1 = (long)ceil(hi / step - 1e-9);
		if (k1 - k0 + 1 <= max_ticks)
			break;
		step = ticks_nice_step(step * 1.01);
	}
	if (k1 - k0 + 1 > max_ticks)
		return fail(out);
	out->step = step;
	for (long k = k0; k <= k1; k++) {
		double v = multiple(k, step);
		out->value[out->n] = v == 0 ? 0 : v;
		label_value(v, step, style, out->label[out->n], TICKS_LABEL_MAX);
		out->n++;
	}
	out->lo = out->value[0];
	out->hi = out->value[out->n - 1];
	return true;
}

bool ticks_log(double lo, double hi, int max_ticks, LabelStyle style, Ticks *out)
{
	memset(out, 0, sizeof *out);
	if (!isfinite(lo) || !isfinite(hi) || lo <= 0 || lo > hi || max_ticks < 2)
		return fail(out);
	if (max_ticks > TICKS_MAX)
		max_ticks = TICKS_MAX;
	int d0 = (int)floor(log10(lo) + 1e-9), d1 = (int)ceil(log10(hi) - 1e-9);
	if (d1 == d0)
		d1++;
	int k = 1; /* ticks at multiples of k decades: ⌊d1/k⌋ − ⌈d0/k⌉ + 1 of them */
	while (floor_div(d1, k) + floor_div(-d0, k) + 1 > max_ticks)
		k++;
	out->step = k;
	for (int d = d0; d <= d1; d++) {
		if (((d % k) + k) % k != 0)
			continue;
		double v = pow(10, d);
		out->value[out->n] = v;
		label_value(v, v, style, out->label[out->n], TICKS_LABEL_MAX);
		out->n++;
	}
	out->lo = pow(10, d0);
	out->hi = pow(10, d1);
	return true;
}

/* -------------------------------------------------------------------- time */

static const char *const month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Months since year 0 of the first day of a month. */
static long month_index(int year, int month)
{
	return (long)year * 12 + (month - 1);
}

static Day month_day(long mi)
{
	return day_from_civil((int)floor_div(mi, 12), (int)(mi - floor_div(mi, 12) * 12) + 1, 1);
}

static long count_multiples(long a, long b, long step)
{
	long n = floor_div(b, step) + floor_div(-a, step) + 1;
	return n < 0 ? 0 : n;
}

static void time_label(long mi, int step, char *buf, size_t size)
{
	int year = (int)floor_div(mi, 12), month = (int)(mi - (long)year * 12);
	if (step >= 12)
		g_snprintf(buf, size, "%d", year);
	else if (step >= 3)
		g_snprintf(buf, size, "%d Q%d", year, month / 3 + 1);
	else
		g_snprintf(buf, size, "%s %d", month_abbr[month], year);
}

/* Minor step under major STEP months (0: none). */
static int minor_step(int step)
{
	return step >= 24 ? 12 : step == 12 || step == 6 ? 3 : step >= 2 ? 1 : 0;
}

bool ticks_time(Day lo, Day hi, int max_ticks, Ticks *out)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120 };
	memset(out, 0, sizeof *out);
	if (lo == DAY_NONE || hi == DAY_NONE || lo > hi || max_ticks < 1)
		return fail(out);
	if (max_ticks > TICKS_MAX)
		max_ticks = TICKS_MAX;
	int y, m, d;
	day_to_civil(lo, &y, &m, &d);
	long a = month_index(y, m) + (d > 1);
	day_to_civil(hi, &y, &m, &d);
	long b = month_index(y, m);
	int step = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(steps) && !step; i++)
		if (count_multiples(a, b, steps[i]) <= max_ticks)
			step = steps[i];
	if (!step)
		step = (int)((b - a) / max_ticks / 120 + 1) * 120;
	out->step = step;
	out->lo = lo;
	out->hi = hi;
	for (long mi = -floor_div(-a, step) * step; mi <= b && out->n < TICKS_MAX; mi += step) {
		out->value[out->n] = month_day(mi);
		time_label(mi, step, out->label[out->n], TICKS_LABEL_MAX);
		out->n++;
	}
	int ms = minor_step(step);
	if (ms && count_multiples(a, b, ms) - out->n <= TICKS_MAX)
		for (long mi = -floor_div(-a, ms) * ms; mi <= b; mi += ms)
			if (floor_div(mi, step) * step != mi)
				out->minor[out->n_minor++] = month_day(mi);
	return true;
}
