// recordflow command-line entry point: parses arguments with CLI11 and dispatches to a subcommand.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/Commands.hpp"

namespace recordflow {
namespace {
std::vector<std::string> g_command_line;
}
const std::vector<std::string>& command_line() {
  return g_command_line;
}
}  // namespace recordflow

int main(int argc, char** argv) {
  recordflow::g_command_line.assign(argv, argv + argc);
  CLI::App app{"recordflow: simulate patient records flowing between health and care organisations"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(RECORDFLOW_VERSION));
  recordflow::CommandAction action;
  recordflow::add_run_command(app, action);
  recordflow::add_validate_command(app, action);
  recordflow::add_compare_command(app, action);
  recordflow::add_sweep_command(app, action);
  recordflow::add_graph_command(app, action);
  recordflow::add_schema_command(app, action);
  recordflow::add_merge_command(app, action);
  recordflow::add_uncertainty_command(app, action);
  recordflow::add_sensitivity_command(app, action);
  recordflow::add_select_command(app, action);
  recordflow::add_replicate_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return action ? action() : 2;
  } catch (const std::exception& e) {
    std::cerr << "recordflow: " << e.what() << "\n";
    return 1;
  }
}
