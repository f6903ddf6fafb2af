#include "cli/completion_command.hpp"

#include "cli/cli_text.hpp"
#include "cli/failure.hpp"
#include "cli/needs_options.hpp"
#include "simplan/i18n/messages.hpp"
#include "simplan/report/text_format.hpp"

#include <fmt/format.h>

#include <map>
#include <vector>

namespace simplan::cli {
namespace {

// What may stand after an option, or as a command's argument. Plan ids, line labels and carriers are asked
// of simplan itself when the person presses TAB, so that they follow the catalog and lines file in use.
enum class Source { nothing, words, plans, lines, carriers, lines_and_carriers, files };

struct Values {
  Source source = Source::nothing;
  std::vector<std::string> words;
};

struct OptionSpec {
  std::vector<std::string> flags;  ///< "-q", "--quiet"
  bool takes_value = false;
  Values values;
  std::string description;
};

struct CommandSpec {
  std::string path;  ///< "" for simplan itself, "/lines/add" for `simplan lines add`
  std::string description;
  std::vector<std::string> subcommands;
  std::vector<OptionSpec> options;  ///< its own and the global ones
  Values arguments;
};

std::vector<std::string> profile_names()
{
  std::vector<std::string> names;
  for (const auto& profile : builtin_profiles().profiles) {
    names.push_back(profile.id);
    names.insert(names.end(), profile.aliases.begin(), profile.aliases.end());
  }
  return names;
}

Values option_values(const std::string& name)
{
  static const std::map<std::string, std::vector<std::string>, std::less<>> k_words = {
    {"--format", {"table", "json", "csv", "tsv"}},
    {"--export", {"text", "json", "csv", "tsv", "ics"}},
    {"--sync", {"caldav", "vdir"}},
    {"--kind", {"prepaid", "postpaid", "travel"}},
    {"--network", {"tmobile", "att", "verizon", "boost"}},
    {"--sort", {"price", "data", "name"}},
    {"--lang", {"en", "zh-Hans"}},
  };
  if (const auto found = k_words.find(name); found != k_words.end()) {
    return {Source::words, found->second};
  }
  if (name == "--profile") {
    return {Source::words, profile_names()};
  }
  if (name == "--plan" || name == "--why-not") {
    return {Source::plans, {}};
  }
  if (name == "--line") {
    return {Source::lines, {}};
  }
  if (name == "--carrier") {
    return {Source::carriers, {}};
  }
  if (name == "--catalog" || name == "--profile-file" || name == "--lines-file" || name == "--output") {
    return {Source::files, {}};
  }
  return {};
}

// By the argument's name, as the commands name them.
Values argument_values(const std::string& name)
{
  if (name == "ID") {
    return {Source::plans, {}};
  }
  if (name == "LABEL") {
    return {Source::lines, {}};
  }
  if (name == "TARGET") {
    return {Source::lines_and_carriers, {}};
  }
  if (name == "FILE") {
    return {Source::files, {}};
  }
  if (name == "SHELL") {
    return {Source::words, {"bash", "zsh", "fish"}};
  }
  return {};
}

std::vector<OptionSpec> options_of(const CLI::App& app)
{
  std::vector<OptionSpec> specs;
  for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
    OptionSpec spec;
    for (const auto& name : option->get_snames()) {
      spec.flags.push_back("-" + name);
    }
    for (const auto& name : option->get_lnames()) {
      spec.flags.push_back("--" + name);
    }
    spec.takes_value = option->get_items_expected_max() > 0;  // 0 for a flag
    spec.values = spec.takes_value ? option_values(spec.flags.back()) : Values{};
    spec.description = option->get_description();
    specs.push_back(std::move(spec));
  }
  return specs;
}

void collect(const CLI::App& app, const std::string& path, const std::vector<OptionSpec>& global,
             std::vector<CommandSpec>& out)
{
  CommandSpec spec;
  spec.path = path;
  spec.description = app.get_description();
  spec.options = options_of(app);
  if (!path.empty()) {
    spec.options.insert(spec.options.end(), global.begin(), global.end());
  }
  for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
    spec.arguments = argument_values(option->get_name());
    break;
  }
  const auto subcommands = app.get_subcommands([](const CLI::App*) { return true; });
  for (const CLI::App* command : subcommands) {
    spec.subcommands.push_back(command->get_name());
  }
  out.push_back(spec);
  for (const CLI::App* command : subcommands) {
    collect(*command, path + "/" + command->get_name(), global, out);
  }
}

std::vector<CommandSpec> command_specs(const CLI::App& root)
{
  std::vector<CommandSpec> specs;
  std::vector<OptionSpec> global = options_of(root);
  // --version belongs to simplan itself, and each command has its own --help.
  std::erase_if(global, [](const OptionSpec& option) {
    return option.flags.back() == "--version" || option.flags.back() == "--help";
  });
  collect(root, "", global, specs);
  return specs;
}

// Every option name with what may follow it (the same option means the same thing in every command).
std::map<std::string, Values> values_by_option(const std::vector<CommandSpec>& specs)
{
  std::map<std::string, Values> values;
  for (const auto& command : specs) {
    for (const auto& option : command.options) {
      if (option.takes_value) {
        for (const auto& flag : option.flags) {
          values[flag] = option.values;
        }
      }
    }
  }
  return values;
}

std::string join_words(const std::vector<std::string>& words, std::string_view separator)
{
  return report::join(words, separator);
}

std::vector<std::string> flags_of(const CommandSpec& command)
{
  std::vector<std::string> flags;
  for (const auto& option : command.options) {
    flags.insert(flags.end(), option.flags.begin(), option.flags.end());
  }
  return flags;
}

std::string command_paths_pattern(const std::vector<CommandSpec>& specs, char separator)
{
  std::vector<std::string> paths;
  for (const auto& command : specs) {
    if (!command.path.empty()) {
      paths.push_back(command.path);
    }
  }
  return join_words(paths, std::string(1, separator));
}

// The lists simplan gives about itself, one per line.
constexpr std::string_view k_list_function_body = R"(    case "$1" in
    plans) command simplan plans --format tsv 2>/dev/null | tail -n +2 | cut -f1 ;;
    lines) command simplan lines list --format tsv 2>/dev/null | tail -n +2 | cut -f1 ;;
    carriers) command simplan catalog info --format tsv 2>/dev/null | tail -n +2 | cut -f1 ;;
    esac
)";

// bash and zsh complete alike: find the command path in the words before the cursor, then offer what may
// follow the previous word (an option's values), else the command's options, subcommands or arguments.
// A dialect says how each shell spells a list of candidates and a source of values.
struct ShellDialect {
  std::string_view case_open;  ///< zsh writes "(pattern)", bash "pattern)"
  std::string (*word_list)(const std::vector<std::string>& words);
  std::string (*values)(const Values& values);
};

std::string bash_word_list(const std::vector<std::string>& words)
{
  return "words=$'" + join_words(words, "\\n") + "'";
}

std::string bash_values(const Values& values)
{
  switch (values.source) {
  case Source::words: return bash_word_list(values.words);
  case Source::plans: return "words=$(_simplan_list plans)";
  case Source::lines: return "words=$(_simplan_list lines)";
  case Source::carriers: return "words=$(_simplan_list carriers)";
  case Source::lines_and_carriers: return "words=$(_simplan_list lines; _simplan_list carriers)";
  case Source::files: return "COMPREPLY=($(compgen -f -- \"$cur\")); return 0";
  case Source::nothing: break;
  }
  return "return 0";
}

std::string zsh_word_list(const std::vector<std::string>& words)
{
  return "candidates=(" + join_words(words, " ") + ")";
}

std::string zsh_values(const Values& values)
{
  switch (values.source) {
  case Source::words: return zsh_word_list(values.words);
  case Source::plans: return "candidates=(${(f)\"$(_simplan_list plans)\"})";
  case Source::lines: return "candidates=(${(f)\"$(_simplan_list lines)\"})";
  case Source::carriers: return "candidates=(${(f)\"$(_simplan_list carriers)\"})";
  case Source::lines_and_carriers:
    return "candidates=(${(f)\"$(_simplan_list lines)\"} ${(f)\"$(_simplan_list carriers)\"})";
  case Source::files: return "_files; return";
  case Source::nothing: break;
  }
  return "return 1";
}

// From the walk over the words to the end of the choice of candidates, indented for the function body.
std::string shell_completion_body(const std::vector<CommandSpec>& specs, const ShellDialect& shell)
{
  const std::string open{shell.case_open};
  std::string out = "        case \"$command_path/$word\" in\n"
                    "        " + open + command_paths_pattern(specs, '|') + ") command_path=$command_path/$word ;;\n"
                    "        esac\n"
                    "    done\n"
                    "    case \"$prev\" in\n";
  std::map<std::string, std::vector<std::string>> flags_by_case;  // the case body -> the flags that use it
  for (const auto& [flag, values] : values_by_option(specs)) {
    flags_by_case[shell.values(values)].push_back(flag);
  }
  for (const auto& [body, flags] : flags_by_case) {
    out += fmt::format("    {}{}) {} ;;\n", open, join_words(flags, "|"), body);
  }
  out += "    " + open + "*)\n"
         "        if [[ $cur == -* ]]; then\n"
         "            case \"$command_path\" in\n";
  for (const auto& command : specs) {
    out += fmt::format("            {}'{}') {} ;;\n", open, command.path, shell.word_list(flags_of(command)));
  }
  out += "            esac\n"
         "        else\n"
         "            case \"$command_path\" in\n";
  for (const auto& command : specs) {
    if (!command.subcommands.empty()) {
      out += fmt::format("            {}'{}') {} ;;\n", open, command.path, shell.word_list(command.subcommands));
    } else if (command.arguments.source != Source::nothing) {
      out += fmt::format("            {}'{}') {} ;;\n", open, command.path, shell.values(command.arguments));
    }
  }
  out += "            esac\n"
         "        fi ;;\n"
         "    esac\n";
  return out;
}

std::string bash_script(const std::vector<CommandSpec>& specs)
{
  return "# bash completion for simplan(1). Generated by `simplan completion bash`; load it with\n"
         "#   source <(simplan completion bash)\n\n"
         "_simplan_list() {\n" +
         std::string{k_list_function_body} +
         "}\n\n"
         "_simplan() {\n"
         "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    local command_path='' word i words='' IFS=$'\\n'\n"
         "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "        word=${COMP_WORDS[i]}\n" +
         shell_completion_body(specs, {"", bash_word_list, bash_values}) +
         "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
         "    COMPREPLY=(\"${COMPREPLY[@]// /\\\\ }\")  # a label with spaces goes in as one word\n"
         "}\n\n"
         "complete -F _simplan simplan\n";
}

std::string zsh_script(const std::vector<CommandSpec>& specs)
{
  // `words` and CURRENT are zsh's; `path` is its PATH array, hence command_path.
  return "#compdef simplan\n"
         "# zsh completion for simplan(1). Generated by `simplan completion zsh`; install it as _simplan\n"
         "# in a directory of $fpath.\n\n"
         "_simplan_list() {\n" +
         std::string{k_list_function_body} +
         "}\n\n"
         "_simplan() {\n"
         "    local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
         "    local command_path='' word i\n"
         "    local -a candidates\n"
         "    for ((i = 2; i < CURRENT; i++)); do\n"
         "        word=${words[i]}\n" +
         shell_completion_body(specs, {"(", zsh_word_list, zsh_values}) +
         "    compadd -a candidates\n"
         "}\n\n"
         "_simplan \"$@\"\n";
}

std::string fish_quote(std::string_view text)
{
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

std::string fish_script(const std::vector<CommandSpec>& specs)
{
  std::string out = "# fish completion for simplan(1). Generated by `simplan completion fish`; install it as\n"
                    "# simplan.fish in a directory of $fish_complete_path.\n\n"
                    "function __simplan_path\n"
                    "    set -l command_path ''\n"
                    "    for word in (commandline -opc)[2..-1]\n"
                    "        switch \"$command_path/$word\"\n"
                    "            case " + command_paths_pattern(specs, ' ') + "\n"
                    "                set command_path \"$command_path/$word\"\n"
                    "        end\n"
                    "    end\n"
                    "    echo $command_path\n"
                    "end\n\n"
                    "function __simplan_list\n"
                    "    switch $argv[1]\n"
                    "        case plans\n"
                    "            command simplan plans --format tsv 2>/dev/null | tail -n +2 | cut -f1\n"
                    "        case lines\n"
                    "            command simplan lines list --format tsv 2>/dev/null | tail -n +2 | cut -f1\n"
                    "        case carriers\n"
                    "            command simplan catalog info --format tsv 2>/dev/null | tail -n +2 | cut -f1\n"
                    "    end\n"
                    "end\n\n"
                    "complete -c simplan -f\n";
  const auto fish_values = [](const Values& values) -> std::string {
    switch (values.source) {
    case Source::words: return " -a " + fish_quote(join_words(values.words, " "));
    case Source::plans: return " -a '(__simplan_list plans)'";
    case Source::lines: return " -a '(__simplan_list lines)'";
    case Source::carriers: return " -a '(__simplan_list carriers)'";
    case Source::lines_and_carriers: return " -a '(__simplan_list lines; __simplan_list carriers)'";
    case Source::files: return " -F";
    case Source::nothing: break;
    }
    return "";
  };
  for (const auto& command : specs) {
    const std::string condition = " -n " + fish_quote("test (__simplan_path) = '" + command.path + "'");
    for (const auto& child : specs) {
      if (child.path.size() > command.path.size() && child.path.starts_with(command.path + "/") &&
          child.path.find('/', command.path.size() + 1) == std::string::npos) {
        out += "complete -c simplan" + condition + " -a " + child.path.substr(command.path.size() + 1) + " -d " +
               fish_quote(child.description) + "\n";
      }
    }
    for (const auto& option : command.options) {
      out += "complete -c simplan" + condition;
      for (const auto& flag : option.flags) {
        out += (flag.starts_with("--") ? " -l " + flag.substr(2) : " -s " + flag.substr(1));
      }
      if (option.takes_value) {
        out += option.values.source == Source::files ? " -r" : " -x";
        out += fish_values(option.values);
      }
      out += " -d " + fish_quote(option.description) + "\n";
    }
    if (command.subcommands.empty() && command.arguments.source != Source::nothing) {
      out += "complete -c simplan" + condition + fish_values(command.arguments) + "\n";
    }
  }
  return out;
}

} // namespace

std::string completion_script(const CLI::App& root, const std::string& shell)
{
  const std::vector<CommandSpec> specs = command_specs(root);
  if (shell == "bash") {
    return bash_script(specs);
  }
  if (shell == "zsh") {
    return zsh_script(specs);
  }
  return fish_script(specs);
}

CLI::App* setup_completion_command(CLI::App& app, CompletionOptions& options, i18n::Language language)
{
  CLI::App* command = app.add_subcommand("completion", TR(language, "Print the shell completion script for bash, zsh or fish"));
  command->add_option("SHELL", options.shell, TR(language, "bash, zsh or fish"))
    ->required()
    ->check(one_of(language, {"bash", "zsh", "fish"}))
    ->type_name("SHELL");
  command->footer(TR(language, "Examples:") +
                  "\n"
                  "  source <(simplan completion bash)\n"
                  "  simplan completion zsh > ~/.zfunc/_simplan\n"
                  "  simplan completion fish > ~/.config/fish/completions/simplan.fish");
  return command;
}

int run_completion(const CompletionOptions& options, const CLI::App& root, const Context& context)
{
  context.output.out += completion_script(root, options.shell);
  return static_cast<int>(ExitCode::success);
}

} // namespace simplan::cli
