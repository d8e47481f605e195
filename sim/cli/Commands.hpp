// Commands: each `recordflow` subcommand registers itself on the CLI11 app. When its subcommand is
// parsed, a command stores in `action` the function that does the work and returns the exit code
// (0 ok, 1 run failure, 2 invalid usage or invalid scenario).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace recordflow {

using CommandAction = std::function<int()>;

// The program's arguments as given (argv[0] first), recorded by main() for the manifest.
const std::vector<std::string>& command_line();

void add_validate_command(CLI::App& app, CommandAction& action);
void add_schema_command(CLI::App& app, CommandAction& action);
void add_graph_command(CLI::App& app, CommandAction& action);
void add_run_command(CLI::App& app, CommandAction& action);
void add_compare_command(CLI::App& app, CommandAction& action);
void add_sweep_command(CLI::App& app, CommandAction& action);
void add_merge_command(CLI::App& app, CommandAction& action);
void add_uncertainty_command(CLI::App& app, CommandAction& action);
void add_sensitivity_command(CLI::App& app, CommandAction& action);
void add_select_command(CLI::App& app, CommandAction& action);
void add_replicate_command(CLI::App& app, CommandAction& action);  // internal: one replication per process

}  // namespace recordflow
