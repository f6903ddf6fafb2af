#include "cli/failure.hpp"

namespace simplan::cli {

Failure::Failure(ExitCode code, std::string message, std::string hint)
  : std::runtime_error(message), m_code(code), m_messages{std::move(message)}, m_hint(std::move(hint))
{
}

Failure::Failure(ExitCode code, std::vector<std::string> messages, std::string hint)
  : std::runtime_error(messages.empty() ? std::string{} : messages.front()),
    m_code(code),
    m_messages(std::move(messages)),
    m_hint(std::move(hint))
{
}

} // namespace simplan::cli
