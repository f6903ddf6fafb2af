# Turns data/plans.json into a C++ source file, so the installed binary needs no data files.
# Run as a script at build time: cmake -DINPUT=... -DOUTPUT=... -P EmbedCatalog.cmake
# It also extracts the catalog's "as_of" date for `simplan --version`.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")

file(READ "${INPUT}" text)
string(REGEX MATCH "\"as_of\"[ \t\r\n]*:[ \t\r\n]*\"([0-9]+-[0-9]+-[0-9]+)\"" as_of_match "${text}")
if(NOT as_of_match)
  message(FATAL_ERROR "${INPUT}: no \"as_of\" date found")
endif()
set(as_of "${CMAKE_MATCH_1}")

file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/EmbedCatalog.cmake. Do not edit.
#include \"simplan/data/builtin_catalog.hpp\"

namespace simplan::data {
namespace {
const unsigned char k_bytes[] = {
${bytes}
};
} // namespace

std::string_view builtin_catalog_json()
{
  return {reinterpret_cast<const char*>(k_bytes), ${byte_count}};
}

std::string_view builtin_catalog_as_of()
{
  return \"${as_of}\";
}
} // namespace simplan::data
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
