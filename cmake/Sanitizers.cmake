# SIMPLAN_SANITIZE: every target, the tests included, built with AddressSanitizer and
# UndefinedBehaviorSanitizer; any finding stops the program (no recovery), so a test that trips one fails.
# SIMPLAN_FUZZ: the same, with Clang's libFuzzer instrumentation on the libraries; the harnesses in fuzz/
# link the fuzzer's main.
if(SIMPLAN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SIMPLAN_FUZZ needs Clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  set(SIMPLAN_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(SIMPLAN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
