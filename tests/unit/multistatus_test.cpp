// What a CalDAV server answers, read as each server writes it: prefixes vary, namespaces do not.

#include "caldav/multistatus.hpp"

#include <catch2/catch.hpp>

using namespace simplan::caldav;

TEST_CASE("a multistatus is read by namespace, whatever the prefixes, keeping only properties found")
{
  // Radicale: DAV: as the default namespace; Nextcloud: d: and cal:; a 404 propstat for what is missing.
  const auto resources = parse_multistatus(R"(<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <response><href> /alice/renewals/a.ics </href>
  <propstat><prop><getetag>"e1"</getetag><C:calendar-data>BEGIN:VCALENDAR&#13;
END:VCALENDAR&#13;
</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat>
  <propstat><prop><displayname>not found</displayname></prop><status>HTTP/1.1 404 Not Found</status></propstat>
 </response>
 <x:response xmlns:x="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav"><x:href>/home/cal/</x:href>
  <x:propstat><x:prop><x:displayname>Phone renewals</x:displayname>
   <x:resourcetype><x:collection/><cal:calendar/></x:resourcetype>
   <x:current-user-principal><x:href>/principals/me/</x:href></x:current-user-principal>
   <cal:calendar-home-set><x:href>https://p01-caldav.example.com/123/calendars/</x:href></cal:calendar-home-set>
  </x:prop><x:status>HTTP/1.1 200 OK</x:status></x:propstat>
 </x:response>
 <response xmlns="urn:example:not-dav"><href>/ignored</href></response>
</multistatus>)");
  REQUIRE(resources);
  REQUIRE(resources->size() == 2);
  const DavResource& event = resources->at(0);
  CHECK(event.href == "/alice/renewals/a.ics");
  CHECK(event.etag == "\"e1\"");
  CHECK(event.calendar_data == "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  CHECK(event.display_name.empty());
  CHECK(!event.is_calendar);
  const DavResource& calendar = resources->at(1);
  CHECK(calendar.is_calendar);
  CHECK(calendar.display_name == "Phone renewals");
  CHECK(calendar.principal == "/principals/me/");
  CHECK(calendar.calendar_home == "https://p01-caldav.example.com/123/calendars/");
}

TEST_CASE("anything but a DAV multistatus is refused, and entities from a DTD are not expanded")
{
  CHECK(!parse_multistatus(""));
  CHECK(!parse_multistatus("<html><body>Service Unavailable</body></html>"));
  CHECK(!parse_multistatus("<multistatus xmlns=\"urn:other\"/>"));
  CHECK(!parse_multistatus("<multistatus xmlns=\"DAV:\">"));
  const auto with_entity = parse_multistatus(R"(<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<multistatus xmlns="DAV:"><response><href>&secret;</href></response></multistatus>)");
  REQUIRE(with_entity);
  REQUIRE(with_entity->size() == 1);
  CHECK(with_entity->front().href.empty());  // the external entity is neither fetched nor expanded
  CHECK(trimmed("\r\n \"etag\"\t ") == "\"etag\"");
  CHECK(trimmed(" \n").empty());
}
