// WarmUpChoice: the warm-up chosen from the data ("warm_up": "auto"). After a first pass of every
// replication measured from day 0, each design's daily series of copies created, gaps and staff minutes
// are averaged over its replications and MSER-5 (stats/Mser.hpp) picks a truncation for each; a design's
// truncation is the largest of its series', and the warm-up applied to every design is the largest over
// designs, so that paired comparisons measure all designs over the same days. The record (method, series,
// per-design curves and truncations, warnings when a series shows no steady state, and the OLS slope of
// each series after the cut with its interval, stated in words when it excludes 0) goes into
// results.json as "warm_up" (RESULTS-FORMAT.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/ReplicationRecord.hpp"

namespace recordflow {

struct WarmUpChoice {
  int applied_days = 0;
  nlohmann::json record;              // the results' "warm_up" object
  std::vector<std::string> warnings;  // one sentence per series without a steady state
  std::vector<std::string> trends;    // one sentence per series whose slope after the cut excludes 0
};

// The daily series MSER-5 is applied to, in the order they are reported.
const std::vector<std::string>& warm_up_series_names();

WarmUpChoice choose_warm_up(const std::vector<PointReplication>& results,
                            const std::vector<std::string>& designs, int horizon_days);

// The "warm_up" record of a run with a fixed warm-up.
nlohmann::json fixed_warm_up_record(double warm_up_hours);

// The resolved scenario text with /experiment/warm_up set to `days` days (compact JSON, as planned).
std::string with_warm_up_days(const std::string& scenario_text, int days);

}  // namespace recordflow
