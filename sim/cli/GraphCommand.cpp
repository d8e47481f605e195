// recordflow graph: placeholder registration until the command is built.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/Commands.hpp"

namespace recordflow {

void add_graph_command(CLI::App& app, CommandAction& action) {
  auto* sub = app.add_subcommand("graph", "(not yet available)");
  sub->allow_extras();
  sub->callback([&action] {
    action = [] {
      std::cerr << "recordflow graph: not yet available\n";
      return 1;
    };
  });
}

}  // namespace recordflow
