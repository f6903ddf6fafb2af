#include "simplan/report/renewal_text.hpp"

#include "simplan/i18n/messages.hpp"
#include "simplan/report/text_format.hpp"

#include <fmt/format.h>

namespace simplan::report {
namespace {

using catalog::ChannelKind;
using util::format_dollars;

std::string channel_kind_text(Language language, ChannelKind kind)
{
  switch (kind) {
  case ChannelKind::online: return TR(language, "online");
  case ChannelKind::app: return TR(language, "app");
  case ChannelKind::phone: return TR(language, "phone");
  case ChannelKind::sms: return TR(language, "text message");
  case ChannelKind::store: return TR(language, "store");
  case ChannelKind::retail: return TR(language, "retailers");
  case ChannelKind::refill_card: return TR(language, "refill card");
  case ChannelKind::mail: return TR(language, "mail");
  }
  return {};
}

} // namespace

std::string channel_text(Language language, const catalog::Channel& channel)
{
  std::vector<std::string> parts;
  if (channel.name) {
    parts.push_back(localized(language, *channel.name));
  }
  for (const std::string* part : {&channel.url, &channel.number}) {
    if (!part->empty()) {
      parts.push_back(*part);
    }
  }
  std::string text = channel_kind_text(language, channel.kind);
  if (!parts.empty()) {
    text = TR(language, "{}: {}", text, join(parts, ", "));
  }
  if (channel.fee_cents && *channel.fee_cents > 0) {
    text += TR(language, " ({} fee)", format_dollars(*channel.fee_cents));
  }
  if (channel.note) {
    text += TR(language, "; {}", localized(language, *channel.note));
  }
  return text;
}

std::string official_channels_only(Language language)
{
  return TR(language, "Pay only in the carrier's official app or website, at its own stores, or with refill cards from known retailers. Carriers never take payment in gift cards, and never ask for your refill PIN or account PIN by phone or text.");
}

std::vector<std::string> renewal_guide_lines(Language language, const catalog::RenewalPolicy* policy,
                                             const catalog::Carrier* carrier)
{
  std::vector<std::string> lines;
  if (policy == nullptr) {
    lines.push_back(TR(language, "The catalog has no renewal steps for this carrier."));
    if (carrier != nullptr && !carrier->website.empty()) {
      lines.push_back(TR(language, "Website: {}", carrier->website));
    }
    lines.push_back(official_channels_only(language));
    return lines;
  }
  if (policy->auto_renew) {
    switch (*policy->auto_renew) {
    case catalog::AutoRenew::always: lines.push_back(TR(language, "The carrier charges the card on file every term.")); break;
    case catalog::AutoRenew::optional: lines.push_back(TR(language, "Pay by hand each term, or turn on AutoPay / auto-renew.")); break;
    case catalog::AutoRenew::none: lines.push_back(TR(language, "Pay by hand each term: there is no automatic renewal.")); break;
    }
  }
  if (!policy->channels.empty()) {
    lines.push_back(TR(language, "Ways to pay:"));
    for (const catalog::Channel& channel : policy->channels) {
      lines.push_back("- " + channel_text(language, channel));
    }
  }
  if (policy->steps) {
    lines.push_back(TR(language, "Steps: {}", localized(language, *policy->steps)));
  }
  if (policy->unpaid) {
    const catalog::Unpaid& unpaid = *policy->unpaid;
    std::vector<std::string> facts;
    if (unpaid.grace_days) {
      facts.push_back(*unpaid.grace_days == 0 ? TR(language, "service is suspended on the due date")
                                              : TR(language, "service continues {} days past the due date", *unpaid.grace_days));
    }
    if (unpaid.number_lost_after_days) {
      facts.push_back(TR(language, "the number can be lost {} days after the due date", *unpaid.number_lost_after_days));
    }
    if (unpaid.reactivation_fee_cents) {
      facts.push_back(TR(language, "{} to reactivate", format_dollars(*unpaid.reactivation_fee_cents)));
    }
    if (!facts.empty()) {
      std::string late = join(facts, TR(language, "; "));
      if (unpaid.confidence) {
        late += TR(language, " (confidence: {})", confidence_text(language, unpaid.confidence));
      }
      lines.push_back(TR(language, "If late: {}.", late));
    }
    if (unpaid.note) {
      lines.push_back(localized(language, *unpaid.note));
    }
  }
  for (const catalog::LocalizedText& warning : policy->warnings) {
    lines.push_back(TR(language, "Warning: {}", localized(language, warning)));
  }
  lines.push_back(official_channels_only(language));
  return lines;
}

std::string describe_renewal_policy(Language language, const catalog::Plan& plan, const catalog::RenewalPolicy* policy)
{
  if (plan.kind == catalog::PlanKind::travel) {
    return TR(language, "not renewable: buy a new pass when this one ends");
  }
  if (policy == nullptr) {
    return unknown_text(language);
  }
  return join(renewal_guide_lines(language, policy, nullptr), "\n");
}

} // namespace simplan::report
