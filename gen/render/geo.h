/*
 * geo.h - the world geometry of Figure 1's map and the table that maps the
 * country names found in the data to its ISO 3166-1 numeric codes.
 *
 * The geometry (data/world/countries-110m.json, made by data/world/make.mjs
 * from Natural Earth 110 m admin-0 countries) is a JSON object whose
 * "countries" array holds {"id": ISO numeric or null, "name", "polygons":
 * [[ring, ...], ...]} with each ring a flat array [lon0, lat0, lon1, ...]
 * in degrees.  A country keeps all its rings (outer rings and holes) in one
 * list: drawn with the even-odd rule they give the right shape.
 *
 * The name table (data/country_codes.csv) has the header
 * "name,iso_numeric,lon,lat"; lon and lat are given only for places too
 * small for the 110 m geometry (Singapore, Hong Kong, ...), which the map
 * marks with a dot.  Names match case-insensitively after trimming and
 * collapsing white space.
 *
 * Ownership: geo_world_free() and country_codes_free() release everything
 * their loaders made (NULL allowed).
 */
#ifndef EOI_RENDER_GEO_H
#define EOI_RENDER_GEO_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#define GEO_NO_ISO (-1)

typedef struct {
	uint32_t n;  /* points */
	double *xy;  /* lon0, lat0, lon1, lat1, ... (degrees) */
} GeoRing;

typedef struct {
	int iso;     /* ISO 3166-1 numeric, or GEO_NO_ISO */
	char *name;
	uint32_t n_rings;
	GeoRing *ring;
} GeoCountry;

typedef struct {
	uint32_t n;
	GeoCountry *country;
} GeoWorld;

/*
 * Read the geometry file PATH.  Returns NULL with ERR set: EOI_EXIT_NOINPUT
 * when it cannot be read, EOI_EXIT_DATA ("PATH: countries[i]: reason") when
 * it is not of the form above (latitudes outside ±90, longitudes outside
 * ±180, rings of fewer than 3 points, odd coordinate counts).
 */
GeoWorld *geo_world_load(const char *path, GError **err);
void geo_world_free(GeoWorld *w);

/* The country with code ISO, or NULL. */
const GeoCountry *geo_world_find(const GeoWorld *w, int iso);

typedef struct CountryCodes CountryCodes;

/*
 * Read the name table PATH.  Returns NULL with ERR set: EOI_EXIT_NOINPUT
 * when it cannot be read, EOI_EXIT_DATA ("PATH:LINE: reason") for a bad
 * header, a row without a name, a code outside 1..999 or a bad point.
 */
CountryCodes *country_codes_load(const char *path, GError **err);
void country_codes_free(CountryCodes *cc);

/* ISO numeric code of the country called NAME, or GEO_NO_ISO (also for
 * NULL and for non-geographic names such as "User" or "Online"). */
int country_codes_lookup(const CountryCodes *cc, const char *name);

/* The marker point of ISO when the table gives one (small places). */
bool country_codes_point(const CountryCodes *cc, int iso, double *lon, double *lat);

#endif
