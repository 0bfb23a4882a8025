/*
 * test_fig1.c - Figure 1 and what it is built on: the Equal Earth
 * projection (against d3-geo's geoEqualEarth, an independent
 * implementation), the world geometry and country-name table, the class
 * breaks of the map, the map's split of entries onto and off the map, the
 * table layout (long names shortened, never overlapping the shares), and
 * the rendered files (magic, identical twice, text in the PDF).
 */
#include "tk.h"

#include "figtest.h"
#include "figures/fig1.h"
#include "render/palette.h"

/* ------------------------------------------------------------ projection */

static void test_equal_earth(void)
{
	double x, y;
	map_equal_earth(0, 0, &x, &y);
	TK_EQ_DBL(x, 0, 1e-15);
	TK_EQ_DBL(y, 0, 1e-15);
	/* Reference values: d3-geo 3 geoEqualEarth().scale(1).translate([0,0]),
	 * y negated (d3's y points down). */
	static const double ref[][4] = {
		{ 180, 0, 2.706629983696, 0 },
		{ 0, 90, 0, 1.317362759157 },
		{ -74, 40.7, -0.981862090158, 0.786841444197 },
		{ 116.4, 39.9, 1.552260873796, 0.772869534159 },
		{ 10, -45, 0.128872722123, -0.860231085522 },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(ref); i++) {
		map_equal_earth(ref[i][0], ref[i][1], &x, &y);
		TK_EQ_DBL(x, ref[i][2], 1e-9);
		TK_EQ_DBL(y, ref[i][3], 1e-9);
	}
	/* By hand: at the equator θ = 0, so x = 2√3·λ / (3·A1); λ = π/2. */
	map_equal_earth(90, 0, &x, &y);
	TK_EQ_DBL(x, 2 * sqrt(3) * (G_PI / 2) / (3 * 1.340264), 1e-12);
	/* symmetric in both axes */
	double x2, y2;
	map_equal_earth(-30, -20, &x, &y);
	map_equal_earth(30, 20, &x2, &y2);
	TK_EQ_DBL(x, -x2, 1e-15);
	TK_EQ_DBL(y, -y2, 1e-15);
}

static void test_view_fit(void)
{
	MapExtent e = { -2, -1, 2, 1 }; /* 4 × 2 */
	MapView v = map_view_fit(e, (Rect){ 10, 20, 200, 200 });
	TK_EQ_DBL(v.scale, 50, 1e-12);
	TK_EQ_DBL(v.box.w, 200, 1e-12);
	TK_EQ_DBL(v.box.h, 100, 1e-12);
	TK_EQ_DBL(v.box.y, 20, 1e-12);
	double px, py;
	map_view_point(&v, 0, 0, &px, &py); /* the centre of the extent */
	TK_EQ_DBL(px, 110, 1e-9);
	TK_EQ_DBL(py, 70, 1e-9);
}

static void test_class_breaks(void)
{
	double e[16];
	int n = map_class_breaks(0.0037, 0.43, e, 16);
	static const double want[] = { 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5 };
	TK_EQ_INT(n, 8);
	for (int i = 0; i < n && i < 8; i++)
		TK_EQ_DBL(e[i], want[i], 1e-12);
	TK_EQ_INT(map_class_of(e, n, 0.0037), 0);
	TK_EQ_INT(map_class_of(e, n, 0.43), 6);
	TK_EQ_INT(map_class_of(e, n, 0.2), 6); /* lower edge belongs to the class */
	TK_EQ_INT(map_class_of(e, n, 0.0199), 2);
	/* an exact 1-2-5 value starts its own class */
	n = map_class_breaks(0.01, 0.01, e, 16);
	TK_EQ_INT(n, 2);
	TK_EQ_DBL(e[0], 0.01, 1e-15);
	TK_EQ_DBL(e[1], 0.02, 1e-15);
	TK_EQ_INT(map_class_breaks(0, 1, e, 16), 0);
	TK_EQ_INT(map_class_breaks(0.5, 0.1, e, 16), 0);
}

static void test_sequential_palette(void)
{
	Colour a = palette_sequential(0), b = palette_sequential(1), m = palette_sequential(0.5);
	TK_EQ_DBL(a.r, 1.0, 1e-9); /* #FFFFD9 */
	TK_EQ_DBL(a.b, 0xD9 / 255.0, 1e-9);
	TK_EQ_DBL(b.r, 0x08 / 255.0, 1e-9); /* #081D58 */
	TK_EQ_DBL(m.g, 0xB6 / 255.0, 1e-9); /* the middle colour #41B6C4 */
	Colour c = palette_sequential(-3);
	TK_EQ_DBL(c.r, a.r, 0);
}

/* ------------------------------------------------------- geometry, names */

static char *resource(const char *rel)
{
	GError *err = NULL;
	char *p = eoi_resource_path(rel, &err);
	if (!p) {
		printf("%s\n", err->message);
		g_error_free(err);
	}
	return p;
}

static void test_world_file(void)
{
	char *path = resource("data/world/countries-110m.json");
	GError *err = NULL;
	GeoWorld *w = path ? geo_world_load(path, &err) : NULL;
	TK_CHECK(w != NULL);
	if (!w) {
		g_clear_error(&err);
		g_free(path);
		return;
	}
	TK_EQ_INT(w->n, 176); /* Natural Earth 110 m less Antarctica */
	const GeoCountry *us = geo_world_find(w, 840);
	TK_EQ_STR(us ? us->name : NULL, "United States of America");
	TK_CHECK(geo_world_find(w, 10) == NULL);  /* Antarctica left out */
	TK_CHECK(geo_world_find(w, 702) == NULL); /* Singapore: too small at 110 m */
	/* no ring jumps across the antimeridian */
	double jump = 0;
	for (uint32_t c = 0; c < w->n; c++)
		for (uint32_t r = 0; r < w->country[c].n_rings; r++)
			for (uint32_t i = 1; i < w->country[c].ring[r].n; i++)
				jump = fmax(jump, fabs(w->country[c].ring[r].xy[2 * i] -
						       w->country[c].ring[r].xy[2 * i - 2]));
	TK_CHECK(jump < 180);
	/* The map reaches ±180° (Fiji, Chukotka, at |x| < 2.7066, the width of
	 * the equator), the far north, and not south of 60° S. */
	MapExtent e = map_extent(w);
	double x0, y60s, ynorth;
	map_equal_earth(0, -60, &x0, &y60s);
	map_equal_earth(0, 83, &x0, &ynorth);
	TK_CHECK(e.x0 < -2.6 && e.x1 > 2.6 && e.x1 < 2.706629983696);
	TK_CHECK(e.y0 > y60s);
	TK_CHECK(e.y1 > ynorth && e.y1 < 1.317362759157);
	geo_world_free(w);
	g_free(path);
}

static char *write_temp(const char *name, const char *text)
{
	char *dir = g_dir_make_tmp("eoi-fig1-XXXXXX", NULL);
	char *p = g_build_filename(dir, name, NULL);
	g_file_set_contents(p, text, -1, NULL);
	g_free(dir);
	return p;
}

static void remove_file(char *p)
{
	char *dir = g_path_get_dirname(p);
	g_remove(p);
	g_rmdir(dir);
	g_free(dir);
	g_free(p);
}

/* Loading TEXT as the world geometry (WORLD) or the country-code table
 * fails with a data error whose message holds WANT. */
static void expect_load_error(bool world, const char *text, const char *want)
{
	char *p = write_temp(world ? "w.json" : "c.csv", text);
	GError *err = NULL;
	TK_CHECK(world ? geo_world_load(p, &err) == NULL : country_codes_load(p, &err) == NULL);
	TK_CHECK(err && err->code == EOI_EXIT_DATA && strstr(err->message, want));
	if (err && !strstr(err->message, want))
		printf("got: %s\n", err->message);
	g_clear_error(&err);
	remove_file(p);
}

static void expect_world_error(const char *text, const char *want)
{
	expect_load_error(true, text, want);
}

static void test_world_errors(void)
{
	GError *err = NULL;
	TK_CHECK(geo_world_load("/nonexistent/w.json", &err) == NULL);
	TK_CHECK(err && err->code == EOI_EXIT_NOINPUT);
	g_clear_error(&err);
	expect_world_error("{", "not JSON");
	expect_world_error("{\"x\": 1}", "no \"countries\" array");
	expect_world_error("{\"countries\": [{\"id\": 1, \"name\": \"a\", \"polygons\": [[[0, 0, 1]]]}]}",
			   "countries[0]: a ring has an odd number");
	expect_world_error("{\"countries\": [{\"id\": 1, \"name\": \"a\", \"polygons\": [[[0, 0, 1, 1]]]}]}",
			   "fewer than 3 points");
	expect_world_error("{\"countries\": [{\"id\": 1, \"name\": \"a\", \"polygons\": [[[0, 0, 1, 91, 2, 0]]]}]}",
			   "latitude is outside");
	expect_world_error("{\"countries\": [{\"id\": \"x\", \"name\": \"a\", \"polygons\": []}]}",
			   "\"id\" is not an integer");
	/* integers are coordinates too; null id allowed */
	char *p = write_temp("w.json", "{\"countries\": [{\"id\": null, \"name\": \"K\", \"polygons\": "
				       "[[[0, 0, 10, 0, 10, 10]]]}]}");
	GeoWorld *w = geo_world_load(p, &err);
	TK_CHECK(w && w->n == 1 && w->country[0].iso == GEO_NO_ISO);
	TK_CHECK(w && w->country[0].n_rings == 1 && w->country[0].ring[0].xy[2] == 10);
	geo_world_free(w);
	remove_file(p);
}

static void test_country_codes(void)
{
	char *path = resource("data/country_codes.csv");
	GError *err = NULL;
	CountryCodes *cc = path ? country_codes_load(path, &err) : NULL;
	TK_CHECK(cc != NULL);
	g_clear_error(&err);
	static const struct {
		const char *name;
		int iso;
	} cases[] = {
		{ "United States of America", 840 },
		{ "USA", 840 },
		{ "united states", 840 },
		{ "  United   Kingdom ", 826 },
		{ "UK", 826 },
		{ "China", 156 },
		{ "Germany", 276 },
		{ "South Korea", 410 },
		{ "Korea, Republic of", 410 },
		{ "Taiwan", 158 },
		{ "Singapore", 702 },
		{ "User", GEO_NO_ISO },
		{ "Online", GEO_NO_ISO },
		{ "International / Online", GEO_NO_ISO },
		{ "Unknown", GEO_NO_ISO },
		{ "", GEO_NO_ISO },
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		TK_EQ_INT(country_codes_lookup(cc, cases[i].name), cases[i].iso);
	TK_EQ_INT(country_codes_lookup(cc, NULL), GEO_NO_ISO);
	double lon = 0, lat = 0;
	TK_CHECK(country_codes_point(cc, 702, &lon, &lat));
	TK_EQ_DBL(lon, 103.82, 1e-9);
	TK_EQ_DBL(lat, 1.35, 1e-9);
	TK_CHECK(!country_codes_point(cc, 840, &lon, &lat));
	country_codes_free(cc);
	g_free(path);
}

/* Every country name of the bundled sample maps to a code unless it is a
 * non-geographic group. */
static void test_sample_names(void)
{
	static const char *const sample[] = {
		"Australia", "Brazil", "Canada", "China", "France", "Germany", "India",
		"Indonesia", "Israel", "Italy", "Japan", "Mexico", "Netherlands", "New Zealand",
		"Nigeria", "Singapore", "South Africa", "South Korea", "Spain", "Sweden",
		"Switzerland", "Taiwan", "Thailand", "United Kingdom", "United States of America",
		"Vietnam",
	};
	char *path = resource("data/country_codes.csv");
	char *gpath = resource("data/world/countries-110m.json");
	CountryCodes *cc = path ? country_codes_load(path, NULL) : NULL;
	GeoWorld *w = gpath ? geo_world_load(gpath, NULL) : NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(sample); i++) {
		int iso = country_codes_lookup(cc, sample[i]);
		double lon, lat;
		bool drawn = geo_world_find(w, iso) || country_codes_point(cc, iso, &lon, &lat);
		if (!drawn)
			printf("not on the map: %s\n", sample[i]);
		TK_CHECK(drawn);
	}
	geo_world_free(w);
	country_codes_free(cc);
	g_free(path);
	g_free(gpath);
}

static void expect_codes_error(const char *text, const char *want)
{
	expect_load_error(false, text, want);
}

static void test_codes_parsing(void)
{
	char *p = write_temp("c.csv", "name,iso_numeric,lon,lat\r\n"
				      "\"Korea, Republic of\",410,,\r\n"
				      "\"The \"\"Island\"\"\",999,-10.5,20\r\n\r\n");
	GError *err = NULL;
	CountryCodes *cc = country_codes_load(p, &err);
	TK_CHECK(cc != NULL);
	TK_EQ_INT(country_codes_lookup(cc, "korea, republic of"), 410);
	TK_EQ_INT(country_codes_lookup(cc, "The \"Island\""), 999);
	double lon, lat;
	TK_CHECK(country_codes_point(cc, 999, &lon, &lat) && lon == -10.5 && lat == 20);
	country_codes_free(cc);
	remove_file(p);
	expect_codes_error("country,iso\n", ":1: header");
	expect_codes_error("name,iso_numeric,lon,lat\nX,1000,,\n", ":2: iso_numeric");
	expect_codes_error("name,iso_numeric,lon,lat\nX,12,,\n,13,,\n", ":3: empty name");
	expect_codes_error("name,iso_numeric,lon,lat\nX,12,200,1\n", ":2: lon/lat");
	expect_codes_error("name,iso_numeric,lon,lat\nX,12\n", ":2: expected 4 cells");
}

/* ---------------------------------------------------------------- figure */

typedef struct {
	Leaderboard board[BOARD_COUNT][BOARD_SPAN_COUNT];
	LeaderEntry entries[BOARD_COUNT][BOARD_SPAN_COUNT][12];
	Stats st;
} Fixture;

#define LONG_MODEL \
	"averyveryverylongauthorname/an-extraordinarily-long-model-name-that-cannot-fit-instruct-gguf"

static void fill_board(Fixture *f, BoardKind k, BoardSpan s, const char *const *names,
		       const double *shares, int n, double unknown)
{
	Leaderboard *b = &f->board[k][s];
	b->n = (uint32_t)n;
	b->entry = f->entries[k][s];
	b->total = 1000;
	b->unknown_share = unknown;
	b->n_entities = (uint32_t)n;
	for (int i = 0; i < n; i++)
		b->entry[i] = (LeaderEntry){ (char *)names[i], shares[i] * 1000, shares[i],
					     (ModelKind)(1 + i % 5), (DeveloperKind)(i % 3),
					     NULL, NULL };
	f->st.board[k][s] = b;
}

static void fixture_init(Fixture *f)
{
	static const char *const countries[] = { "China", "United States of America", "User",
						  "Online", "Singapore", "Germany" };
	static const double cshare[] = { 0.40, 0.30, 0.12, 0.08, 0.05, 0.03 };
	static const char *const devs[] = { "alpha-lab", "beta", "gamma-user" };
	static const double dshare[] = { 0.5, 0.3, 0.2 };
	static const char *const models[] = { "alpha-lab/small-1b", LONG_MODEL, "beta/x" };
	static const double mshare[] = { 0.4536, 0.25, 0.0049 };
	memset(f, 0, sizeof *f);
	f->st.info = (RunInfo){ WINDOW_FIRST_YEAR,	     ATTRIBUTION_GIVEN, PERIOD_MONTH,
				day_from_civil(2025, 8, 27), day_from_civil(2024, 1, 3), true,
				NULL };
	fill_board(f, BOARD_COUNTRY, BOARD_ALL_TIME, countries, cshare, 6, 0.02);
	fill_board(f, BOARD_COUNTRY, BOARD_LAST_12_MONTHS, countries, cshare, 2, 0);
	fill_board(f, BOARD_DEVELOPER, BOARD_ALL_TIME, devs, dshare, 3, 0);
	fill_board(f, BOARD_DEVELOPER, BOARD_LAST_12_MONTHS, devs, dshare, 0, 0);
	fill_board(f, BOARD_MODEL, BOARD_ALL_TIME, models, mshare, 3, 0);
	fill_board(f, BOARD_MODEL, BOARD_LAST_12_MONTHS, models, mshare, 3, 0);
}

typedef struct {
	FigureEnv env;
	GeoWorld *geo;
	CountryCodes *codes;
} Env;

static bool env_open(Env *e, bool single)
{
	FigureOptions fo = { ".", FIG_PDF, single };
	memset(e, 0, sizeof *e);
	char *g = resource("data/world/countries-110m.json"), *c = resource("data/country_codes.csv");
	bool ok = figure_env_open(&e->env, &fo, NULL) && g && c;
	e->geo = ok ? geo_world_load(g, NULL) : NULL;
	e->codes = ok ? country_codes_load(c, NULL) : NULL;
	g_free(g);
	g_free(c);
	return e->geo && e->codes;
}

static void env_close(Env *e)
{
	geo_world_free(e->geo);
	country_codes_free(e->codes);
	figure_env_close(&e->env);
}

static void check_map(bool single)
{
	Fixture f;
	fixture_init(&f);
	Env e;
	TK_CHECK(env_open(&e, single));
	if (!e.geo) {
		env_close(&e);
		return;
	}
	Fig1Map m;
	fig1_map_init(&m, f.st.board[BOARD_COUNTRY][BOARD_ALL_TIME], e.geo, e.codes);
	double w = e.env.width - 2 * FIGURE_MARGIN;
	double h = fig1_map_layout(&m, &e.env, FIGURE_MARGIN, 30, w, single);
	Rect page = { FIGURE_MARGIN, 30, w, h };
	TK_EQ_INT(m.n_fill, 4);   /* China, USA, Singapore, Germany */
	TK_EQ_INT(m.n_marker, 1); /* Singapore */
	TK_EQ_INT(m.marker_iso[0], 702);
	TK_EQ_INT(legend_count(m.off_map), 3); /* User, Online, Unknown */
	/* classes 0.02 0.05 0.1 0.2 0.5: China and the USA share the top one */
	TK_EQ_INT(m.n_edges, 5);
	TK_CHECK(memcmp(&m.fill[0].fill, &m.fill[1].fill, sizeof(Colour)) == 0);
	TK_CHECK(memcmp(&m.fill[0].fill, &m.fill[3].fill, sizeof(Colour)) != 0);
	TK_EQ_INT(legend_count(m.classes), 5); /* 4 classes + outside the top 6 */
	TK_CHECK(rect_contains(page, m.view.box, 1e-6));
	TK_CHECK(rect_contains(page, legend_box(m.classes), 1e-6));
	TK_CHECK(rect_contains(page, legend_box(m.off_map), 1e-6));
	TK_CHECK(!rect_overlaps(legend_box(m.classes), m.view.box));
	TK_CHECK(!rect_overlaps(legend_box(m.off_map), m.view.box));
	TK_CHECK(!rect_overlaps(legend_box(m.off_map), legend_box(m.classes)));
	fig1_map_free(&m);
	env_close(&e);
}

static void test_map_layout(void)
{
	check_map(false);
	check_map(true);
}

static void check_tables(bool single)
{
	Fixture f;
	fixture_init(&f);
	Env e;
	TK_CHECK(env_open(&e, single));
	if (!e.geo) {
		env_close(&e);
		return;
	}
	Fig1Tables t;
	double w = e.env.width - 2 * FIGURE_MARGIN;
	double h = fig1_tables_layout(&t, &e.env, &f.st, e.codes, FIGURE_MARGIN, 30, w, single);
	Rect page = { FIGURE_MARGIN, 30, w, h };
	for (int k = 0; k < BOARD_COUNT; k++)
		for (int s = 0; s < BOARD_SPAN_COUNT; s++) {
			RankTable *rt = t.table[k][s];
			TK_CHECK(rect_contains(page, rtable_box(rt), 1e-6));
			for (int k2 = 0; k2 < BOARD_COUNT; k2++)
				for (int s2 = 0; s2 < BOARD_SPAN_COUNT; s2++)
					if (k2 != k || s2 != s)
						TK_CHECK(!rect_overlaps(rtable_box(rt),
									rtable_box(t.table[k2][s2])));
			for (uint32_t i = 0; i < f.board[k][s].n; i++) {
				Rect nb = rtable_name_box(rt, (int)i), vb = rtable_value_box(rt, (int)i);
				TK_CHECK(rect_right(nb) < vb.x);
				TK_CHECK(rect_contains(rtable_box(rt), nb, 1e-6));
			}
		}
	/* the long model id is shortened, the short ones are not */
	TK_CHECK(rtable_name_ellipsized(t.table[BOARD_MODEL][BOARD_ALL_TIME], 1));
	TK_CHECK(!rtable_name_ellipsized(t.table[BOARD_MODEL][BOARD_ALL_TIME], 2));
	TK_CHECK(!rtable_name_ellipsized(t.table[BOARD_COUNTRY][BOARD_ALL_TIME], 0));
	Rect key = rtable_key_box(t.key);
	TK_CHECK(rect_contains(page, key, 1e-6));
	TK_CHECK(key.y >= rect_bottom(rtable_box(t.table[BOARD_MODEL][BOARD_LAST_12_MONTHS])));
	/* all-time above last 12 months (wide) / beside it (narrow) */
	Rect a = rtable_box(t.table[BOARD_COUNTRY][BOARD_ALL_TIME]);
	Rect b = rtable_box(t.table[BOARD_COUNTRY][BOARD_LAST_12_MONTHS]);
	TK_CHECK(single ? b.x > a.x && b.y == a.y : b.y > a.y && b.x == a.x);
	fig1_tables_free(&t);
	env_close(&e);
}

static void test_tables_layout(void)
{
	check_tables(false);
	check_tables(true);
}

static void test_symbols(void)
{
	Theme th;
	theme_defaults(&th);
	TK_EQ_INT(fig1_kind_symbol(KIND_TEXT).shape, RT_SYM_CIRCLE);
	TK_EQ_INT(fig1_kind_symbol(KIND_EMBED_CLASS).shape, RT_SYM_SQUARE);
	TK_EQ_INT(fig1_kind_symbol(KIND_IMAGE).shape, RT_SYM_TRIANGLE);
	TK_EQ_INT(fig1_kind_symbol(KIND_AUDIO).shape, RT_SYM_DIAMOND);
	TK_EQ_INT(fig1_kind_symbol(KIND_VIDEO).shape, RT_SYM_TRIANGLE_DOWN);
	TK_EQ_INT(fig1_kind_symbol(KIND_UNKNOWN).shape, RT_SYM_NONE);
	TK_EQ_INT(fig1_dev_symbol(DEVKIND_ONLINE, &th).shape, RT_SYM_GLOBE);
	TK_EQ_INT(fig1_dev_symbol(DEVKIND_USER, &th).shape, RT_SYM_PERSON);
	TK_EQ_INT(fig1_dev_symbol(DEVKIND_ORGANISATION, &th).shape, RT_SYM_NONE);
}

static void test_files_identical(void)
{
	Fixture f;
	fixture_init(&f);
	ft_check_identical(fig1_render, &f.st, "fig1", true);
}

static void test_pdf_text(void)
{
	Fixture f;
	fixture_init(&f);
	char *dir = g_dir_make_tmp("eoi-fig1-XXXXXX", NULL);
	TK_CHECK(ft_render(fig1_render, &f.st, dir, FIG_PDF, false));
	char *text = ft_pdf_text(dir, "fig1");
	const char *want[] = { "Figure 1.",  "Countries — all-time", "Models — last 12 months",
			       "40.0%",      "45.4%",		   "0.5%",
			       "User: 12.0%", "Online: 8.0%",	   "Unknown (not ranked): 2.0%",
			       "Singapore",  "20–50%",		   "Outside the top 6",
			       "2024-08-28", "synthetic sample data", "unaffiliated user",
			       "No downloads" };
	ft_check_text(text, want, G_N_ELEMENTS(want));
	/* Drawn shortened (test_tables_layout), but the glyphs of "…" map
	 * to the elided characters, so the PDF text keeps the whole id. */
	if (text)
		TK_CHECK(strstr(text, LONG_MODEL) != NULL);
	g_free(text);
	ft_remove_tree(dir);
	g_free(dir);
}

static void test_single_column(void)
{
	Fixture f;
	fixture_init(&f);
	char *dir = g_dir_make_tmp("eoi-fig1-XXXXXX", NULL);
	TK_CHECK(ft_render(fig1_render, &f.st, dir, FIG_PNG, true));
	gsize n;
	char *png = ft_slurp(dir, "fig1.png", &n);
	TK_EQ_INT(png && n > 24 ? ft_be32(png + 16) : 0, 1050);
	g_free(png);
	ft_remove_tree(dir);
	g_free(dir);
}

TK_MAIN(test_equal_earth, test_view_fit, test_class_breaks, test_sequential_palette,
	test_world_file, test_world_errors, test_country_codes, test_sample_names,
	test_codes_parsing, test_map_layout, test_tables_layout, test_symbols,
	test_files_identical, test_pdf_text, test_single_column)
