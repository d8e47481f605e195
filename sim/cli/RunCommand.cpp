// recordflow run: every design of a scenario, N replications each (one child process per replication,
// --jobs at a time), results written atomically to --out; a summary table on stdout.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "runner/Runner.hpp"

namespace recordflow {

namespace {

std::string check_shard(const std::string& text) {
  std::string error;
  return parse_shard(text, &error) ? std::string() : error;
}

}  // namespace

void add_run_command(CLI::App& app, CommandAction& action) {
  auto request = std::make_shared<RunRequest>();
  auto shard = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto replications = std::make_shared<int>(0);
  auto seed = std::make_shared<std::uint64_t>(0);
  auto* sub = app.add_subcommand("run",
                                 "Run every design of a scenario: replications in parallel processes, "
                                 "results with confidence intervals and paired differences");
  sub->add_option("scenario", request->scenario_file, "Scenario file (JSON); not needed with --resume");
  sub->add_option("--out,-o", *out, "Output directory (results.json, tidy.csv, tidy.jsonl)")
      ->capture_default_str();
  sub->add_option("--jobs,-j", request->jobs, "Worker processes (default: number of cores)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--replications,-n", *replications,
                  "Fixed number of replications per design "
                  "(replaces the scenario's rule)")
      ->check(CLI::PositiveNumber);
  auto* seed_option = sub->add_option("--seed", *seed, "Scenario seed (replaces /experiment/seed)");
  sub->add_option("--design,-d", request->designs, "Run only these designs (default: all)")
      ->allow_extra_args(false);
  sub->add_option("--set", request->set_arguments,
                  "Override a scenario value: /json/pointer=VALUE (JSON, "
                  "or else a string), repeatable")
      ->allow_extra_args(false);
  sub->add_option("--shard", *shard,
                  "Run only shard I of N (1-based; default from SLURM_ARRAY_TASK_ID/"
                  "_COUNT, JOB_COMPLETION_INDEX + RECORDFLOW_SHARD_COUNT, RECORDFLOW_SHARD)")
      ->check(check_shard);
  sub->add_option("--timeout", request->timeout_seconds, "Seconds one replication may take (0 = no limit)")
      ->capture_default_str();
  sub->add_option("--retries", request->retries, "Times a failed replication is run again")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  auto* resume = sub->add_option("--resume", request->resume,
                                 "Finish the interrupted or failed run in DIR: run only the replications "
                                 "its results.partial.json is missing");
  sub->add_flag("--allow-large", request->allow_large,
                "Run even when one replication is estimated not to fit this machine");
  sub->add_flag("--event-log", request->event_log, "Write one event log per replication to <out>/events/");
  sub->add_flag("--quiet,-q", request->quiet, "No progress line and no summary table");
  sub->callback([&action, request, shard, out, replications, seed, seed_option, resume] {
    if (request->scenario_file.empty() && resume->count() == 0)
      throw CLI::RequiredError("scenario (or --resume DIR)");
    if (!shard->empty()) request->shard = parse_shard(*shard);
    request->out = *out;
    if (*replications > 0) request->replications = *replications;
    if (seed_option->count() > 0) request->seed = *seed;
    request->command_line = command_line();
    action = [request] { return execute_run(*request, std::cout, std::cerr); };
  });
}

}  // namespace recordflow
