#include "scenario/Workload.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace recordflow {
namespace {

// Measured with tools/bench.sh (one replication, README "Performance"): the demo (2,700 arrivals) made
// 51,000 events in 38 MiB, the region (1.9 million arrivals) 27.5 million events in 714 MiB: 14 to 19
// events and about 380 bytes per arrival. The factors below round up.
constexpr double kEventsPerArrival = 20;
constexpr double kBytesPerArrival = 512;
constexpr double kBaseBytes = 64.0 * 1024 * 1024;
constexpr double kMaxEvents = 5e9;  // about three hours of one core at the measured 440,000 events/s

std::string human(double value) {
  char text[32];
  const char* units[] = {"", " thousand", " million", " billion", " trillion"};
  int unit = 0;
  while (std::fabs(value) >= 1000 && unit < 4) {
    value /= 1000;
    ++unit;
  }
  std::snprintf(text, sizeof text, "%.3g%s", value, units[unit]);
  return text;
}

std::string bytes_text(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g GiB", bytes / (1024.0 * 1024 * 1024));
  return text;
}

// Arrivals per hour of one pathway at a flat profile: over the places and age bands of version 2
// (people x age share x the band's rate), else the whole population at the pathway's one rate.
double arrivals_per_hour(const Scenario& scenario, const Pathway& pathway) {
  const auto& places = scenario.people.places;
  if (places.empty())
    return static_cast<double>(scenario.population) / 1000.0 * pathway.rate_per_1000_per_hour;
  double rate = 0;
  for (const auto& place : places)
    for (std::size_t band = 0; band < place.age_shares.size(); ++band)
      rate +=
          static_cast<double>(place.people) * place.age_shares[band] * pathway.rate_for_band(band) / 1000.0;
  return rate;
}

}  // namespace

WorkloadEstimate estimate_workload(const Scenario& scenario) {
  double rate_per_hour = 0;
  for (const auto& pathway : scenario.pathways) rate_per_hour += arrivals_per_hour(scenario, pathway);
  WorkloadEstimate estimate;
  estimate.arrivals = rate_per_hour * scenario.experiment.horizon;
  estimate.events = estimate.arrivals * kEventsPerArrival;
  estimate.bytes = kBaseBytes + estimate.arrivals * kBytesPerArrival;
  return estimate;
}

WorkloadLimits machine_limits() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  WorkloadLimits limits;
  limits.events = kMaxEvents;
  limits.bytes = pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 8e9;
  return limits;
}

std::string workload_problems(const WorkloadEstimate& estimate, const WorkloadLimits& limits) {
  std::string problems;
  const std::string arrivals = " (" + human(estimate.arrivals) + " arrivals per replication)";
  if (!(estimate.events <= limits.events))
    problems += "one replication would simulate about " + human(estimate.events) + " events" + arrivals +
                ", more than the limit of " + human(limits.events) +
                ": lower the population, the arrival rates or the horizon\n";
  if (!(estimate.bytes <= limits.bytes))
    problems += "one replication would need about " + bytes_text(estimate.bytes) + " of memory" + arrivals +
                ", more than this machine's " + bytes_text(limits.bytes) +
                ": lower the population, the arrival rates or the horizon\n";
  return problems;
}

}  // namespace recordflow
