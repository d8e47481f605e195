// recordflow run: placeholder registration until the command is built.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/Commands.hpp"

namespace recordflow {

void add_run_command(CLI::App& app, CommandAction& action) {
  auto* sub = app.add_subcommand("run", "(not yet available)");
  sub->allow_extras();
  sub->callback([&action] {
    action = [] {
      std::cerr << "recordflow run: not yet available\n";
      return 1;
    };
  });
}

}  // namespace recordflow
