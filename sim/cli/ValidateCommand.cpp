// recordflow validate: loads, composes and validates scenario files (every design), printing every
// problem as "file: /pointer: message (hint: ...)" on stderr and a summary per valid file on stdout (one
// line, then its uncertain inputs, one per line, if it declares any). Exit 0 when every file is valid, 2 otherwise. Never writes a file.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::vector<std::string> sets;
  bool part = false;
};

// "POINTER=JSON"; a value that is not JSON is taken as a string (so --set /experiment/horizon=30d works).
bool parse_override(const std::string& text, JsonOverride& out) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || text[0] != '/') return false;
  out.first = text.substr(0, eq);
  const std::string value = text.substr(eq + 1);
  out.second = nlohmann::json::parse(value, nullptr, false);
  if (out.second.is_discarded()) out.second = value;
  return true;
}

std::string summary(const LoadedScenario& loaded) {
  std::string text = loaded.path + ": OK, " + std::to_string(loaded.designs.size()) + " design(s) (";
  for (std::size_t i = 0; i < loaded.designs.size(); ++i) text += (i ? ", " : "") + loaded.designs[i];
  text += ")";
  if (!loaded.designs.empty()) {
    const Scenario scenario = build_scenario(loaded.resolved, loaded.designs.front(), loaded.path);
    text += ", " + std::to_string(scenario.organisations.size()) + " organisation(s), " +
            std::to_string(scenario.pathways.size()) + " pathway(s) (";
    for (std::size_t i = 0; i < scenario.pathways.size(); ++i)
      text += (i ? ", " : "") + scenario.pathways[i].name;
    text += ")";
  }
  if (!loaded.uncertain_inputs.empty()) {
    text += "\n  " + std::to_string(loaded.uncertain_inputs.size()) + " uncertain input(s):";
    for (const auto& input : loaded.uncertain_inputs)
      text += "\n    " + input.pointer + " ~ " + input.describe() + " [" + input.group + "]: " + input.source;
  }
  return text;
}

int run_validate(const ValidateOptions& options) {
  std::vector<JsonOverride> overrides;
  for (const auto& set : options.sets) {
    JsonOverride o;
    if (!parse_override(set, o)) {
      std::cerr << "recordflow validate: --set expects POINTER=JSON, e.g. --set /experiment/seed=7, got \""
                << set << "\"\n";
      return 2;
    }
    overrides.push_back(std::move(o));
  }
  bool all_valid = true;
  for (const auto& file : options.files) {
    if (options.part) {
      const auto diagnostics = check_model_part(file);
      if (diagnostics.empty()) {
        std::cout << file << ": OK (model part)\n";
      } else {
        std::cerr << format_diagnostics(diagnostics);
        all_valid = false;
      }
      continue;
    }
    const LoadedScenario loaded = load_scenario(file, overrides);
    if (!loaded.ok()) {
      std::cerr << format_diagnostics(loaded.diagnostics);
      all_valid = false;
      continue;
    }
    std::cout << summary(loaded) << "\n";
  }
  return all_valid ? 0 : 2;
}

}  // namespace

void add_validate_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand("validate",
                                 "Check scenario files: every problem with its file, JSON path and a hint");
  sub->add_option("files", options->files, "Scenario files (or model parts with --part)")->required();
  sub->add_option("--set", options->sets,
                  "Override a value: POINTER=JSON, e.g. /experiment/seed=7 (repeatable)");
  sub->add_flag("--part", options->part,
                "Check reusable model parts (syntax, composition, schema) instead of scenarios");
  sub->callback([&action, options] { action = [options] { return run_validate(*options); }; });
}

}  // namespace recordflow
