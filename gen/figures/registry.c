/*
 * registry.c - the list of figures, and rendering a selection of them.
 */
#include <string.h>

#include "../eoi.h"
#include "figures.h"

typedef struct {
	const char *name;
	const char *what;
	bool (*render)(const Stats *st, const FigureOptions *fo, GError **err);
	/* Why the figure cannot be drawn from ST (a statistic it needs was
	 * skipped), or NULL to draw it.  NULL pointer: always drawn. */
	const char *(*skipped)(const Stats *st);
} FigureDef;

static const char *fig5_skipped(const Stats *st)
{
	if (!st->sizes)
		return "no size statistics";
	return st->sizes->skipped;
}

/* Why property P cannot be drawn, or NULL. */
static const char *property_skipped(const Stats *st, PropertyId p)
{
	if (!st->property[p])
		return "not computed";
	return st->property[p]->skipped;
}

static const char *fig6_skipped(const Stats *st)
{
	static const PropertyId props[] = { PROP_MULTIMODAL, PROP_QUANTIZED, PROP_MOE,
					    PROP_DERIVATIVE };
	for (size_t i = 0; i < G_N_ELEMENTS(props); i++)
		if (!property_skipped(st, props[i]))
			return NULL;
	return "the input tells none of multimodal, quantized, mixture of experts, derivative";
}

static const char *fig7_skipped(const Stats *st)
{
	return property_skipped(st, PROP_MODALITY);
}

static const char *fig8_skipped(const Stats *st)
{
	const char *t = property_skipped(st, PROP_TRANSPARENCY);
	return t && property_skipped(st, PROP_OPENNESS) ? "no data_transparency or openness column in the input"
							: NULL;
}

static const char *fig9_skipped(const Stats *st)
{
	if (!st->intermediaries)
		return "no intermediary statistics";
	return st->intermediaries->skipped;
}

/* One entry per figure, in order.  Add new figures here. */
static const FigureDef figures[] = {
	{ "fig1", "map of the top nations and the top-10 leaderboards", fig1_render, NULL },
	{ "fig2", "developer and nation-group download shares over time", fig2_render, NULL },
	{ "fig3", "concentration over time: ranked segments, Gini and HHI", fig3_render, NULL },
	{ "fig4", "organisation types within each nation group", fig4_render, NULL },
	{ "fig5", "model sizes downloaded and created each year", fig5_render, fig5_skipped },
	{ "fig6", "multimodal, quantized, mixture-of-experts and derivative shares", fig6_render,
	  fig6_skipped },
	{ "fig7", "output modality mix over time", fig7_render, fig7_skipped },
	{ "fig8", "training-data transparency and open-source share over time", fig8_render,
	  fig8_skipped },
	{ "fig9", "downloads by uploader role and the top intermediaries", fig9_render, fig9_skipped },
};

static const FigureDef *find(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(figures); i++)
		if (strcmp(figures[i].name, name) == 0)
			return &figures[i];
	return NULL;
}

static char *known_names(void)
{
	GString *s = g_string_new(NULL);
	for (size_t i = 0; i < G_N_ELEMENTS(figures); i++)
		g_string_append_printf(s, "%s%s", i ? ", " : "", figures[i].name);
	return g_string_free(s, FALSE);
}

const char *figures_skip_reason(const Stats *st, const char *name)
{
	const FigureDef *f = find(name);
	return f && f->skipped ? f->skipped(st) : NULL;
}

bool figures_check_only(const char *only, GError **err)
{
	if (!only)
		return true;
	gchar **names = g_strsplit(only, ",", -1);
	bool ok = true;
	for (gchar **n = names; *n && ok; n++) {
		g_strstrip(*n);
		if (!find(*n)) {
			char *known = known_names();
			g_set_error(err, EOI_ERROR, EOI_EXIT_USAGE, "--only: no figure \"%s\" (figures: %s)", *n,
				    known);
			g_free(known);
			ok = false;
		}
	}
	g_strfreev(names);
	return ok;
}

static bool selected(const char *only, const char *name)
{
	if (!only)
		return true;
	gchar **names = g_strsplit(only, ",", -1);
	bool yes = false;
	for (gchar **n = names; *n && !yes; n++)
		yes = strcmp(g_strstrip(*n), name) == 0;
	g_strfreev(names);
	return yes;
}

bool figures_render(const Stats *st, const FigureOptions *fo, const char *only, FILE *log, GError **err)
{
	if (!figures_check_only(only, err))
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(figures); i++) {
		const FigureDef *f = &figures[i];
		if (!selected(only, f->name))
			continue;
		const char *why = f->skipped ? f->skipped(st) : NULL;
		if (why) {
			if (log)
				fprintf(log, "eoi: %s not drawn: %s\n", f->name, why);
			continue;
		}
		if (!f->render(st, fo, err))
			return false;
		if (log) {
			GString *ext = g_string_new(NULL);
			if (fo->formats & FIG_PDF)
				g_string_append(ext, "pdf,");
			if (fo->formats & FIG_SVG)
				g_string_append(ext, "svg,");
			if (fo->formats & FIG_PNG)
				g_string_append(ext, "png,");
			g_string_truncate(ext, ext->len - 1);
			fprintf(log, "eoi: wrote %s/%s.{%s}: %s\n", fo->out_dir, f->name, ext->str, f->what);
			g_string_free(ext, TRUE);
		}
	}
	return true;
}
