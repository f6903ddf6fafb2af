#pragma once
// `simplan completion bash|zsh|fish`: the shell's completion script, written from the command tree itself,
// so that every command and option simplan has is completed, and nothing it does not have.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace simplan::cli {

struct CompletionOptions {
  std::string shell;
};

CLI::App* setup_completion_command(CLI::App& app, CompletionOptions& options, i18n::Language language);
int run_completion(const CompletionOptions& options, const CLI::App& root, const Context& context);

/// The completion script for `shell` ("bash", "zsh" or "fish") of the command tree under `root`.
std::string completion_script(const CLI::App& root, const std::string& shell);

} // namespace simplan::cli
