// ReplicationResult: everything one replication of one design measured, in tidy form.
// A metric is a named number with dimensions (e.g. "gaps" {cause: outage, encounter_type: gp_appointment}).
// Names and units are listed in analysis/README.md (the column dictionary); times are hours unless the
// name ends in _minutes. Only documents created and needs arising after the warm-up count.
// Conservation (documents_created = available + in_flight + lost) holds per destination copy.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace recordflow {

using Dimensions = std::vector<std::pair<std::string, std::string>>;  // sorted by key

struct MetricValue {
  std::string name;
  Dimensions dims;
  double value = 0;
};

// A daily series (hours empty): one value per simulated day (end-of-day sample or daily total). An hourly
// series (e.g. "backlog_hourly"): values[i] belongs to simulated hour hours[i] (ascending, not contiguous).
struct TimeSeries {
  std::string name;  // e.g. "backlog" {system: hub}
  Dimensions dims;
  std::vector<double> values;
  std::vector<std::uint32_t> hours;  // empty for a daily series
};

// One outage of a system, zone or link (OutageLedger.hpp). Hours since the run start; NaN = unset
// (end: still down at the horizon; backlog_clear_time: no backlog, or not cleared by the horizon).
struct OutageEpisode {
  std::string level;  // system, zone or link
  std::string name;
  double start = 0;
  double end = 0;
  std::string cause;     // planned, incident, zone_incident, link_incident, failure
  std::string incident;  // the incident's name ("" when not an incident)
  std::string zone;      // the zone whose incident it is ("" otherwise)
  bool left_backlog = false;
  double backlog_clear_time = 0;
};

struct ReplicationResult {
  std::string design;
  int replication = 0;
  std::uint64_t seed = 0;
  std::vector<MetricValue> metrics;
  std::vector<TimeSeries> series;
  std::vector<OutageEpisode> outage_episodes;  // sorted by (level, name, start)
  std::uint64_t simulated_events = 0;          // logical events handled (for benchmarks)
  double wall_seconds = 0;                     // wall time (excluded from determinism checks)

  void add(std::string name, Dimensions dims, double value);
  // Value of a metric with exactly these dimensions, or `fallback`.
  double get(const std::string& name, const Dimensions& dims = {}, double fallback = 0) const;
};

// Dimensions as a JSON object ({"cause": "outage"}) and back (sorted by key).
nlohmann::json dims_to_json(const Dimensions& dims);
Dimensions dims_from_json(const nlohmann::json& object);

// An episode as a JSON object (RESULTS-FORMAT.md: NaN and "" are null) and back.
nlohmann::json outage_to_json(const OutageEpisode& e);
OutageEpisode outage_from_json(const nlohmann::json& object);

void to_json(nlohmann::json& j, const ReplicationResult& r);
void from_json(const nlohmann::json& j, ReplicationResult& r);

}  // namespace recordflow
