// Comparison: `recordflow compare`. Within one results file: the paired differences of every design
// with a baseline (by default the run's), recomputed from the stored replications. Between two results
// files run with the same seed: designs matched by name (or the single design of each), replication i
// of the second file paired with replication i of the first (common random numbers hold because the
// seed and the replication index decide every random stream). Output: by default the headline table
// (HeadlineComparison.hpp) per pair of designs and sweep point (labelled by its factor values); with
// `breakdown` every metric row with its dimensions; or JSON. Metric names outside the results are an
// error listing the near names.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace recordflow {

struct CompareRequest {
  std::vector<std::string> files;    // one or two results files (or directories holding results.json)
  std::string baseline;              // one file: the design to subtract ("" = the run's baseline)
  std::string design;                // one file: the design compared with it ("" = every other design)
  bool all_pairs = false;            // one file: every pair of designs (later - earlier in declaration order)
  std::vector<std::string> metrics;  // only these metric names (empty = headline metrics; all for JSON)
  bool breakdown = false;            // every metric row with its dimensions instead of the headline table
  bool json = false;                 // print the comparisons as a JSON array instead of a table
  bool allow_incomplete = false;     // accept a partial result set (results.partial.json)
};

// "/pointer=value, /pointer=value" for a sweep point's factor object.
std::string point_label(const nlohmann::json& factors);

// Exit code: 0 ok, 2 unreadable or incomparable inputs, or an unknown metric or design.
int execute_compare(const CompareRequest& request, std::ostream& out, std::ostream& err);

// Reads a results document from a file, or from <dir>/results.json (then <dir>/results.partial.json).
// Unless `allow_incomplete`, throws std::invalid_argument for a set that is not complete: a partial file,
// a manifest with complete = false, or a directory holding both results.json and results.partial.json.
nlohmann::json read_results(const std::string& path, bool allow_incomplete = false);

}  // namespace recordflow
