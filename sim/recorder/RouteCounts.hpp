// RouteCounts: measured copies created per route (METRICS.md "Per route"), reported as `copies_by_route`
// with dimensions {source, destination, channel}, the volumes `recordflow graph --results` draws on its
// edges. Organisations are counted at the level the graph draws them: by template ("gp_practice" for
// gp_practice#1..#180), an organisation declared on its own by its name; so the rows stay few (hundreds for
// the region, not one per pair of practices and hospitals). Counted with integer keys (names interned by
// address, packed with the channel id into one 64-bit key): one hash of an integer per copy; names are
// looked up only when reporting. Only routes with at least one copy are reported (zeros omitted), sorted
// by (source, destination, channel). Summed over routes, the counts equal `copies_created` {}.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow {

// The name an organisation is counted and drawn under: its template's, else its own ("" for null).
const std::string* route_group(const Organisation* organisation);

class RouteCounts {
 public:
  void created(const Organisation* source, const Organisation* destination, const std::string* channel);

  void report(ReplicationResult& result) const;

 private:
  NameTable groups_;                                         // route_group names
  NameTable channels_;                                       // channel names
  std::unordered_map<std::uint64_t, std::uint64_t> counts_;  // (source 24 bits, destination 24, channel 16)
};

}  // namespace recordflow
