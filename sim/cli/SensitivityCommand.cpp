// recordflow sensitivity: Morris screening of the scenario's uncertain inputs on every headline
// difference between a design and the baseline, then Sobol indices and switching values of the important
// inputs (runner/SensitivityRun).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/SensitivityRun.hpp"

namespace recordflow {

void add_sensitivity_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<SensitivityOptions>();
  options->base.sets = 10;
  auto shard = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto from = std::make_shared<std::string>();
  auto replications = std::make_shared<int>(0);
  auto seed = std::make_shared<std::uint64_t>(0);
  auto* sub = app.add_subcommand("sensitivity",
                                 "Global sensitivity: Morris screening of the uncertain inputs, then Sobol "
                                 "indices and switching values of the important ones");
  RunRequest& run = options->base.run;
  sub->add_option("scenario", run.scenario_file, "Scenario file (JSON)")->required();
  sub->add_option("--trajectories", options->base.sets, "Morris trajectories")->capture_default_str();
  sub->add_option("--levels", options->levels, "Grid levels per input (even)")->capture_default_str();
  sub->add_option("--sobol-inputs", options->sobol_inputs,
                  "At most this many important inputs (by Morris mu*) get Sobol indices and switching values")
      ->capture_default_str();
  sub->add_option("--sobol-base", options->sobol_base,
                  "N of Saltelli's design (N (k + 2) points over k important inputs); 0 skips Sobol indices")
      ->capture_default_str();
  sub->add_option("--switch-grid", options->switch_grid,
                  "Values per important input for switching values; 0 skips them")
      ->capture_default_str();
  auto* seed_option = sub->add_option("--seed", *seed, "Seed of the design (default: the scenario's seed)");
  sub->add_option("--metric,-m", options->base.metrics,
                  "Headline metric, repeatable (default: gap_rate, staff_minutes)")
      ->allow_extra_args(false);
  sub->add_option("--out,-o", *out, "Output directory")->capture_default_str();
  sub->add_option("--from", *from, "Analyse the results.json in this directory instead of running");
  sub->add_option("--jobs,-j", run.jobs, "Worker processes (default: number of cores)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--replications,-n", *replications, "Replications per design and point")
      ->check(CLI::PositiveNumber);
  sub->add_option("--design,-d", run.designs, "Only these designs")->allow_extra_args(false);
  sub->add_option("--set", run.set_arguments, "Override a scenario value: /json/pointer=VALUE")
      ->allow_extra_args(false);
  sub->add_option("--shard", *shard, "Run only shard I of N")->check([](const std::string& text) {
    std::string error;
    return parse_shard(text, &error) ? std::string() : error;
  });
  sub->add_flag("--quiet,-q", run.quiet, "No progress line and no summary");
  sub->callback([&action, options, shard, out, from, replications, seed, seed_option] {
    if (!shard->empty()) options->base.run.shard = parse_shard(*shard);
    options->base.run.out = *out;
    if (!from->empty()) options->base.from = *from;
    if (*replications > 0) options->base.run.replications = *replications;
    if (seed_option->count() > 0) options->base.sample_seed = *seed;
    action = [options] { return execute_sensitivity(*options, std::cout, std::cerr); };
  });
}

}  // namespace recordflow
