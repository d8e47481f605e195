// Synthetic replication results for tests of the results document, the tidy export and merge: designs
// whose metrics follow simple formulas of the replication index, so expected values are known.
#pragma once

#include <string>
#include <vector>

#include "runner/ResultsDocument.hpp"

namespace recordflow::testing {

inline PointReplication synthetic(const std::string& design, int replication, double shift, int point = 0) {
  PointReplication pr;
  pr.point = point;
  ReplicationResult& r = pr.result;
  r.design = design;
  r.replication = replication;
  r.seed = 42;
  r.wall_seconds = 0.01 * (replication + 1);
  // Deliberately unsorted: the document sorts.
  r.metrics.push_back({"gaps", {{"cause", "outage"}}, 3.0 + replication + shift});
  r.metrics.push_back({"gap_rate", {}, 0.1 + 0.01 * replication + shift / 100});
  r.metrics.push_back({"gaps", {{"cause", "in_transit"}, {"encounter_type", "gp, \"visit\""}}, 1.0});
  r.series.push_back({"backlog", {{"system", "hub"}}, {1.0 + replication, 2.0, 3.0 + shift}, {}});
  return pr;
}

inline ResultsInput synthetic_run(const std::vector<std::string>& designs, const std::vector<double>& shifts,
                                  int replications) {
  ResultsInput input;
  input.designs = designs;
  input.baseline = designs.front();
  input.manifest = {{"tool_version", "1.0.0"},
                    {"simgrid_version", "3.32"},
                    {"scenario_file", "s.json"},
                    {"scenario", nlohmann::json::object()},
                    {"adaptive", nullptr},
                    {"horizon_hours", 480.0},
                    {"warm_up_hours", 48.0},
                    {"overrides", nlohmann::json::object()},
                    {"seed", 42},
                    {"shard", "1/1"},
                    {"complete", true},
                    {"missing", nlohmann::json::array()},
                    {"failures", nlohmann::json::array()},
                    {"wall_seconds", 1.5},
                    {"host", "test"},
                    {"jobs", 1},
                    {"started_at", "2026-01-01T00:00:00Z"}};
  nlohmann::json reps = nlohmann::json::object();
  for (const auto& d : designs) reps[d] = replications;
  input.manifest["replications"] = reps;
  for (int i = replications - 1; i >= 0; --i)
    for (std::size_t d = 0; d < designs.size(); ++d)
      input.replications.push_back(synthetic(designs[d], i, shifts[d]));
  return input;
}

}  // namespace recordflow::testing
