#include "caldav/caldav_store.hpp"

#include "caldav/multistatus.hpp"
#include "cli/failure.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/util/text.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <libxml/parser.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

// One curl handle for the whole sync, so that every request after the first reuses the connection (and its
// TLS session). Requests send only fixed XML bodies; responses are parsed by libxml2 without network access
// and without loading DTDs or substituting entities.

namespace simplan::caldav {
namespace {

using cli::ExitCode;
using cli::Failure;
using cli::WriteResult;
using i18n::Language;

constexpr std::size_t k_max_response_bytes = std::size_t{256} * 1024 * 1024;

// What a URL is: a calendar, or where the user's calendars are (RFC 5397, RFC 4791 6.2.1).
constexpr const char* k_propfind_discovery = R"(<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:resourcetype/><D:displayname/><D:current-user-principal/><C:calendar-home-set/></D:prop>
</D:propfind>
)";

constexpr const char* k_propfind_etag = R"(<?xml version="1.0" encoding="utf-8"?>
<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>
)";

constexpr const char* k_calendar_query = R"(<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>
)";

struct Response {
  long status = 0;
  std::string body;
  std::string etag;
  std::string location;
  std::string url;  ///< where the answer came from, after any redirect
};

// What a URL was found to be, and the URL that said so (after redirects): the base of its hrefs.
struct Found {
  DavResource resource;
  std::string url;
};

// ---- HTTP ---------------------------------------------------------------------------------------------

size_t append_body(char* data, size_t size, size_t count, void* user)
{
  auto* body = static_cast<std::string*>(user);
  if (body->size() + size * count > k_max_response_bytes) {
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  body->append(data, size * count);
  return size * count;
}

size_t read_header(char* data, size_t size, size_t count, void* user)
{
  auto* response = static_cast<Response*>(user);
  const std::string_view line{data, size * count};
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string name = util::to_lower_ascii(line.substr(0, colon));
    std::string value = trimmed(line.substr(colon + 1));
    if (name == "etag") {
      response->etag = std::move(value);
    } else if (name == "location") {
      response->location = std::move(value);
    }
  }
  return size * count;
}

class CalendarStore final : public cli::EventStore {
public:
  CalendarStore(cli::CaldavAccount account, Language language)
    : m_account(std::move(account)), m_language(language), m_curl(curl_easy_init(), &curl_easy_cleanup)
  {
    if (!m_curl) {
      throw Failure{ExitCode::calendar, TR(m_language, "cannot start the HTTP client (libcurl)")};
    }
  }

  // The calendar to write to: the settings' URL when it is one, else the calendar named in the settings
  // among the user's calendars, found from the URL (a server's or the user's address) as RFC 4791 says.
  void find_collection()
  {
    const std::string start = m_account.url;
    Found here = discover(start);
    if (here.resource.is_calendar) {
      m_account.url = with_slash(here.url);
      return;
    }
    if (here.resource.calendar_home.empty() && here.resource.principal.empty() && path_of(start) == "/") {
      here = discover(start + ".well-known/caldav");  // a server's bare address (RFC 6764)
    }
    std::string home;
    if (!here.resource.calendar_home.empty()) {
      home = resolve(here.url, here.resource.calendar_home);
    } else if (!here.resource.principal.empty()) {
      const Found principal = discover(resolve(here.url, here.resource.principal));
      home = principal.resource.calendar_home.empty() ? std::string{}
                                                      : resolve(principal.url, principal.resource.calendar_home);
    }
    if (home.empty()) {
      throw Failure{ExitCode::calendar, TR(m_language, "{} is not a CalDAV calendar, nor a server that says where your calendars are", start),
                    TR(m_language, "give the URL of the calendar itself in your CalDAV settings; docs/reminders.md shows how to find it")};
    }
    const Response response = request("PROPFIND", home, k_propfind_discovery, "1");
    expect_multistatus(response, "PROPFIND", home);
    std::vector<std::string> names;
    for (const DavResource& resource : parse_multistatus(response.body).value_or(std::vector<DavResource>{})) {
      if (!resource.is_calendar) {
        continue;
      }
      const std::string url = resolve(home, resource.href);
      if (!m_account.calendar.empty() && resource.display_name == m_account.calendar) {
        m_account.url = with_slash(url);
        return;
      }
      names.push_back(fmt::format("\"{}\" ({})", util::escape_control(resource.display_name), url));
    }
    const std::string list = names.empty() ? TR(m_language, "none") : fmt::format("{}", fmt::join(names, ", "));
    throw Failure{ExitCode::invalid_data,
                  m_account.calendar.empty()
                    ? TR(m_language, "{}: /calendar: {} is not a calendar; name the calendar to use in \"calendar\", one of: {}",
                         m_account.settings, start, list)
                    : TR(m_language, "{}: /calendar: the user has no calendar named \"{}\"; the calendars are: {}",
                         m_account.settings, util::escape_control(m_account.calendar), list),
                  TR(m_language, "a calendar of its own for simplan is best: make one in your calendar app, then name it here")};
  }

  std::string target() const override { return m_account.url; }

  std::vector<sync::StoredEvent> list() override
  {
    const Response response = request("REPORT", m_account.url, k_calendar_query, "1");
    expect_multistatus(response, "REPORT", m_account.url);
    const auto resources = parse_multistatus(response.body);
    if (!resources) {
      throw unexpected("REPORT", m_account.url, response);
    }
    std::vector<sync::StoredEvent> events;
    for (const DavResource& resource : *resources) {
      if (resource.calendar_data.empty()) {
        continue;  // the collection itself, or an object the server would not show
      }
      const sync::Identity identity = sync::identify(resource.calendar_data);
      events.push_back({resolve(m_account.url, resource.href), resource.etag, identity.uid, identity.hash});
    }
    return events;
  }

  std::string name_for(const sync::WantedEvent& event) const override { return m_account.url + event.uid + ".ics"; }

  std::optional<sync::StoredEvent> fetch(const std::string& name) override
  {
    const Response response = request("GET", name, nullptr, nullptr);
    if (response.status == 404 || response.status == 410) {
      return std::nullopt;
    }
    if (response.status != 200) {
      throw unexpected("GET", name, response);
    }
    std::string etag = response.etag;
    if (etag.empty()) {
      // Not every server sends an ETag with GET; every CalDAV server gives it as a property.
      const Response properties = request("PROPFIND", name, k_propfind_etag, "0");
      const auto resources = properties.status == 207 ? parse_multistatus(properties.body) : std::nullopt;
      if (resources && !resources->empty()) {
        etag = resources->front().etag;
      }
    }
    const sync::Identity identity = sync::identify(response.body);
    return sync::StoredEvent{name, etag, identity.uid, identity.hash};
  }

  WriteResult create(const sync::WantedEvent& event) override
  {
    const std::string url = name_for(event);
    return written("PUT", url, request("PUT", url, event.text.c_str(), nullptr, "If-None-Match: *", true));
  }

  WriteResult replace(const sync::StoredEvent& stored, const sync::WantedEvent& event) override
  {
    return written("PUT", stored.name, request("PUT", stored.name, event.text.c_str(), nullptr, if_match(stored), true));
  }

  WriteResult remove(const sync::StoredEvent& stored) override
  {
    const Response response = request("DELETE", stored.name, nullptr, nullptr, if_match(stored));
    if (response.status == 404 || response.status == 410) {
      return WriteResult::done;
    }
    return written("DELETE", stored.name, response);
  }

private:
  static std::string if_match(const sync::StoredEvent& stored)
  {
    return stored.etag.empty() ? std::string{} : "If-Match: " + stored.etag;
  }

  // One HTTP request; `body` (a NUL-terminated text) is sent when given. Throws when the server cannot be
  // reached or refuses the login.
  Response request(const char* method, const std::string& url, const char* body, const char* depth,
                   const std::string& condition = {}, bool calendar_body = false, bool follow = false)
  {
    CURL* curl = m_curl.get();
    curl_easy_reset(curl);  // keeps the open connection
    Response response;
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "simplan/" SIMPLAN_VERSION);
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(curl, CURLOPT_USERNAME, m_account.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, m_account.password.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);  // give up on a server silent for a minute
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 60L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (follow) {
      // The same method again; the password only to the same host (curl's default); never down to plain http.
      curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
      curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, url.starts_with("https:") ? "https" : "http,https");
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    curl_slist* headers = nullptr;
    if (body != nullptr) {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(std::strlen(body)));
      headers = curl_slist_append(headers, calendar_body ? "Content-Type: text/calendar; charset=utf-8"
                                                         : "Content-Type: application/xml; charset=utf-8");
    }
    if (depth != nullptr) {
      headers = curl_slist_append(headers, fmt::format("Depth: {}", depth).c_str());
    }
    if (!condition.empty()) {
      headers = curl_slist_append(headers, condition.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      const std::string reason = error[0] != '\0' ? std::string{error} : std::string{curl_easy_strerror(code)};
      throw Failure{ExitCode::calendar, TR(m_language, "cannot connect to {}: {}", url, util::escape_control(reason)),
                    TR(m_language, "nothing was changed; check the URL in your CalDAV settings and your connection, then sync again")};
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* effective = nullptr;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
    // After a redirect, curl's effective URL carries the user name and password: never let them out.
    response.url = effective != nullptr ? without_credentials(effective) : std::string{};
    if (response.url.empty()) {
      response.url = url;
    }
    if (response.status == 401) {
      throw Failure{ExitCode::calendar,
                    TR(m_language, "the server at {} refused the login of user \"{}\" (HTTP 401)", url,
                       util::escape_control(m_account.username)),
                    TR(m_language, "check the user name in your CalDAV settings and the password (an app password for iCloud and Fastmail)")};
    }
    if (response.status == 403) {
      throw Failure{ExitCode::calendar, TR(m_language, "the server at {} refused user \"{}\" (HTTP 403)", url,
                                           util::escape_control(m_account.username))};
    }
    return response;
  }

  void expect_multistatus(const Response& response, std::string_view method, const std::string& url) const
  {
    if (response.status != 207) {
      throw unexpected(method, url, response);
    }
  }

  Failure unexpected(std::string_view method, const std::string& url, const Response& response) const
  {
    if (response.status >= 300 && response.status < 400 && !response.location.empty()) {
      return Failure{ExitCode::calendar, TR(m_language, "the server moved {} to {} (HTTP {})", url,
                                            util::escape_control(response.location), response.status),
                     TR(m_language, "put the new URL in your CalDAV settings")};
    }
    return Failure{ExitCode::calendar, TR(m_language, "the server at {} answered {} with HTTP {}", url, method, response.status)};
  }

  WriteResult written(std::string_view method, const std::string& url, const Response& response) const
  {
    if (response.status >= 200 && response.status < 300) {
      return WriteResult::done;
    }
    if (response.status == 412 || response.status == 404) {
      return WriteResult::conflict;
    }
    throw unexpected(method, url, response);
  }

  // What `url` is (PROPFIND, depth 0), following redirects: servers send a bare address or
  // /.well-known/caldav on to where the user's calendars are.
  Found discover(const std::string& url)
  {
    const Response response = request("PROPFIND", url, k_propfind_discovery, "0", {}, false, true);
    if (response.status == 404) {
      throw Failure{ExitCode::calendar, TR(m_language, "there is no calendar at {} (HTTP 404)", url),
                    TR(m_language, "give the URL of the calendar itself in your CalDAV settings; docs/reminders.md shows how to find it")};
    }
    expect_multistatus(response, "PROPFIND", url);
    auto resources = parse_multistatus(response.body);
    if (!resources || resources->empty()) {
      throw unexpected("PROPFIND", url, response);
    }
    return {std::move(resources->front()), response.url};
  }

  static std::string with_slash(const std::string& url) { return url.ends_with('/') ? url : url + "/"; }

  static std::string without_credentials(const char* whole)
  {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url{curl_url(), &curl_url_cleanup};
    char* bare = nullptr;
    if (!url || curl_url_set(url.get(), CURLUPART_URL, whole, 0) != CURLUE_OK ||
        curl_url_set(url.get(), CURLUPART_USER, nullptr, 0) != CURLUE_OK ||
        curl_url_set(url.get(), CURLUPART_PASSWORD, nullptr, 0) != CURLUE_OK ||
        curl_url_get(url.get(), CURLUPART_URL, &bare, 0) != CURLUE_OK) {
      return {};
    }
    std::string text{bare};
    curl_free(bare);
    return text;
  }

  // "/dav/" of "https://host/dav/"; "" when the URL cannot be read.
  static std::string path_of(const std::string& whole)
  {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url{curl_url(), &curl_url_cleanup};
    char* path = nullptr;
    if (!url || curl_url_set(url.get(), CURLUPART_URL, whole.c_str(), 0) != CURLUE_OK ||
        curl_url_get(url.get(), CURLUPART_PATH, &path, 0) != CURLUE_OK) {
      return {};
    }
    std::string text{path};
    curl_free(path);
    return text;
  }

  // An href of a multistatus (usually a path) as a whole URL relative to the URL it came from.
  static std::string resolve(const std::string& base, const std::string& href)
  {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url{curl_url(), &curl_url_cleanup};
    char* resolved = nullptr;
    if (!url || curl_url_set(url.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK ||
        curl_url_set(url.get(), CURLUPART_URL, href.c_str(), 0) != CURLUE_OK ||
        curl_url_get(url.get(), CURLUPART_URL, &resolved, 0) != CURLUE_OK) {
      return href;
    }
    std::string whole{resolved};
    curl_free(resolved);
    return whole;
  }

  cli::CaldavAccount m_account;
  Language m_language;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> m_curl;
};

} // namespace

std::unique_ptr<cli::EventStore> open_calendar(const cli::CaldavAccount& account, Language language)
{
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    xmlInitParser();
  });
  auto store = std::make_unique<CalendarStore>(account, language);
  store->find_collection();
  return store;
}

} // namespace simplan::caldav
