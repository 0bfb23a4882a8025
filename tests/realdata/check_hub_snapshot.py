#!/usr/bin/env python3
"""Independent check of eoi on a real Hub snapshot (30-day downloads with tags).

Recomputes, with nothing but Python's standard library and the rules of
docs/definitions.md, the developer HHI, the top-10 developer share and the
quantized share of downloads, then compares them with `eoi stats --json`.
Usage: check_hub_snapshot.py HUB.csv EOI_JSON
Prints "ok" lines and exits 1 on a mismatch.
"""
import ast
import csv
import json
import sys

QUANT = {"gguf", "gptq", "awq", "exl2", "bnb", "bitsandbytes", "4bit", "4-bit", "8bit", "8-bit", "mlx"}
RELATIONS = ("finetune", "adapter", "quantized", "merge")
PLACEHOLDERS = {"", "No", "Unsure", "None", "null"}


def parse_tags(cell):
    return [t.strip() for t in ast.literal_eval(cell)] if cell else []


def parents_and_relation(tags):
    parents, relation = [], None
    for t in tags:
        if not t.startswith("base_model:"):
            continue
        rest = t[len("base_model:"):]
        for r in RELATIONS:
            if rest.startswith(r + ":") and len(rest) > len(r) + 1:
                relation = relation or r
                rest = rest[len(r) + 1:]
                break
        if rest and rest not in parents:
            parents.append(rest)
    return parents, relation


def quantized(model_id, tags, relation):
    if relation == "quantized":
        return True
    if any(t.lower() in QUANT for t in tags):
        return True
    for i, ch in enumerate(model_id):
        if ch in "-_." and model_id[i + 1:].lower() in QUANT:
            return True
    return False


def main():
    hub, eoi_json = sys.argv[1], sys.argv[2]
    models = {}
    with open(hub, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            tags = parse_tags(row["tags"])
            parents, relation = parents_and_relation(tags)
            parent = next((p for p in parents if p not in PLACEHOLDERS), None)
            author = row["author"] or row["modelId"].split("/")[0]
            models[row["modelId"]] = dict(downloads=int(row["downloads"]), author=author, parent=parent,
                                          quantized=quantized(row["modelId"], tags, relation))

    def credited(mid):
        cur, seen, links = mid, {mid}, 0
        while True:
            p = models[cur]["parent"]
            if p is None:
                return models[cur]["author"]
            if links == 64:
                return models[cur]["author"]
            links += 1
            if p not in models:
                return p.split("/")[0] if "/" in p else p
            if p in seen:
                return models[cur]["author"]
            seen.add(p)
            cur = p

    dev = {}
    total = 0
    quant = 0
    for mid, m in models.items():
        d = credited(mid)
        dev[d] = dev.get(d, 0) + m["downloads"]
        total += m["downloads"]
        quant += m["downloads"] if m["quantized"] else 0
    hhi = sum((v / total) ** 2 for v in dev.values() if v > 0)
    ranked = sorted(((-v, k) for k, v in dev.items() if v > 0))
    top10 = sum(-v for v, _ in ranked[:10]) / total
    qshare = quant / total

    with open(eoi_json, encoding="utf-8") as f:
        j = json.load(f)
    got_hhi = j["concentration"]["developer"]["hhi"][0]
    got_top10 = sum(e["share"] for e in j["leaderboards"]["developers"]["all_time"]["top"])
    got_q = j["properties"]["quantized"]["categories"][1]["overall_share"]
    ok = True
    for name, want, got in (("developer HHI", hhi, got_hhi), ("top-10 developer share", top10, got_top10),
                            ("quantized share", qshare, got_q)):
        same = abs(want - got) <= 1e-12
        ok &= same
        print(("ok" if same else "MISMATCH"), name, "python", repr(want), "eoi", repr(got))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
