#include "simplan/report/recommend_report.hpp"

#include "simplan/catalog/catalog_json.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/text_format.hpp"
#include "simplan/report/cost_text.hpp"
#include "simplan/report/csv.hpp"
#include "simplan/report/table.hpp"
#include "simplan/util/date.hpp"
#include "simplan/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace simplan::report {
namespace {

using recommend::Candidate;
using recommend::Recommendations;
using util::Cents;
using util::format_dollars;


std::string notes_cell(Language language, const Candidate& candidate)
{
  std::vector<std::string> notes;
  for (const auto& note : candidate.fit) {
    notes.push_back(fit_short(language, note));
  }
  return join(notes, TR(language, "; "));
}

std::string reasons_cell(Language language, const Candidate& candidate, const profile::Needs& needs)
{
  std::vector<std::string> reasons;
  for (const auto& exclusion : candidate.exclusions) {
    reasons.push_back(describe_exclusion(language, exclusion, *candidate.plan, needs));
  }
  return join(reasons, TR(language, "; "));
}

Cents penalties(const Candidate& candidate)
{
  Cents sum = 0;
  for (const auto& note : candidate.fit) {
    sum += note.penalty;
  }
  return sum;
}

std::size_t shown_count(const Recommendations& result, const profile::Needs& needs)
{
  return std::min(result.ranked.size(), needs.top);
}

// The breakdown of one plan, line by line, and why it ranks where it does.
std::string explain(Language language, const Candidate& candidate, std::size_t rank, const Recommendations& result,
                    const profile::Needs& needs)
{
  const recommend::StayCost& cost = *candidate.cost;
  std::string out = fmt::format("{}. {} ({})\n", rank, plan_display_name(candidate), candidate.plan->id);
  Table lines{{{""}, {"", Align::right}}};
  for (const auto& item : cost.items) {
    lines.add_row({cost_item_label(language, item, needs.lines), format_dollars(item.amount)});
  }
  lines.add_row({TR(language, "total for {}", stay_length_text(language, result.stay)), format_dollars(cost.total)});
  const std::string table = lines.render({});
  // Drop the (empty) header line and indent.
  for (std::size_t start = table.find('\n') + 1; start < table.size();) {
    const std::size_t end = table.find('\n', start);
    out += "   " + table.substr(start, end - start + 1);
    start = end + 1;
  }
  out += "   " + TR(language, "{} a month, {} a day", format_dollars(cost.per_month), format_dollars(cost.per_day)) + "\n";
  // Many payments (thirteen 30-day terms) read better as the first few, then the last.
  constexpr std::size_t k_payments_listed = 4;
  std::vector<std::string> payments;
  for (std::size_t i = 0; i < cost.payments.size(); ++i) {
    if (cost.payments.size() > k_payments_listed + 1 && i == k_payments_listed - 1) {
      payments.push_back(TR(language, "... {} payments in all ...", cost.payments.size()));
      i = cost.payments.size() - 1;
    }
    payments.push_back(fmt::format("{} {}", i18n::human_date(language, cost.payments[i].date),
                                   format_dollars(cost.payments[i].amount)));
  }
  out += "   " +
         TR(language, "pay: {}; paid up to {}", join(payments, list_separator(language)),
            i18n::human_date(language, cost.covered_until)) +
         "\n";
  for (const auto& note : candidate.fit) {
    out += "   " + TR(language, "fit: {}", fit_sentence(language, note)) + "\n";
  }
  const Cents penalty = penalties(candidate);
  std::string why = "   " + TR(language, "rank {} of {}: score {} = total {}", rank, result.ranked_count,
                                 format_dollars(candidate.score), format_dollars(cost.total));
  why += penalty > 0 ? TR(language, " + {} for fit", format_dollars(penalty)) : TR(language, ", nothing to add for fit");
  if (rank > 1) {
    why += TR(language, "; #1 scores {}", format_dollars(result.ranked.front().score));
  } else if (result.ranked.size() > 1) {
    why += TR(language, "; #2 scores {}", format_dollars(result.ranked[1].score));
  }
  return out + why + "\n";
}

Table ranked_table(Language language)
{
  return Table{{
    {TR(language, "RANK"), Align::right},
    {TR(language, "ID")},
    {TR(language, "PLAN"), Align::left, 12, 3},
    {TR(language, "TOTAL"), Align::right},
    {TR(language, "PER MONTH"), Align::right, 0, 4},
    {TR(language, "PER DAY"), Align::right, 0, 5},
    {TR(language, "BUY"), Align::left, 10, 2},
    {TR(language, "NOTES"), Align::left, 10, 6},
  }};
}

void add_ranked_row(Language language, Table& table, const Candidate& candidate, std::size_t rank)
{
  const recommend::StayCost& cost = *candidate.cost;
  table.add_row({fmt::format("{}", rank), candidate.plan->id, plan_display_name(candidate), format_dollars(cost.total),
                 format_dollars(cost.per_month), format_dollars(cost.per_day), purchases_summary(language, cost),
                 notes_cell(language, candidate)});
}

// Which excluded plans a table lists: all, those a known fact rules out, or those ruled out only by a fact
// the catalog does not know.
enum class Which { all, by_fact, by_unknown };

std::string excluded_table(const std::vector<Candidate>& excluded, std::size_t limit, const profile::Needs& needs,
                           const RenderOptions& options, Which which = Which::all)
{
  const Language language = options.language;
  Table table{{{TR(language, "ID")},
               {TR(language, "PLAN"), Align::left, 12, 2},
               {TR(language, "TOTAL"), Align::right, 0, 3},
               {TR(language, "RULED OUT BY"), Align::left, 16}}};
  for (std::size_t i = 0; i < excluded.size() && i < limit; ++i) {
    const Candidate& candidate = excluded[i];
    if (which != Which::all && (which == Which::by_unknown) != recommend::only_unknown_facts(candidate)) {
      continue;
    }
    table.add_row({candidate.plan->id, plan_display_name(candidate),
                   candidate.cost ? format_dollars(candidate.cost->total) : "-", reasons_cell(language, candidate, needs)});
  }
  return table.render(options);
}

std::string render_text(const Recommendations& result, const profile::Needs& needs, const RecommendView& view,
                        const RenderOptions& options)
{
  const Language language = options.language;
  const std::string summary = describe_needs(language, needs, result.stay);
  if (result.ranked.empty()) {
    return TR(language, "No plan meets every need for {}: {}.", view.profile, summary) + "\n" +
           TR(language, "The nearest plans, and what ruled each out:") + "\n\n" +
           excluded_table(result.excluded, view.show_excluded ? result.excluded.size() : k_nearest_excluded_shown, needs, options);
  }
  std::string out = TR(language, "Recommended for {}: {}.", view.profile, summary) + "\n\n";
  Table table = ranked_table(language);
  const std::size_t shown = shown_count(result, needs);
  for (std::size_t i = 0; i < shown; ++i) {
    add_ranked_row(language, table, result.ranked[i], i + 1);
  }
  out += table.render(options);
  if (view.explain) {
    for (std::size_t i = 0; i < shown; ++i) {
      out += "\n" + explain(language, result.ranked[i], i + 1, result, needs);
    }
  }
  const std::size_t unknown = result.excluded_unknown_count;
  const std::size_t by_fact = result.excluded_count - unknown;
  const auto plans = [&](std::size_t count) { return count == 1 ? TR(language, "1 plan") : TR(language, "{} plans", count); };
  if (view.show_excluded && by_fact > 0) {
    out += "\n" + TR(language, "Ruled out by a fact ({}):", plans(by_fact)) + "\n" +
           excluded_table(result.excluded, result.excluded.size(), needs, options, Which::by_fact);
  }
  if (view.show_excluded && unknown > 0) {
    out += "\n" + TR(language, "Ruled out because a fact is unknown ({}; --include-unknown keeps them):", plans(unknown)) +
           "\n" + excluded_table(result.excluded, result.excluded.size(), needs, options, Which::by_unknown);
  }
  if (!view.show_excluded && unknown > 0) {
    // A missing fact must not shrink the choice silently.
    out += "\n" + TR(language, "{} ruled out only because the catalog does not know a fact: --show-excluded lists them, --include-unknown keeps them.",
                     plans(unknown)) + "\n";
  }
  return out;
}

nlohmann::ordered_json candidate_json(const Candidate& candidate)
{
  nlohmann::ordered_json out;
  out["id"] = candidate.plan->id;
  out["carrier"] = candidate.plan->carrier;
  out["carrier_name"] = candidate.carrier != nullptr ? candidate.carrier->name : candidate.plan->carrier;
  out["name"] = candidate.plan->name;
  out["kind"] = catalog::to_string(candidate.plan->kind);
  if (candidate.cost) {
    out["score_cents"] = candidate.score;
    out.update(cost_to_json(*candidate.cost));
  }
  out["fit"] = fit_to_json(candidate.fit);
  if (!candidate.exclusions.empty()) {
    out["ruled_out_by"] = exclusions_to_json(candidate.exclusions);
  }
  return out;
}

std::string render_json(const Recommendations& result, const profile::Needs& needs, const RecommendView& view)
{
  nlohmann::ordered_json document;
  document["profile"] = view.profile;
  document["stay"] = stay_to_json(result.stay);
  document["lines"] = needs.lines;
  document["autopay"] = needs.autopay;
  document["taxes"] = taxes_to_json(needs.taxes);
  nlohmann::ordered_json ranked = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < shown_count(result, needs); ++i) {
    nlohmann::ordered_json entry;
    entry["rank"] = i + 1;
    entry.update(candidate_json(result.ranked[i]));
    ranked.push_back(std::move(entry));
  }
  document["recommendations"] = std::move(ranked);
  if (view.show_excluded || result.ranked.empty()) {
    const std::size_t limit = view.show_excluded ? result.excluded.size() : k_nearest_excluded_shown;
    nlohmann::ordered_json excluded = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < result.excluded.size() && i < limit; ++i) {
      excluded.push_back(candidate_json(result.excluded[i]));
    }
    document[view.show_excluded ? "excluded" : "nearest"] = std::move(excluded);
  }
  return catalog::dump_json(document);
}

const std::vector<std::string> k_csv_header{"rank",        "id",          "carrier",       "carrier_name",
                                            "name",        "total_cents", "per_month_cents", "per_day_cents",
                                            "score_cents", "buy",         "fit",           "ruled_out_by"};

std::vector<std::string> csv_row(const Candidate& candidate, std::optional<std::size_t> rank)
{
  // Machine columns: the plan's words stay as the catalog writes them, the rest are codes.
  std::vector<std::string> fit;
  for (const auto& entry : fit_to_json(candidate.fit)) {
    fit.push_back(entry["kind"].get<std::string>());
  }
  std::vector<std::string> reasons;
  for (const auto& entry : exclusions_to_json(candidate.exclusions)) {
    reasons.push_back(entry["reason"].get<std::string>());
  }
  const auto& cost = candidate.cost;
  return {rank ? fmt::format("{}", *rank) : std::string{},
          candidate.plan->id,
          candidate.plan->carrier,
          candidate.carrier != nullptr ? candidate.carrier->name : candidate.plan->carrier,
          candidate.plan->name,
          cost ? fmt::format("{}", cost->total) : std::string{},
          cost ? fmt::format("{}", cost->per_month) : std::string{},
          cost ? fmt::format("{}", cost->per_day) : std::string{},
          cost ? fmt::format("{}", candidate.score) : std::string{},
          cost ? purchases_summary(Language::en, *cost) : std::string{},
          join(fit, " "),
          join(reasons, " ")};
}

std::string render_records(const Recommendations& result, const profile::Needs& needs, const RecommendView& view,
                           OutputFormat format)
{
  const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
  std::string out = record(k_csv_header);
  for (std::size_t i = 0; i < shown_count(result, needs); ++i) {
    out += record(csv_row(result.ranked[i], i + 1));
  }
  if (view.show_excluded || result.ranked.empty()) {
    const std::size_t limit = view.show_excluded ? result.excluded.size() : k_nearest_excluded_shown;
    for (std::size_t i = 0; i < result.excluded.size() && i < limit; ++i) {
      out += record(csv_row(result.excluded[i], std::nullopt));
    }
  }
  return out;
}

} // namespace

std::string render_recommendations(const Recommendations& result, const profile::Needs& needs,
                                   const RecommendView& view, OutputFormat format, const RenderOptions& options)
{
  switch (format) {
  case OutputFormat::table: return render_text(result, needs, view, options);
  case OutputFormat::json: return render_json(result, needs, view);
  case OutputFormat::csv:
  case OutputFormat::tsv: return render_records(result, needs, view, format);
  }
  return {};
}

std::string render_why_not(const Recommendations& result, const catalog::Plan& plan, const profile::Needs& needs,
                           OutputFormat format, const RenderOptions& options)
{
  const Language language = options.language;
  const auto is_plan = [&](const Candidate& candidate) { return candidate.plan == &plan; };
  const auto ranked = std::find_if(result.ranked.begin(), result.ranked.end(), is_plan);
  const auto excluded = std::find_if(result.excluded.begin(), result.excluded.end(), is_plan);
  const bool is_ranked = ranked != result.ranked.end();
  const Candidate& candidate = is_ranked ? *ranked : *excluded;
  const std::size_t rank = is_ranked ? static_cast<std::size_t>(ranked - result.ranked.begin()) + 1 : 0;

  if (format == OutputFormat::json) {
    nlohmann::ordered_json document;
    document["stay"] = stay_to_json(result.stay);
    document["rank"] = is_ranked ? nlohmann::ordered_json(rank) : nlohmann::ordered_json(nullptr);
    document["of"] = result.ranked_count;
    document["shown"] = rank > 0 && rank <= needs.top;
    document.update(candidate_json(candidate));
    return catalog::dump_json(document);
  }
  if (format != OutputFormat::table) {
    const auto record = format == OutputFormat::csv ? csv_record : tsv_record;
    return record(k_csv_header) + record(csv_row(candidate, is_ranked ? std::optional<std::size_t>{rank} : std::nullopt));
  }
  std::string out;
  if (!is_ranked) {
    out = TR(language, "{} ({}) is ruled out: {}.", plan_display_name(candidate), plan.id,
             reasons_cell(language, candidate, needs)) +
          "\n";
    if (candidate.cost) {
      out += TR(language, "Were it not, it would cost {} for the stay ({} a month).", format_dollars(candidate.cost->total),
                format_dollars(candidate.cost->per_month)) +
             "\n";
    }
    return out;
  }
  out = rank <= needs.top ? TR(language, "{} ({}) ranks {} of {}.", plan_display_name(candidate), plan.id, rank, result.ranked_count)
                          : TR(language, "{} ({}) ranks {} of {}, below the top {} shown.", plan_display_name(candidate), plan.id,
                               rank, result.ranked_count, needs.top);
  return out + "\n\n" + explain(language, candidate, rank, result, needs);
}

} // namespace simplan::report
