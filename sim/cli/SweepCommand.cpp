// recordflow sweep: the full factorial of factors over JSON pointers of a scenario; every point runs all
// designs with its own replications, into one results document whose entries carry their point.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/Runner.hpp"

namespace recordflow {

void add_sweep_command(CLI::App& app, CommandAction& action) {
  auto request = std::make_shared<RunRequest>();
  auto shard = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto replications = std::make_shared<int>(0);
  auto seed = std::make_shared<std::uint64_t>(0);
  auto* sub = app.add_subcommand("sweep",
                                 "Run a scenario at every combination of factor values "
                                 "(full factorial), all designs at each point");
  sub->add_option("scenario", request->scenario_file, "Scenario file (JSON)")->required();
  sub->add_option("--factor,-f", request->factor_arguments,
                  "A factor: /json/pointer=v1,v2,... (values are JSON or strings), repeatable")
      ->required()
      ->allow_extra_args(false);
  sub->add_option("--out,-o", *out, "Output directory")->capture_default_str();
  sub->add_option("--jobs,-j", request->jobs, "Worker processes (default: number of cores)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--replications,-n", *replications, "Fixed number of replications per design and point")
      ->check(CLI::PositiveNumber);
  auto* seed_option = sub->add_option("--seed", *seed, "Scenario seed");
  sub->add_option("--design,-d", request->designs, "Run only these designs")->allow_extra_args(false);
  sub->add_option("--set", request->set_arguments,
                  "Override a scenario value at every point: /json/pointer=VALUE")
      ->allow_extra_args(false);
  sub->add_option("--shard", *shard, "Run only shard I of N")->check([](const std::string& text) {
    std::string error;
    return parse_shard(text, &error) ? std::string() : error;
  });
  sub->add_option("--timeout", request->timeout_seconds, "Seconds one replication may take (0 = no limit)")
      ->capture_default_str();
  sub->add_option("--retries", request->retries, "Times a failed replication is run again")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  sub->add_flag("--allow-large", request->allow_large,
                "Run even when one replication is estimated not to fit this machine");
  sub->add_flag("--quiet,-q", request->quiet, "No progress line and no summary table");
  sub->callback([&action, request, shard, out, replications, seed, seed_option] {
    if (!shard->empty()) request->shard = parse_shard(*shard);
    request->out = *out;
    if (*replications > 0) request->replications = *replications;
    if (seed_option->count() > 0) request->seed = *seed;
    request->command_line = command_line();
    action = [request] { return execute_run(*request, std::cout, std::cerr); };
  });
}

}  // namespace recordflow
