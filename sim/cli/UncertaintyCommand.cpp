// recordflow uncertainty: probabilistic sensitivity analysis. Every design at every parameter set drawn
// from the scenario's uncertain inputs; P(best), EVPI and EVPPI per headline metric (runner/UncertaintyRun).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/UncertaintyRun.hpp"

namespace recordflow {

void add_uncertainty_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<UncertaintyOptions>();
  auto shard = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto from = std::make_shared<std::string>();
  auto replications = std::make_shared<int>(0);
  auto seed = std::make_shared<std::uint64_t>(0);
  auto* sub = app.add_subcommand("uncertainty",
                                 "Probabilistic sensitivity analysis: every design at parameter sets drawn "
                                 "from the scenario's uncertain inputs; P(best), EVPI, EVPPI");
  RunRequest& run = options->run;
  sub->add_option("scenario", run.scenario_file, "Scenario file (JSON)")->required();
  sub->add_option("--sets", options->sets, "Parameter sets (Latin hypercube)")->capture_default_str();
  auto* seed_option = sub->add_option("--seed", *seed, "Seed of the sample (default: the scenario's seed)");
  sub->add_option("--metric,-m", options->metrics,
                  "Headline metric to analyse, repeatable (default: gap_rate, staff_minutes)")
      ->allow_extra_args(false);
  sub->add_option("--out,-o", *out, "Output directory")->capture_default_str();
  sub->add_option("--from", *from, "Analyse the results.json in this directory instead of running");
  sub->add_option("--jobs,-j", run.jobs, "Worker processes (default: number of cores)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--replications,-n", *replications, "Replications per design and parameter set")
      ->check(CLI::PositiveNumber);
  sub->add_option("--design,-d", run.designs, "Analyse only these designs")->allow_extra_args(false);
  sub->add_option("--set", run.set_arguments, "Override a scenario value: /json/pointer=VALUE")
      ->allow_extra_args(false);
  sub->add_option("--shard", *shard, "Run only shard I of N")->check([](const std::string& text) {
    std::string error;
    return parse_shard(text, &error) ? std::string() : error;
  });
  sub->add_option("--timeout", run.timeout_seconds, "Seconds one replication may take (0 = no limit)")
      ->capture_default_str();
  sub->add_flag("--quiet,-q", run.quiet, "No progress line and no summary");
  sub->callback([&action, options, shard, out, from, replications, seed, seed_option] {
    if (!shard->empty()) options->run.shard = parse_shard(*shard);
    options->run.out = *out;
    if (!from->empty()) options->from = *from;
    if (*replications > 0) options->run.replications = *replications;
    if (seed_option->count() > 0) options->sample_seed = *seed;
    action = [options] { return execute_uncertainty(*options, std::cout, std::cerr); };
  });
}

}  // namespace recordflow
