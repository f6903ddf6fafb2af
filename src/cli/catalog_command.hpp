#pragma once
// `simplan catalog validate [FILE|-]` and `simplan catalog info`.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace simplan::cli {

struct CatalogOptions {
  std::string validate_file;  ///< empty: the catalogs in effect
};

struct CatalogCommand {
  CLI::App* validate = nullptr;
  CLI::App* info = nullptr;
};

CatalogCommand setup_catalog_command(CLI::App& app, CatalogOptions& options, i18n::Language language);
int run_catalog_validate(const CatalogOptions& options, const Context& context);
int run_catalog_info(const CatalogOptions& options, const Context& context);

} // namespace simplan::cli
