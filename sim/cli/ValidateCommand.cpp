// recordflow validate: loads, composes and validates scenario files (every design), printing every
// problem as "file: /pointer: message (hint: ...)" on stderr and a summary per valid file on stdout (one
// line, then its uncertain inputs, one per line, if it declares any); defaults that change results and
// were applied silently are printed as "warning: ..." lines on stderr. Exit 0 when every file is valid
// (warnings or not), 2 otherwise. Never writes a file.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "runner/Overrides.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/Workload.hpp"

namespace recordflow {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::vector<std::string> sets;
  bool part = false;
  bool allow_large = false;
};

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
    std::string error;
    const auto o = parse_override(set, &error);
    if (!o) {
      std::cerr << "recordflow validate: --set " << error << " (e.g. --set /experiment/seed=7)\n";
      return 2;
    }
    overrides.push_back(*o);
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
    for (const auto& warning : loaded.warnings) std::cerr << "warning: " << format_diagnostics({warning});
    if (!options.allow_large && !loaded.designs.empty()) {
      const Scenario scenario = build_scenario(loaded.resolved, loaded.designs.front(), loaded.path);
      const std::string too_large = workload_problems(estimate_workload(scenario), machine_limits());
      if (!too_large.empty()) {
        std::cerr << file << ": " << too_large << "(--allow-large accepts it anyway)\n";
        all_valid = false;
        continue;
      }
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
  sub->add_flag("--allow-large", options->allow_large,
                "Accept a scenario whose replications are estimated not to fit this machine");
  sub->callback([&action, options] { action = [options] { return run_validate(*options); }; });
}

}  // namespace recordflow
