#include "simplan/sync/caldav_config.hpp"

#include "simplan/i18n/messages.hpp"
#include "simplan/util/json_reader.hpp"
#include "simplan/util/text.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace simplan::sync {
namespace {

using util::Json;
using util::JsonObject;
using util::Need;

constexpr auto k_fields = std::to_array<std::string_view>({"url", "calendar", "username", "password_command"});

// "https://" or "http://" and the rest, or nothing for another scheme.
std::optional<std::pair<std::string, std::string_view>> split_scheme(std::string_view url)
{
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair{util::to_lower_ascii(url.substr(0, colon)), url.substr(colon + 3)};
}

void read_url(const JsonObject& fields, CaldavConfig& config)
{
  const i18n::Language language = fields.language();
  const auto url = fields.string("url", Need::required);
  if (!url) {
    return;
  }
  const auto parts = split_scheme(*url);
  const std::string host = url_host(*url);
  if (!parts || (parts->first != "https" && parts->first != "http") || host.empty()) {
    fields.problem("url", TR(language, "expected the https:// URL of a calendar, got \"{}\"", *url));
    return;
  }
  const std::string_view authority = parts->second.substr(0, parts->second.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    fields.problem("url", TR(language, "put the user name in \"username\", not in the URL"));
    return;
  }
  if (parts->first == "http" && !is_loopback_host(host)) {
    fields.problem("url", TR(language, "plain http is allowed only to this machine (localhost); use https://"));
    return;
  }
  if (!util::is_printable_utf8(*url) || url->find(' ') != std::string::npos) {
    fields.problem("url", TR(language, "expected a URL without spaces or control characters"));
    return;
  }
  config.url = *url;
  if (config.url.back() != '/') {
    config.url += '/';  // a collection's URL ends in "/"; the events' names are appended to it
  }
}

void read_password_command(const JsonObject& fields, CaldavConfig& config)
{
  const i18n::Language language = fields.language();
  const Json* command = fields.find("password_command");
  if (command == nullptr) {
    return;
  }
  if (command->is_string() && !command->get<std::string>().empty()) {
    config.password_command = {"/bin/sh", "-c", command->get<std::string>()};
    return;
  }
  if (command->is_array() && !command->empty() &&
      std::all_of(command->begin(), command->end(), [](const Json& word) { return word.is_string(); }) &&
      !command->front().get<std::string>().empty()) {
    for (const Json& word : *command) {
      config.password_command.push_back(word.get<std::string>());
    }
    return;
  }
  fields.problem("password_command",
                 TR(language, "expected a command that prints the password: a string run by /bin/sh, or an array "
                              "of its words, got {}",
                    util::describe_json(*command, language)));
}

} // namespace

CaldavConfigLoad load_caldav_config(std::string_view json_text, std::string_view source, i18n::Language language)
{
  CaldavConfigLoad result;
  const auto document = util::parse_json_document(json_text, source, result.problems, language);
  if (!document) {
    return result;
  }
  if (!document->is_object()) {
    result.problems.push_back({std::string{source}, std::nullopt, "",
                               TR(language, "expected an object, got {}", util::describe_json(*document, language))});
    return result;
  }
  const JsonObject fields{*document, "", source, result.problems, k_fields, language};
  read_url(fields, result.config);
  result.config.calendar = fields.string("calendar", Need::optional).value_or("");
  result.config.username = fields.string("username", Need::required).value_or("");
  read_password_command(fields, result.config);
  return result;
}

std::string url_host(std::string_view url)
{
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) {
    return {};
  }
  std::string_view authority = url.substr(colon + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    return close == std::string_view::npos ? std::string{} : util::to_lower_ascii(authority.substr(1, close - 1));
  }
  return util::to_lower_ascii(authority.substr(0, authority.find(':')));
}

bool is_loopback_host(std::string_view host)
{
  return host == "localhost" || host == "127.0.0.1" || host == "::1";
}

} // namespace simplan::sync
