/*
 * shifts.c - Table 1: properties per period, growth and significance.
 *
 * The work is done once per run over two indexes built up front: the
 * Table 1 period of every cell of the year table (download-weighted side)
 * and of every model's creation year (created side).
 */
#include "shifts.h"

#include <math.h>

#include "distribution.h"
#include "significance.h"

/* The first period holds every year up to CUT (2022, the paper's). */
#define SHIFTS_CUT_YEAR 2022

static const struct {
	const char *name, *key;
	ShiftKind kind;
} row_spec[SHIFT_ROW_COUNT] = {
	[SHIFT_MEAN_SIZE] = { "Mean size (params)", "mean_size", SHIFT_KIND_SIZE },
	[SHIFT_MEDIAN_SIZE] = { "Median size (params)", "median_size", SHIFT_KIND_SIZE },
	[SHIFT_MULTIMODAL] = { "Multimodal generation", "multimodal", SHIFT_KIND_SHARE },
	[SHIFT_QUANTIZED] = { "Quantized", "quantized", SHIFT_KIND_SHARE },
	[SHIFT_MOE] = { "Mixture-of-experts", "moe", SHIFT_KIND_SHARE },
	[SHIFT_DERIVATIVE] = { "Derivative", "derivative", SHIFT_KIND_SHARE },
	[SHIFT_DATA_AVAILABLE] = { "Data: disclosed and available", "data_disclosed_available",
				   SHIFT_KIND_SHARE },
	[SHIFT_DATA_UNAVAILABLE] = { "Data: disclosed, unavailable", "data_disclosed_unavailable",
				     SHIFT_KIND_SHARE },
	[SHIFT_DATA_NOT_DISCLOSED] = { "Data: not disclosed", "data_not_disclosed", SHIFT_KIND_SHARE },
	[SHIFT_OPEN_SOURCE] = { "Open source (vs open weights)", "open_source", SHIFT_KIND_SHARE },
};

typedef struct {
	const Dataset *ds;
	const ModelProps *p;
	const PeriodTable *years;
	uint32_t n;             /* Table 1 periods */
	int cut;                /* last year of the first period */
	int32_t *cell_period;   /* per year-table cell: Table 1 period */
	int32_t *model_period;  /* per model: period of creation, -1 none */
	double *total;          /* per period: counted downloads */
} Ctx;

static int year_of(Day d)
{
	int y, m, md;
	day_to_civil(d, &y, &m, &md);
	return y;
}

static int32_t period_of(const Ctx *c, int year)
{
	if (year <= c->cut)
		return 0;
	int32_t k = year - c->cut;
	return (uint32_t)k < c->n ? k : -1;
}

/* Periods and labels (see shifts.h). */
static void make_periods(Shifts *s, Ctx *c)
{
	int last = year_of(c->ds->as_of);
	c->cut = last > SHIFTS_CUT_YEAR ? SHIFTS_CUT_YEAR : year_of(c->ds->first_day);
	c->n = (uint32_t)(last - c->cut) + 1;
	s->n_periods = c->n;
	s->last_partial = c->ds->as_of < day_from_civil(last, 12, 31);
	s->label = g_new0(char *, c->n + 1);
	s->last_year = g_new(int, c->n);
	for (uint32_t k = 0; k < c->n; k++) {
		s->last_year[k] = c->cut + (int)k;
		const char *star = k + 1 == c->n && s->last_partial ? "*" : "";
		s->label[k] = k == 0 ? g_strdup_printf("\u2264%d%s", c->cut, star)
				     : g_strdup_printf("%d%s", c->cut + (int)k, star);
	}
}

static void make_index(Ctx *c)
{
	const PeriodTable *t = c->years;
	int32_t *of_year = g_new(int32_t, t->n_periods ? t->n_periods : 1);
	for (uint32_t i = 0; i < t->n_periods; i++)
		of_year[i] = period_of(c, year_of(t->start[i]));
	c->total = g_new0(double, c->n);
	c->cell_period = g_new(int32_t, t->n ? t->n : 1);
	for (uint64_t i = 0; i < t->n; i++) {
		c->cell_period[i] = of_year[t->period[i]];
		if (c->cell_period[i] >= 0)
			c->total[c->cell_period[i]] += t->downloads[i];
	}
	g_free(of_year);
	c->model_period = g_new(int32_t, c->ds->n_models ? c->ds->n_models : 1);
	for (uint32_t m = 0; m < c->ds->n_models; m++) {
		Day d = ds_day(c->ds, m, COL_CREATED_AT);
		c->model_period[m] = d == DAY_NONE ? -1 : period_of(c, year_of(d));
	}
}

/* Property of share row ID for model M: 1, 0, or -1 unknown. */
static int share_value(const ModelProps *p, ShiftRowId id, uint32_t m)
{
	switch (id) {
	case SHIFT_MULTIMODAL:
		return p->multimodal[m];
	case SHIFT_QUANTIZED:
		return p->quantized[m];
	case SHIFT_MOE:
		return p->moe[m];
	case SHIFT_DERIVATIVE:
		return p->derivative[m];
	case SHIFT_DATA_AVAILABLE:
	case SHIFT_DATA_UNAVAILABLE:
	case SHIFT_DATA_NOT_DISCLOSED:
		if (p->transparency[m] < 0)
			return -1;
		return p->transparency[m] == (int)(id - SHIFT_DATA_AVAILABLE);
	case SHIFT_OPEN_SOURCE:
		return p->open_source[m];
	default:
		return isnan(p->params[m]) ? -1 : 1;
	}
}

/* The column(s) row ID needs, or NULL when the input can always tell. */
static const char *needed_column(const ModelProps *p, ShiftRowId id, bool *present)
{
	switch (id) {
	case SHIFT_MEAN_SIZE:
	case SHIFT_MEDIAN_SIZE:
		*present = p->has_params;
		return "params";
	case SHIFT_MULTIMODAL:
		*present = p->has_modality;
		return "modality or pipeline_tag";
	case SHIFT_MOE:
		*present = p->has_moe;
		return "moe";
	case SHIFT_DERIVATIVE:
		*present = p->has_parents;
		return "base_models";
	case SHIFT_OPEN_SOURCE:
		*present = p->has_openness;
		return "openness";
	case SHIFT_QUANTIZED:
		*present = true;
		return NULL;
	default:
		*present = p->has_transparency;
		return "data_transparency";
	}
}

/* Why row ID has no numbers, or NULL when it has. */
static char *skip_reason(const Ctx *c, ShiftRowId id)
{
	bool present;
	const char *col = needed_column(c->p, id, &present);
	if (!col)
		return NULL;
	if (!present)
		return g_strdup_printf("no %s column in the input", col);
	for (uint32_t m = 0; m < c->ds->n_models; m++)
		if (share_value(c->p, id, m) >= 0)
			return NULL;
	return g_strdup_printf("no model has a value in the %s column", col);
}

static double growth(const Ctx *c, const double *v)
{
	double first = v[0], last = v[c->n - 1];
	if (c->n < 2 || isnan(first) || isnan(last) || first == 0)
		return NAN;
	return last / first;
}

static void share_row(const Ctx *c, ShiftRow *r)
{
	double *w_yes = g_new0(double, c->n), *w_known = g_new0(double, c->n);
	double *yes = g_new0(double, c->n);
	for (uint64_t i = 0; i < c->years->n; i++) {
		int32_t k = c->cell_period[i];
		int v = share_value(c->p, r->id, c->years->model[i]);
		if (k < 0 || v < 0)
			continue;
		w_known[k] += c->years->downloads[i];
		if (v == 1)
			w_yes[k] += c->years->downloads[i];
	}
	for (uint32_t m = 0; m < c->ds->n_models; m++) {
		int32_t k = c->model_period[m];
		int v = share_value(c->p, r->id, m);
		if (k < 0 || v < 0)
			continue;
		r->n_created[k]++;
		yes[k] += v;
	}
	for (uint32_t k = 0; k < c->n; k++) {
		r->weighted[k] = w_known[k] > 0 ? w_yes[k] / w_known[k] : NAN;
		r->coverage[k] = c->total[k] > 0 ? w_known[k] / c->total[k] : NAN;
		r->created[k] = r->n_created[k] ? yes[k] / r->n_created[k] : NAN;
	}
	uint32_t l = c->n - 1;
	r->test_kind = SHIFT_TEST_CHI2;
	r->test = "\u03c7\u00b2";
	if (c->n >= 2)
		sig_chi2_2x2(yes[0], r->n_created[0] - yes[0], yes[l], r->n_created[l] - yes[l], &r->statistic,
			     &r->p);
	g_free(w_yes);
	g_free(w_known);
	g_free(yes);
}

typedef struct {
	GArray *x, *w; /* params and weights, doubles */
} Sample;

static Sample *samples_new(uint32_t n)
{
	Sample *s = g_new(Sample, n);
	for (uint32_t k = 0; k < n; k++) {
		s[k].x = g_array_new(FALSE, FALSE, sizeof(double));
		s[k].w = g_array_new(FALSE, FALSE, sizeof(double));
	}
	return s;
}

static void samples_free(Sample *s, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		g_array_free(s[k].x, TRUE);
		g_array_free(s[k].w, TRUE);
	}
	g_free(s);
}

static void sample_add(Sample *s, double x, double w)
{
	g_array_append_val(s->x, x);
	g_array_append_val(s->w, w);
}

/* Mean and median of sample S into MEAN[k] and MEDIAN[k]. */
static void sample_stats(const Sample *s, double *mean, double *median)
{
	const double *x = (const double *)s->x->data, *w = (const double *)s->w->data;
	*mean = dist_weighted_mean(x, w, s->x->len);
	*median = dist_weighted_quantile(x, w, s->x->len, 0.5);
}

/* Both size rows: they share data, coverage and test. */
static void size_rows(const Ctx *c, ShiftRow *mean, ShiftRow *median)
{
	Sample *dl = samples_new(c->n), *cr = samples_new(c->n);
	const double *params = c->p->params;
	for (uint64_t i = 0; i < c->years->n; i++) {
		int32_t k = c->cell_period[i];
		uint32_t m = c->years->model[i];
		if (k >= 0 && !isnan(params[m]))
			sample_add(&dl[k], params[m], c->years->downloads[i]);
	}
	for (uint32_t m = 0; m < c->ds->n_models; m++)
		if (c->model_period[m] >= 0 && !isnan(params[m]))
			sample_add(&cr[c->model_period[m]], params[m], 1.0);
	for (uint32_t k = 0; k < c->n; k++) {
		sample_stats(&dl[k], &mean->weighted[k], &median->weighted[k]);
		sample_stats(&cr[k], &mean->created[k], &median->created[k]);
		double known = 0;
		for (guint j = 0; j < dl[k].w->len; j++)
			known += g_array_index(dl[k].w, double, j);
		mean->coverage[k] = median->coverage[k] = c->total[k] > 0 ? known / c->total[k] : NAN;
		mean->n_created[k] = median->n_created[k] = cr[k].x->len;
	}
	uint32_t l = c->n - 1;
	double u = NAN, p = NAN;
	if (c->n >= 2)
		sig_mann_whitney((const double *)cr[0].x->data, cr[0].x->len, (const double *)cr[l].x->data,
				 cr[l].x->len, &u, &p);
	for (ShiftRow *r = mean; r; r = r == mean ? median : NULL) {
		r->test_kind = SHIFT_TEST_MANN_WHITNEY;
		r->test = "Mann\u2013Whitney U";
		r->statistic = u;
		r->p = p;
	}
	samples_free(dl, c->n);
	samples_free(cr, c->n);
}

static void row_init(ShiftRow *r, ShiftRowId id, uint32_t n)
{
	r->id = id;
	r->name = row_spec[id].name;
	r->key = row_spec[id].key;
	r->kind = row_spec[id].kind;
	r->weighted = g_new(double, n);
	r->created = g_new(double, n);
	r->coverage = g_new(double, n);
	r->n_created = g_new0(uint32_t, n);
	for (uint32_t k = 0; k < n; k++)
		r->weighted[k] = r->created[k] = r->coverage[k] = NAN;
	r->growth_weighted = r->growth_created = r->statistic = r->p = NAN;
	r->test_kind = SHIFT_TEST_NONE;
	r->test = "";
	r->stars = "";
}

Shifts *shifts_compute(const Dataset *ds, const ModelProps *p, const PeriodTable *years)
{
	Shifts *s = g_new0(Shifts, 1);
	Ctx c = { .ds = ds, .p = p, .years = years };
	make_periods(s, &c);
	make_index(&c);
	for (int id = 0; id < SHIFT_ROW_COUNT; id++) {
		row_init(&s->rows[id], id, c.n);
		s->rows[id].skipped = skip_reason(&c, id);
	}
	if (!s->rows[SHIFT_MEAN_SIZE].skipped)
		size_rows(&c, &s->rows[SHIFT_MEAN_SIZE], &s->rows[SHIFT_MEDIAN_SIZE]);
	for (int id = SHIFT_MULTIMODAL; id < SHIFT_ROW_COUNT; id++)
		if (!s->rows[id].skipped)
			share_row(&c, &s->rows[id]);
	for (int id = 0; id < SHIFT_ROW_COUNT; id++) {
		ShiftRow *r = &s->rows[id];
		if (r->skipped)
			continue;
		r->growth_weighted = growth(&c, r->weighted);
		r->growth_created = growth(&c, r->created);
		r->stars = sig_stars(r->p);
	}
	g_free(c.cell_period);
	g_free(c.model_period);
	g_free(c.total);
	return s;
}

void shifts_free(Shifts *s)
{
	if (!s)
		return;
	g_strfreev(s->label);
	g_free(s->last_year);
	for (int id = 0; id < SHIFT_ROW_COUNT; id++) {
		ShiftRow *r = &s->rows[id];
		g_free(r->weighted);
		g_free(r->created);
		g_free(r->coverage);
		g_free(r->n_created);
		g_free(r->skipped);
	}
	g_free(s);
}
