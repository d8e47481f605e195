// recordflow _replicate (internal, hidden): one replication of one design in this process, the only
// place a SimGrid engine starts (one engine per process). Loads and builds the scenario, runs the
// engine into a Recorder, and writes the replication record (runner/ReplicationRecord.hpp) atomically
// to --out. With --progress FILE, FILE holds the number of simulated days done, rewritten at each day's
// end (the parent's progress line reads it). Exit 0 ok, 1 simulation failure, 2 invalid scenario or options.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "engine/Simulation.hpp"
#include "recorder/Recorder.hpp"
#include "runner/AtomicFile.hpp"
#include "runner/Overrides.hpp"
#include "runner/ReplicationRecord.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

namespace {

struct ReplicateOptions {
  std::string scenario;
  std::string design;
  int replication = 0;
  std::vector<std::string> set;
  std::string out;
  std::string event_log;
  std::string progress;
};

int replicate(const ReplicateOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<JsonOverride> overrides;
  for (const auto& text : o.set) {
    std::string error;
    const auto parsed = parse_override(text, &error);
    if (!parsed) {
      std::cerr << "recordflow _replicate: --set " << error << "\n";
      return 2;
    }
    overrides.push_back(*parsed);
  }
  const LoadedScenario loaded = load_scenario(o.scenario, overrides);
  if (!loaded.ok()) {
    std::cerr << format_diagnostics(loaded.diagnostics);
    return 2;
  }
  const Scenario scenario = build_scenario(loaded.resolved, o.design, o.scenario);
  RecorderOptions recorder_options;
  recorder_options.event_log_path = o.event_log;
  Recorder recorder(scenario, o.replication, recorder_options);
  EngineOptions engine_options;
#ifdef RECORDFLOW_SANITIZE
  engine_options.thread_contexts = true;  // SimGrid's raw contexts confuse AddressSanitizer
#endif
  if (!o.progress.empty())
    engine_options.on_day_end = [path = o.progress](int days) {
      std::ofstream(path, std::ios::trunc) << days << "\n";
    };
  const EngineReport report = simulate(scenario, o.replication, recorder, engine_options);
  PointReplication record;
  record.result = recorder.finish(scenario.experiment.horizon);
  record.result.design = o.design;
  record.result.replication = o.replication;
  record.result.seed = scenario.experiment.seed;
  record.result.simulated_events = report.logical_events;
  record.result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_file_atomically(o.out, replication_to_json(record, false).dump() + "\n");
  return 0;
}

}  // namespace

void add_replicate_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<ReplicateOptions>();
  auto* sub = app.add_subcommand("_replicate", "One replication in this process (internal)");
  sub->group("");  // hidden from --help
  sub->add_option("--scenario", options->scenario)->required();
  sub->add_option("--design", options->design)->required();
  sub->add_option("--replication", options->replication)->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--set", options->set);
  sub->add_option("--out", options->out)->required();
  sub->add_option("--event-log", options->event_log);
  sub->add_option("--progress", options->progress);
  sub->callback([&action, options] {
    action = [options] {
      try {
        return replicate(*options);
      } catch (const ScenarioError& e) {
        std::cerr << format_diagnostics(e.diagnostics());
        return 2;
      }
    };
  });
}

}  // namespace recordflow
