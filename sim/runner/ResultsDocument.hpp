// ResultsDocument: assembles the results document (RESULTS-FORMAT.md, results.schema.json) from the
// replications of a run: the summary (mean, sd, n, 95 % Student-t interval of every metric of every
// design), the paired comparisons with the baseline (common random numbers: replication i with
// replication i), daily series with per-day intervals, structure and the replication records.
// Deterministic: the same input gives the same bytes whatever order the replications arrived in.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "runner/ReplicationRecord.hpp"

namespace recordflow {

inline constexpr const char* kResultsFormat = "recordflow-results";
inline constexpr int kResultsVersion = 1;

struct ResultsInput {
  nlohmann::json manifest = nlohmann::json::object();  // written as given (see RESULTS-FORMAT.md)
  std::vector<std::string> designs;                    // order of the summary (declaration order)
  std::string baseline;                                // "" = no comparisons
  std::vector<nlohmann::json> points;                  // sweep points' factor objects; empty = not a sweep
  std::vector<PointReplication> replications;          // any order
  nlohmann::json structure = nlohmann::json::object();
};

nlohmann::json build_results_document(const ResultsInput& input);

// Whether a replication that does not report this metric observed zero of it: true for counts and
// totals (copies, needs, gaps, encounters, staff time, items, downtime), whose per-dimension rows exist
// only where something happened; false for shares, rates, delays and percentiles, which are undefined
// then and are averaged over the replications that report them.
bool absent_means_zero(const std::string& metric);

// Fills, for every metric key that absent_means_zero(), a 0 for each replication in `replications` that
// lacks it.
void fill_absent_zeros(std::map<MetricKey, std::map<int, double>>& metrics,
                       const std::set<int>& replications);

// The inverse, for merge and compare: reads manifest, designs, baseline, points, replications and structure.
// Throws std::runtime_error (or nlohmann::json::exception) when the document is not a results document.
ResultsInput results_input_from_document(const nlohmann::json& document);

// Pretty JSON text with a final newline: the exact bytes written to results.json.
std::string results_text(const nlohmann::json& document);

// Removes the fields that record wall time, host, jobs and the command line (they differ between runs of
// the same scenario and seed).
nlohmann::json without_wall_time_fields(nlohmann::json document);

}  // namespace recordflow
