# simplan_warnings: an INTERFACE target carrying the project's warning flags.
# SIMPLAN_WERROR turns them into errors (make test does; a user's Release build does not, so a newer
# compiler's new warning never stops someone from installing simplan).
add_library(simplan_warnings INTERFACE)
target_compile_options(simplan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast
  -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Wcast-qual -Wundef)
if(SIMPLAN_WERROR)
  target_compile_options(simplan_warnings INTERFACE -Werror)
endif()
