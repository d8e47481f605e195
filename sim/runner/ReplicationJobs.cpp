#include "runner/ReplicationJobs.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "runner/AtomicFile.hpp"
#include "runner/ProcessPool.hpp"

namespace recordflow {
namespace fs = std::filesystem;

namespace {

// The last `lines` lines of a child's log, indented, for the failure report.
std::string log_tail(const fs::path& log, std::size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string text;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
    text += "    " + all[i] + "\n";
  return text;
}

}  // namespace

ReplicationJobs::ReplicationJobs(const RunRequest& request, const RunPlan& plan, fs::path work_dir,
                                 const InterruptGuard& interrupt, Progress& progress, std::ostream& err)
    : request_(request),
      plan_(plan),
      work_dir_(std::move(work_dir)),
      executable_(current_executable()),
      interrupt_(interrupt),
      progress_(progress),
      err_(err) {}

fs::path ReplicationJobs::scenario_file(int point) const {
  return work_dir_ / ("scenario-" + std::to_string(point) + ".json");
}

void ReplicationJobs::write_scenarios() {
  for (std::size_t p = 0; p < plan_.points.size(); ++p)
    write_file_atomically(scenario_file(static_cast<int>(p)), plan_.points[p].scenario_text);
}

fs::path ReplicationJobs::record_file(std::size_t id) const {
  return work_dir_ / (std::to_string(id) + ".json");
}
fs::path ReplicationJobs::log_file(std::size_t id) const {
  return work_dir_ / (std::to_string(id) + ".log");
}
fs::path ReplicationJobs::progress_file(std::size_t id) const {
  return work_dir_ / (std::to_string(id) + ".progress");
}
fs::path ReplicationJobs::event_file(std::size_t id) const {
  return work_dir_ / (std::to_string(id) + ".events.jsonl");
}

std::vector<std::string> ReplicationJobs::child_arguments(const WorkItem& item, std::size_t id) const {
  const PlannedPoint& point = plan_.points.at(static_cast<std::size_t>(item.point));
  std::vector<std::string> argv{executable_.string(),
                                "_replicate",
                                "--resolved",
                                scenario_file(item.point).string(),
                                "--sha256",
                                point.scenario_sha256,
                                "--source",
                                plan_.scenario_file,
                                "--parent-pid",
                                std::to_string(::getpid()),
                                "--design",
                                item.design,
                                "--replication",
                                std::to_string(item.replication),
                                "--out",
                                record_file(id).string()};
  if (request_.event_log || plan_.event_log) {
    argv.push_back("--event-log");
    argv.push_back(event_file(id).string());
  }
  if (progress_.enabled()) {
    argv.push_back("--progress");
    argv.push_back(progress_file(id).string());
  }
  return argv;
}

std::string ReplicationJobs::collect(const WorkItem& item, std::size_t id) {
  try {
    PointReplication r = replication_from_json(nlohmann::json::parse(read_file(record_file(id))));
    r.point = item.point;
    r.result.design = item.design;
    r.result.replication = item.replication;
    if (request_.event_log || plan_.event_log) {
      const fs::path events = request_.out / "events";
      fs::create_directories(events);
      std::string name = item.design + "-" + std::to_string(item.replication) + ".jsonl";
      if (plan_.sweep) name = "point-" + std::to_string(item.point) + "-" + name;
      if (fs::exists(event_file(id))) fs::rename(event_file(id), events / name);
    }
    results_.push_back(std::move(r));
    return "";
  } catch (const std::exception& e) {
    return std::string("its result could not be read: ") + e.what();
  }
}

nlohmann::json ReplicationJobs::work_entry(const WorkItem& item, const std::string& reason) const {
  nlohmann::json entry{
      {"design", item.design}, {"replication", item.replication}, {"seed", plan_.seed}, {"reason", reason}};
  if (plan_.sweep) entry["point"] = item.point;
  return entry;
}

void ReplicationJobs::report_failure(const WorkItem& item, std::size_t id, const std::string& why,
                                     bool retrying) {
  progress_.clear();
  err_ << "recordflow: replication failed: " << describe(item, plan_.sweep) << " (seed " << plan_.seed
       << "): " << why << (retrying ? "; running it again" : "") << "\n"
       << log_tail(log_file(id), 12);
}

bool ReplicationJobs::run(const std::vector<WorkItem>& items) {
  std::vector<WorkItem> pending = items;
  for (int attempt = 0; !pending.empty() && !interrupt_.interrupted(); ++attempt) {
    const bool last_attempt = attempt >= std::max(request_.retries, 0);
    std::vector<ProcessSpec> specs;
    std::vector<std::size_t> ids;
    for (const auto& item : pending) {
      const std::size_t id = next_id_++;
      ids.push_back(id);
      specs.push_back(ProcessSpec{child_arguments(item, id), log_file(id)});
    }
    PoolOptions options;
    options.jobs = plan_.jobs;
    options.timeout_seconds = request_.timeout_seconds;
    options.stop = &interrupt_.flag();
    options.stop_on_failure = last_attempt;  // a failure that will be retried does not stop the others
    std::vector<WorkItem> failed;
    std::vector<bool> running(pending.size(), false);
    std::vector<int> days_done(pending.size(), 0);  // the most a child reported (a read may catch it mid-write)
    PoolCallbacks callbacks;
    callbacks.on_start = [&](std::size_t index) { running[index] = true; };
    callbacks.on_done = [&](std::size_t index, const ProcessOutcome& outcome) {
      running[index] = false;
      std::error_code ignored;
      fs::remove(progress_file(ids[index]), ignored);
      if (outcome.status == ProcessOutcome::Status::cancelled) return;
      const WorkItem& item = pending[index];
      const std::string why = outcome.ok() ? collect(item, ids[index]) : outcome.describe();
      if (why.empty() || last_attempt || interrupt_.interrupted()) progress_.done_one();
      if (!why.empty()) {
        const bool retrying = !last_attempt && !interrupt_.interrupted();
        report_failure(item, ids[index], why, retrying);
        if (retrying) {
          failed.push_back(item);
          retried_.push_back(work_entry(item, why));
        } else {
          failures_.push_back(work_entry(item, why));
        }
      }
      progress_.draw();
    };
    callbacks.on_tick = [&] {
      if (!progress_.enabled()) return;
      double running_days = 0;  // days done inside replications still running (their --progress files)
      for (std::size_t i = 0; i < pending.size(); ++i)
        if (running[i]) {
          std::ifstream in(progress_file(ids[i]));
          int days = 0;
          if (in >> days) days_done[i] = std::max(days_done[i], days);
          running_days += days_done[i];
        }
      progress_.set_running_days(running_days);
      progress_.draw();
    };
    progress_.draw();
    run_processes(specs, options, callbacks);
    if (!failures_.empty()) break;
    pending = std::move(failed);
  }
  return failures_.empty() && !interrupt_.interrupted();
}

}  // namespace recordflow
