#include "recorder/SystemLedger.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "recorder/DailyTotals.hpp"
#include "recorder/EpisodeHours.hpp"

namespace recordflow {
namespace {

Hours overlap_after(Hours warm_up, Hours from, Hours to) {
  return std::max(0.0, to - std::max(from, warm_up));
}

std::size_t hour_of(Hours t) {
  return t <= 0 ? 0 : static_cast<std::size_t>(std::floor(t));
}

// Sets the length at the end of `slot` (a day or an hour), carrying `current` over the slots before it
// that had no sample of their own.
void record_at(std::vector<double>& per_slot, std::size_t slot, double current, double length) {
  if (per_slot.size() < slot) per_slot.resize(slot, current);
  if (per_slot.size() == slot) {
    per_slot.push_back(length);
  } else {
    per_slot[slot] = length;
  }
}

}  // namespace

SystemLedger::SystemLedger(const Scenario& scenario, Hours warm_up) : scenario_(scenario), warm_up_(warm_up) {
  // Every declared system reports its rows (zeros included) in every replication.
  for (const auto& [name, system] : scenario.systems) names_.intern(std::string_view{name});
  books_.resize(names_.size());
  for (std::uint32_t id = 0; id < books_.size(); ++id)
    books_[id].hourly = has_scripted_episodes(scenario, names_.name(id));
}

SystemLedger::SystemBook& SystemLedger::book(const std::string* name) {
  const std::uint32_t id = names_.intern(name);
  if (id >= books_.size()) books_.resize(id + 1);
  return books_[id];
}

// Days before `day` that have no sample of their own end with the length then current.
void SystemLedger::fill_days(SystemBook& book, std::size_t day) const {
  if (book.backlog_per_day.size() < day) book.backlog_per_day.resize(day, static_cast<double>(book.length));
}

void SystemLedger::state(const SystemState& event) {
  SystemBook& b = book(event.system);
  if (!event.up && !b.down) {
    b.down = true;
    b.down_since = event.time;
    b.pre_outage_length = b.length;
  } else if (event.up && b.down) {
    b.down = false;
    b.downtime += overlap_after(warm_up_, b.down_since, event.time);
    if (event.time >= warm_up_ && b.length > b.pre_outage_length) {
      b.pending.push_back({event.time, b.pre_outage_length});
    }
  }
}

void SystemLedger::queue(const QueueLength& event) {
  if (!event.is_system) return;
  SystemBook& b = book(event.queue);
  const std::size_t day = day_of(event.time);
  fill_days(b, day);
  if (b.hourly)
    record_at(b.backlog_per_hour, hour_of(event.time), static_cast<double>(b.length),
              static_cast<double>(event.length));
  if (event.time >= warm_up_) {
    // The length in force at the warm-up is part of the measured period too.
    if (!b.measuring) b.max_after_warm_up = b.length;
    b.measuring = true;
    b.max_after_warm_up = std::max(b.max_after_warm_up, event.length);
  }
  b.length = event.length;
  if (b.backlog_per_day.size() == day) {
    b.backlog_per_day.push_back(static_cast<double>(event.length));
  } else {
    b.backlog_per_day[day] = static_cast<double>(event.length);
  }
  auto cleared = [&](const PendingClear& p) { return event.length <= p.pre_outage_length; };
  for (const PendingClear& p : b.pending) {
    if (!cleared(p)) continue;
    b.clear_time_sum += event.time - p.recovered_at;
    ++b.cleared;
  }
  std::erase_if(b.pending, cleared);
}

void SystemLedger::processed(const ItemProcessed& event) {
  if (event.time < warm_up_) return;
  ++book(event.system).items_processed;
}

void SystemLedger::diverted(const ItemDiverted& event) {
  if (event.time < warm_up_) return;
  ++book(event.system).items_diverted;
}

void SystemLedger::report(ReplicationResult& result, Hours end_time, std::size_t days) const {
  for (std::uint32_t id = 0; id < books_.size(); ++id) {
    SystemBook b = books_[id];  // copy: closing the books must not change the ledger
    const Dimensions dims{{"system", names_.name(id)}};
    Hours downtime = b.downtime;
    if (b.down) downtime += overlap_after(warm_up_, b.down_since, end_time);
    const std::size_t backlog_max = b.measuring ? b.max_after_warm_up : b.length;
    result.add("items_processed", dims, static_cast<double>(b.items_processed));
    result.add("items_diverted", dims, static_cast<double>(b.items_diverted));
    result.add("backlog_max", dims, static_cast<double>(backlog_max));
    result.add("downtime_hours", dims, downtime);
    result.add("backlogs_not_cleared", dims, static_cast<double>(b.pending.size()));
    if (b.cleared > 0)
      result.add("backlog_clear_time", dims, b.clear_time_sum / static_cast<double>(b.cleared));

    fill_days(b, days);
    std::vector<double> series = std::move(b.backlog_per_day);
    if (series.size() > days) series[days - 1] = series.back();  // a sample at the horizon ends the last day
    series.resize(days);
    result.series.push_back({"backlog", dims, std::move(series), {}});

    if (!b.hourly) continue;
    std::vector<std::uint32_t> hours = episode_hours(scenario_, names_.name(id), end_time);
    std::vector<double> per_hour = std::move(b.backlog_per_hour);
    const std::size_t last_hour = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(end_time))) - 1;
    if (per_hour.size() > last_hour + 1) per_hour[last_hour] = per_hour.back();  // a sample at the horizon
    std::vector<double> values;
    values.reserve(hours.size());
    for (const std::uint32_t h : hours)  // hours after the last sample end with the current length
      values.push_back(h < per_hour.size() ? per_hour[h] : static_cast<double>(b.length));
    result.series.push_back({"backlog_hourly", dims, std::move(values), std::move(hours)});
  }
}

}  // namespace recordflow
