// recordflow merge: combines the outputs of the shards of one run into one results document, and names
// the shards or replications that are missing (only those need re-running).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/MergeOutputs.hpp"

namespace recordflow {

namespace {
struct MergeOptions {
  std::vector<std::string> inputs;
  std::string out = "out/merged";
  bool allow_incomplete = false;
};
}  // namespace

void add_merge_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<MergeOptions>();
  auto* sub = app.add_subcommand("merge", "Merge the results of the shards of a run (run --shard I/N)");
  sub->add_option("dirs", options->inputs, "Shard output directories (or their results files)")->required();
  sub->add_option("--out,-o", options->out, "Directory for the merged results")->capture_default_str();
  sub->add_flag("--allow-incomplete", options->allow_incomplete,
                "Accept shards that are incomplete result sets (results.partial.json)");
  sub->callback([&action, options] {
    action = [options] {
      return execute_merge(options->inputs, options->out, std::cout, std::cerr, options->allow_incomplete);
    };
  });
}

}  // namespace recordflow
