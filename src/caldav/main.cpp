#include "caldav/caldav_store.hpp"
#include "cli/process_main.hpp"

int main(int argc, char** argv)
{
  return simplan::cli::process_main(argc, argv, simplan::caldav::open_calendar);
}
