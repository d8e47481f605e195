#include "recorder/StaffQueueLedger.hpp"

#include <string>

#include "recorder/DailyTotals.hpp"

namespace recordflow {

StaffQueueLedger::StaffQueueLedger(const Scenario& scenario) {
  for (const Organisation& org : scenario.organisations) {
    for (const StaffPool& pool : org.staff) {
      const std::uint32_t instance = instances_.intern(std::string_view{org.name + "/" + pool.name});
      const std::uint32_t group = names_.intern(std::string_view{org.template_name + "/" + pool.name});
      if (instance >= group_of_.size()) group_of_.resize(instance + 1, 0);
      group_of_[instance] = group;
    }
  }
  instance_length_.resize(group_of_.size(), 0);
  books_.resize(names_.size());
}

void StaffQueueLedger::queue(const QueueLength& event) {
  if (event.is_system) return;
  const std::uint32_t instance = instances_.intern(event.queue);
  if (instance >= group_of_.size()) {  // not declared: its own series
    group_of_.resize(instance + 1, names_.intern(event.queue));
    instance_length_.resize(instance + 1, 0);
    books_.resize(names_.size());
  }
  PoolBook& b = books_[group_of_[instance]];
  const std::size_t day = day_of(event.time);
  if (b.per_day.size() < day) b.per_day.resize(day, static_cast<double>(b.length));
  b.length = b.length - instance_length_[instance] + event.length;
  instance_length_[instance] = event.length;
  if (b.per_day.size() == day) {
    b.per_day.push_back(static_cast<double>(b.length));
  } else {
    b.per_day[day] = static_cast<double>(b.length);
  }
}

void StaffQueueLedger::report(ReplicationResult& result, Hours /*end_time*/, std::size_t days) const {
  for (std::uint32_t id = 0; id < books_.size(); ++id) {
    const PoolBook& b = books_[id];
    std::vector<double> series = b.per_day;
    if (series.size() < days) series.resize(days, static_cast<double>(b.length));
    if (series.size() > days) series[days - 1] = series.back();  // a sample at the horizon ends the last day
    series.resize(days);
    result.series.push_back({"staff_queue", {{"pool", names_.name(id)}}, std::move(series), {}});
  }
}

}  // namespace recordflow
