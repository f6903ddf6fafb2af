#!/usr/bin/python3
"""Writes a synthetic simplan catalog of N plans: bench/generate_catalog.py N OUTPUT

The catalog is realistic because it is made of the real one. Every generated plan is a copy of a plan of
data/plans.json, taken round-robin so the field mix (kinds, terms, intro prices, AutoPay, taxes, one-time
fees, data and hotspot, international reach, requirements, notes and sources in English and Chinese) is
that of the built-in catalog, with:
  - a unique id: the template's id + "-g" + the plan's number (at most 46 characters, within the 64 allowed);
  - every price of the plan (terms, intro prices, per-line totals) scaled by one factor from 0.85 to 1.15;
  - numeric high-speed data and hotspot allowances scaled by one factor from 0.5 to 2 (whole GB, at least 1;
    0 and "unlimited" are kept), so hotspot stays within data where it must.
The carriers are the real ones, so renewal policies and `simplan remind` work on generated plans too.

Deterministic: a fixed seed, plan i depends only on i, so the same N gives the same bytes (and a smaller
catalog is a prefix of a larger one, plan for plan). One plan per line, compact JSON, UTF-8: about 2.1 KB a
plan, the size of the real plans written compactly. Streamed (one plan in memory at a time) and atomic: written to a
temporary file in OUTPUT's directory, renamed over OUTPUT when complete.
"""

import json
import os
import random
import sys
import tempfile
from pathlib import Path

SEED = 20261201
CATALOG = Path(__file__).resolve().parent.parent / "data" / "plans.json"
PLANS_PER_WRITE = 1000


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def scale_cents(cents, factor):
    return None if cents is None else int(round(cents * factor))


def scale_gb(gb, factor):
    if gb == "unlimited" or gb == 0:
        return gb
    return max(1, int(round(gb * factor)))


def vary(template, number, rng):
    """A copy of the template plan with its own id and slightly different prices and allowances.

    Only the objects that change are copied; the rest is shared with the template (read-only)."""
    price_factor = rng.uniform(0.85, 1.15)
    data_factor = rng.choice((0.5, 0.75, 1.0, 1.0, 1.25, 1.5, 2.0))
    plan = dict(template)
    plan["id"] = f"{template['id']}-g{number:07d}"
    terms = []
    for template_term in template["terms"]:
        term = dict(template_term)
        term["price_cents"] = scale_cents(term["price_cents"], price_factor)
        if "intro" in term:
            term["intro"] = dict(term["intro"], price_cents=scale_cents(term["intro"]["price_cents"], price_factor))
        if "line_totals_cents" in term:
            term["line_totals_cents"] = [scale_cents(total, price_factor) for total in term["line_totals_cents"]]
        terms.append(term)
    plan["terms"] = terms
    plan["data"] = dict(template["data"], high_speed_gb=scale_gb(template["data"]["high_speed_gb"], data_factor))
    if "hotspot" in template:
        plan["hotspot"] = dict(template["hotspot"],
                               high_speed_gb=scale_gb(template["hotspot"]["high_speed_gb"], data_factor))
    return plan


def write_catalog(count, out):
    real = json.loads(CATALOG.read_text(encoding="utf-8"))
    templates = real["plans"]
    rng = random.Random(SEED)
    out.write(f'{{"schema_version":{compact(real["schema_version"])},"as_of":{compact(real["as_of"])},\n')
    out.write(f'"carriers":{compact(real["carriers"])},\n"plans":[\n')
    chunk = []
    for number in range(count):
        chunk.append(compact(vary(templates[number % len(templates)], number, rng)))
        if len(chunk) == PLANS_PER_WRITE:
            out.write(",\n".join(chunk) + (",\n" if number + 1 < count else "\n"))
            chunk = []
    if chunk:
        out.write(",\n".join(chunk) + "\n")
    out.write("]}\n")


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.exit("usage: generate_catalog.py N OUTPUT   (N >= 1 plans)")
    count, output = int(argv[1]), Path(argv[2])
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with open(handle, "w", encoding="utf-8", buffering=1 << 20) as out:
            write_catalog(count, out)
        os.chmod(temporary, 0o644)  # mkstemp creates it 0600
        os.replace(temporary, output)
    except BaseException:
        os.unlink(temporary)
        raise


if __name__ == "__main__":
    main(sys.argv)
