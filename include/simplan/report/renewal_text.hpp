#pragma once
// How to pay and renew, in words: shared by `plans show`, reminders, calendar entries and `simplan renew`.

#include "simplan/catalog/catalog.hpp"
#include "simplan/i18n/language.hpp"

#include <string>
#include <vector>

namespace simplan::report {

/// One way to pay: "online: https://..., $3.00 fee; note".
std::string channel_text(i18n::Language language, const catalog::Channel& channel);

/// Everything a person needs to renew, one line each: automatic or by hand, every way to pay, the steps,
/// what happens when late, the carrier's warnings, and a reminder to pay only through official channels.
/// `carrier` gives a website when there is no policy.
std::vector<std::string> renewal_guide_lines(i18n::Language language, const catalog::RenewalPolicy* policy,
                                             const catalog::Carrier* carrier);

/// The reminder never to pay outside official channels, in one sentence.
std::string official_channels_only(i18n::Language language);

/// The renewal section of `plans show`: "not renewable" for a pass, "unknown" without a policy.
std::string describe_renewal_policy(i18n::Language language, const catalog::Plan& plan,
                                    const catalog::RenewalPolicy* policy);

} // namespace simplan::report
