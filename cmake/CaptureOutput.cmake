# cmake -DCOMMAND="prog;arg;..." [-DINPUT=FILE] -DOUTPUT=FILE -P CaptureOutput.cmake
#
# Runs COMMAND (standard input from INPUT when given) in the C locale with no simplan environment, and
# writes its standard output to OUTPUT, replacing it only when the command succeeds: a build step that
# fails leaves no half-written file behind to be installed.
set(ENV{LC_ALL} C)
set(ENV{LANG} C)
unset(ENV{LANGUAGE})
unset(ENV{SIMPLAN_CATALOG})
unset(ENV{SIMPLAN_LINES})

set(input_args)
if(DEFINED INPUT)
  set(input_args INPUT_FILE ${INPUT})
endif()
execute_process(COMMAND ${COMMAND} ${input_args}
                OUTPUT_FILE ${OUTPUT}.tmp
                ERROR_VARIABLE errors
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "'${COMMAND}' failed (${result}) writing ${OUTPUT}:\n${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
