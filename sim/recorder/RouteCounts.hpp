// RouteCounts: measured copies created per route (METRICS.md "Per route"), reported as `copies_by_route`
// with dimensions {source, destination, channel}, the volumes `recordflow graph --results` draws on its
// edges. Organisations are counted at the level the graph draws them: by template ("gp_practice" for
// gp_practice#1..#180), an organisation declared on its own by its name (one the scenario does not hold,
// by its name; a null one as ""); so the rows stay few (about 300 for the region, not one per pair of
// practices and hospitals). Per copy the cost is two vector look-ups (OrgIndex id -> group id), a pointer
// comparison for the channel (channel names are owned by the Scenario and outlive the replication) and one
// hash of an integer key; names are looked up only when reporting. Only routes with at least one copy are
// reported (zeros omitted), sorted by (source, destination, channel). Summed over routes, the counts equal
// `copies_created` {}.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "recorder/NameTable.hpp"
#include "recorder/OrgIndex.hpp"
#include "recorder/ReplicationResult.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow {

class RouteCounts {
 public:
  // `organisations` are the scenario's, in the order OrgIndex interns them first (ids 0, 1, ...).
  explicit RouteCounts(const std::vector<Organisation>& organisations);

  // `source` and `destination` are OrgIndex ids of `orgs`.
  void created(std::uint32_t source, std::uint32_t destination, const std::string* channel,
               const OrgIndex& orgs);

  void report(ReplicationResult& result) const;

 private:
  std::uint32_t group_of(std::uint32_t org, const OrgIndex& orgs);
  std::uint32_t channel_id(const std::string* channel);

  NameTable groups_;                     // template names, else organisation names
  std::vector<std::uint32_t> group_of_;  // OrgIndex id -> group id
  NameTable channels_;                   // channel names
  std::vector<std::pair<const std::string*, std::uint32_t>> channel_ids_;  // by address, few
  std::unordered_map<std::uint64_t, std::uint64_t> counts_;  // (source 24 bits, destination 24, channel 16)
};

}  // namespace recordflow
