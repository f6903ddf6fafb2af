#include "caldav/multistatus.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <limits>
#include <memory>

namespace simplan::caldav {
namespace {

constexpr std::string_view k_dav = "DAV:";
constexpr std::string_view k_caldav = "urn:ietf:params:xml:ns:caldav";

bool is_element(const xmlNode* node, std::string_view space, std::string_view name)
{
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr && node->ns->href != nullptr &&
         space == reinterpret_cast<const char*>(node->ns->href) && name == reinterpret_cast<const char*>(node->name);
}

const xmlNode* child(const xmlNode* node, std::string_view space, std::string_view name)
{
  for (const xmlNode* each = node->children; each != nullptr; each = each->next) {
    if (is_element(each, space, name)) {
      return each;
    }
  }
  return nullptr;
}

std::string text_of(const xmlNode* node)
{
  if (node == nullptr) {
    return {};
  }
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content == nullptr ? std::string{} : reinterpret_cast<const char*>(content);
  xmlFree(content);
  return text;
}


using XmlDocument = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

} // namespace

std::optional<std::vector<DavResource>> parse_multistatus(std::string_view body)
{
  if (body.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return std::nullopt;
  }
  XmlDocument document{xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                       &xmlFreeDoc};
  const xmlNode* root = document ? xmlDocGetRootElement(document.get()) : nullptr;
  if (!is_element(root, k_dav, "multistatus")) {
    return std::nullopt;
  }
  std::vector<DavResource> resources;
  for (const xmlNode* response = root->children; response != nullptr; response = response->next) {
    if (!is_element(response, k_dav, "response")) {
      continue;
    }
    DavResource resource;
    resource.href = trimmed(text_of(child(response, k_dav, "href")));
    for (const xmlNode* propstat = response->children; propstat != nullptr; propstat = propstat->next) {
      if (!is_element(propstat, k_dav, "propstat")) {
        continue;
      }
      const std::string status = text_of(child(propstat, k_dav, "status"));
      const xmlNode* prop = child(propstat, k_dav, "prop");
      if (prop == nullptr || status.find(" 200") == std::string::npos) {
        continue;
      }
      if (const xmlNode* etag = child(prop, k_dav, "getetag")) {
        resource.etag = trimmed(text_of(etag));
      }
      if (const xmlNode* data = child(prop, k_caldav, "calendar-data")) {
        resource.calendar_data = text_of(data);
      }
      if (const xmlNode* type = child(prop, k_dav, "resourcetype")) {
        resource.is_calendar = child(type, k_caldav, "calendar") != nullptr;
      }
      if (const xmlNode* name = child(prop, k_dav, "displayname")) {
        resource.display_name = trimmed(text_of(name));
      }
      if (const xmlNode* principal = child(prop, k_dav, "current-user-principal")) {
        resource.principal = trimmed(text_of(child(principal, k_dav, "href")));
      }
      if (const xmlNode* home = child(prop, k_caldav, "calendar-home-set")) {
        resource.calendar_home = trimmed(text_of(child(home, k_dav, "href")));
      }
    }
    resources.push_back(std::move(resource));
  }
  return resources;
}

std::string trimmed(std::string_view text)
{
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return std::string{text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1)};
}

} // namespace simplan::caldav
