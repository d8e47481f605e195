#include "recorder/StaffLedger.hpp"

#include <cstddef>

namespace recordflow {
namespace {

void add_staff_metrics(ReplicationResult& result, const Dimensions& dims, double minutes,
                       std::uint64_t copies_created, Hours measured_hours) {
  result.add("staff_minutes", dims, minutes);
  if (copies_created > 0) {
    result.add("staff_minutes_per_1000_copies", dims, minutes / static_cast<double>(copies_created) * 1000.0);
  }
  if (measured_hours > 0)
    result.add("staff_hours_per_year", dims, minutes / 60.0 * (kHoursPerYear / measured_hours));
}

}  // namespace

void StaffLedger::work(const StaffWork& event) {
  per_day_.add(event.time, event.minutes);
  if (event.time < warm_up_) return;
  const std::uint32_t task = tasks_.intern(event.task);
  const int org_type = event.organisation ? org_type_slot(event.organisation->type) : kUnknownOrgType;
  const std::size_t index =
      static_cast<std::size_t>(task) * kOrgTypeSlots + static_cast<std::size_t>(org_type);
  if (index >= cells_.size()) cells_.resize((static_cast<std::size_t>(task) + 1) * kOrgTypeSlots);
  cells_[index].minutes += event.minutes;
  cells_[index].seen = true;
}

void StaffLedger::report(ReplicationResult& result, std::uint64_t copies_created,
                         Hours measured_hours) const {
  double total = 0;
  for (std::size_t index = 0; index < cells_.size(); ++index) {
    const Cell& cell = cells_[index];
    if (!cell.seen) continue;
    const auto task = static_cast<std::uint32_t>(index / kOrgTypeSlots);
    const int org_type = static_cast<int>(index % kOrgTypeSlots);
    add_staff_metrics(result, {{"org_type", org_type_name(org_type)}, {"task", tasks_.name(task)}},
                      cell.minutes, copies_created, measured_hours);
    total += cell.minutes;
  }
  add_staff_metrics(result, {}, total, copies_created, measured_hours);
}

}  // namespace recordflow
