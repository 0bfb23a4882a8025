/* geo.c - loading the world geometry and the country name table. */
#include "geo.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "../eoi.h"

/* ---------------------------------------------------------------- geometry */

static void country_clear(GeoCountry *c)
{
	for (uint32_t i = 0; i < c->n_rings; i++)
		g_free(c->ring[i].xy);
	g_free(c->ring);
	g_free(c->name);
}

void geo_world_free(GeoWorld *w)
{
	if (!w)
		return;
	for (uint32_t i = 0; i < w->n; i++)
		country_clear(&w->country[i]);
	g_free(w->country);
	g_free(w);
}

/* Read one ring (flat lon/lat array) into R; a reason on failure. */
static const char *read_ring(JsonNode *node, GeoRing *r)
{
	if (!JSON_NODE_HOLDS_ARRAY(node))
		return "a ring is not an array";
	JsonArray *a = json_node_get_array(node);
	guint len = json_array_get_length(a);
	if (len % 2 != 0)
		return "a ring has an odd number of coordinates";
	if (len < 6)
		return "a ring has fewer than 3 points";
	r->n = len / 2;
	r->xy = g_new(double, len);
	for (guint i = 0; i < len; i++) {
		JsonNode *v = json_array_get_element(a, i);
		if (json_node_get_value_type(v) != G_TYPE_DOUBLE &&
		    json_node_get_value_type(v) != G_TYPE_INT64)
			return "a coordinate is not a number";
		double d = json_node_get_double(v);
		double lim = i % 2 == 0 ? 180.0 : 90.0;
		if (!isfinite(d) || fabs(d) > lim)
			return i % 2 == 0 ? "a longitude is outside ±180" : "a latitude is outside ±90";
		r->xy[i] = d;
	}
	return NULL;
}

/* Append every ring of the polygons array NODE to C. */
static const char *read_polygons(JsonNode *node, GeoCountry *c)
{
	if (!node || !JSON_NODE_HOLDS_ARRAY(node))
		return "\"polygons\" is not an array";
	JsonArray *polys = json_node_get_array(node);
	GArray *rings = g_array_new(FALSE, TRUE, sizeof(GeoRing));
	const char *why = NULL;
	for (guint p = 0; !why && p < json_array_get_length(polys); p++) {
		JsonNode *pn = json_array_get_element(polys, p);
		if (!JSON_NODE_HOLDS_ARRAY(pn)) {
			why = "a polygon is not an array of rings";
			break;
		}
		JsonArray *ra = json_node_get_array(pn);
		for (guint k = 0; !why && k < json_array_get_length(ra); k++) {
			GeoRing r = { 0 };
			why = read_ring(json_array_get_element(ra, k), &r);
			g_array_append_val(rings, r);
		}
	}
	c->n_rings = rings->len;
	c->ring = (GeoRing *)(void *)g_array_free(rings, FALSE);
	return why;
}

static const char *read_country(JsonNode *node, GeoCountry *c)
{
	c->iso = GEO_NO_ISO;
	if (!JSON_NODE_HOLDS_OBJECT(node))
		return "not an object";
	JsonObject *o = json_node_get_object(node);
	JsonNode *id = json_object_get_member(o, "id");
	if (id && !JSON_NODE_HOLDS_NULL(id)) {
		if (json_node_get_value_type(id) != G_TYPE_INT64)
			return "\"id\" is not an integer or null";
		gint64 v = json_node_get_int(id);
		if (v < 1 || v > 999)
			return "\"id\" is outside 1..999";
		c->iso = (int)v;
	}
	JsonNode *name = json_object_get_member(o, "name");
	if (!name || json_node_get_value_type(name) != G_TYPE_STRING)
		return "\"name\" is not a string";
	c->name = g_strdup(json_node_get_string(name));
	return read_polygons(json_object_get_member(o, "polygons"), c);
}

static GeoWorld *parse_world(JsonNode *root, const char *path, GError **err)
{
	JsonNode *list = JSON_NODE_HOLDS_OBJECT(root)
				 ? json_object_get_member(json_node_get_object(root), "countries")
				 : NULL;
	if (!list || !JSON_NODE_HOLDS_ARRAY(list)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: no \"countries\" array", path);
		return NULL;
	}
	JsonArray *a = json_node_get_array(list);
	GeoWorld *w = g_new0(GeoWorld, 1);
	w->country = g_new0(GeoCountry, json_array_get_length(a) ? json_array_get_length(a) : 1);
	for (guint i = 0; i < json_array_get_length(a); i++) {
		const char *why = read_country(json_array_get_element(a, i), &w->country[i]);
		w->n = i + 1;
		if (why) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: countries[%u]: %s", path, i, why);
			geo_world_free(w);
			return NULL;
		}
	}
	return w;
}

GeoWorld *geo_world_load(const char *path, GError **err)
{
	char *text = NULL;
	gsize len = 0;
	GError *local = NULL;
	if (!g_file_get_contents(path, &text, &len, NULL)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: cannot read the world geometry",
			    path);
		return NULL;
	}
	GeoWorld *w = NULL;
	JsonParser *parser = json_parser_new();
	if (!json_parser_load_from_data(parser, text, (gssize)len, &local)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s: not JSON: %s", path, local->message);
		g_error_free(local);
		goto out;
	}
	w = parse_world(json_parser_get_root(parser), path, err);
out:
	g_object_unref(parser);
	g_free(text);
	return w;
}

const GeoCountry *geo_world_find(const GeoWorld *w, int iso)
{
	for (uint32_t i = 0; w && iso != GEO_NO_ISO && i < w->n; i++)
		if (w->country[i].iso == iso)
			return &w->country[i];
	return NULL;
}

/* -------------------------------------------------------------- name table */

typedef struct {
	double lon, lat;
} GeoPoint;

struct CountryCodes {
	GHashTable *by_name; /* normalised name -> ISO (GINT_TO_POINTER) */
	GHashTable *point;   /* ISO -> GeoPoint* */
};

/* Case-folded NAME, trimmed, inner runs of white space as one space. */
static char *normalise(const char *name)
{
	char *valid = g_utf8_make_valid(name, -1);
	char **words = g_strsplit_set(g_strstrip(valid), " \t\r\n", -1);
	GString *s = g_string_new(NULL);
	for (char **w = words; *w; w++)
		if (**w)
			g_string_append_printf(s, "%s%s", s->len ? " " : "", *w);
	char *folded = g_utf8_casefold(s->str, -1);
	g_string_free(s, TRUE);
	g_strfreev(words);
	g_free(valid);
	return folded;
}

/* Split one CSV LINE (RFC 4180 quoting, no embedded line breaks). */
static GPtrArray *split_csv(const char *line)
{
	GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
	GString *cell = g_string_new(NULL);
	bool quoted = false;
	for (const char *p = line;; p++) {
		if (quoted && *p == '"' && p[1] == '"') {
			g_string_append_c(cell, '"');
			p++;
		} else if (*p == '"' && (quoted || cell->len == 0)) {
			quoted = !quoted;
		} else if ((*p == ',' && !quoted) || *p == '\0') {
			g_ptr_array_add(cells, g_strdup(cell->str));
			g_string_truncate(cell, 0);
			if (*p == '\0')
				break;
		} else {
			g_string_append_c(cell, *p);
		}
	}
	g_string_free(cell, TRUE);
	return cells;
}

static bool parse_number(const char *s, double lo, double hi, double *out)
{
	char *end = NULL;
	double v = g_ascii_strtod(s, &end);
	if (!*s || end == s || *end || !(v >= lo && v <= hi))
		return false;
	*out = v;
	return true;
}

/* Add one data row; a reason on failure. */
static const char *add_row(CountryCodes *cc, GPtrArray *cells)
{
	if (cells->len != 4)
		return "expected 4 cells: name,iso_numeric,lon,lat";
	const char *name = cells->pdata[0], *lon = cells->pdata[2], *lat = cells->pdata[3];
	double iso, x, y;
	char *key = normalise(name);
	if (!*key) {
		g_free(key);
		return "empty name";
	}
	if (!parse_number(cells->pdata[1], 1, 999, &iso) || iso != floor(iso)) {
		g_free(key);
		return "iso_numeric is not an integer from 1 to 999";
	}
	g_hash_table_insert(cc->by_name, key, GINT_TO_POINTER((int)iso));
	if (!*lon && !*lat)
		return NULL;
	if (!parse_number(lon, -180, 180, &x) || !parse_number(lat, -90, 90, &y))
		return "lon/lat must both be empty or degrees within ±180 / ±90";
	GeoPoint *pt = g_new(GeoPoint, 1);
	*pt = (GeoPoint){ x, y };
	g_hash_table_insert(cc->point, GINT_TO_POINTER((int)iso), pt);
	return NULL;
}

static bool parse_codes(CountryCodes *cc, const char *text, const char *path, GError **err)
{
	char **lines = g_strsplit(text, "\n", -1);
	bool ok = true;
	for (int i = 0; ok && lines[i]; i++) {
		g_strchomp(lines[i]); /* also drops a '\r' */
		if (i == 0 && strcmp(lines[0], "name,iso_numeric,lon,lat") != 0) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA,
				    "%s:1: header is not \"name,iso_numeric,lon,lat\"", path);
			ok = false;
		}
		if (i == 0 || !lines[i][0])
			continue;
		GPtrArray *cells = split_csv(lines[i]);
		const char *why = add_row(cc, cells);
		g_ptr_array_free(cells, TRUE);
		if (why) {
			g_set_error(err, EOI_ERROR, EOI_EXIT_DATA, "%s:%d: %s", path, i + 1, why);
			ok = false;
		}
	}
	g_strfreev(lines);
	return ok;
}

CountryCodes *country_codes_load(const char *path, GError **err)
{
	char *text = NULL;
	if (!g_file_get_contents(path, &text, NULL, NULL)) {
		g_set_error(err, EOI_ERROR, EOI_EXIT_NOINPUT, "%s: cannot read the country table",
			    path);
		return NULL;
	}
	CountryCodes *cc = g_new0(CountryCodes, 1);
	cc->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	cc->point = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	if (!parse_codes(cc, text, path, err)) {
		country_codes_free(cc);
		cc = NULL;
	}
	g_free(text);
	return cc;
}

void country_codes_free(CountryCodes *cc)
{
	if (!cc)
		return;
	g_hash_table_destroy(cc->by_name);
	g_hash_table_destroy(cc->point);
	g_free(cc);
}

int country_codes_lookup(const CountryCodes *cc, const char *name)
{
	if (!cc || !name)
		return GEO_NO_ISO;
	char *key = normalise(name);
	gpointer v = NULL;
	bool found = g_hash_table_lookup_extended(cc->by_name, key, NULL, &v);
	g_free(key);
	return found ? GPOINTER_TO_INT(v) : GEO_NO_ISO;
}

bool country_codes_point(const CountryCodes *cc, int iso, double *lon, double *lat)
{
	const GeoPoint *pt = cc ? g_hash_table_lookup(cc->point, GINT_TO_POINTER(iso)) : NULL;
	if (!pt)
		return false;
	*lon = pt->lon;
	*lat = pt->lat;
	return true;
}
