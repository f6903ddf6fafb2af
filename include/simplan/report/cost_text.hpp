#pragma once
// The words for costs, fit and exclusions, shared by `recommend` and `compare`, in the reader's language.

#include "simplan/i18n/language.hpp"
#include "simplan/profile/profile.hpp"
#include "simplan/recommend/recommender.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace simplan::report {

using i18n::Language;

/// "1 x 14 days at $35.00", "taxes, estimated at 26.8% of $35.00", ...: the label of one breakdown line.
std::string cost_item_label(Language language, const recommend::CostItem& item, int lines);

/// "14 days", "12 months": the stay as the person gave it.
std::string stay_length_text(Language language, const recommend::StayDates& stay);

/// A person's needs in a sentence: "14 days from 2026-11-29 to 2026-12-13, 1 line, 10 GB a month, ...".
/// The taxes used, for the headline: "taxes estimated for NY: postpaid 13.9%, prepaid 8.875% + $0.90 a purchase".
std::string describe_taxes(Language language, const tax::TaxRates& rates);

std::string describe_needs(Language language, const profile::Needs& needs, const recommend::StayDates& stay);

/// "needs a credit check", "$82.00 a month, over the $50.00 budget", ...
std::string describe_exclusion(Language language, const recommend::Exclusion& exclusion, const catalog::Plan& plan,
                               const profile::Needs& needs);

/// Short, for a table cell: "2.9 GB/mo short", "calls to CN unknown".
std::string fit_short(Language language, const recommend::FitNote& note);
/// A sentence, with the penalty: "7.1 GB a month ..., then slowed: ranked as if $33.33 more".
std::string fit_sentence(Language language, const recommend::FitNote& note);

/// "12 x 30 days", "1 x 360 days (intro) + 1 x 90 days": what was bought.
std::string purchases_summary(Language language, const recommend::StayCost& cost);

/// "10.5" for 10500 MB.
std::string gigabytes_text(std::int64_t megabytes);

/// The plan's name as a person reads it: "Mint Mobile Unlimited" ("Visible+", not "Visible Visible+").
std::string plan_display_name(const recommend::Candidate& candidate);

/// JSON for scripts: the cost breakdown, purchases and fit notes (docs/output.md). Language-free.
nlohmann::ordered_json taxes_to_json(const tax::TaxRates& rates);
nlohmann::ordered_json cost_to_json(const recommend::StayCost& cost);
nlohmann::ordered_json fit_to_json(const std::vector<recommend::FitNote>& fit);
nlohmann::ordered_json exclusions_to_json(const std::vector<recommend::Exclusion>& exclusions);
nlohmann::ordered_json stay_to_json(const recommend::StayDates& stay);

} // namespace simplan::report
