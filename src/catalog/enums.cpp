#include "simplan/catalog/enums.hpp"

namespace simplan::catalog {

std::string_view network_display_name(Network network)
{
  switch (network) {
  case Network::tmobile: return "T-Mobile";
  case Network::att: return "AT&T";
  case Network::verizon: return "Verizon";
  case Network::boost: return "Boost";
  }
  return "";
}

} // namespace simplan::catalog
