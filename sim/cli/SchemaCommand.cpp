// recordflow schema: prints the JSON Schema (draft 7) of the scenario language on stdout; it is also the
// reference documentation of every key.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/Commands.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

void add_schema_command(CLI::App& app, CommandAction& action) {
  auto* sub = app.add_subcommand("schema", "Print the JSON Schema of the scenario language");
  sub->callback([&action] {
    action = [] {
      std::cout << scenario_schema_text();
      if (!scenario_schema_text().empty() && scenario_schema_text().back() != '\n') std::cout << "\n";
      return 0;
    };
  });
}

}  // namespace recordflow
