#pragma once
// Finding plans by what people shop for: `simplan plans` filters and orders.

#include "simplan/catalog/catalog.hpp"
#include "simplan/catalog/pricing.hpp"
#include "simplan/tax/term_extras.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simplan::catalog {

enum class PlanSort { price, data, name };

/// Every filter is "keep plans that ..."; an empty list or nullopt does not filter.
struct PlanQuery {
  std::vector<PlanKind> kinds;
  std::vector<std::string> carrier_ids;
  std::vector<Network> networks;             ///< runs on any of these
  bool esim = false;                         ///< known to offer eSIM
  bool no_credit_check = false;              ///< no credit check needed
  std::optional<Cents> max_price;            ///< listed price (per month; per pass for travel)
  std::optional<std::int64_t> min_data_mb;   ///< high-speed data per period at least this
  std::optional<std::int64_t> min_hotspot_mb;///< hotspot allowance known to be at least this
  std::vector<std::string> calling_to;       ///< calls to every one of these countries included or priced
  int lines = 1;                             ///< can be bought for this many lines, at a known price
  bool autopay = true;                       ///< prices with the AutoPay discount where offered
  /// Also estimate each plan's taxes and carrier fees (PlanMatch::extras); max_price and the price order
  /// then apply to the price with them.
  std::optional<tax::TaxRates> taxes;
  PlanSort sort = PlanSort::price;
  std::optional<std::size_t> limit;
};

struct PlanMatch {
  const Plan* plan = nullptr;
  const Carrier* carrier = nullptr;
  TermQuote quote;
  std::optional<tax::TermExtras> extras;   ///< with PlanQuery::taxes: the quoted term's taxes and fees
  std::shared_ptr<const Plan> owned_plan;  ///< set when the match owns its plan (a streamed catalog)

  /// The quoted term's price with its extras (the price when there are none).
  Cents price_with_extras() const { return quote.price + (extras ? extras->total() : 0); }
  /// The same per month (per pass for travel): what max_price and the price order compare.
  Cents comparable_with_extras() const;
};

/// The plans that pass every filter, ordered by `sort`. Ties are broken by plan id, so the order is
/// always the same: price sorts by comparable price (with extras, when taxes are estimated); data by high-speed data, most first (unlimited
/// first, then by priority: premium, standard, deprioritized), then price; name by carrier name, plan
/// name.
std::vector<PlanMatch> find_plans(const Catalog& catalog, const PlanQuery& query);

/// find_plans() for plans given one at a time: keeps only the plans that pass every filter, and with a
/// `limit`, only the best `limit` of them (a bounded heap), so listing from a catalog of any size holds only
/// what will be shown. `catalog` gives the plan's carrier, which must outlive the result.
class PlanFinder {
public:
  explicit PlanFinder(PlanQuery query);

  /// Considers a plan that outlives the result (one of a catalog held in memory).
  void add(const Catalog& catalog, const Plan& plan);
  /// Considers a plan, which the result owns if it is kept (one streamed from a file).
  void add(const Catalog& catalog, Plan&& plan);

  std::vector<PlanMatch> finish() &&;

private:
  void keep(PlanMatch match);

  PlanQuery m_query;
  std::vector<PlanMatch> m_matches;  // a heap, the worst kept first, while there is a limit
};

/// Calls from the US to `country` are included in the plan or sold at a known per-minute rate.
/// Returns the matching entry, or nullptr when the catalog does not say (unknown, not "no").
const Reach* calling_reach(const Plan& plan, std::string_view country);

/// The carrier whose id or name matches `text` without regard to case, or nullptr.
const Carrier* find_carrier_by_id_or_name(const Catalog& catalog, std::string_view text);

} // namespace simplan::catalog
