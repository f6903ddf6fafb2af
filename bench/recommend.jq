# `simplan recommend --profile tourist` written in jq, for the benchmark: prints the ids of the top 5 plans.
#
#   jq -r --arg today 2026-12-01 -f bench/recommend.jq CATALOG.json
#
# The tourist profile (data/profiles.json): a 14-day stay from --arg today (default: today in UTC), 1 line,
# 10 GB a month, eSIM, no credit check, a US number, no SSN, no US card, no AutoPay, taxes at 26.8% where the
# price excludes them. The cost model and ranking follow docs/recommend.md:
#   - hard needs rule plans out: a credit check, no eSIM (or not known), no number, an SSN, a US card;
#   - terms: the cheapest way to cover the stay; intro prices for the first purchases while the offer lasts
#     (`intro.until` against the purchase date); then one-time fees, data billed by use, the carrier fee
#     (per month of service bought, a 30-day term is one month) and taxes on what the terms and usage cost,
#     each per purchase and rounded to the cent, halves up, as simplan does;
#   - soft fit: $10 per GB short a month ($1 when data is only deprioritized after the cap), a travel pass's
#     allowance scaled to 30 days, times 14/30 for the stay;
#   - rank by total + penalties, then total, then more data (unlimited first; a pass's own allowance, not
#     scaled), then id.
# Where it simplifies (exact for this profile and every plan of data/plans.json, not in general):
#   - each plan is covered with one of its terms bought repeatedly, the cheapest; simplan also searches
#     mixes of terms (a 10-day pass then a 7-day one), which no catalog plan offers for a 14-day stay;
#   - a calendar-month term is taken to cover at least 28 days a month, instead of counting calendar months;
#   - one line only: a term's price is `price_cents` (the one-line total), the line count is never checked;
#   - AutoPay, hotspot, calling abroad, networks, premium data and a budget are left out: the tourist
#     profile does not use them.

def days: 14;
def data_mb: 10000;
def tax_basis_points: 2680;

# simplan's util::divide_rounded for a numerator >= 0: the quotient rounded to the nearest, halves up.
def divide_rounded($numerator; $denominator): (2 * $numerator + $denominator) / (2 * $denominator) | floor;

def start: $ARGS.named.today // (now | strftime("%Y-%m-%d"));
def plus_days($n): strptime("%Y-%m-%d") | mktime + $n * 86400 | strftime("%Y-%m-%d");

def excluded:
  .requirements.credit_check == true or .sim.esim != true or .phone_number == false
  or .requirements.ssn == true or .requirements.us_payment_card == true;

# Months of service one purchase of the term buys, as [numerator, denominator] (30 days is one month).
def months_bought: if .length.months then [.length.months, 1] else [.length.days, 30] end;

# The purchases that cover the stay with this term: [{start, price}], in order.
def purchases:
  . as $term
  | (if .length.months then 28 * .length.months else .length.days end) as $covers
  | [range(0; (days + $covers - 1) / $covers | floor)]
  | map(. as $i | (start | plus_days($i * $covers)) as $on
        | {start: $on,
           price: (if $term.intro and $i < $term.intro.terms and (($term.intro.until // $on) >= $on)
                   then $term.intro.price_cents else $term.price_cents end)});

# What the plan costs over the stay: the term is picked by the cost of its purchases alone (fewer purchases,
# then the longer term, on a tie), then fees, usage and taxes are added on, as simplan does.
def total:
  . as $plan
  | ([.terms[] | {term: ., purchases: purchases}
      | .cost = ([.purchases[].price] | add) | .days = (.term.length.days // (30 * .term.length.months))]
     | min_by([.cost, (.purchases | length), -.days])) as $choice
  | ($choice.term | months_bought) as [$numerator, $denominator]
  | (if .data.usage_billing then
       divide_rounded([data_mb, (.data.usage_billing.max_charged_gb[0] // 1e9) * 1000] | min
                      | . * $plan.data.usage_billing.cents_per_gb; 1000)
     else 0 end) as $usage_per_month
  | divide_rounded($usage_per_month * $numerator; $denominator) as $usage
  | (if .taxes_and_fees.fees_included | not then .taxes_and_fees.carrier_fee.cents_per_line // 0 else 0 end)
      as $fee_per_month
  | ([.one_time_fees[]?.cents] | add // 0)
    + ([$choice.purchases[]
        | .price + $usage
          + divide_rounded($fee_per_month * $numerator; $denominator)
          + (if $plan.taxes_and_fees.taxes_included then 0
             else divide_rounded((.price + $usage) * tax_basis_points; 10000) end)]
       | add);

# High-speed data per month in MB, null for unlimited; a travel pass's allowance is scaled to 30 days.
def monthly_mb:
  if .data.high_speed_gb == "unlimited" then null
  elif .kind == "travel" then .data.high_speed_gb * 1000 * 30 / .terms[0].length.days | floor
  else .data.high_speed_gb * 1000 end;

def penalty:
  monthly_mb as $have
  | if $have == null or $have >= data_mb then 0
    else divide_rounded((data_mb - $have) * (if .data.after_cap == "deprioritized" then 100 else 1000 end); 1000)
         | divide_rounded(. * days; 30)
    end;

[.plans[] | select(excluded | not)
 | total as $total | .data.high_speed_gb as $gb
 | {id, score: ($total + penalty), $total,
    unlimited: ($gb == "unlimited"), gb: (if $gb == "unlimited" then 0 else $gb end)}]
| sort_by([.score, .total, (if .unlimited then 0 else 1 end), -.gb, .id])
| .[:5][].id
