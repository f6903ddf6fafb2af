# simplan_warnings: an INTERFACE target carrying the project's warning flags.
# SIMPLAN_WERROR turns them into errors (make test does; a user's Release build does not, so a newer
# compiler's new warning never stops someone from installing simplan).
add_library(simplan_warnings INTERFACE)
target_compile_options(simplan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast
  -Woverloaded-virtual -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Wcast-qual -Wundef)
if(SIMPLAN_WERROR)
  target_compile_options(simplan_warnings INTERFACE -Werror)
endif()
# GCC 12 reports std::string::insert and replace as overlapping memcpy at -O2 (GCC bug 105651, a false
# positive inside libstdc++); with -Werror that would stop optimized builds of correct code.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(simplan_warnings INTERFACE -Wno-restrict)
endif()
