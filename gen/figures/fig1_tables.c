/* fig1_tables.c - Figure 1 (b): the six leaderboards and the symbol key. */
#include "fig1.h"

#include <math.h>
#include <string.h>

#include "../render/palette.h"
#include "../render/ticks.h"

#define TABLE_COL_GAP 12.0
#define TABLE_ROW_GAP 8.0
#define TABLE_KEY_GAP 6.0

#define HEX(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0 }

RtSymbol fig1_kind_symbol(ModelKind k)
{
	switch (k) {
	case KIND_TEXT: return (RtSymbol){ RT_SYM_CIRCLE, HEX(0x0072B2) };
	case KIND_EMBED_CLASS: return (RtSymbol){ RT_SYM_SQUARE, HEX(0xE69F00) };
	case KIND_IMAGE: return (RtSymbol){ RT_SYM_TRIANGLE, HEX(0x009E73) };
	case KIND_AUDIO: return (RtSymbol){ RT_SYM_DIAMOND, HEX(0xCC79A7) };
	case KIND_VIDEO: return (RtSymbol){ RT_SYM_TRIANGLE_DOWN, HEX(0xD55E00) };
	default: return (RtSymbol){ RT_SYM_NONE, { 0, 0, 0 } };
	}
}

RtSymbol fig1_dev_symbol(DeveloperKind k, const Theme *th)
{
	switch (k) {
	case DEVKIND_ONLINE: return (RtSymbol){ RT_SYM_GLOBE, th->text_muted };
	case DEVKIND_USER: return (RtSymbol){ RT_SYM_PERSON, th->text_muted };
	default: return (RtSymbol){ RT_SYM_NONE, th->text_muted };
	}
}

/* A country board's non-geographic entries read as developer kinds:
 * "User" as unaffiliated users, "Online" / "International" as online
 * organisations. */
static DeveloperKind country_dev_kind(const CountryCodes *codes, const char *name)
{
	if (!name || fig1_is_geographic(codes, name))
		return DEVKIND_ORGANISATION;
	char *low = g_ascii_strdown(name, -1);
	DeveloperKind k = strstr(low, "user")			      ? DEVKIND_USER
			  : strstr(low, "online") || strstr(low, "international") ? DEVKIND_ONLINE
										  : DEVKIND_ORGANISATION;
	g_free(low);
	return k;
}

static const char *const kind_title[BOARD_COUNT] = { "Countries", "Developers", "Models" };
static const char *const span_title[BOARD_SPAN_COUNT] = { "all-time", "last 12 months" };

typedef struct {
	char s[32];
} Pct;

static RankTable *make_table(const FigureEnv *env, const Leaderboard *b, BoardKind k, BoardSpan s,
			     const CountryCodes *codes, double width)
{
	const Theme *th = &env->theme;
	uint32_t n = b ? MIN(b->n, 10u) : 0;
	RtRow *rows = g_new0(RtRow, n ? n : 1);
	Pct *pct = g_new0(Pct, n ? n : 1);
	for (uint32_t i = 0; i < n; i++) {
		const LeaderEntry *e = &b->entry[i];
		label_percent(e->share, 1, pct[i].s, sizeof pct[i].s);
		rows[i] = (RtRow){ (int)i + 1, e->name ? e->name : "", pct[i].s, { { 0 } } };
		if (k == BOARD_COUNTRY) {
			rows[i].sym[1] = fig1_dev_symbol(country_dev_kind(codes, e->name), th);
		} else {
			rows[i].sym[0] = fig1_kind_symbol(e->kind);
			rows[i].sym[1] = fig1_dev_symbol(e->dev_kind, th);
		}
	}
	char *heading = g_strdup_printf("%s — %s", kind_title[k], span_title[s]);
	char *foot = NULL;
	if (b && b->unknown_share > 0) {
		char u[32];
		label_percent(b->unknown_share, 1, u, sizeof u);
		foot = g_strdup_printf("Unknown (not ranked): %s", u);
	}
	RankTable *rt = rtable_new(env->te, th, heading, rows, (int)n, foot, width);
	g_free(heading);
	g_free(foot);
	g_free(pct);
	g_free(rows);
	return rt;
}

static RtKey *make_key(const FigureEnv *env, double width)
{
	const Theme *th = &env->theme;
	RtSymbol none = { RT_SYM_NONE, th->text };
	const RtKeyItem items[] = {
		{ none, "Model kind:" },
		{ fig1_kind_symbol(KIND_TEXT), "text generation" },
		{ fig1_kind_symbol(KIND_EMBED_CLASS), "embedding / classification" },
		{ fig1_kind_symbol(KIND_IMAGE), "image" },
		{ fig1_kind_symbol(KIND_AUDIO), "speech / audio" },
		{ fig1_kind_symbol(KIND_VIDEO), "video" },
		{ none, "Developer:" },
		{ fig1_dev_symbol(DEVKIND_ONLINE, th), "international / online organisation" },
		{ fig1_dev_symbol(DEVKIND_USER, th), "unaffiliated user" },
	};
	return rtable_key_new(env->te, th, items, (int)G_N_ELEMENTS(items), width);
}

#define TABLE_MIN_WIDTH 100.0

/* Column widths of the wide layout within W: each board's natural width
 * (its widest span), the spare room shared out evenly; when they do not
 * fit, models give up room first, then developers, then countries, down
 * to TABLE_MIN_WIDTH (their names are then shortened with "…"). */
static void wide_widths(const FigureEnv *env, const Stats *st, const CountryCodes *codes, double w,
			double *cw)
{
	double inner = w - (BOARD_COUNT - 1) * TABLE_COL_GAP, sum = 0;
	for (int k = 0; k < BOARD_COUNT; k++) {
		cw[k] = 0;
		for (int s = 0; s < BOARD_SPAN_COUNT; s++) {
			RankTable *rt = make_table(env, st->board[k][s], k, s, codes, inner);
			cw[k] = fmax(cw[k], rtable_natural_width(rt));
			rtable_free(rt);
		}
		cw[k] = fmax(cw[k], TABLE_MIN_WIDTH);
		sum += cw[k];
	}
	double spare = inner - sum;
	for (int k = BOARD_COUNT - 1; k >= 0 && spare < 0; k--) {
		double give = fmin(-spare, cw[k] - TABLE_MIN_WIDTH);
		cw[k] -= give;
		spare += give;
	}
	for (int k = 0; k < BOARD_COUNT; k++)
		cw[k] += spare / BOARD_COUNT; /* negative only when all are at the minimum */
}

double fig1_tables_layout(Fig1Tables *t, const FigureEnv *env, const Stats *st,
			  const CountryCodes *codes, double x, double y, double w, bool narrow)
{
	memset(t, 0, sizeof *t);
	t->st = st;
	t->codes = codes;
	double cw[BOARD_COUNT], half = (w - TABLE_COL_GAP) / 2;
	if (!narrow)
		wide_widths(env, st, codes, w, cw);
	for (int k = 0; k < BOARD_COUNT; k++)
		for (int s = 0; s < BOARD_SPAN_COUNT; s++)
			t->table[k][s] = make_table(env, st->board[k][s], k, s, codes,
						    narrow ? half : cw[k]);
	int n_rows = narrow ? BOARD_COUNT : BOARD_SPAN_COUNT;
	double top = y;
	for (int r = 0; r < n_rows; r++) {
		double row_h = 0, cx = x;
		int n_cols = narrow ? BOARD_SPAN_COUNT : BOARD_COUNT;
		for (int c = 0; c < n_cols; c++) {
			RankTable *rt = narrow ? t->table[r][c] : t->table[c][r];
			rtable_place(rt, cx, y);
			row_h = fmax(row_h, rtable_height(rt));
			cx += (narrow ? half : cw[c]) + TABLE_COL_GAP;
		}
		y += row_h + (r + 1 < n_rows ? TABLE_ROW_GAP : 0);
	}
	t->key = make_key(env, w);
	rtable_key_place(t->key, x, y + TABLE_KEY_GAP);
	y += TABLE_KEY_GAP + rtable_key_height(t->key);
	t->box = (Rect){ x, top, w, y - top };
	return y - top;
}

bool fig1_tables_draw(Canvas *cv, const Fig1Tables *t)
{
	bool ok = true;
	for (int k = 0; ok && k < BOARD_COUNT; k++)
		for (int s = 0; ok && s < BOARD_SPAN_COUNT; s++)
			ok = rtable_draw(cv, t->table[k][s]);
	return ok && rtable_key_draw(cv, t->key);
}

void fig1_tables_free(Fig1Tables *t)
{
	for (int k = 0; k < BOARD_COUNT; k++)
		for (int s = 0; s < BOARD_SPAN_COUNT; s++) {
			rtable_free(t->table[k][s]);
			t->table[k][s] = NULL;
		}
	rtable_key_free(t->key);
	t->key = NULL;
}
