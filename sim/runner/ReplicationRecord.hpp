// ReplicationRecord: one replication's results as stored in the results document's `replications` array
// and in the file a `_replicate` child writes (the same JSON object):
//   {"design", "replication", "seed", "wall_seconds", "simulated_events",
//    "metrics": [{"metric", "dims": {k: v}, "value"}], "series": [{"name", "dims", "values": [...]}]}
// plus "point" (an integer) in sweeps. Metrics and series are sorted by name, then dimensions; metrics
// whose value is not finite are left out (JSON has no NaN).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "recorder/ReplicationResult.hpp"

namespace recordflow {

struct MetricKey {
  std::string name;
  Dimensions dims;  // sorted by key
  friend auto operator<=>(const MetricKey&, const MetricKey&) = default;
};

// dims_to_json / dims_from_json come with ReplicationResult.hpp.
std::string dims_to_text(const Dimensions& dims);  // "k=v;k=v"

struct PointReplication {
  int point = 0;
  ReplicationResult result;
};

// `with_point`: write the "point" member (sweeps).
nlohmann::json replication_to_json(const PointReplication& r, bool with_point);
// Throws nlohmann::json::exception (with the JSON Pointer of the bad value) on a malformed record.
PointReplication replication_from_json(const nlohmann::json& j);

// Sorts metrics and series of `r` by (name, dims).
void sort_contents(ReplicationResult& r);

}  // namespace recordflow
