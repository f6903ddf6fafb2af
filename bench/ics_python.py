#!/usr/bin/python3
"""The calendar of `simplan remind --export ics`, written with python3-icalendar, for the benchmark:

    bench/ics_python.py LINES_JSON OUTPUT [--today DATE] [--until DATE]     (OUTPUT "-" is stdout)

It reads the same lines file and the same built-in catalog (data/plans.json) and writes the same events as
`simplan --today DATE --lines-file LINES_JSON remind --export ics --until DATE` (English): per line, every
renewal from the next unpaid term through the window, the end of an intro price (with the cheaper plan simplan
suggests), when service stops and when the number is lost if the next term is unpaid, the end of a travel pass;
sorted by day, label and kind; with the same UID, DTSTART/DTEND, SUMMARY, DESCRIPTION, URL, TRANSP and alarms
(the rules are docs/reminders.md, the texts those of src/report/remind_report.cpp). DTSTAMP is
SOURCE_DATE_EPOCH when set, else now, as in simplan. What differs is only how icalendar writes the same
content: properties in its canonical order, lines folded at 74 characters. Not supported (the benchmark's
lines do not use them): custom plans, lines whose plan is not in the catalog, --count, --rrule, --heads-up.

Memory stays bounded by the number of events, not the size of the file: the events are computed as small
records and sorted, then each VEVENT is built with icalendar, serialized and written before the next.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from icalendar import Alarm, Calendar, Event, vDatetime

CATALOG = Path(__file__).resolve().parent.parent / "data" / "plans.json"
VERSION = "0.1.0"  # simplan's, for PRODID
RENEWAL_DUE, INTRO_ENDS, SUSPENDED, NUMBER_LOST, PASS_ENDS = range(5)  # simplan's order on the same day
UID_KINDS = ("renewal", "intro-ends", "suspended", "number-lost", "pass-ends")
CHANNEL_KINDS = {"online": "online", "app": "app", "phone": "phone", "sms": "text message", "store": "store",
                 "retail": "retailers", "refill_card": "refill card", "mail": "mail"}
AUTO_RENEW = {"always": "The carrier charges the card on file every term.",
              "optional": "Pay by hand each term, or turn on AutoPay / auto-renew.",
              "none": "Pay by hand each term: there is no automatic renewal."}
OFFICIAL_CHANNELS = ("Pay only in the carrier's official app or website, at its own stores, or with refill cards "
                     "from known retailers. Carriers never take payment in gift cards, and never ask for your "
                     "refill PIN or account PIN by phone or text.")


# ---- dates and money, as simplan computes them ----------------------------------------------------------

def term_start(anchor, length, k):
    """The first day of term k from the anchor: N days, or M calendar months on the anchor's day or the
    month's last day (src/renewal/schedule.cpp)."""
    if "days" in length:
        return anchor + datetime.timedelta(days=k * length["days"])
    months = anchor.year * 12 + anchor.month - 1 + k * length["months"]
    year, month = divmod(months, 12)
    next_month = datetime.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return datetime.date(year, month + 1, min(anchor.day, (next_month - datetime.timedelta(days=1)).day))


def divide_rounded(numerator, denominator):
    """Rounded to the nearest, halves away from zero (util::divide_rounded)."""
    quotient, remainder = divmod(abs(numerator), denominator)
    quotient += 2 * remainder >= denominator
    return quotient if numerator >= 0 else -quotient


def dollars(cents):
    return f"{'-' if cents < 0 else ''}${abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def term_words(length):
    count, unit = (length["months"], "month") if "months" in length else (length["days"], "day")
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def english(text):
    """A catalog text: a string, or a localized text whose English is read."""
    return text if isinstance(text, str) else text["en"]


# ---- prices ---------------------------------------------------------------------------------------------

def price_for_lines(plan, term, lines):
    """A term's price for the account (catalog::term_price_for_lines), None when not published."""
    if lines > plan.get("max_lines", lines):
        return None
    totals = term.get("line_totals_cents", [])
    if lines <= len(totals):
        return totals[lines - 1]
    if plan["kind"] == "travel" or lines == 1 or plan.get("multi_line_discount") is False:
        return term["price_cents"] * lines
    return None


def autopay_discount(plan, lines):
    autopay = plan.get("autopay")
    if autopay is None:
        return 0
    if autopay.get("per", "line") == "account":
        return autopay["discount_cents"]
    return autopay["discount_cents"] * min(lines, autopay.get("max_lines", lines))


def matching_term(plan, length):
    return next((term for term in plan["terms"] if term["length"] == length), None)


def term_amount(plan, line, index, due):
    """(cents, intro) for the plan's term number `index` due on `due` (renewal::term_amount), or None."""
    term = matching_term(plan, line["term"])
    if term is None:
        return None
    intro = term.get("intro")
    if intro and index < intro["terms"] and (
            "until" not in intro or due <= datetime.date.fromisoformat(intro["until"])):
        cents, is_intro = intro["price_cents"] * line["line_count"], True
    else:
        cents, is_intro = price_for_lines(plan, term, line["line_count"]), False
        if cents is None:
            return None
    if line["autopay"] and "autopay" in plan and index + 1 >= plan["autopay"].get("from_term", 1):
        cents -= min(autopay_discount(plan, line["line_count"]), cents)
    return cents, is_intro


def monthly_equivalent(cents, length):
    return divide_rounded(cents, length["months"]) if "months" in length else divide_rounded(cents * 30, length["days"])


def best_term(plan, lines, autopay):
    """The plan's lowest price a month over its terms (catalog::best_term): (comparable cents) or None."""
    best = None
    for term in plan["terms"]:
        price = price_for_lines(plan, term, lines)
        if price is None:
            continue
        price -= autopay_discount(plan, lines) if autopay else 0
        comparable = price if plan["kind"] == "travel" else monthly_equivalent(price, term["length"])
        days = term["length"].get("days", 30 * term["length"].get("months", 0))
        if best is None or comparable < best[0] or (comparable == best[0] and days < best[1]):
            best = (comparable, days)
    return None if best is None else best[0]


def cheaper_plan(catalog, plan, line, regular):
    """The cheapest plan with at least this plan's data, for the same person, when cheaper a month:
    (plan, per month, current per month) or None (renewal::cheaper_plan)."""
    current = monthly_equivalent(regular, line["term"])
    needed = plan["data"]["high_speed_gb"]
    best = None
    for candidate in catalog["plans"]:
        if (candidate is plan or candidate["kind"] == "travel" or candidate["phone_number"] != plan["phone_number"]
                or (candidate["requirements"]["credit_check"] and not plan["requirements"]["credit_check"])):
            continue
        data = candidate["data"]["high_speed_gb"]
        if not (data == "unlimited" or (needed != "unlimited" and data >= needed)):
            continue
        per_month = best_term(candidate, line["line_count"], line["autopay"])
        if per_month is not None and per_month < current and (
                best is None or (per_month, candidate["id"]) < (best[1], best[0]["id"])):
            best = (candidate, per_month, current)
    return best


# ---- the events -----------------------------------------------------------------------------------------

def reminders(catalog, lines, today, until):
    """Every event of the window as (day, label, kind, line, plan, term number, amount, due), sorted."""
    plans = {plan["id"]: plan for plan in catalog["plans"]}
    events = []
    for line in lines:
        if "plan" not in line or line["plan"] not in plans:
            sys.exit(f"ics_python.py: line {line['label']!r}: only lines on catalog plans are supported")
        plan = plans[line["plan"]]
        anchor = datetime.date.fromisoformat(line["anchor"])
        paid = line.get("paid_terms", 1)
        before = line.get("plan_terms_before", 0)

        def add(kind, day, k, amount=None, due=None):
            events.append((day, line["label"], kind, line, plan, line.get("terms_before", 0) + k, amount, due))

        next_due = term_start(anchor, line["term"], paid)
        if plan["kind"] == "travel":
            if next_due <= until:
                add(PASS_ENDS, next_due, paid)
            continue
        k = paid
        while True:  # renewals from the next unpaid term: an overdue one always, then those in the window
            due = term_start(anchor, line["term"], k)
            if due >= today and due > until:
                break
            if due >= today or k == paid:
                add(RENEWAL_DUE, due, k, term_amount(plan, line, before + k, due), due)
            k += 1
        term = matching_term(plan, line["term"])
        if term is not None and "intro" in term:
            k = term["intro"]["terms"] - before
            day = term_start(anchor, line["term"], k)
            if k >= paid and today <= day <= until:
                add(INTRO_ENDS, day, k, term_amount(plan, line, before + k, day), day)
        unpaid = policy_of(catalog, plan).get("unpaid", {})
        for kind, field in ((SUSPENDED, "grace_days"), (NUMBER_LOST, "number_lost_after_days")):
            if field in unpaid:
                day = next_due + datetime.timedelta(days=unpaid[field])
                if today <= day <= until:
                    add(kind, day, paid, due=next_due)
    events.sort(key=lambda event: event[:3])
    return events


def carrier_of(catalog, plan):
    return next((carrier for carrier in catalog["carriers"] if carrier["id"] == plan["carrier"]), None)


def policy_of(catalog, plan):
    carrier = carrier_of(catalog, plan)
    return {} if carrier is None or plan["kind"] == "travel" else carrier.get("renewal", {}).get(plan["kind"], {})


def plan_words(plan, carrier_name):
    if plan["name"].encode().lower().startswith(carrier_name.encode().lower()):  # ASCII-only lowering
        return plan["name"]
    return f"{carrier_name} {plan['name']}"


def channel_text(channel):
    parts = ([english(channel["name"])] if "name" in channel else []) + [
        channel[field] for field in ("url", "number") if channel.get(field)]
    text = CHANNEL_KINDS[channel["kind"]]
    if parts:
        text = f"{text}: {', '.join(parts)}"
    if channel.get("fee_cents", 0) > 0:
        text += f" ({dollars(channel['fee_cents'])} fee)"
    if "note" in channel:
        text += f"; {english(channel['note'])}"
    return text


def guide_lines(policy, carrier):
    """How to renew, line by line (report::renewal_guide_lines)."""
    if not policy:
        website = [f"Website: {carrier['website']}"] if carrier and carrier.get("website") else []
        return ["The catalog has no renewal steps for this carrier.", *website, OFFICIAL_CHANNELS]
    lines = []
    if "auto_renew" in policy:
        lines.append(AUTO_RENEW[policy["auto_renew"]])
    if policy.get("channels"):
        lines.append("Ways to pay:")
        lines += ["- " + channel_text(channel) for channel in policy["channels"]]
    if "steps" in policy:
        lines.append(f"Steps: {english(policy['steps'])}")
    unpaid = policy.get("unpaid")
    if unpaid:
        facts = []
        if "grace_days" in unpaid:
            facts.append("service is suspended on the due date" if unpaid["grace_days"] == 0
                         else f"service continues {unpaid['grace_days']} days past the due date")
        if "number_lost_after_days" in unpaid:
            facts.append(f"the number can be lost {unpaid['number_lost_after_days']} days after the due date")
        if "reactivation_fee_cents" in unpaid:
            facts.append(f"{dollars(unpaid['reactivation_fee_cents'])} to reactivate")
        if facts:
            late = "; ".join(facts)
            if "confidence" in unpaid:
                late += f" (confidence: {unpaid['confidence']})"
            lines.append(f"If late: {late}.")
        if "note" in unpaid:
            lines.append(english(unpaid["note"]))
    lines += [f"Warning: {english(warning)}" for warning in policy.get("warnings", [])]
    lines.append(OFFICIAL_CHANNELS)
    return lines


def renew_url(policy, carrier):
    for channel in policy.get("channels", []):
        if channel["kind"] == "online" and channel.get("url"):
            return channel["url"]
    return carrier.get("website", "") if carrier else ""


def vevent(catalog, reminder, stamp):
    """One VEVENT, with the texts of report::calendar_event."""
    day, label, kind, line, plan, number, amount, due = reminder
    carrier = carrier_of(catalog, plan)
    policy = policy_of(catalog, plan)
    words = plan_words(plan, carrier["name"] if carrier else plan["carrier"])
    if amount is None:
        money = "unknown" if kind == RENEWAL_DUE else ""
    else:
        money = dollars(amount[0]) + ("" if plan["taxes_and_fees"]["taxes_included"] else " + tax")
    term = term_words(line["term"])
    alarms = []
    if kind == RENEWAL_DUE:
        summary = f"Renew {words} ({label}): {money}"
        intro = " (intro price)" if amount and amount[1] else ""
        description = [f"{words} is due on {day}: {money} for {term}{intro}."]
        for days in line.get("remind_days", [7, 1]):
            when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
            alarms.append((days, f"{words} renews {when}: {money}"))
    elif kind == INTRO_ENDS:
        summary = f"Intro price ends: {words} ({label}) is {money} from now"
        description = [f"From {day} this line costs the regular price, {money} for {term}."]
        cheaper = cheaper_plan(catalog, plan, line, amount[0]) if amount else None
        if cheaper:
            other, per_month, current = cheaper
            description.append(f"{other['name']} would cost {dollars(per_month)} a month instead of "
                               f"{dollars(current)} (simplan plans show {other['id']}).")
        alarms.append((7, f"{words}: the intro price ends in 7 days"))
    elif kind == SUSPENDED:
        summary = f"{words} service stops if unpaid ({label})"
        description = [f"If the renewal due on {due} is still unpaid, service stops on {day}."]
    elif kind == NUMBER_LOST:
        summary = f"Last day to keep your number: pay {words} ({label})"
        description = [f"If the renewal due on {due} is still unpaid after {day}, "
                       "the phone number can be lost for good."]
        alarms.append((3, f"3 days left to keep your {carrier['name'] if carrier else plan['carrier']} number"))
    else:
        summary = f"{words} ends ({label})"
        description = ["This pass is not renewable: buy a new pass or choose a plan (simplan recommend)."]
        alarms += [(days, f"{words} ends today" if days == 0 else f"{words} ends tomorrow" if days == 1
                    else f"{words} ends in {days} days") for days in line.get("remind_days", [7, 1])]
    if kind != PASS_ENDS:
        description += guide_lines(policy, carrier)

    event = Event()
    event.add("uid", f"simplan-{line['id']}-t{number}-{UID_KINDS[kind]}")
    event.add("dtstamp", vDatetime(stamp))  # typed, so icalendar adds no VALUE=DATE-TIME, as simplan
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n".join(description))
    url = renew_url(policy, carrier)
    if url:
        event.add("url", url)
    event.add("transp", "TRANSPARENT")
    for days, text in alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text)
        alarm.add("trigger", datetime.timedelta(hours=9 - 24 * days))  # at 09:00, `days` before
        event.add_component(alarm)
    return event.to_ical()


def main():
    parser = argparse.ArgumentParser(description="simplan remind --export ics, with python3-icalendar.")
    parser.add_argument("lines_file", type=Path, metavar="LINES_JSON")
    parser.add_argument("output", metavar="OUTPUT", help='the calendar file, or "-" for stdout')
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--until", type=datetime.date.fromisoformat, help="the window's last day (default: 90 days)")
    args = parser.parse_args()
    until = args.until or args.today + datetime.timedelta(days=90)

    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    lines = json.loads(args.lines_file.read_text(encoding="utf-8"))["lines"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = datetime.datetime.fromtimestamp(int(epoch) if epoch else int(datetime.datetime.now().timestamp()),
                                            datetime.timezone.utc)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//simplan//simplan {VERSION}//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Phone plan renewals (simplan)")
    end = b"END:VCALENDAR\r\n"
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    with out:
        out.write(calendar.to_ical().removesuffix(end))
        for reminder in reminders(catalog, lines, args.today, until):
            out.write(vevent(catalog, reminder, stamp))
        out.write(end)


if __name__ == "__main__":
    main()
