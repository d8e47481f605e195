// EpisodeHours: the simulated hours around a system's scripted unavailability (its own incidents with
// their recovery phases, degraded periods and planned downtime, and the incidents of the zones holding it),
// where the backlog is kept hour by hour. An episode [start, end) keeps whole days, from the day before
// the one it starts in to the second day after the one it ends in. Hour h covers [h, h + 1); hours are
// clipped to [0, end_time), ascending, each once. Random failures are not scripted: they are left out, so
// the hours are the same in every replication and every design of a scenario.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/Units.hpp"

namespace recordflow {

struct Scenario;

// True when `system` has a scripted episode at all (then it gets an hourly backlog series).
bool has_scripted_episodes(const Scenario& scenario, const std::string& system);

// The kept hour indices for `system` in a run that ends at `end_time`.
std::vector<std::uint32_t> episode_hours(const Scenario& scenario, const std::string& system, Hours end_time);

}  // namespace recordflow
