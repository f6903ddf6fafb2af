#pragma once
// The CalDAV account `simplan remind --sync caldav` writes to: a small JSON file the person writes once
// (docs/reminders.md). It names the calendar and the user and how to get the password; it never holds the
// password itself. Pure: text in, the settings and every problem (with its JSON pointer) out.

#include "simplan/i18n/language.hpp"
#include "simplan/util/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace simplan::sync {

struct CaldavConfig {
  std::string url;       ///< the calendar collection, ending in "/"; https, or http to this machine only
  /// The display name of the calendar to use when `url` is a server's or a user's address rather than a
  /// calendar's (https://caldav.icloud.com/); empty when not given.
  std::string calendar;
  std::string username;
  /// The command that prints the password: argv as given (an array), or {"/bin/sh", "-c", text} for a string.
  /// Empty when the file gives none.
  std::vector<std::string> password_command;
};

struct CaldavConfigLoad {
  CaldavConfig config;
  util::Diagnostics problems;
};

CaldavConfigLoad load_caldav_config(std::string_view json_text, std::string_view source,
                                    i18n::Language language = i18n::Language::en);

/// The host of an http(s) URL, lowercased, without brackets ("[::1]" -> "::1"); empty when it has none.
std::string url_host(std::string_view url);

/// Plain http is allowed only to this machine: localhost, 127.0.0.1 and ::1.
bool is_loopback_host(std::string_view host);

} // namespace simplan::sync
