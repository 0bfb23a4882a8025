// make.mjs - converts Natural Earth 110 m admin-0 countries, as packaged in
// the npm package world-atlas (countries-110m.json, TopoJSON), into
// countries-110m.json here: a compact JSON that eoi reads with json-glib.
//
//   npm ci && node make.mjs
//
// Output: {"source", "licence", "countries": [{"id", "name", "polygons"}]}
// where id is the ISO 3166-1 numeric code (null where Natural Earth has
// none, e.g. Kosovo, N. Cyprus), polygons is a list of polygons, each a list
// of rings (outer ring first, then holes), each ring a flat list
// [lon0, lat0, lon1, lat1, ...] in degrees rounded to 0.01.  Antarctica is
// left out (it takes a fifth of an equal-area map and holds no developer).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const fc = feature(topo, topo.objects.countries);

const round = (v) => Math.round(v * 100) / 100;

function ring(points) {
  const out = [];
  for (const [lon, lat] of points) {
    const x = round(lon), y = round(lat);
    const n = out.length;
    if (n >= 2 && out[n - 2] === x && out[n - 1] === y) continue;
    out.push(x, y);
  }
  return out;
}

// Rings that cross the antimeridian (Fiji, Chukotka) jump from +180 to
// -180; drawn as they are they would streak across the map.  Unwrap their
// longitudes into one continuous run, then cut the ring at ±180 into the
// part inside [-180, 180] and the part beyond, shifted back by 360°.
function unwrap(points) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < points.length; i++) {
    const [lon, lat] = points[i];
    if (i > 0) {
      const prev = points[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

// Sutherland-Hodgman: the part of RING where keep(lon) holds, cut at EDGE.
function clip(ring, keep, edge) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i], b = ring[(i + 1) % ring.length];
    const ia = keep(a[0]), ib = keep(b[0]);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

// One polygon's rings -> list of polygons with no ring crossing ±180.
function splitPolygon(rings) {
  const crosses = (r) => r.some((p, i) => i > 0 && Math.abs(p[0] - r[i - 1][0]) > 180);
  if (!rings.some(crosses)) return [rings];
  if (rings.length > 1) throw new Error("a ring with holes crosses the antimeridian");
  const r = unwrap(rings[0]);
  const min = Math.min(...r.map((p) => p[0])), max = Math.max(...r.map((p) => p[0]));
  const [edge, off] = max > 180 ? [180, -360] : [-180, 360];
  const inside = clip(r, (x) => (max > 180 ? x <= edge : x >= edge), edge);
  const beyond = clip(r, (x) => (max > 180 ? x >= edge : x <= edge), edge).map(([x, y]) => [x + off, y]);
  return [[inside], [beyond]].filter((p) => p[0].length >= 3 && min < max);
}

const countries = [];
for (const f of fc.features) {
  if (f.id === "010") continue; // Antarctica
  const g = f.geometry;
  if (!g) continue;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const polygons = polys
    .flatMap(splitPolygon)
    .map((p) => p.map(ring).filter((r) => r.length >= 6))
    .filter((p) => p.length > 0);
  countries.push({
    id: f.id === undefined ? null : Number(f.id),
    name: f.properties.name,
    polygons,
  });
}
countries.sort((a, b) => (a.id ?? -1) - (b.id ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const out = {
  source: "Natural Earth 1:110m admin-0 countries v4.1.0, via world-atlas 2.0.2 (TopoJSON)",
  licence: "Natural Earth: public domain; world-atlas packaging: ISC",
  countries,
};
writeFileSync("countries-110m.json", JSON.stringify(out) + "\n");
console.log(`countries-110m.json: ${countries.length} countries`);
