// NeedsByDocument: information needs and gaps broken down by encounter type AND needed document type
// (METRICS.md, "Gaps by encounter type and document"), counting needs arising at or after the warm-up.
// Every (encounter type, document) pair that a pathway state declares has its rows, zeros included, so
// every replication reports the same rows. Summed over the pairs, each count equals its overall count.
#pragma once

#include <cstdint>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class NeedsByDocument {
 public:
  NeedsByDocument(const Scenario& scenario, Hours warm_up);

  void need(const NeedEvaluated& event);
  void report(ReplicationResult& result) const;

 private:
  struct Tally {
    std::uint64_t needs = 0;
    std::uint64_t needs_with_document = 0;
    std::uint64_t gaps = 0;
    bool declared = false;  // reported even when empty
  };
  Tally& tally(std::uint32_t encounter_type, std::uint32_t document);

  Hours warm_up_;
  NameTable encounter_types_;
  NameTable documents_;
  std::vector<std::vector<Tally>> tallies_;  // [encounter type][document]
};

}  // namespace recordflow
