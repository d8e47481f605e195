// StaffLedger: minutes of manual work (METRICS.md, "Staff time") by {org_type, task} and in total,
// counted for work done at or after the warm-up; also per 1,000 measured copies and scaled to a year
// (365 d / measured period, where the measured period is horizon - warm-up). The daily series sums all
// days, warm-up included.
#pragma once

#include <cstdint>
#include <vector>

#include "recorder/DailyTotals.hpp"
#include "recorder/Events.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/OrgIndex.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class StaffLedger {
 public:
  explicit StaffLedger(Hours warm_up) : warm_up_(warm_up) {}

  void work(const StaffWork& event);
  std::vector<double> minutes_per_day(std::size_t days) const { return per_day_.values(days); }
  // `copies_created`: measured copies; `measured_hours`: horizon - warm-up.
  void report(ReplicationResult& result, std::uint64_t copies_created, Hours measured_hours) const;

 private:
  struct Cell {
    double minutes = 0;
    bool seen = false;
  };

  Hours warm_up_;
  NameTable tasks_;
  std::vector<Cell> cells_;  // task id * kOrgTypeSlots + org type slot
  DailyTotals per_day_;
};

}  // namespace recordflow
