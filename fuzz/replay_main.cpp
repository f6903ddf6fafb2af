// Replays fuzz inputs without libFuzzer: calls LLVMFuzzerTestOneInput on every file under the directories
// given, in name order, so a GCC build checks that the seeds and past crashes still pass. A harness that
// finds a problem aborts, which fails the test; the last "replaying" line names the input. A directory that
// does not exist holds nothing yet; finding no input at all fails.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path directory{argv[i]};
    std::error_code error;
    if (!std::filesystem::exists(directory, error)) {
      continue;  // no past crashes yet: git keeps no empty directory
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::cout << "replaying " << file.string() << '\n' << std::flush;
      std::ifstream in{file, std::ios::binary};
      const std::string bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
      // A copy of exactly the file's bytes, so ASan catches a read past the end as libFuzzer would.
      const std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
      LLVMFuzzerTestOneInput(input.data(), input.size());
      ++replayed;
    }
  }
  std::cout << "replayed " << replayed << " inputs\n";
  return replayed > 0 ? 0 : 1;
}
