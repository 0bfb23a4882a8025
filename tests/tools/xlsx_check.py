#!/usr/bin/env python3
"""xlsx_check.py - read eoi's workbook back with an independent reader
(openpyxl) and check it against its CSV twins and `eoi stats --json`.

  xlsx_check.py WORKBOOK CSV_DIR [--json STATS.json] [--lo-dir DIR]

Checks, each counted as a pass or a FAIL line (the tk summary format of
tests/unit/tk.h, "tk: N passed, N failed", is printed last):
  * the sheets, in order, and one RFC 4180 CSV per sheet (UTF-8, no BOM,
    CRLF, every record as wide as the sheet);
  * every cell equals its CSV field: text as text, numbers as numbers at
    full precision (same double), dates as dates;
  * number cells are numeric: no data cell of a table holds a number as
    text, and numeric columns are not mixed with text;
  * data sheets have a frozen header row, Excel tables with autofilters,
    column widths, header formats, number formats, and the time-series
    sheets have native charts;
  * with --json: the workbook's numbers equal the statistics (relative
    difference <= 1e-15, the 16 significant digits a workbook stores);
  * with --lo-dir: LibreOffice's CSV export of every sheet (its own XLSX
    reader) agrees with the CSV twins (it writes 15 significant digits,
    percentages with "%", tiny numbers as 20-place decimals).
"""
import csv
import datetime
import io
import json
import math
import os
import re
import sys
import zipfile

import openpyxl

SHEETS = [
    ("About", "about"),
    ("Table 1", "table1"),
    ("Table 2", "table2"),
    ("Leaderboards", "leaderboards"),
    ("Developer shares", "developer_shares"),
    ("National shares", "national_shares"),
    ("Concentration", "concentration"),
    ("Org type by nation", "org_type_by_nation"),
    ("Sizes", "sizes"),
]
HEADER_ROW = 4  # 1-based row of the table headers on data sheets
CHART_SHEETS = ("Developer shares", "National shares", "Concentration")
PARTS = ("Leaderboards", "Share series", "Concentration", "Org type by nation", "Table 1", "Table 2", "Sizes",
         "About")
# Columns of names, which may look like numbers ("2023", a model "1234").
TEXT_COLUMNS = ("Period", "Year", "Name", "Uploader", "Developer", "Country", "Nation group", "Property", "Test",
                "Base developer 1", "Base developer 2", "Base developer 3", "Span", "Board", "Measure", "Distribution")
NUMBER_AS_TEXT = re.compile(r"^\s*[-+]?[\d,]*\.?\d+(e[-+]?\d+)?\s*%?\s*$", re.I)


class Checker:
    """Counts checks; inside begin(NAME) .. end() the checks of a group
    (e.g. every cell of a sheet) count as one, failing when any failed."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.shown = 0
        self.group = None
        self.group_failed = 0

    def check(self, ok, what):
        if not ok:
            self.shown += 1
            if self.shown <= 60:
                print("FAIL xlsx_check: " + what)
        if self.group is not None:
            self.group_failed += not ok
        elif ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok

    def begin(self, name):
        self.group, self.group_failed = name, 0

    def end(self):
        name, bad = self.group, self.group_failed
        self.group = None
        self.check(bad == 0, "%s: %d checks failed" % (name, bad))

    def finish(self):
        if self.shown > 60:
            print("(%d more failures not shown)" % (self.shown - 60))
        print("tk: %d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0


def same(a, b, rel=1e-15):
    """Equal numbers, or both missing (None / NaN)."""
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b))


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---- the CSV twins ------------------------------------------------------------


def read_csv(ck, path):
    with open(path, "rb") as f:
        raw = f.read()
    ck.check(not raw.startswith(b"\xef\xbb\xbf"), "%s: starts with a byte-order mark" % path)
    ck.check(raw.endswith(b"\r\n"), "%s: last record does not end in CRLF" % path)
    ck.check(b"\n" not in raw.replace(b"\r\n", b"") or b'"' in raw,
             "%s: bare LF outside quoted fields" % path)
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    widths = {len(r) for r in rows}
    ck.check(len(widths) == 1, "%s: records of different widths %s" % (path, sorted(widths)))
    return rows


# ---- cell by cell ----------------------------------------------------------------


def compare_cells(ck, ws, rows, name):
    n_rows = max(ws.max_row, len(rows))
    n_cols = max(ws.max_column, max((len(r) for r in rows), default=0))
    counts = {"text": 0, "number": 0, "date": 0, "blank": 0}
    for r in range(n_rows):
        for c in range(n_cols):
            cell = ws.cell(row=r + 1, column=c + 1)
            v = cell.value
            f = rows[r][c] if r < len(rows) and c < len(rows[r]) else ""
            where = "%s!%s" % (name, cell.coordinate)
            if v is None:
                counts["blank"] += 1
                ck.check(f == "", "%s: blank in the workbook, %r in the CSV" % (where, f))
            elif isinstance(v, datetime.datetime):
                counts["date"] += 1
                ck.check(cell.is_date and f == v.date().isoformat(),
                         "%s: date %s, CSV %r" % (where, v, f))
            elif is_number(v):
                counts["number"] += 1
                ok = cell.data_type == "n"
                try:
                    ok = ok and float(f) == float(v)
                except ValueError:
                    ok = False
                ck.check(ok, "%s: number %r, CSV %r" % (where, v, f))
            else:
                counts["text"] += 1
                ck.check(isinstance(v, str) and v == f, "%s: text %r, CSV %r" % (where, v, f))
    return counts


def table_ranges(ws):
    out = []
    for t in ws.tables.values():
        (c0, r0, c1, r1) = openpyxl.utils.cell.range_boundaries(t.ref)
        out.append((t, r0, c0, r1, c1))
    return out


def check_numeric_columns(ck, ws, name):
    """No number stored as text in a table; a column is numbers or text."""
    for t, r0, c0, r1, c1 in table_ranges(ws):
        for c in range(c0, c1 + 1):
            header = ws.cell(row=r0, column=c).value
            kinds = set()
            for r in range(r0 + 1, r1 + 1):
                v = ws.cell(row=r, column=c).value
                if v is None:
                    continue
                kinds.add("number" if is_number(v) or isinstance(v, datetime.datetime) else "text")
                if isinstance(v, str) and header not in TEXT_COLUMNS:
                    ck.check(not NUMBER_AS_TEXT.match(v),
                             "%s!%s: number stored as text %r" % (name, ws.cell(row=r, column=c).coordinate, v))
            ck.check(len(kinds) <= 1, "%s: table %s column %r mixes numbers and text" % (name, t.name, header))


# ---- structure and formats ----------------------------------------------------------


def chart_counts(path):
    """Charts per sheet name, read from the package's relationships."""
    z = zipfile.ZipFile(path)
    names = z.namelist()
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
    target.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
    out = {}
    for sname, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wb):
        sname = sname.replace("&amp;", "&")
        sheet_file = target[rid].split("/")[-1]
        srels = "xl/worksheets/_rels/%s.rels" % sheet_file
        n = 0
        if srels in names:
            for drawing in re.findall(r'Target="../drawings/([^"]+)"', z.read(srels).decode()):
                drels = "xl/drawings/_rels/%s.rels" % drawing
                if drels in names:
                    n += len(re.findall(r"/chart", z.read(drels).decode()))
        out[sname] = n
    return out


def header_col(ws, text):
    for c in range(1, ws.max_column + 1):
        if ws.cell(row=HEADER_ROW, column=c).value == text:
            return c
    return None


def check_xml(ck, path):
    """Every XML part of the package parses (malformed parts are what make
    Excel offer to repair a file)."""
    import xml.etree.ElementTree as ET
    z = zipfile.ZipFile(path)
    ck.check(z.testzip() is None, "%s: a zip member is corrupt" % path)
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                ET.fromstring(z.read(name))
                ok = True
            except ET.ParseError as e:
                ok = False
                print("    %s: %s" % (name, e))
            ck.check(ok, "%s: %s is not well-formed XML" % (path, name))


def check_structure(ck, wb, path, synthetic):
    charts = chart_counts(path)
    for name, slug in SHEETS[1:]:
        ws = wb[name]
        notes = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
        skipped = any(isinstance(v, str) and v.startswith("Not computed") for v in notes)
        if synthetic:
            ck.check(any("Synthetic sample data" in str(ws.cell(row=r, column=1).value) for r in (2, 3)),
                     "%s: no 'Synthetic sample data' line" % name)
        if skipped:
            ck.check("Notes" in notes, "%s: skipped without a Notes block" % name)
            continue
        ck.check(ws.freeze_panes is not None and ws.freeze_panes.endswith(str(HEADER_ROW + 1)),
                 "%s: header row not frozen (%r)" % (name, ws.freeze_panes))
        tables = table_ranges(ws)
        ck.check(len(tables) >= 1, "%s: no Excel table" % name)
        for t, r0, c0, r1, c1 in tables:
            ck.check(r0 == HEADER_ROW and r1 > r0, "%s: table %s at %s" % (name, t.name, t.ref))
            ck.check(t.autoFilter is not None and t.autoFilter.ref == t.ref,
                     "%s: table %s has no autofilter" % (name, t.name))
            head = ws.cell(row=r0, column=c0)
            ck.check(head.font.b and head.fill.fgColor.rgb not in (None, "00000000"),
                     "%s: header %s not bold on a fill" % (name, head.coordinate))
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 4)]
        ck.check(all(w and w > 3 for w in widths), "%s: column widths not set %r" % (name, widths))
        if name in CHART_SHEETS:
            ck.check(charts.get(name, 0) >= 1, "%s: no native chart" % name)
        for header in ("Period start",):
            c = header_col(ws, header)
            if c:
                cell = ws.cell(row=HEADER_ROW + 1, column=c)
                ck.check(cell.is_date and cell.number_format == "yyyy-mm-dd",
                         "%s: %s not a date (%r)" % (name, header, cell.number_format))
    formats = [("Leaderboards", "Share", "0.0%"), ("Leaderboards", "Downloads", "#,##0"),
               ("Developer shares", "Total downloads", "#,##0"), ("Table 2", "Downloads", "#,##0")]
    if "Median" in [c.value for c in wb["Sizes"][HEADER_ROW]]:
        formats.append(("Sizes", "Median", '"B"'))
        formats.append(("Sizes", "Year", "0"))
    for name, header, fmt in formats:
        ws = wb[name]
        c = header_col(ws, header)
        cell = ws.cell(row=HEADER_ROW + 1, column=c) if c else None
        ok = cell is not None and is_number(cell.value) and (cell.number_format == fmt or
                                                             (fmt.startswith('"') and fmt in cell.number_format))
        ck.check(ok, "%s!%s: format %r, want %r" % (name, header, cell and cell.number_format, fmt))
    ck.check(all(n in wb.defined_names for n in ("Concentration_models", "Concentration_developers",
                                                  "Concentration_nations")),
             "defined names missing: %r" % list(wb.defined_names))


# ---- against eoi stats --json --------------------------------------------------------


def first_block_heads(ws):
    """Header -> column of the block starting in column A (up to a blank)."""
    heads = {}
    for c in range(1, ws.max_column + 1):
        h = ws.cell(row=HEADER_ROW, column=c).value
        if h is None:
            break
        heads[h] = c
    return heads


def rows_by(ws, key_cols):
    """Data rows of the first block keyed by the values of KEY_COLS."""
    heads = first_block_heads(ws)
    out = {}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        key = tuple(ws.cell(row=r, column=heads[k]).value for k in key_cols)
        if key[0] is None:
            break
        out[key] = {h: ws.cell(row=r, column=c).value for h, c in heads.items() if h}
    return out


def vs_json(ck, wb, js, part):
    """Compare the values of PART with the statistics; returns how many."""
    n = 0

    def eq(got, want, what):
        nonlocal n
        n += 1
        ck.check(same(got, want), "%s: workbook %r, stats %r" % (what, got, want))

    if part == 'Leaderboards':
        # Leaderboards and their totals.
        spans = {"all_time": "All-time", "last_12_months": "Last 12 months"}
        boards = {"countries": "Countries", "developers": "Developers", "models": "Models"}
        lb = rows_by(wb["Leaderboards"], ("Span", "Board", "Rank"))
        for bk, bname in boards.items():
            for sk, sname in spans.items():
                b = js["leaderboards"][bk][sk]
                for e in b["top"]:
                    row = lb.get((sname, bname, e["rank"]))
                    ck.check(row is not None and row["Name"] == e["name"], "leaderboard %s %s #%d" % (sname, bname, e["rank"]))
                    if row:
                        eq(row["Downloads"], e["downloads"], "leaderboard %s %s #%d downloads" % (sname, bname, e["rank"]))
                        eq(row["Share"], e["share"], "leaderboard %s %s #%d share" % (sname, bname, e["rank"]))
        ws = wb["Leaderboards"]
        heads = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, ws.max_column + 1)]
        t0 = heads.index("Total downloads") + 1
        for r in range(HEADER_ROW + 1, HEADER_ROW + 7):
            sname, bname = ws.cell(row=r, column=t0 - 2).value, ws.cell(row=r, column=t0 - 1).value
            sk = [k for k, v in spans.items() if v == sname][0]
            bk = [k for k, v in boards.items() if v == bname][0]
            eq(ws.cell(row=r, column=t0).value, js["leaderboards"][bk][sk]["total"], "board total %s %s" % (sname, bname))
            eq(ws.cell(row=r, column=t0 + 1).value, js["leaderboards"][bk][sk]["unknown_share"], "unknown share")

    if part == 'Share series':
        # Share series: every period x group.
        for sheet, key in (("Developer shares", "developer"), ("National shares", "nation_group")):
            s = js["shares"]["attributed"][key]
            rows = rows_by(wb[sheet], ("Period",))
            for p, label in enumerate(s["periods"]):
                row = rows.get((label,))
                ck.check(row is not None, "%s: period %s missing" % (sheet, label))
                if not row:
                    continue
                eq(row["Total downloads"], s["total"][p], "%s %s total" % (sheet, label))
                ws = wb[sheet]
                r = HEADER_ROW + 1 + p
                for g, grp in enumerate(s["groups"]):
                    eq(ws.cell(row=r, column=4 + g).value, grp["share"][p], "%s %s %s" % (sheet, label, grp["name"]))

    if part == 'Concentration':
        # Concentration: HHI, Gini, entities, segments per level and period.
        ws = wb["Concentration"]
        heads = first_block_heads(ws)
        labels = {"model": "Models", "developer": "Developers", "nation": "Nation groups"}
        for lk, conc in js["concentration"].items():
            lname = labels[lk]
            for p, label in enumerate(conc["periods"]):
                r = HEADER_ROW + 1 + p
                ck.check(ws.cell(row=r, column=1).value == label, "Concentration: period %s" % label)
                eq(ws.cell(row=r, column=heads[lname + ": HHI"]).value, conc["hhi"][p], "HHI %s %s" % (lk, label))
                eq(ws.cell(row=r, column=heads[lname + ": HHI ×10,000"]).value, conc["hhi_10000"][p], "HHI×1e4")
                eq(ws.cell(row=r, column=heads[lname + ": Gini"]).value, conc["gini"][p], "Gini %s %s" % (lk, label))
                eq(ws.cell(row=r, column=heads[lname + ": entities"]).value, conc["entities"][p], "entities")
                first = heads[lname + ": top 1"]
                for k, seg in enumerate(conc["segments"]):
                    eq(ws.cell(row=r, column=first + k).value, seg["share"][p], "segment %s %s" % (lk, seg["ranks"]))

    if part == 'Org type by nation':
        # Org type by nation.
        om = js["org_type_by_nation"]
        rows = rows_by(wb["Org type by nation"], ("Nation group",))
        for nat in om["nations"]:
            row = rows.get((nat["name"],))
            ck.check(row is not None, "Org type: %s missing" % nat["name"])
            if row:
                eq(row["Downloads"], nat["downloads"], "org %s downloads" % nat["name"])
                for c, org in enumerate(om["org_types"]):
                    eq(row[org], nat["proportion"][c], "org %s %s" % (nat["name"], org))

    if part == 'Table 1':
        # Table 1.
        sh = js["temporal_shifts"]
        rows = rows_by(wb["Table 1"], ("Property",))
        for jr in sh["rows"]:
            row = rows.get((jr["name"],))
            if "skipped" in jr:
                ck.check(row is None, "Table 1: skipped %s has a row" % jr["key"])
                continue
            ck.check(row is not None, "Table 1: %s missing" % jr["name"])
            if not row:
                continue
            for p, label in enumerate(sh["periods"]):
                eq(row["Weighted " + label], jr["download_weighted"][p], "T1 %s weighted %s" % (jr["key"], label))
                eq(row["Per model " + label], jr["per_created_model"][p], "T1 %s per model %s" % (jr["key"], label))
                eq(row["Coverage " + label], jr["coverage"][p], "T1 %s coverage %s" % (jr["key"], label))
                eq(row["Created models " + label], jr["created_models"][p], "T1 %s models %s" % (jr["key"], label))
            eq(row["Weighted growth"], jr["growth_download_weighted"], "T1 %s growth" % jr["key"])
            eq(row["Per model growth"], jr["growth_per_created_model"], "T1 %s growth" % jr["key"])
            eq(row["Statistic"], jr["statistic"], "T1 %s statistic" % jr["key"])
            eq(row["p-value"], jr["p_value"], "T1 %s p" % jr["key"])
            stars = jr["stars"] or ("n.s." if jr["p_value"] is not None else None)
            ck.check(row["Significance"] == stars, "T1 %s stars %r" % (jr["key"], row["Significance"]))

    if part == 'Table 2':
        # Table 2.
        im = js["intermediaries"]
        if "skipped" not in im:
            rows = rows_by(wb["Table 2"], ("Rank",))
            for e in im["top"]:
                row = rows.get((e["rank"],))
                ck.check(row is not None and row["Uploader"] == e["name"], "Table 2 #%d" % e["rank"])
                if row:
                    eq(row["Downloads"], e["downloads"], "T2 downloads")
                    eq(row["Share of all downloads"], e["share"], "T2 share")
                    eq(row["Models"], e["models"], "T2 models")
                    for k, base in enumerate(e["base_developers"]):
                        eq(row["Share %d" % (k + 1)], base["share"], "T2 base share")

    if part == 'Sizes':
        # Sizes.
        sz = js["sizes"]
        if "skipped" not in sz:
            rows = rows_by(wb["Sizes"], ("Distribution", "Year"))
            for fam, label in (("downloaded", "Downloaded in year"), ("created", "Created in year")):
                for y in sz[fam]:
                    row = rows.get((label, y["year"]))
                    ck.check(row is not None, "Sizes %s %d missing" % (fam, y["year"]))
                    if row:
                        for key, head in (("q25", "25th percentile"), ("median", "Median"), ("q75", "75th percentile"),
                                          ("mean", "Mean"), ("weight", "Weight"), ("models", "Models"),
                                          ("coverage", "Coverage")):
                            eq(row[head], y[key], "Sizes %s %d %s" % (fam, y["year"], key))

    if part == 'About':
        # About: as-of date and the input files.
        ws = wb["About"]
        kv = {}
        for r in range(1, ws.max_row + 1):
            k, v = ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value
            kv.setdefault(k, []).append(v)
        ck.check(kv.get("As-of date", [None])[0] == datetime.datetime.fromisoformat(js["as_of"]), "About: as-of date")
        for i, f in enumerate(js["inputs"]):
            ck.check(kv.get("SHA-256", [])[i:i + 1] == [f["sha256"]], "About: SHA-256 of %s" % f["path"])
            eq(kv.get("Rows", [None])[i], f["rows"], "About: rows of %s" % f["path"])
    return n


# ---- LibreOffice's reading ------------------------------------------------------------


def lo_value(s):
    t = s.strip()
    scale = 1.0
    if t.endswith("%"):
        t, scale = t[:-1], 0.01
    return float(t) * scale


def vs_libreoffice(ck, lo_dir, csv_dir, stem):
    for name, slug in SHEETS:
        path = os.path.join(lo_dir, "%s-%s.csv" % (stem, name))
        if not ck.check(os.path.exists(path), "LibreOffice wrote no %s" % path):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            lo = list(csv.reader(f))
        with open(os.path.join(csv_dir, slug + ".csv"), encoding="utf-8", newline="") as f:
            ours = list(csv.reader(f))
        bad = 0
        for r, rec in enumerate(ours):
            for c, field in enumerate(rec):
                got = lo[r][c] if r < len(lo) and c < len(lo[r]) else ""
                if field == got:
                    continue
                try:
                    # LibreOffice writes 15 significant digits, and small
                    # numbers as fixed decimals with 20 places.
                    a, b = lo_value(got), float(field)
                    ok = abs(a - b) <= max(1e-13 * max(abs(a), abs(b)), 1e-20)
                except ValueError:
                    ok = False
                if not ok:
                    bad += 1
                    if bad <= 3:
                        ck.check(False, "LibreOffice %s r%d c%d: %r, CSV %r" % (name, r + 1, c + 1, got, field))
        ck.check(bad == 0, "LibreOffice %s: %d cells differ" % (name, bad))


def main(argv):
    args = argv[1:]
    opts = {}
    while len(args) > 2 and args[-2].startswith("--"):
        opts[args[-2]] = args[-1]
        args = args[:-2]
    if len(args) != 2:
        print(__doc__)
        return 64
    path, csv_dir = args
    ck = Checker()
    wb = openpyxl.load_workbook(path)
    ck.check(wb.sheetnames == [s for s, _ in SHEETS], "sheets %r" % wb.sheetnames)
    totals = {"text": 0, "number": 0, "date": 0, "blank": 0}
    for name, slug in SHEETS:
        if name not in wb.sheetnames:
            continue
        rows = read_csv(ck, os.path.join(csv_dir, slug + ".csv"))
        ck.begin("%s: every cell equals the CSV twin" % name)
        for k, v in compare_cells(ck, wb[name], rows, name).items():
            totals[k] += v
        ck.end()
        ck.begin("%s: number cells are numeric" % name)
        check_numeric_columns(ck, wb[name], name)
        ck.end()
    js = None
    if "--json" in opts:
        with open(opts["--json"], encoding="utf-8") as f:
            js = json.load(f)
    ck.begin("every XML part is well-formed")
    check_xml(ck, path)
    ck.end()
    check_structure(ck, wb, path, js["synthetic"] if js else False)
    n_json = 0
    if js:
        for part in PARTS:
            ck.begin("%s agree with eoi stats --json" % part)
            n_json += vs_json(ck, wb, js, part)
            ck.end()
    if "--lo-dir" in opts:
        vs_libreoffice(ck, opts["--lo-dir"], csv_dir, os.path.splitext(os.path.basename(path))[0])
    print("xlsx_check: %d text, %d number, %d date cells; %d values compared with the statistics"
          % (totals["text"], totals["number"], totals["date"], n_json))
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
