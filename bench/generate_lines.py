#!/usr/bin/python3
"""Writes a lines file of N lines on built-in catalog plans: bench/generate_lines.py N OUTPUT [--today DATE]

For the calendar benchmark (`simplan remind --export ics` against bench/ics_python.py). Each line is what
`simplan lines add` would have saved on the effective date (--today, default 2026-12-01, the benchmark's):
a plan of data/plans.json picked by a seeded RNG, one of its terms, a start within the last 60 days (a travel
pass: within its validity, so it has not ended yet), every term begun by then counted as paid, AutoPay on
about a third of the lines whose plan has a discount, one line on the account, and alarms 7 and 1 days
before (or 1; 3; 14, 7 and 1). Labels are unique and, like people's, contain commas, semicolons,
apostrophes, Chinese and emoji, so both calendar writers escape and fold real text. The format is docs/lines.md.

Deterministic: a fixed seed, so the same N and date give the same bytes. Written atomically (temporary
file and rename).
"""

import argparse
import datetime
import json
import os
import random
import tempfile
from pathlib import Path

SEED = 20261201
CATALOG = Path(__file__).resolve().parent.parent / "data" / "plans.json"
LABELS = ("My phone", "Mom's phone", "Work, backup", "Kid; school", "爸爸的手机", "Travel eSIM 🌎")
REMIND_DAYS = ([7, 1], [7, 1], [7, 1], [1], [3], [14, 7, 1])


def term_start(anchor, length, k):
    """The first day of term k from the anchor (src/renewal/schedule.cpp): N days, or M calendar months
    on the anchor's day or the month's last day."""
    if "days" in length:
        return anchor + datetime.timedelta(days=k * length["days"])
    months = anchor.year * 12 + anchor.month - 1 + k * length["months"]
    year, month = divmod(months, 12)
    next_month = datetime.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month + 1, min(anchor.day, last_day))


def make_line(number, plan, today, rng):
    term = rng.choice(plan["terms"])["length"]
    if plan["kind"] == "travel":
        start = today - datetime.timedelta(days=rng.randrange(term["days"]))
        paid = 1
    else:
        start = today - datetime.timedelta(days=rng.randrange(60))
        paid = 1
        while term_start(start, term, paid) <= today:
            paid += 1
    return {
        "id": f"{rng.getrandbits(64):016x}",
        "label": f"{rng.choice(LABELS)} {number + 1:04d}",
        "plan": plan["id"],
        "term": term,
        "anchor": start.isoformat(),
        "paid_terms": paid,
        "terms_before": 0,
        "plan_terms_before": 0,
        "line_count": 1,
        "autopay": "autopay" in plan and rng.random() < 1 / 3,
        "remind_days": rng.choice(REMIND_DAYS),
        "history": [{"on": start.isoformat(), "event": "added", "terms": paid, "plan": plan["id"]}],
    }


def main():
    parser = argparse.ArgumentParser(description="Write a lines file of N lines on built-in catalog plans.")
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("output", type=Path, metavar="OUTPUT")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 12, 1))
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")

    plans = json.loads(CATALOG.read_text(encoding="utf-8"))["plans"]
    rng = random.Random(SEED)
    lines = [make_line(number, rng.choice(plans), args.today, rng) for number in range(args.count)]
    text = json.dumps({"schema_version": 1, "lines": lines}, ensure_ascii=False, indent=2) + "\n"

    args.output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=args.output.parent, prefix=f".{args.output.name}.", suffix=".tmp")
    try:
        with open(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # mkstemp creates it 0600
        os.replace(temporary, args.output)
    except BaseException:
        os.unlink(temporary)
        raise


if __name__ == "__main__":
    main()
