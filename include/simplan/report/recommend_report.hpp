#pragma once
// `simplan recommend`: the ranked plans, their cost breakdowns and why each ranks where it does.

#include "simplan/profile/profile.hpp"
#include "simplan/recommend/recommender.hpp"
#include "simplan/report/output_format.hpp"

#include <cstddef>
#include <string>

namespace simplan::report {

/// How many of the plans a need rules out are listed when no plan fits (without --show-excluded).
inline constexpr std::size_t k_nearest_excluded_shown = 5;

struct RecommendView {
  std::string profile;          ///< the profile's name, or the file it came from
  bool explain = false;         ///< the breakdown and the reasoning for every plan shown
  bool show_excluded = false;   ///< also list the plans a hard need ruled out, and which need
};

/// The recommendations (at most needs.top), or when none fits, the nearest plans with what ruled each out.
std::string render_recommendations(const recommend::Recommendations& result, const profile::Needs& needs,
                                   const RecommendView& view, OutputFormat format, const RenderOptions& options);

/// `--why-not ID`: where one plan stands and why.
std::string render_why_not(const recommend::Recommendations& result, const catalog::Plan& plan,
                           const profile::Needs& needs, OutputFormat format, const RenderOptions& options);

} // namespace simplan::report
