// recordflow compare: paired differences between designs of one results file, or between two results
// files run with the same seed.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/Comparison.hpp"

namespace recordflow {

void add_compare_command(CLI::App& app, CommandAction& action) {
  auto request = std::make_shared<CompareRequest>();
  auto* sub = app.add_subcommand("compare",
                                 "Paired comparison of designs (common random numbers) in one "
                                 "results file, or of two results files run with the same seed");
  sub->add_option("results", request->files, "results.json (or its directory); a second one to compare with")
      ->required()
      ->expected(1, 2);
  sub->add_option("--baseline,-b", request->baseline,
                  "Design to subtract (one file; default: the run's baseline)");
  sub->add_option("--design,-d", request->design,
                  "Design to compare with the baseline (one file; default: every other design)");
  sub->add_flag("--all-pairs", request->all_pairs, "Compare every pair of designs (one file)");
  sub->add_option(
         "--metric,-m", request->metrics,
         "Metrics to show, repeatable or comma-separated (default: the headline metrics; all with --json)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("NAME[,NAME...]");
  sub->add_flag(
      "--breakdown", request->breakdown,
      "Every metric row with its dimensions (per flow, cause, system...) instead of the headline table");
  sub->add_flag("--json", request->json, "Print the comparisons as JSON instead of a table");
  sub->add_flag("--allow-incomplete", request->allow_incomplete,
                "Accept an incomplete result set (results.partial.json)");
  sub->callback(
      [&action, request] { action = [request] { return execute_compare(*request, std::cout, std::cerr); }; });
}

}  // namespace recordflow
