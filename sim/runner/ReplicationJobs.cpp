#include "runner/ReplicationJobs.hpp"

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
  std::vector<std::string> argv{executable_.string(),
                                "_replicate",
                                "--scenario",
                                plan_.scenario_file,
                                "--design",
                                item.design,
                                "--replication",
                                std::to_string(item.replication),
                                "--out",
                                record_file(id).string()};
  for (const auto& o : plan_.points.at(static_cast<std::size_t>(item.point)).overrides) {
    argv.push_back("--set");
    argv.push_back(override_argument(o));
  }
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

void ReplicationJobs::collect(const WorkItem& item, std::size_t id, bool ok, const std::string& reason) {
  std::string why = reason;
  if (ok) {
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
      return;
    } catch (const std::exception& e) {
      why = std::string("its result could not be read: ") + e.what();
    }
  }
  nlohmann::json failure{
      {"design", item.design}, {"replication", item.replication}, {"seed", plan_.seed}, {"reason", why}};
  if (plan_.sweep) failure["point"] = item.point;
  failures_.push_back(failure);
  progress_.clear();
  err_ << "recordflow: replication failed: " << describe(item, plan_.sweep) << " (seed " << plan_.seed
       << "): " << why << "\n"
       << log_tail(log_file(id), 12);
}

bool ReplicationJobs::run(const std::vector<WorkItem>& items) {
  std::vector<ProcessSpec> specs;
  std::vector<std::size_t> ids;
  for (const auto& item : items) {
    const std::size_t id = next_id_++;
    ids.push_back(id);
    specs.push_back(ProcessSpec{child_arguments(item, id), log_file(id)});
  }
  PoolOptions options;
  options.jobs = plan_.jobs;
  options.timeout_seconds = request_.timeout_seconds;
  options.stop = &interrupt_.flag();
  PoolCallbacks callbacks;
  bool all_ok = true;
  std::vector<bool> running(items.size(), false);
  std::vector<int> days_done(items.size(), 0);  // the most a child reported (a read may catch it mid-write)
  callbacks.on_start = [&](std::size_t index) { running[index] = true; };
  callbacks.on_done = [&](std::size_t index, const ProcessOutcome& outcome) {
    running[index] = false;
    std::error_code ignored;
    fs::remove(progress_file(ids[index]), ignored);
    if (outcome.status == ProcessOutcome::Status::cancelled) return;
    progress_.done_one();
    if (!outcome.ok()) all_ok = false;
    collect(items[index], ids[index], outcome.ok(), outcome.describe());
    progress_.draw();
  };
  callbacks.on_tick = [&] {
    if (!progress_.enabled()) return;
    double running_days = 0;  // days done inside replications still running (their --progress files)
    for (std::size_t i = 0; i < items.size(); ++i)
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
  return all_ok && failures_.empty() && !interrupt_.interrupted();
}

}  // namespace recordflow
