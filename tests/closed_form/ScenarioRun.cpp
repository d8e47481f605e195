#include "ScenarioRun.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace recordflow::closed_form {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string describe(const nlohmann::json& row) {
  std::ostringstream text;
  text << row.value("design", "?") << " " << row.value("metric", "?") << " "
       << row.value("dims", nlohmann::json{}).dump() << ": mean " << row.value("mean", NAN)
       << ", 95 % interval [" << row.value("ci_low", NAN) << ", " << row.value("ci_high", NAN) << "], n "
       << row.value("n", 0);
  return text.str();
}

double number(const nlohmann::json& row, const char* key) {
  if (!row.contains(key) || !row[key].is_number()) {
    throw std::runtime_error("summary row without a number for '" + std::string(key) + "': " + row.dump());
  }
  return row[key].get<double>();
}

}  // namespace

static nlohmann::json run_once(const std::string& scenario_file_name) {
  const fs::path scenario =
      fs::path(RECORDFLOW_SOURCE_DIR) / "tests/closed_form/scenarios" / scenario_file_name;
  const fs::path out =
      fs::temp_directory_path() / ("recordflow-closed-form-" + fs::path(scenario_file_name).stem().string() +
                                   "-" + std::to_string(::getpid()));
  const fs::path log = out.string() + ".log";
  fs::remove_all(out);
  const std::string command = "'" + std::string(RECORDFLOW_BINARY) + "' run '" + scenario.string() +
                              "' --out '" + out.string() + "' --quiet --jobs 2 >'" + log.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  const std::string output = read_text(log);
  fs::remove(log);
  const fs::path results_file = out / "results.json";
  if (status != 0 || !fs::exists(results_file)) {
    fs::remove_all(out);
    throw std::runtime_error(command + "\nexit status " + std::to_string(status) + ", output:\n" + output);
  }
  std::ifstream in(results_file);
  nlohmann::json results = nlohmann::json::parse(in);
  fs::remove_all(out);
  return results;
}

const nlohmann::json& run_scenario(const std::string& scenario_file_name) {
  static std::map<std::string, nlohmann::json> runs;
  auto it = runs.find(scenario_file_name);
  if (it == runs.end()) it = runs.emplace(scenario_file_name, run_once(scenario_file_name)).first;
  return it->second;
}

const nlohmann::json& summary_row(const nlohmann::json& results, const std::string& design,
                                  const std::string& metric, const nlohmann::json& dims) {
  for (const auto& row : results.at("summary")) {
    if (row.value("design", "") == design && row.value("metric", "") == metric &&
        row.value("dims", nlohmann::json::object()) == dims) {
      return row;
    }
  }
  throw std::runtime_error("no summary row for design '" + design + "', metric '" + metric + "', dims " +
                           dims.dump());
}

::testing::AssertionResult covers(const nlohmann::json& row, double expected, double max_half_width) {
  const double low = number(row, "ci_low");
  const double high = number(row, "ci_high");
  const double half_width = (high - low) / 2;
  if (!(low <= expected && expected <= high)) {
    return ::testing::AssertionFailure()
           << describe(row) << " does not cover the closed-form value " << expected;
  }
  if (!(half_width < max_half_width)) {
    return ::testing::AssertionFailure() << describe(row) << " covers " << expected << " but its half-width "
                                         << half_width << " is not below " << max_half_width;
  }
  return ::testing::AssertionSuccess() << describe(row) << " covers " << expected;
}

::testing::AssertionResult exactly(const nlohmann::json& row, double value) {
  if (number(row, "mean") == value && number(row, "ci_low") == value && number(row, "ci_high") == value) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << describe(row) << " is not exactly " << value;
}

::testing::AssertionResult conserves_copies(const nlohmann::json& results, const std::string& design) {
  const double created = number(summary_row(results, design, "copies_created"), "mean");
  const double available = number(summary_row(results, design, "copies_available"), "mean");
  const double lost = number(summary_row(results, design, "copies_lost"), "mean");
  const double in_flight = number(summary_row(results, design, "copies_in_flight"), "mean");
  if (created > 0 && std::abs(created - (available + lost + in_flight)) <= 1e-9 * created) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << design << ": copies created " << created << " != available "
                                       << available << " + lost " << lost << " + in flight " << in_flight;
}

}  // namespace recordflow::closed_form
