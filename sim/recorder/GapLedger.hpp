// GapLedger: information needs and their gaps (METRICS.md, "Gaps at information needs"). Counts needs
// arising at or after the warm-up, per encounter type and overall; a gap is a need whose document
// existed but was not seen, with exactly one cause (the NeedOutcome). Encounters are counted once via
// 1 byte per encounter id in an IdTable (bit 0: counted, bit 1: had a gap). The daily gap series
// counts all days, warm-up included.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "recorder/DailyTotals.hpp"
#include "recorder/Events.hpp"
#include "recorder/IdTable.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

constexpr int kGapCauses = 7;  // in_transit, lost, outage, not_looked, paper_only, stale, never_sent

// Index of the cause of a gap in [0, kGapCauses), or -1 when the outcome is not a gap.
int gap_cause_index(NeedOutcome outcome);
const char* gap_cause_name(int index);

class GapLedger {
 public:
  GapLedger(const Scenario& scenario, Hours warm_up);

  void need(const NeedEvaluated& event);
  std::vector<double> gaps_per_day(std::size_t days) const { return per_day_.values(days); }
  std::size_t memory_bytes() const { return encounters_.memory_bytes(); }
  void report(ReplicationResult& result) const;

 private:
  struct Tally {
    std::uint64_t needs = 0;
    std::uint64_t needs_with_document = 0;
    std::array<std::uint64_t, kGapCauses> gaps{};
    std::uint64_t encounters = 0;
    std::uint64_t encounters_with_gap = 0;
    std::uint64_t phone_calls = 0;
    std::uint64_t gaps_resolved_by_phone = 0;
    std::uint64_t total_gaps() const;
    void merge(const Tally& other);
  };

  static void add_tally(ReplicationResult& result, const Dimensions& dims, const Tally& tally);

  Hours warm_up_;
  NameTable encounter_types_;
  std::vector<Tally> tallies_;  // per encounter type id
  IdTable<std::uint8_t> encounters_;
  DailyTotals per_day_;
};

}  // namespace recordflow
