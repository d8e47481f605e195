// Workload: what one replication of a scenario will cost, estimated before simulating it, so that a
// scenario that would not fit the machine (or never finish) is refused up front with the estimate and
// the limit. Arrivals = population / 1000 x sum of pathway arrival rates (per 1,000 per hour) x horizon
// (hours); with places (version 2), the sum over places, age bands and pathways of people x age share x
// the pathway's rate for the band / 1000, x horizon. Events and memory scale with arrivals by factors
// measured on the demo scenario (see Workload.cpp). The estimate is rough (within a factor of a few); the
// limits leave room for that.
#pragma once

#include <string>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct WorkloadEstimate {
  double arrivals = 0;  // patients starting a pathway in one replication
  double events = 0;    // simulated events of one replication
  double bytes = 0;     // peak memory of one replication process
};

struct WorkloadLimits {
  double events = 0;  // beyond this a replication would run for days
  double bytes = 0;   // the machine's physical memory
};

WorkloadEstimate estimate_workload(const Scenario& scenario);

// Limits of this machine (physical memory from sysconf).
WorkloadLimits machine_limits();

// "" when the estimate is within the limits, else one line per limit exceeded, each with the estimate,
// the limit, and what to change.
std::string workload_problems(const WorkloadEstimate& estimate, const WorkloadLimits& limits);

}  // namespace recordflow
