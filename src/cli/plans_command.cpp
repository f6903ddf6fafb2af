#include "cli/plans_command.hpp"

#include "cli/catalog_sources.hpp"
#include "cli/failure.hpp"
#include "cli/needs_options.hpp"
#include "cli/value_parsers.hpp"
#include "cli/cli_text.hpp"
#include "simplan/catalog/plan_query.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/plan_detail_report.hpp"
#include "simplan/report/plans_report.hpp"

#include <fmt/format.h>

#include <optional>

namespace simplan::cli {
namespace {

// Raw options become a validated query before the core sees them (ripgrep's lowargs -> hiargs).
catalog::PlanQuery make_query(const PlansOptions& options, const catalog::Catalog& catalog, const Context& context)
{
  const Language language = context.language;
  catalog::PlanQuery query;
  query.taxes = requested_taxes(options.state, context);
  for (const auto& kind : options.kinds) {
    query.kinds.push_back(*catalog::parse_enum<catalog::PlanKind>(kind));
  }
  for (const auto& carrier : options.carriers) {
    query.carrier_ids.push_back(parse_carrier(language, "--carrier", carrier, catalog).id);
  }
  for (const auto& network : options.networks) {
    query.networks.push_back(parse_network(language, "--network", network));
  }
  query.esim = options.esim;
  query.no_credit_check = options.no_credit_check;
  if (!options.max_price.empty()) {
    query.max_price = parse_dollars_option(language, "--max-price", options.max_price);
  }
  if (!options.min_data.empty()) {
    query.min_data_mb = parse_gigabytes_option(language, "--min-data", options.min_data);
  }
  if (!options.hotspot.empty()) {
    query.min_hotspot_mb = parse_gigabytes_option(language, "--hotspot", options.hotspot);
  }
  for (const auto& country : options.intl) {
    query.calling_to.push_back(parse_country(language, "--intl", country));
  }
  query.lines = options.lines;
  query.autopay = !options.no_autopay;
  query.sort = options.sort == "data" ? catalog::PlanSort::data
               : options.sort == "name" ? catalog::PlanSort::name
                                        : catalog::PlanSort::price;
  if (options.limit) {
    query.limit = static_cast<std::size_t>(*options.limit);
  }
  return query;
}

} // namespace

PlansCommand setup_plans_command(CLI::App& app, PlansOptions& options, Language language)
{
  PlansCommand command;
  command.list = app.add_subcommand("plans", TR(language, "List plans, filtered and sorted the way people shop"));
  CLI::App& list = *command.list;
  list.require_subcommand(0, 1);
  list.add_option("--kind", options.kinds, TR(language, "prepaid, postpaid or travel (repeatable, or comma-separated)"))
    ->delimiter(',')
    ->check(one_of(language, {"prepaid", "postpaid", "travel"}))
    ->type_name("KIND");
  list.add_option("--carrier", options.carriers, TR(language, "Only this carrier, by id or name (repeatable)"))
    ->delimiter(',')
    ->type_name("CARRIER");
  list.add_option("--network", options.networks, TR(language, "Runs on tmobile, att, verizon or boost (repeatable)"))
    ->delimiter(',')
    ->type_name("NETWORK");
  list.add_flag("--esim", options.esim, TR(language, "Only plans known to offer eSIM"));
  list.add_flag("--no-credit-check", options.no_credit_check, TR(language, "Only plans that need no credit check"));
  list.add_option("--max-price", options.max_price,
                  TR(language, "Most you want to pay per month, or per pass for travel passes (25 or 25.50)"))
    ->type_name("DOLLARS");
  list.add_option("--min-data", options.min_data, TR(language, "At least this much high-speed data per month (or per pass)"))
    ->type_name("GB");
  list.add_option("--hotspot", options.hotspot, TR(language, "At least this much hotspot data"))->type_name("GB");
  list.add_option("--intl", options.intl,
                  TR(language, "Calls from the US to this country are included or priced (ISO code: CN, IN, MX; repeatable)"))
    ->delimiter(',')
    ->type_name("COUNTRY");
  list.add_option("--lines", options.lines, TR(language, "Price for this many lines (1 to 20)"))
    ->check(in_range(language, 1, 20))
    ->type_name("N");
  list.add_flag("--no-autopay", options.no_autopay, TR(language, "Show prices without the AutoPay discount"));
  list.add_option("--sort", options.sort, TR(language, "Order by price (per month, cheapest first), data (most first) or name"))
    ->check(one_of(language, {"price", "data", "name"}))
    ->type_name("KEY");
  list.add_option("--limit", options.limit, TR(language, "Show at most N plans"))
    ->check(in_range(language, 1, 1'000'000))
    ->type_name("N");
  add_state_option(list, options.state, StateUse::listing, language);
  list.footer(TR(language, "Prices are for the requested lines with the AutoPay discount where the plan has one (--no-autopay shows the full price), before taxes and fees the plan does not include; with --state, WITH TAX adds them, and --max-price and the price order use it. Where a plan is sold in several terms (Mint: 3, 6 or 12 months), the term with the lowest monthly price is shown.") +
              "\n\n" + TR(language, "Examples:") +
              "\n"
              "  simplan plans --kind prepaid --esim --max-price 30\n"
              "  simplan plans --kind travel --sort price\n"
              "  simplan plans --kind prepaid --state WA --limit 10\n"
              "  simplan plans --intl MX --no-credit-check --sort data --limit 5\n"
              "  simplan plans --format csv > plans.csv\n"
              "  simplan plans show mint-unlimited\n\n" +
              TR(language, "Global options (--today, --catalog, --format, --lang) go before or after the command: see 'simplan --help'."));

  command.show = list.add_subcommand("show", TR(language, "Everything about one plan: prices, fine print, how to renew, sources"));
  command.show->add_option("ID", options.show_id, TR(language, "The plan id, as `simplan plans` lists it"))->required();
  return command;
}

int run_plans_list(const PlansOptions& options, const Context& context)
{
  // A catalog file's plans are filtered as they are read, and only the matches kept (with --limit, only
  // the best of them). --carrier names are checked against the catalog's carriers, so with --carrier the
  // plans are filtered once it is loaded; so are they when an option is wrong, which is reported (after
  // any problem of the catalog, as always) by the query made below.
  std::optional<catalog::PlanFinder> streamed;
  if (options.carriers.empty()) {
    try {
      streamed.emplace(make_query(options, catalog::Catalog{}, context));
    } catch (const Failure&) {
      streamed.reset();
    }
  }
  catalog::PlanSink sink;
  if (streamed) {
    sink = [&](const catalog::Catalog& catalog, catalog::Plan&& plan) { streamed->add(catalog, std::move(plan)); };
  }
  const LoadedCatalog& loaded = load_catalogs(context, sink);
  const catalog::PlanQuery query = make_query(options, loaded.catalog, context);
  catalog::PlanFinder finder = streamed ? std::move(*streamed) : catalog::PlanFinder{query};
  for (const catalog::Plan& plan : loaded.catalog.plans) {
    finder.add(loaded.catalog, plan);
  }
  const auto matches = std::move(finder).finish();
  if (matches.empty() && context.format == report::OutputFormat::table) {
    context.output.err += TR(context.language, "simplan: no plans match these filters") + "\n";
    return static_cast<int>(ExitCode::no_match);
  }
  context.output.out += report::render_plan_list(matches, {query.lines, query.autopay, query.taxes}, context.format, context.render);
  return static_cast<int>(matches.empty() ? ExitCode::no_match : ExitCode::success);
}

int run_plans_show(const PlansOptions& options, const Context& context)
{
  const LoadedCatalog& loaded = load_catalogs_keeping(context, {options.show_id});
  const catalog::Plan& plan = find_plan_or_fail(context.language, loaded.catalog, options.show_id, {}, loaded.plan_ids);
  context.output.out += report::render_plan_detail(loaded.catalog, plan, context.format, context.render);
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
