// libFuzzer target: the scenario loader and `--set` overrides. An input is a scenario file's text,
// optionally followed by a NUL byte and `--set` arguments, one per line ("/pointer=value"). The text is
// written to <scratch>/scenarios/input.json, beside links to the repository's models/ and the invalid
// corpus's parts/, so that the seed corpus's includes resolve. Any crash, sanitizer report, uncaught
// exception or timeout is a finding; rejected input (diagnostics, override errors) is the expected path.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "runner/Overrides.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& scenario_path() {
  static const fs::path path = [] {
    const fs::path root = fs::temp_directory_path() / ("recordflow-fuzz-" + std::to_string(::getpid()));
    const fs::path source = RECORDFLOW_SOURCE_DIR;
    fs::create_directories(root / "scenarios");
    std::error_code ignored;
    fs::create_directory_symlink(source / "models", root / "models", ignored);
    fs::create_directory_symlink(source / "tests/scenario/fixtures", root / "fixtures", ignored);
    fs::create_directory_symlink(source / "tests/scenario/invalid/parts", root / "scenarios/parts", ignored);
    return root / "scenarios" / "input.json";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string text = input.substr(0, nul);
  std::vector<recordflow::JsonOverride> overrides;
  if (nul != std::string::npos) {
    std::string rest = input.substr(nul + 1);
    std::size_t start = 0;
    while (start <= rest.size()) {
      const auto end = rest.find('\n', start);
      const std::string line = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!line.empty()) {
        std::string error;
        if (auto o = recordflow::parse_override(line, &error)) overrides.push_back(*o);
        if (auto f = recordflow::parse_factor(line, &error)) (void)recordflow::factorial_points({*f});
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  {
    std::ofstream out(scenario_path(), std::ios::binary | std::ios::trunc);
    out << text;
  }
  const recordflow::LoadedScenario loaded = recordflow::load_scenario(scenario_path().string(), overrides);
  if (loaded.ok() && !loaded.designs.empty()) {
    try {
      (void)recordflow::build_scenario(loaded.resolved, loaded.designs.front(), scenario_path().string());
    } catch (const recordflow::ScenarioError&) {
      // a located diagnostic: fine
    }
  }
  (void)recordflow::format_diagnostics(loaded.diagnostics);
  return 0;
}
