// Comparison: `recordflow compare`. Within one results file: the paired differences of every design
// with a baseline (by default the run's), recomputed from the stored replications. Between two results
// files run with the same seed: designs matched by name (or the single design of each), replication i
// of the second file paired with replication i of the first (common random numbers hold because the
// seed and the replication index decide every random stream). Output: a table on stdout (or JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace recordflow {

struct CompareRequest {
  std::vector<std::string> files;    // one or two results files (or directories holding results.json)
  std::string baseline;              // one file: the design to subtract ("" = the run's baseline)
  std::vector<std::string> metrics;  // only these metric names ("" = all)
  bool json = false;                 // print the comparisons as a JSON array instead of a table
  bool allow_incomplete = false;     // accept a partial result set (results.partial.json)
};

// The comparison entries (as in a results document's `comparisons`). Throws std::invalid_argument with
// a message for the user when the inputs cannot be compared.
nlohmann::json compare_within(const nlohmann::json& results, const std::string& baseline);
nlohmann::json compare_between(const nlohmann::json& first, const nlohmann::json& second);

// Exit code: 0 ok, 2 unreadable or incomparable inputs.
int execute_compare(const CompareRequest& request, std::ostream& out, std::ostream& err);

// Reads a results document from a file, or from <dir>/results.json (then <dir>/results.partial.json).
// Unless `allow_incomplete`, throws std::invalid_argument for a set that is not complete: a partial file,
// a manifest with complete = false, or a directory holding both results.json and results.partial.json.
nlohmann::json read_results(const std::string& path, bool allow_incomplete = false);

}  // namespace recordflow
