// recordflow _replicate (internal, hidden): one replication of one design in this process, the only
// place a SimGrid engine starts (one engine per process). Builds the scenario, runs the engine into a
// Recorder, and writes the replication record (runner/ReplicationRecord.hpp) atomically to --out.
// The runner passes the resolved scenario its parent wrote (--resolved FILE --sha256 HEX, checked
// before use) and its pid (--parent-pid): the process then dies with its parent (PR_SET_PDEATHSIG),
// and exits at once if the parent is already gone. --scenario FILE [--set ...] loads a scenario file
// instead (for measurements by hand). With --progress FILE, FILE holds the number of simulated days done,
// rewritten at each day's end (the parent's progress line reads it). Exit 0 ok, 1 simulation failure, 2
// invalid scenario or options.
#include <sys/prctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "engine/Simulation.hpp"
#include "recorder/Recorder.hpp"
#include "runner/AtomicFile.hpp"
#include "runner/Digest.hpp"
#include "runner/Overrides.hpp"
#include "runner/ReplicationRecord.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

namespace {

struct ReplicateOptions {
  std::string scenario;
  std::string resolved;
  std::string sha256;
  std::string source;
  long parent_pid = 0;
  std::string design;
  int replication = 0;
  std::vector<std::string> set;
  std::string out;
  std::string event_log;
  std::string progress;
};

// Dies with the parent: SIGKILL when it exits; and if it has already exited (before the request took
// effect), stop now.
bool follow_parent(long parent_pid) {
  if (parent_pid <= 0) return true;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  return static_cast<long>(::getppid()) == parent_pid;
}

// The resolved scenario the parent wrote, checked against its digest.
Scenario resolved_scenario(const ReplicateOptions& o) {
  const std::string text = read_file(o.resolved);
  const std::string digest = sha256_hex(text);
  if (digest != o.sha256)
    throw std::runtime_error(o.resolved + ": SHA-256 " + digest + " differs from the expected " + o.sha256);
  return build_scenario(nlohmann::json::parse(text), o.design, o.source.empty() ? o.resolved : o.source);
}

Scenario scenario_from_file(const ReplicateOptions& o) {
  std::vector<JsonOverride> overrides;
  for (const auto& text : o.set) {
    std::string error;
    const auto parsed = parse_override(text, &error);
    if (!parsed) throw ScenarioError({Diagnostic{o.scenario, "", "--set " + error, "", 0, 0}});
    overrides.push_back(*parsed);
  }
  const LoadedScenario loaded = load_scenario(o.scenario, overrides);
  if (!loaded.ok()) throw ScenarioError(loaded.diagnostics);
  return build_scenario(loaded.resolved, o.design, o.scenario);
}

int replicate(const ReplicateOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  if (!follow_parent(o.parent_pid)) {
    std::cerr << "recordflow _replicate: the parent process " << o.parent_pid << " is gone\n";
    return 1;
  }
  if (o.scenario.empty() == o.resolved.empty()) {
    std::cerr << "recordflow _replicate: give exactly one of --scenario and --resolved\n";
    return 2;
  }
  const Scenario scenario = o.resolved.empty() ? scenario_from_file(o) : resolved_scenario(o);
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
  if (!report.pre_history_by_pathway.empty()) {  // METRICS.md, "Pre-history"
    for (std::size_t p = 0; p < report.pre_history_by_pathway.size(); ++p)
      record.result.add("pre_history_days", {{"pathway", scenario.pathways[p].name}},
                        report.pre_history_by_pathway[p] / 24.0);
    record.result.add("pre_history_journeys", {}, static_cast<double>(report.pre_history_journeys));
    record.result.add("pre_history_copies", {}, static_cast<double>(report.pre_history_copies));
    record.result.add("pre_history_copies_lost", {}, static_cast<double>(report.pre_history_copies_lost));
  }
  record.result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_file_atomically(o.out, replication_to_json(record, false).dump() + "\n");
#ifndef RECORDFLOW_SANITIZE
  // The result and the event log are on disk: exit without destructors, so that the system takes the
  // recorder's memory back at once instead of freeing its millions of entries one by one. (Sanitizer
  // builds return normally, so that LeakSanitizer still checks the whole process.)
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(0);
#else
  return 0;
#endif
}

}  // namespace

void add_replicate_command(CLI::App& app, CommandAction& action) {
  auto options = std::make_shared<ReplicateOptions>();
  auto* sub = app.add_subcommand("_replicate", "One replication in this process (internal)");
  sub->group("");  // hidden from --help
  sub->add_option("--scenario", options->scenario);
  sub->add_option("--resolved", options->resolved);
  sub->add_option("--sha256", options->sha256);
  sub->add_option("--source", options->source);
  sub->add_option("--parent-pid", options->parent_pid);
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
