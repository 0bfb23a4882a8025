/*
 * test_fig8.c - Figure 8 from hand-built transparency and openness series
 * over three months: both drawn (bands + line on the right-hand axis),
 * each alone when the other is skipped (the caption says which and why),
 * and the registry skipping the figure when both are skipped.  Files,
 * determinism, fonts and the PDF's text.
 */
#include "tk.h"

#include "figtest.h"

static char *transparency[] = { "disclosed_available", "disclosed_unavailable", "not_disclosed",
				NULL };
static char *openness[] = { "open_weights", "open_source", NULL };

typedef struct {
	CategorySeries t, o;
	double t_share[3 * 3], o_share[3 * 2];
	FtPeriods periods;
	Stats st;
} Fixture;

static void fixture_init(Fixture *f)
{
	static const double t[3 * 3] = { 0.8, 0.1, 0.1, 0.6, 0.2, 0.2, 0.4, 0.2, 0.4 };
	static const double o[3 * 2] = { 0.7, 0.3, 0.75, 0.25, 0.85, 0.15 };
	memset(f, 0, sizeof *f);
	memcpy(f->t_share, t, sizeof t);
	memcpy(f->o_share, o, sizeof o);
	ft_periods(&f->periods, 3);
	f->t = (CategorySeries){ .name = "training-data transparency",
				 .n_periods = 3,
				 .n_categories = 3,
				 .category = transparency,
				 .share = f->t_share,
				 .overall_coverage = 0.95 };
	f->o = (CategorySeries){ .name = "openness",
				 .n_periods = 3,
				 .n_categories = 2,
				 .category = openness,
				 .share = f->o_share,
				 .overall_coverage = 0.6 };
	f->st.property[PROP_TRANSPARENCY] = &f->t;
	f->st.property[PROP_OPENNESS] = &f->o;
	f->st.info = ft_info();
	f->st.developer_shares = &f->periods.s;
}

/* Render F into a scratch folder and return the PDF's text. */
static char *render_text(const Fixture *f)
{
	char *dir = g_dir_make_tmp("eoi-fig8-XXXXXX", NULL);
	TK_CHECK(ft_render(fig8_render, &f->st, dir, FIG_ALL, false));
	ft_check_files(dir, "fig8", false);
	char *pdf = g_build_filename(dir, "fig8.pdf", NULL);
	ft_check_fonts(pdf);
	char *text = ft_pdf_text(dir, "fig8");
	g_free(pdf);
	ft_remove_tree(dir);
	g_free(dir);
	return text;
}

static void test_both(void)
{
	Fixture f;
	fixture_init(&f);
	char *text = render_text(&f);
	const char *want[] = { "Figure 8.", "Disclosed and available", "Disclosed, not available",
			       "Not disclosed", "Open-source share", "Open-source share (%)",
			       "Line (right axis)", "Transparency known for 95.0% of counted downloads.",
			       "Openness known for 60.0% of counted downloads." };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	const char *avoid[] = { "not drawn", "Blank" };
	ft_check_no_text(text, avoid, G_N_ELEMENTS(avoid));
	g_free(text);
	ft_check_identical(fig8_render, &f.st, "fig8", false);
}

static void test_transparency_skipped(void)
{
	Fixture f;
	fixture_init(&f);
	f.t.skipped = "no data_transparency column in the input";
	char *text = render_text(&f);
	const char *want[] = { "Open-source share of downloaded open models",
			       "Transparency not drawn: no data_transparency column in the input.",
			       "30%" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	/* the line alone on the left axis, zoomed to 30 % */
	const char *avoid[] = { "Disclosed and available", "right axis", "100%" };
	ft_check_no_text(text, avoid, G_N_ELEMENTS(avoid));
	g_free(text);
}

static void test_openness_skipped(void)
{
	Fixture f;
	fixture_init(&f);
	f.o.skipped = "no openness column in the input";
	f.t_share[3] = f.t_share[4] = f.t_share[5] = NAN;
	char *text = render_text(&f);
	const char *want[] = { "Training-data transparency of downloaded models",
			       "Openness not drawn: no openness column in the input.",
			       "Not disclosed", "100%", "Blank: no counted downloads" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	const char *avoid[] = { "Open-source share" };
	ft_check_no_text(text, avoid, G_N_ELEMENTS(avoid));
	g_free(text);
}

static void test_both_skipped(void)
{
	Fixture f;
	fixture_init(&f);
	f.t.skipped = "no data_transparency column in the input";
	f.o.skipped = "no openness column in the input";
	char *dir = g_dir_make_tmp("eoi-fig8-XXXXXX", NULL);
	FigureOptions fo = { dir, FIG_PNG, false };
	FILE *log = tmpfile();
	GError *err = NULL;
	TK_CHECK(figures_render(&f.st, &fo, "fig8", log, &err));
	char line[256] = "";
	rewind(log);
	TK_CHECK(fgets(line, sizeof line, log) != NULL);
	TK_EQ_STR(line, "eoi: fig8 not drawn: no data_transparency or openness column in the input\n");
	fclose(log);
	gsize n;
	char *png = ft_slurp(dir, "fig8.png", &n);
	TK_CHECK(png == NULL);
	g_free(png);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_both, test_transparency_skipped, test_openness_skipped, test_both_skipped)
