/*
 * test_fig9.c - Figure 9 from hand-built intermediary statistics: uploader
 * roles over three months and three top intermediaries.  Files,
 * determinism, fonts, the PDF's text (role legend, bar names, value labels
 * as "eoi stats" rounds them, base developers, coverage and totals), no
 * intermediaries, and the registry skipping the figure when the
 * intermediaries were skipped.
 */
#include "tk.h"

#include "figtest.h"

static char *roles[] = { "original developer", "quantizer", "fine-tuner", "adapter", "merger",
			 "other intermediary", NULL };

typedef struct {
	CategorySeries cs;
	double share[3 * ROLE_COUNT];
	Intermediary top[3];
	Intermediaries im;
	FtPeriods periods;
	Stats st;
} Fixture;

static void fixture_init(Fixture *f)
{
	static const double share[3 * ROLE_COUNT] = {
		0.90, 0.05, 0.03, 0.01, 0.01, 0.00, /* 2025-01 */
		0.80, 0.10, 0.05, 0.02, 0.02, 0.01, /* 2025-02 */
		0.70, 0.15, 0.08, 0.03, 0.02, 0.02, /* 2025-03 */
	};
	memset(f, 0, sizeof *f);
	memcpy(f->share, share, sizeof share);
	ft_periods(&f->periods, 3);
	f->cs = (CategorySeries){ .name = "uploader role",
				  .n_periods = 3,
				  .n_categories = ROLE_COUNT,
				  .category = roles,
				  .share = f->share,
				  .overall_coverage = 0.9 };
	f->top[0] = (Intermediary){ .name = "quantco", .share = 0.1234, .main_role = ROLE_QUANTIZER,
				    .n_bases = 2, .base = { "acme", "beta-labs" } };
	f->top[1] = (Intermediary){ .name = "tuner", .share = 0.0567, .main_role = ROLE_FINETUNER,
				    .n_bases = 1, .base = { "acme" } };
	f->top[2] = (Intermediary){ .name = "mixer", .share = 0.0089, .main_role = ROLE_MERGER };
	f->im = (Intermediaries){ .roles = &f->cs, .n_top = 3, .top = f->top,
				  .intermediary_share = 0.25 };
	f->st.intermediaries = &f->im;
	f->st.info = ft_info();
	f->st.developer_shares = &f->periods.s;
}

static void test_files_and_text(void)
{
	Fixture f;
	fixture_init(&f);
	char *dir = g_dir_make_tmp("eoi-fig9-XXXXXX", NULL);
	TK_CHECK(ft_render(fig9_render, &f.st, dir, FIG_ALL, false));
	ft_check_files(dir, "fig9", false);
	char *pdf = g_build_filename(dir, "fig9.pdf", NULL);
	ft_check_fonts(pdf);
	char *text = ft_pdf_text(dir, "fig9");
	const char *want[] = { "Figure 9.", "Quantizer", "Fine-tuner", "Adapter", "Merger",
			       "Other intermediary", "Original developer", "quantco", "tuner",
			       "mixer", "12.34%", "5.67%", "0.89%", "acme, beta-labs",
			       "Top intermediaries", "(90.0% of counted downloads)",
			       "intermediaries hold 25.0% in all", "Share of downloads (%)" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	g_free(pdf);
	ft_remove_tree(dir);
	g_free(dir);
	ft_check_identical(fig9_render, &f.st, "fig9", false);
	dir = g_dir_make_tmp("eoi-fig9-XXXXXX", NULL);
	TK_CHECK(ft_render(fig9_render, &f.st, dir, FIG_ALL, true));
	ft_check_files(dir, "fig9", true);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_no_intermediaries(void)
{
	Fixture f;
	fixture_init(&f);
	f.im.n_top = 0;
	char *dir = g_dir_make_tmp("eoi-fig9-XXXXXX", NULL);
	TK_CHECK(ft_render(fig9_render, &f.st, dir, FIG_PDF, false));
	char *text = ft_pdf_text(dir, "fig9");
	const char *want[] = { "No intermediary uploads in this window", "Original developer" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	g_free(text);
	Stats none = { 0 };
	none.info = ft_info();
	TK_CHECK(ft_render(fig9_render, &none, dir, FIG_PNG, false));
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_skipped(void)
{
	Fixture f;
	fixture_init(&f);
	f.im.skipped = "no base_models column (or Hub tags) in the input";
	char *dir = g_dir_make_tmp("eoi-fig9-XXXXXX", NULL);
	FigureOptions fo = { dir, FIG_PNG, false };
	FILE *log = tmpfile();
	GError *err = NULL;
	TK_CHECK(figures_render(&f.st, &fo, "fig9", log, &err));
	char line[256] = "";
	rewind(log);
	TK_CHECK(fgets(line, sizeof line, log) != NULL);
	TK_EQ_STR(line, "eoi: fig9 not drawn: no base_models column (or Hub tags) in the input\n");
	fclose(log);
	gsize n;
	char *png = ft_slurp(dir, "fig9.png", &n);
	TK_CHECK(png == NULL);
	g_free(png);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_files_and_text, test_no_intermediaries, test_skipped)
