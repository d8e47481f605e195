// ReplicationJobs: runs a batch of work items as `recordflow _replicate` child processes and collects
// their ReplicationRecords. Each child writes its record to a file in the work directory; the event log
// (if asked for) is moved into <out>/events/ only when its replication succeeded, so no partial log is
// ever left in the output. Failures are reported with design, replication index and seed. A replication
// that fails (crash, kill, timeout, unreadable record) is run again up to `retries` times (the request's,
// default 1) before the run counts as failed; retried ones are listed in retried().
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "runner/Interrupt.hpp"
#include "runner/Progress.hpp"
#include "runner/ReplicationRecord.hpp"
#include "runner/RunRequest.hpp"
#include "runner/WorkList.hpp"

namespace recordflow {

class ReplicationJobs {
 public:
  ReplicationJobs(const RunRequest& request, const RunPlan& plan, std::filesystem::path work_dir,
                  const InterruptGuard& interrupt, Progress& progress, std::ostream& err);

  // Writes each point's resolved scenario once into the work directory; replication processes read it
  // from there (checking its SHA-256), never the scenario file, so editing that file mid-run changes
  // nothing. Throws when it cannot be written.
  void write_scenarios();

  // Runs `items`; true when all succeeded and the run was not interrupted.
  bool run(const std::vector<WorkItem>& items);

  std::vector<PointReplication>& results() { return results_; }
  const nlohmann::json& failures() const { return failures_; }  // [{design, replication, seed, reason, ...}]
  const nlohmann::json& retried() const { return retried_; }    // failed once, run again (same form)
  bool interrupted() const { return interrupt_.interrupted(); }

 private:
  std::vector<std::string> child_arguments(const WorkItem& item, std::size_t id) const;
  std::string collect(const WorkItem& item, std::size_t id);  // "" when its record was kept, else why not
  nlohmann::json work_entry(const WorkItem& item, const std::string& reason) const;
  void report_failure(const WorkItem& item, std::size_t id, const std::string& why, bool retrying);
  std::filesystem::path scenario_file(int point) const;
  std::filesystem::path record_file(std::size_t id) const;
  std::filesystem::path log_file(std::size_t id) const;
  std::filesystem::path event_file(std::size_t id) const;
  std::filesystem::path progress_file(std::size_t id) const;  // simulated days done, written by the child

  const RunRequest& request_;
  const RunPlan& plan_;
  std::filesystem::path work_dir_;
  std::filesystem::path executable_;
  const InterruptGuard& interrupt_;
  Progress& progress_;
  std::ostream& err_;
  std::size_t next_id_ = 0;
  std::vector<PointReplication> results_;
  nlohmann::json failures_ = nlohmann::json::array();
  nlohmann::json retried_ = nlohmann::json::array();
};

}  // namespace recordflow
