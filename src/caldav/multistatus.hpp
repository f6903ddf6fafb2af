#pragma once
// Reading a WebDAV multistatus (RFC 4918 13), the answer to PROPFIND and REPORT, with libxml2: namespaces
// are matched by URI, not by prefix, the parser loads no DTD, substitutes no entity and fetches nothing.
// The server's answers are untrusted input: fuzz/fuzz_caldav.cpp feeds this any bytes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simplan::caldav {

/// One <D:response>: its href, and the properties found in its propstats whose status is 200.
struct DavResource {
  std::string href;
  std::string etag;           ///< getetag, quotes kept (for If-Match)
  std::string calendar_data;  ///< C:calendar-data
  bool is_calendar = false;   ///< resourcetype holds C:calendar
  std::string display_name;
  std::string principal;      ///< the href in current-user-principal
  std::string calendar_home;  ///< the href in C:calendar-home-set
};

/// The responses of a multistatus, in order; nothing when `body` is not a DAV multistatus.
std::optional<std::vector<DavResource>> parse_multistatus(std::string_view body);

/// `text` without the spaces, tabs and line breaks around it.
std::string trimmed(std::string_view text);

} // namespace simplan::caldav
