// SummaryTable: the readable table `run` and `sweep` print on stdout, one row per design (and sweep
// point): gap rate with its 95 % interval, share of encounters with a gap, overall delay p50 and p90,
// copies lost, staff hours per year; then the paired differences with the baseline. Read from a
// results document's summary and comparisons; a metric a design did not report shows as "-".
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace recordflow {

void print_summary_table(const nlohmann::json& results, std::ostream& out);

// A design's readable label from a results manifest (its resolved scenario), or "" when it has none
// other than its name.
std::string design_label(const nlohmann::json& manifest, const std::string& design);

// The comparison part only, for given metrics (every metric when empty): used by `compare`.
void print_comparison_table(const nlohmann::json& comparisons, const std::vector<std::string>& metrics,
                            std::ostream& out);

}  // namespace recordflow
