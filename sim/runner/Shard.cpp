#include "runner/Shard.hpp"

#include <charconv>
#include <cstring>

extern char** environ;

namespace recordflow {
namespace {

std::optional<long> parse_integer(const std::string& text) {
  long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<Shard> make_shard(long index, long count, const std::string& origin, std::string* error) {
  if (count < 1 || index < 1 || index > count || count > 1000000) {
    if (error)
      *error = origin + ": shard " + std::to_string(index) + "/" + std::to_string(count) +
               " is out of range (expected I/N with 1 <= I <= N)";
    return std::nullopt;
  }
  return Shard{static_cast<int>(index), static_cast<int>(count)};
}

std::string lookup(const std::map<std::string, std::string>& env, const std::string& key) {
  const auto it = env.find(key);
  return it == env.end() ? std::string() : it->second;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text, std::string* error) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) {
    if (error) *error = "shard '" + text + "' is not of the form I/N (e.g. 2/8)";
    return std::nullopt;
  }
  const auto index = parse_integer(text.substr(0, slash));
  const auto count = parse_integer(text.substr(slash + 1));
  if (!index || !count) {
    if (error) *error = "shard '" + text + "' is not of the form I/N (e.g. 2/8)";
    return std::nullopt;
  }
  return make_shard(*index, *count, "shard '" + text + "'", error);
}

std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& env,
                                            std::string* error) {
  if (const auto text = lookup(env, "RECORDFLOW_SHARD"); !text.empty()) {
    const auto shard = parse_shard(text, error);
    if (!shard && error) *error = "RECORDFLOW_SHARD: " + *error;
    return shard;
  }
  if (const auto id = lookup(env, "SLURM_ARRAY_TASK_ID"); !id.empty()) {
    const auto task = parse_integer(id);
    const auto count = parse_integer(lookup(env, "SLURM_ARRAY_TASK_COUNT"));
    const auto min_text = lookup(env, "SLURM_ARRAY_TASK_MIN");
    const auto min = min_text.empty() ? std::optional<long>(0) : parse_integer(min_text);
    if (!task || !count || !min) {
      if (error) *error = "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT/SLURM_ARRAY_TASK_MIN are not integers";
      return std::nullopt;
    }
    return make_shard(*task - *min + 1, *count, "Slurm array task", error);
  }
  if (const auto index_text = lookup(env, "JOB_COMPLETION_INDEX"); !index_text.empty()) {
    const auto index = parse_integer(index_text);
    const auto count = parse_integer(lookup(env, "RECORDFLOW_SHARD_COUNT"));
    if (!index || !count) {
      if (error)
        *error = "JOB_COMPLETION_INDEX needs RECORDFLOW_SHARD_COUNT (the Job's completions), both integers";
      return std::nullopt;
    }
    return make_shard(*index + 1, *count, "Indexed Job", error);
  }
  return std::nullopt;
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** entry = environ; entry && *entry; ++entry) {
    const char* eq = std::strchr(*entry, '=');
    if (eq) env.emplace(std::string(*entry, static_cast<std::size_t>(eq - *entry)), std::string(eq + 1));
  }
  return env;
}

}  // namespace recordflow
