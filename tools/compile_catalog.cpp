// simplan_compile_catalog CATALOG.json OUTPUT
//
// A build step, not part of simplan: loads and validates the catalog that will be compiled into simplan
// and writes it in the compiled form (simplan/catalog/compiled_catalog.hpp). Every problem in the catalog
// is printed as simplan would print it, and fails the build. So does a compiled form that does not read
// back equal to the catalog, which means a field is missing from compiled_catalog.cpp.

#include "build_step.hpp"
#include "simplan/catalog/compiled_catalog.hpp"
#include "simplan/catalog/loader.hpp"

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv)
try {
  if (argc != 3) {
    std::cerr << "usage: simplan_compile_catalog CATALOG.json OUTPUT\n";
    return 2;
  }
  const std::string input = argv[1];
  const std::string output = argv[2];
  const auto text = simplan::tools::read_input(input);
  if (!text) {
    return 1;
  }
  const auto loaded = simplan::catalog::load_catalog(*text, input);
  if (!simplan::tools::has_no_problems(loaded.problems, input, "the built-in catalog")) {
    return 1;
  }
  const std::string bytes = simplan::catalog::compile_catalog(loaded.catalog);
  if (simplan::catalog::read_compiled_catalog(bytes) != loaded.catalog) {
    std::cerr << input << ": the compiled catalog does not read back equal: a field of the model is missing "
                 "from src/catalog/compiled_catalog.cpp\n";
    return 1;
  }
  return simplan::tools::write_output(output, bytes) ? 0 : 1;
} catch (const std::exception& error) {
  std::cerr << "simplan_compile_catalog: " << error.what() << '\n';
  return 1;
}
