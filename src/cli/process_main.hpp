#pragma once
// The process boundary: argv, the real environment, the clock, files and the standard streams.

namespace simplan::cli {

/// Runs simplan as a process and returns its exit status.
int process_main(int argc, const char* const* argv);

} // namespace simplan::cli
