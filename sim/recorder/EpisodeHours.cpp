#include "recorder/EpisodeHours.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "recorder/DailyTotals.hpp"
#include "scenario/Infrastructure.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow {
namespace {

constexpr std::size_t kDaysBefore = 1;
constexpr std::size_t kDaysAfter = 2;

using Window = std::pair<Hours, Hours>;  // [start, end) of an episode

void add_incident(const Incident& incident, std::vector<Window>& out) {
  Hours end = incident.start + incident.duration;
  const Hours recovery_origin = end;
  for (const CapacityPhase& phase : incident.recovery)
    end = std::max(end, recovery_origin + phase.start + phase.duration);
  out.emplace_back(incident.start, end);
}

std::vector<Window> scripted_windows(const Scenario& scenario, const std::string& system, Hours end_time) {
  std::vector<Window> windows;
  const auto it = scenario.systems.find(system);
  if (it != scenario.systems.end()) {
    const Availability& a = it->second.availability;
    for (const Incident& incident : a.incidents) add_incident(incident, windows);
    for (const CapacityPhase& phase : a.degraded) windows.emplace_back(phase.start, phase.start + phase.duration);
    for (const PlannedDowntime& plan : a.planned) {
      for (Hours at = plan.first_start; at < end_time; at += plan.every) {
        windows.emplace_back(at, at + plan.duration);
        if (!(plan.every > 0)) break;
      }
    }
  }
  for (const Incident& incident : zone_incidents_hitting(scenario.infrastructure, system))
    add_incident(incident, windows);
  return windows;
}

}  // namespace

bool has_scripted_episodes(const Scenario& scenario, const std::string& system) {
  const auto it = scenario.systems.find(system);
  if (it != scenario.systems.end()) {
    const Availability& a = it->second.availability;
    if (!a.incidents.empty() || !a.degraded.empty() || !a.planned.empty()) return true;
  }
  return !zone_incidents_hitting(scenario.infrastructure, system).empty();
}

std::vector<std::uint32_t> episode_hours(const Scenario& scenario, const std::string& system, Hours end_time) {
  const std::size_t days = days_until(end_time);
  const auto last_hour = static_cast<std::uint32_t>(std::ceil(std::max(end_time, 0.0)));
  std::vector<bool> kept_day(days, false);
  for (const auto& [start, end] : scripted_windows(scenario, system, end_time)) {
    if (!(start < end_time) || !(end > 0)) continue;
    const std::size_t first = day_of(start);
    const std::size_t last = day_of(std::max(start, end - 1e-9));
    const std::size_t from = first >= kDaysBefore ? first - kDaysBefore : 0;
    const std::size_t to = std::min(days - 1, last + kDaysAfter);
    for (std::size_t d = from; d <= to; ++d) kept_day[d] = true;
  }
  std::vector<std::uint32_t> hours;
  for (std::size_t d = 0; d < days; ++d) {
    if (!kept_day[d]) continue;
    for (std::uint32_t h = static_cast<std::uint32_t>(d * 24); h < (d + 1) * 24 && h < last_hour; ++h)
      hours.push_back(h);
  }
  return hours;
}

}  // namespace recordflow
