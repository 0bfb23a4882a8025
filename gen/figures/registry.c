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

/* One entry per figure, in order.  Add new figures here. */
static const FigureDef figures[] = {
	{ "fig2", "developer and nation-group download shares over time", fig2_render, NULL },
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
