/*
 * fig2_demo.c - render Figure 2 from a hand-built, realistic series to look
 * at it: 60 monthly periods, 20 developers with shifting shares, Others and
 * Unknown; 12 nation groups likewise; one month without downloads.
 *
 *   build/tools/fig2_demo OUT_DIR [--single] [--no-gap] [--short]
 *
 * --short: 7 months and 5 named groups per panel (legends fit beside the
 * plots; monthly ticks).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/figures.h"

static const char *const developers[] = {
	"meta-llama",
	"google",
	"sentence-transformers",
	"openai-community",
	"Qwen",
	"microsoft",
	"FacebookAI",
	"mistralai",
	"deepseek-ai",
	"BAAI",
	"stabilityai",
	"openai",
	"nvidia",
	"intfloat",
	"TheBloke",
	"unsloth",
	"bartowski",
	"jinaai",
	"Salesforce",
	"lmstudio-community",
};
static const char *const nations[] = {
	"USA",         "China",  "International / Online", "User",
	"Germany",     "France", "United Kingdom",         "Canada",
	"South Korea", "Japan",  "Asia (other)",           "Europe (other)",
};

/* Weight of group G in period P: each group rises or fades at its own
 * rate, with a gentle wobble; NAMED groups are ordered by weight overall. */
static double weight(int g, int p, int n_named, int np)
{
	double t = p / (np - 1.0);
	double base = exp(-0.18 * g);
	double trend = (g % 3 == 0) ? 1.6 - 1.2 * t : (g % 3 == 1) ? 0.6 + 0.9 * t : 1.0;
	if (g == 4 || g == 8)
		trend = 0.1 + 2.4 * t * t; /* late risers */
	double wobble = 1 + 0.15 * sin(0.7 * p + g);
	return base * trend * wobble * (g < n_named ? 1 : 0.8);
}

static ShareSeries *series(const char *const *names, int n_named, bool gap, uint32_t np)
{
	ShareSeries *s = g_new0(ShareSeries, 1);
	uint32_t ng = (uint32_t)n_named + 2;
	s->period = PERIOD_MONTH;
	s->n_periods = np;
	s->n_groups = ng;
	s->period_start = g_new(Day, np);
	s->group_name = g_new0(char *, ng);
	s->group_kind = g_new(GroupKind, ng);
	s->share = g_new(double, np *ng);
	for (uint32_t g = 0; g < ng; g++) {
		s->group_kind[g] = g < (uint32_t)n_named ? GROUP_NAMED
				   : g == ng - 2         ? GROUP_OTHERS
							 : GROUP_UNKNOWN;
		s->group_name[g] = g_strdup(g < (uint32_t)n_named ? names[g]
					    : g == ng - 2         ? "Others"
								  : "Unknown");
	}
	for (uint32_t p = 0; p < np; p++) {
		int y = 2020 + (int)(8 + p) / 12, m = (int)(8 + p) % 12 + 1;
		s->period_start[p] = day_from_civil(y, m, 1);
		double sum = 0, w[64];
		for (uint32_t g = 0; g < ng; g++) {
			w[g] = g < (uint32_t)n_named ? weight((int)g, (int)p, n_named, (int)np)
			       : g == ng - 2         ? 1.2 + 1.5 * p / (np - 1.0)
						     : 0.25;
			sum += w[g];
		}
		for (uint32_t g = 0; g < ng; g++)
			s->share[p * ng + g] = (gap && p == np / 3) ? NAN : w[g] / sum;
	}
	return s;
}

static void series_free(ShareSeries *s)
{
	for (uint32_t g = 0; g < s->n_groups; g++)
		g_free(s->group_name[g]);
	g_free(s->group_name);
	g_free(s->group_kind);
	g_free(s->period_start);
	g_free(s->share);
	g_free(s);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: fig2_demo OUT_DIR [--single] [--no-gap] [--short]\n");
		return 64;
	}
	bool single = false, gap = true, short_run = false;
	for (int i = 2; i < argc; i++) {
		single |= strcmp(argv[i], "--single") == 0;
		gap &= strcmp(argv[i], "--no-gap") != 0;
		short_run |= strcmp(argv[i], "--short") == 0;
	}
	uint32_t np = short_run ? 7 : 60;
	int n_dev = short_run ? 5 : 20, n_nat = short_run ? 5 : 12;
	Stats st = { 0 };
	st.info = (RunInfo){ WINDOW_FIRST_YEAR,
			     ATTRIBUTION_GIVEN,
			     PERIOD_MONTH,
			     day_from_civil(2025, 8, 27),
			     day_from_civil(2020, 9, 2),
			     true,
			     NULL };
	st.developer_shares = series(developers, n_dev, gap, np);
	st.nation_shares = series(nations, n_nat, gap, np);
	FigureOptions fo = { argv[1], FIG_ALL, single };
	GError *err = NULL;
	bool ok = fig2_render(&st, &fo, &err);
	if (!ok) {
		fprintf(stderr, "fig2_demo: %s\n", err->message);
		g_error_free(err);
	}
	series_free(st.developer_shares);
	series_free(st.nation_shares);
	return ok ? 0 : 1;
}
