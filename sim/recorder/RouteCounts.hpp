// RouteCounts: measured copies created per route {from organisation, to organisation, channel}
// (METRICS.md "Per route"), reported as dimensions {source, destination, channel}, the volumes `recordflow graph --results` draws on its edges. Counted with
// integer keys (OrgIndex ids and interned channel ids packed into one 64-bit key), so the per-copy cost
// is one hash of an integer; names are looked up only when reporting. Only routes with at least one copy
// are reported (zeros omitted); rows are sorted by (source, destination, channel) name. Summed over routes, the
// counts equal `copies_created` {}.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "recorder/NameTable.hpp"
#include "recorder/OrgIndex.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class RouteCounts {
 public:
  // `source` and `destination` are OrgIndex ids; `channel` the channel name (null: "").
  void created(std::uint32_t source, std::uint32_t destination, const std::string* channel);

  void report(ReplicationResult& result, const OrgIndex& orgs) const;

 private:
  NameTable channels_;
  std::unordered_map<std::uint64_t, std::uint64_t> counts_;  // (source 24 bits, destination 24, channel 16)
};

}  // namespace recordflow
