// simplan_compile_catalog CATALOG.json OUTPUT
//
// A build step, not part of simplan: loads and validates the catalog that will be compiled into simplan
// and writes it in the compiled form (simplan/catalog/compiled_catalog.hpp). Every problem in the catalog
// is printed as simplan would print it, and fails the build. So does a compiled form that does not read
// back equal to the catalog, which means a field is missing from compiled_catalog.cpp.

#include "simplan/catalog/compiled_catalog.hpp"
#include "simplan/catalog/loader.hpp"
#include "simplan/util/diagnostic.hpp"

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv)
try {
  if (argc != 3) {
    std::cerr << "usage: simplan_compile_catalog CATALOG.json OUTPUT\n";
    return 2;
  }
  const std::string input = argv[1];
  const std::string output = argv[2];
  std::ifstream in{input, std::ios::binary};
  if (!in) {
    std::cerr << input << ": cannot read\n";
    return 1;
  }
  const std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
  const auto loaded = simplan::catalog::load_catalog(text, input);
  if (!loaded.problems.empty()) {
    for (const auto& problem : loaded.problems) {
      std::cerr << simplan::util::format_diagnostic(problem) << '\n';
    }
    std::cerr << input << ": " << loaded.problems.size() << " problems; the built-in catalog must have none\n";
    return 1;
  }
  const std::string bytes = simplan::catalog::compile_catalog(loaded.catalog);
  if (simplan::catalog::read_compiled_catalog(bytes) != loaded.catalog) {
    std::cerr << input << ": the compiled catalog does not read back equal: a field of the model is missing "
                 "from src/catalog/compiled_catalog.cpp\n";
    return 1;
  }
  const std::string temporary = output + ".tmp";
  std::ofstream out{temporary, std::ios::binary | std::ios::trunc};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out || std::rename(temporary.c_str(), output.c_str()) != 0) {
    std::cerr << output << ": cannot write\n";
    return 1;
  }
  return 0;
} catch (const std::exception& error) {
  std::cerr << "simplan_compile_catalog: " << error.what() << '\n';
  return 1;
}
