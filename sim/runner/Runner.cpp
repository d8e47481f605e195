#include "runner/Runner.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>

#include "runner/Digest.hpp"
#include "runner/OutputSet.hpp"
#include "runner/ReplicationJobs.hpp"
#include "runner/ResultsDocument.hpp"
#include "runner/Resume.hpp"
#include "runner/SummaryTable.hpp"
#include "runner/TidyExport.hpp"
#include "runner/WarmUpChoice.hpp"

#ifndef RECORDFLOW_VERSION
#define RECORDFLOW_VERSION "unknown"
#endif
#ifndef RECORDFLOW_COMMIT
#define RECORDFLOW_COMMIT "unknown"
#endif
#ifndef RECORDFLOW_SIMGRID_VERSION
#define RECORDFLOW_SIMGRID_VERSION "unknown"
#endif

namespace recordflow {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string iso_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string host_name() {
  char name[256] = {};
  return ::gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string();
}

// Each headline metric (no dimensions) of each design at `point`, over replications 0..available-1 that
// reported it, in replication order.
std::vector<std::vector<double>> headline_series(const std::vector<PointReplication>& results,
                                                 const RunPlan& plan, int point, int available) {
  std::vector<std::vector<double>> series;
  for (const auto& design : plan.designs) {
    for (const auto& metric : plan.headline_metrics) {
      std::map<int, double> by_rep;
      for (const auto& r : results) {
        if (r.point != point || r.result.design != design || r.result.replication >= available) continue;
        for (const auto& m : r.result.metrics)
          if (m.name == metric && m.dims.empty()) by_rep[r.result.replication] = m.value;
      }
      std::vector<double> values;
      for (const auto& [rep, value] : by_rep) values.push_back(value);
      series.push_back(std::move(values));
    }
  }
  return series;
}

Json adaptive_json(const RunPlan& plan) {
  if (!plan.adaptive) return Json();
  return Json{{"min", plan.adaptive->min},
              {"pilot", pilot_replications(*plan.adaptive)},
              {"max", plan.adaptive->max},
              {"target_relative_half_width", plan.adaptive->target_relative_half_width},
              {"metrics", plan.headline_metrics}};
}

bool covered(const WorkItem& item, const std::vector<PointReplication>& results) {
  for (const auto& r : results)
    if (r.point == item.point && r.result.design == item.design && r.result.replication == item.replication)
      return true;
  return false;
}

// The planned items that no result covers yet (all of them unless resuming).
std::vector<WorkItem> not_yet_done(const std::vector<WorkItem>& planned,
                                   const std::vector<PointReplication>& results) {
  std::vector<WorkItem> items;
  for (const auto& item : planned)
    if (!covered(item, results)) items.push_back(item);
  return items;
}

// The planned work of this shard that no result covers.
Json missing_work(const std::vector<WorkItem>& planned, const std::vector<PointReplication>& results,
                  const RunPlan& plan) {
  Json missing = Json::array();
  for (const auto& item : planned) {
    if (covered(item, results)) continue;
    Json entry{{"design", item.design}, {"replication", item.replication}, {"seed", plan.seed}};
    if (plan.sweep) entry["point"] = item.point;
    missing.push_back(std::move(entry));
  }
  return missing;
}

// Removes the run's scratch directory however the run ends (an exception included).
struct ScratchDirectory {
  fs::path path;
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// After the complete set could not be written: keeps every finished replication in results.partial.json
// (marked incomplete) so that nothing is lost and nothing of the new set sits beside an older one.
void keep_partial(const fs::path& out_dir, Json document, std::ostream& err) {
  document["manifest"]["complete"] = false;
  try {
    commit_output_set(out_dir, {{"results.partial.json", results_text(document)}});
    err << "recordflow: kept all " << document.at("replications").size() << " finished replication(s) in "
        << (out_dir / "results.partial.json").string() << "\n";
  } catch (const std::exception& e) {
    err << "recordflow: cannot write " << (out_dir / "results.partial.json").string()
        << " either: " << e.what() << "\n";
  }
}

}  // namespace

int execute_run(const RunRequest& given, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  const std::string started_at = iso_now();
  InterruptGuard interrupt;  // from the start: Ctrl-C while planning must not kill the process mid-way
  RunRequest request = given;
  ResumeState resumed;
  if (!request.resume.empty()) {
    try {
      resumed = prepare_resume(request);
    } catch (const std::exception& e) {
      err << "recordflow: " << e.what() << "\n";
      return 2;
    }
  }
  PlanOutcome planned = plan_run(request);
  if (!planned.plan) {
    err << planned.problems;
    return 2;
  }
  if (!resumed.scenario_sha256.empty() &&
      planned.plan->points.front().scenario_sha256 != resumed.scenario_sha256) {
    err << "recordflow: " << request.scenario_file << " no longer resolves to the scenario of the run in "
        << request.out.string() << " (SHA-256 " << planned.plan->points.front().scenario_sha256 << ", was "
        << resumed.scenario_sha256 << "); start the run again instead of resuming it\n";
    return 2;
  }
  if (interrupt.interrupted()) {
    err << "recordflow: interrupted before any replication started; nothing was written\n";
    return 1;
  }
  RunPlan& plan = *planned.plan;  // an automatic warm-up rewrites the points' scenarios after the first pass
  std::string holder;
  const auto lock = OutputLock::acquire(request.out, &holder);
  if (!lock) {
    err << "recordflow: " << request.out.string() << " is in use by another run (" << holder
        << "); wait for it to finish or choose another --out\n";
    return 2;
  }
  const fs::path work_dir = request.out / (".work-" + std::to_string(::getpid()));
  const ScratchDirectory scratch{work_dir};
  try {
    if (const int stale = remove_stale_scratch(request.out))
      err << "recordflow: removed " << stale << " scratch director" << (stale == 1 ? "y" : "ies")
          << " left in " << request.out.string() << " by a run that was killed\n";
    if (request.resume.empty() && set_aside_previous(request.out))
      err << "recordflow: the previous results in " << request.out.string() << " were moved to "
          << (request.out / "previous").string() << "\n";
    fs::create_directories(work_dir);
  } catch (const std::exception& e) {
    err << "recordflow: cannot prepare the output directory " << request.out.string() << ": " << e.what()
        << "\n";
    return 1;
  }

  Progress progress(!request.quiet, plan.horizon_hours);
  ReplicationJobs jobs(request, plan, work_dir, interrupt, progress, err);
  jobs.results() = std::move(resumed.finished);
  try {
    jobs.write_scenarios();
  } catch (const std::exception& e) {
    err << "recordflow: cannot write the resolved scenario: " << e.what() << "\n";
    return 1;
  }
  const int points = static_cast<int>(plan.points.size());
  std::map<int, int> kept;  // point -> replications kept (adaptive)
  std::vector<WorkItem> planned_items;
  nlohmann::json warm_up_record = fixed_warm_up_record(plan.warm_up_hours);
  bool ok = true;
  if (!plan.adaptive) {
    planned_items = select_shard(make_work_list(points, plan.designs, 0, plan.replications), plan.shard);
    const auto to_run = not_yet_done(planned_items, jobs.results());
    if (!request.resume.empty())
      err << "recordflow: resuming " << request.out.string() << ": " << planned_items.size() - to_run.size()
          << " replication(s) kept, " << to_run.size() << " to run\n";
    progress.set_total(static_cast<int>(to_run.size()));
    ok = jobs.run(to_run);
    if (ok && plan.warm_up_auto) {
      // Second pass: the same replications (the same sample paths: the warm-up only decides what the
      // recorder counts) measured after the truncation chosen from the first pass's daily series.
      const WarmUpChoice choice =
          choose_warm_up(jobs.results(), plan.designs, static_cast<int>(std::ceil(plan.horizon_hours / 24)));
      warm_up_record = choice.record;
      for (const auto& warning : choice.warnings) err << "recordflow: warning: warm-up: " << warning << "\n";
      for (const auto& trend : choice.trends) err << "recordflow: warning: trend: " << trend << "\n";
      err << "recordflow: warm-up chosen by MSER-5: " << choice.applied_days << " d\n";
      if (choice.applied_days > 0) {
        for (auto& point : plan.points) {
          point.scenario_text = with_warm_up_days(point.scenario_text, choice.applied_days);
          point.scenario_sha256 = sha256_hex(point.scenario_text);
        }
        plan.warm_up_hours = 24.0 * choice.applied_days;
        try {
          jobs.write_scenarios();
        } catch (const std::exception& e) {
          err << "recordflow: cannot write the resolved scenario: " << e.what() << "\n";
          return 1;
        }
        jobs.results().clear();
        progress.set_total(2 * static_cast<int>(to_run.size()));
        ok = jobs.run(to_run);
      }
    }
  } else {
    // Two stages per point: the pilot (replications 0..n0-1) plans N; the N fresh replications n0..n0+N-1
    // are the ones reported (stats/AdaptiveRule.hpp).
    const AdaptiveRule& rule = *plan.adaptive;
    const int pilot = pilot_replications(rule);
    const int designs = static_cast<int>(plan.designs.size());
    int total = points * designs * pilot;
    for (int point = 0; point < points && ok; ++point) {
      for (const auto& [first, count] : {std::pair{0, pilot}, std::pair{pilot, -1}}) {
        int stage = count;
        if (stage < 0) {
          stage = second_stage_replications(headline_series(jobs.results(), plan, point, pilot), rule);
          kept[point] = stage;
          total += designs * stage;
        }
        std::vector<WorkItem> items;
        for (auto item : make_work_list(1, plan.designs, first, stage))
          items.push_back(WorkItem{point, item.design, item.replication});
        planned_items.insert(planned_items.end(), items.begin(), items.end());
        progress.set_total(total);
        if (!(ok = jobs.run(items))) break;
      }
    }
    // The pilot chose N; it is not part of the estimate.
    std::erase_if(jobs.results(), [&](const PointReplication& r) { return r.result.replication < pilot; });
    std::erase_if(planned_items, [&](const WorkItem& w) { return w.replication < pilot; });
  }
  progress.clear();

  ResultsInput input;
  input.designs = plan.designs;
  input.baseline = plan.baseline;
  for (const auto& p : plan.points)
    if (plan.sweep) input.points.push_back(p.factors);
  input.structure = plan.structure;
  Json replications = Json::object();
  for (const auto& d : plan.designs)
    replications[d] = plan.adaptive ? (kept.empty() ? 0 : kept.begin()->second) : plan.replications;
  const bool complete = ok && !jobs.interrupted();
  input.manifest =
      Json{{"tool_version", RECORDFLOW_VERSION},
           {"program_version", RECORDFLOW_VERSION},
           {"program_commit", RECORDFLOW_COMMIT},
           {"command_line", request.command_line},
           {"simgrid_version", RECORDFLOW_SIMGRID_VERSION},
           {"scenario_file", plan.scenario_file},
           {"scenario_sha256", plan.points.front().scenario_sha256},
           {"scenario", plan.resolved},
           {"seed", plan.seed},
           {"replications", replications},
           {"adaptive", adaptive_json(plan)},
           {"horizon_hours", plan.horizon_hours},
           {"warm_up_hours", plan.warm_up_hours},
           {"warm_up", warm_up_record},
           {"started_at", started_at},
           {"host", host_name()},
           {"jobs", plan.jobs},
           {"shard", plan.shard.to_string()},
           {"overrides", plan.user_overrides},
           {"complete", complete},
           {"missing", complete ? Json::array() : missing_work(planned_items, jobs.results(), plan)},
           {"failures", jobs.failures()},
           {"retries", request.retries},
           {"retried", jobs.retried()}};
  if (plan.sweep) {
    Json per_point = Json::array();
    for (int p = 0; p < points; ++p) per_point.push_back(kept.count(p) ? kept[p] : plan.replications);
    input.manifest["replications_per_point"] = per_point;
    Json factors = Json::array();
    for (const auto& f : plan.factors) factors.push_back({{"pointer", f.pointer}, {"values", f.values}});
    input.manifest["factors"] = std::move(factors);
  }
  input.replications = std::move(jobs.results());
  input.manifest["wall_seconds"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  int code = complete ? 0 : 1;
  Json document;
  try {
    document = build_results_document(input);
    if (complete) {
      OutputFiles files = tidy_files(document);
      files.emplace_back("results.json", results_text(document));
      commit_output_set(request.out, files);
      if (!request.quiet) print_summary_table(document, out);
      err << "recordflow: results in " << (request.out / "results.json").string() << "\n";
      if (!plan.shard.whole())
        err << "recordflow: this is shard " << plan.shard.to_string()
            << " of a split run; combine the shards' directories with `recordflow merge DIR... --out DIR`\n";
    } else if (!input.replications.empty()) {
      commit_output_set(request.out, {{"results.partial.json", results_text(document)}});
      err << "recordflow: " << (jobs.interrupted() ? "interrupted" : "run failed") << "; kept "
          << input.replications.size() << " finished replication(s) in "
          << (request.out / "results.partial.json").string()
          << " (incomplete: " << document.at("manifest").at("missing").size()
          << " missing); results.json was not written\n";
    } else {
      err << "recordflow: " << (jobs.interrupted() ? "interrupted" : "run failed")
          << " before any replication finished; nothing was written\n";
    }
  } catch (const std::exception& e) {
    err << "recordflow: cannot write results: " << e.what() << "\n";
    code = 1;
    if (complete && document.is_object()) keep_partial(request.out, document, err);
  }
  return code;
}

}  // namespace recordflow
