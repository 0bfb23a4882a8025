/*
 * tk.h - the test kit: a handful of macros, one header, no library.
 *
 * A test file defines `static void test_x(void)` functions using the
 * TK_* checks and ends with TK_MAIN(test_x, test_y, ...).  Each failed
 * check prints "FAIL test:line: what"; the program ends with the line
 * "tk: N passed, N failed" that tests/run.sh adds up, and exits 1 when
 * anything failed.  A test passes when none of its checks failed.
 */
#ifndef TK_H
#define TK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tk_failed_checks;
static const char *tk_current;

#define TK_FAIL_(fmt, ...)                                                              \
	do {                                                                            \
		tk_failed_checks++;                                                     \
		printf("FAIL %s:%d: " fmt "\n", tk_current, __LINE__, __VA_ARGS__);      \
	} while (0)

#define TK_CHECK(cond)                                                                  \
	do {                                                                            \
		if (!(cond))                                                            \
			TK_FAIL_("%s", #cond);                                          \
	} while (0)

#define TK_EQ_INT(a, b)                                                                 \
	do {                                                                            \
		long long tk_a = (long long)(a), tk_b = (long long)(b);                 \
		if (tk_a != tk_b)                                                       \
			TK_FAIL_("%s == %s: got %lld, want %lld", #a, #b, tk_a, tk_b);  \
	} while (0)

/* Equal within an absolute tolerance; two NaNs are equal. */
#define TK_EQ_DBL(a, b, eps)                                                            \
	do {                                                                            \
		double tk_a = (a), tk_b = (b);                                          \
		if (!((isnan(tk_a) && isnan(tk_b)) || fabs(tk_a - tk_b) <= (eps)))      \
			TK_FAIL_("%s == %s: got %.17g, want %.17g", #a, #b, tk_a, tk_b);\
	} while (0)

#define TK_EQ_STR(a, b)                                                                 \
	do {                                                                            \
		const char *tk_a = (a), *tk_b = (b);                                    \
		if (!tk_a || !tk_b || strcmp(tk_a, tk_b) != 0)                          \
			TK_FAIL_("%s == %s: got \"%s\", want \"%s\"", #a, #b,           \
				 tk_a ? tk_a : "(null)", tk_b ? tk_b : "(null)");       \
	} while (0)

typedef void (*tk_fn)(void);

static inline int tk_run(const char *names, tk_fn *fns, int n)
{
	int passed = 0, failed = 0;
	char *copy = strdup(names), *save = NULL;
	char *name = strtok_r(copy, ", \t\n", &save);
	for (int i = 0; i < n; i++) {
		tk_current = name ? name : "?";
		int before = tk_failed_checks;
		fns[i]();
		if (tk_failed_checks == before)
			passed++;
		else
			failed++;
		name = strtok_r(NULL, ", \t\n", &save);
	}
	free(copy);
	printf("tk: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

#define TK_MAIN(...)                                                                    \
	int main(void)                                                                  \
	{                                                                               \
		tk_fn fns[] = { __VA_ARGS__ };                                          \
		return tk_run(#__VA_ARGS__, fns, (int)(sizeof fns / sizeof fns[0]));   \
	}

#endif
