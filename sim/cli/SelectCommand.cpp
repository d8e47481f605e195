// recordflow select: names the best design on one metric with a stated probability of correct selection
// (two-stage indifference-zone procedure with common random numbers; runner/SelectionRun).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/SelectionRun.hpp"

namespace recordflow {

void add_select_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<SelectionOptions>();
  auto out = std::make_shared<std::string>("out");
  auto* sub =
      app.add_subcommand("select",
                         "Name the best design on a metric with probability of correct selection "
                         ">= 1 - alpha within an indifference zone (two stages, common random numbers)");
  RunRequest& run = options->run;
  sub->add_option("scenario", run.scenario_file, "Scenario file (JSON)")->required();
  sub->add_option("--metric,-m", options->metric, "Metric to select on (no dimensions)")
      ->capture_default_str();
  sub->add_option("--indifference", options->indifference,
                  "Smallest difference worth detecting, in the metric's units (> 0)")
      ->required();
  sub->add_option("--alpha", options->alpha, "1 - alpha is the guaranteed probability of correct selection")
      ->capture_default_str();
  sub->add_option("--first-stage", options->first_stage, "Replications of the first stage (n0 >= 2)")
      ->capture_default_str();
  sub->add_option("--out,-o", *out, "Output directory")->capture_default_str();
  sub->add_option("--jobs,-j", run.jobs, "Worker processes (default: number of cores)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--design,-d", run.designs, "Only these designs")->allow_extra_args(false);
  sub->add_option("--set", run.set_arguments, "Override a scenario value: /json/pointer=VALUE")
      ->allow_extra_args(false);
  sub->add_flag("--quiet,-q", run.quiet, "No progress line and no statement");
  sub->callback([&action, options, out] {
    options->run.out = *out;
    options->run.command_line = command_line();
    action = [options] { return execute_selection(*options, std::cout, std::cerr); };
  });
}

}  // namespace recordflow
