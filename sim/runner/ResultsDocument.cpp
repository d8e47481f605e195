#include "runner/ResultsDocument.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "stats/Estimate.hpp"
#include "stats/PairedDifference.hpp"

namespace recordflow {
namespace {

using Json = nlohmann::json;

Json optional_number(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? Json(*value) : Json();
}

struct SeriesKey {
  std::string name;
  Dimensions dims;
  friend auto operator<=>(const SeriesKey&, const SeriesKey&) = default;
};

struct Group {  // one design at one point
  std::set<int> replications;
  std::map<MetricKey, ValuesByReplication> metrics;
  std::map<SeriesKey, std::map<int, const TimeSeries*>> series;
};

void tag(Json& entry, bool sweep, int point) {
  if (sweep) entry["point"] = point;
}

Json estimate_entry(const Estimate& e) {
  return Json{{"mean", e.n > 0 ? Json(e.mean) : Json()},
              {"sd", optional_number(e.sd)},
              {"n", e.n},
              {"ci_low", optional_number(e.ci_low)},
              {"ci_high", optional_number(e.ci_high)},
              {"half_width", optional_number(e.half_width)}};
}

// Per index (day, or kept hour of an hourly series): mean and interval over the replications that have it.
// The hours of an hourly series come from the scenario's scripted episodes, so every replication has the
// same ones.
Json series_entry(const std::map<int, const TimeSeries*>& by_replication) {
  std::size_t days = 0;
  const std::vector<std::uint32_t>& hours = by_replication.begin()->second->hours;
  for (const auto& [rep, s] : by_replication) {
    days = std::max(days, s->values.size());
    if (s->hours != hours)
      throw std::runtime_error("series " + s->name + " has different hours in replication " +
                               std::to_string(rep));
  }
  Json mean = Json::array(), low = Json::array(), high = Json::array();
  for (std::size_t day = 0; day < days; ++day) {
    std::vector<double> values;
    for (const auto& [rep, s] : by_replication)
      if (day < s->values.size() && std::isfinite(s->values[day])) values.push_back(s->values[day]);
    const Estimate e = estimate(values);
    mean.push_back(e.n > 0 ? Json(e.mean) : Json());
    low.push_back(optional_number(e.ci_low));
    high.push_back(optional_number(e.ci_high));
  }
  Json entry{{"n", by_replication.size()}, {"mean", mean}, {"ci_low", low}, {"ci_high", high}};
  if (!hours.empty()) entry["hours"] = hours;
  return entry;
}

}  // namespace

bool absent_means_zero(const std::string& metric) {
  static const std::set<std::string> kCounts{"copies_created",
                                             "copies_available",
                                             "copies_lost",
                                             "copies_in_flight",
                                             "copies_back_entered",
                                             "needs",
                                             "needs_with_document",
                                             "gaps",
                                             "encounters",
                                             "encounters_with_gap",
                                             "phone_calls",
                                             "gaps_resolved_by_phone",
                                             "staff_minutes",
                                             "staff_hours_per_year",
                                             "items_processed",
                                             "items_diverted",
                                             "downtime_hours",
                                             "backlogs_not_cleared",
                                             "copies_never_sent",
                                             "copies_misdirected",
                                             "copies_misdirected_lost",
                                             "copies_forgotten",
                                             "chases",
                                             "chases_obtained",
                                             "actions_needed",
                                             "actions_on_time",
                                             "actions_late",
                                             "actions_missed",
                                             "actions_pending",
                                             "copies_sent",
                                             "copies_received",
                                             "copies_by_route"};
  return kCounts.count(metric) > 0;
}

void fill_absent_zeros(std::map<MetricKey, std::map<int, double>>& metrics,
                       const std::set<int>& replications) {
  for (auto& [key, values] : metrics)
    if (absent_means_zero(key.name))
      for (const int r : replications) values.emplace(r, 0.0);
}

Json build_results_document(const ResultsInput& input) {
  const bool sweep = !input.points.empty();
  const int points = sweep ? static_cast<int>(input.points.size()) : 1;
  std::map<std::string, int> design_rank;
  for (std::size_t i = 0; i < input.designs.size(); ++i)
    design_rank.emplace(input.designs[i], static_cast<int>(i));

  std::vector<const PointReplication*> ordered;
  for (const auto& r : input.replications) {
    if (!design_rank.count(r.result.design))
      throw std::runtime_error("replication of unknown design " + r.result.design);
    ordered.push_back(&r);
  }
  std::sort(ordered.begin(), ordered.end(), [&](const PointReplication* a, const PointReplication* b) {
    return std::make_tuple(a->point, design_rank.at(a->result.design), a->result.replication) <
           std::make_tuple(b->point, design_rank.at(b->result.design), b->result.replication);
  });

  std::vector<std::vector<Group>> groups(static_cast<std::size_t>(points),
                                         std::vector<Group>(input.designs.size()));
  Json replications = Json::array();
  for (const auto* r : ordered) {
    Group& g = groups.at(static_cast<std::size_t>(r->point))
                   .at(static_cast<std::size_t>(design_rank.at(r->result.design)));
    g.replications.insert(r->result.replication);
    for (const auto& m : r->result.metrics)
      if (std::isfinite(m.value)) g.metrics[MetricKey{m.name, m.dims}][r->result.replication] = m.value;
    for (const auto& s : r->result.series) g.series[SeriesKey{s.name, s.dims}][r->result.replication] = &s;
    replications.push_back(replication_to_json(*r, sweep));
  }

  for (auto& by_design : groups)
    for (auto& g : by_design) fill_absent_zeros(g.metrics, g.replications);

  Json summary = Json::array(), comparisons = Json::array(), series = Json::array();
  const auto baseline_it = design_rank.find(input.baseline);
  for (int point = 0; point < points; ++point) {
    for (std::size_t d = 0; d < input.designs.size(); ++d) {
      const Group& g = groups[static_cast<std::size_t>(point)][d];
      for (const auto& [key, values] : g.metrics) {
        std::vector<double> v;
        for (const auto& [rep, value] : values) v.push_back(value);
        Json entry{{"design", input.designs[d]}, {"metric", key.name}, {"dims", dims_to_json(key.dims)}};
        entry.update(estimate_entry(estimate(v)));
        tag(entry, sweep, point);
        summary.push_back(std::move(entry));
      }
      for (const auto& [key, by_rep] : g.series) {
        Json entry{{"design", input.designs[d]}, {"name", key.name}, {"dims", dims_to_json(key.dims)}};
        entry.update(series_entry(by_rep));
        tag(entry, sweep, point);
        series.push_back(std::move(entry));
      }
      if (baseline_it == design_rank.end() || static_cast<int>(d) == baseline_it->second) continue;
      const Group& base =
          groups[static_cast<std::size_t>(point)][static_cast<std::size_t>(baseline_it->second)];
      for (const auto& [key, values] : g.metrics) {
        const auto other = base.metrics.find(key);
        if (other == base.metrics.end()) continue;
        const Estimate e = paired_difference(values, other->second);
        Json entry{{"design", input.designs[d]},
                   {"baseline", input.baseline},
                   {"metric", key.name},
                   {"dims", dims_to_json(key.dims)}};
        entry.update(estimate_entry(e));
        entry["mean_difference"] = entry["mean"];
        entry.erase("mean");
        tag(entry, sweep, point);
        comparisons.push_back(std::move(entry));
      }
    }
  }

  Json manifest = input.manifest;
  if (sweep) {
    Json list = Json::array();
    for (int p = 0; p < points; ++p)
      list.push_back({{"point", p}, {"factors", input.points[static_cast<std::size_t>(p)]}});
    manifest["points"] = std::move(list);
  }
  manifest["designs"] = input.designs;
  manifest["baseline"] = input.baseline.empty() ? Json() : Json(input.baseline);
  return Json{{"format", kResultsFormat},
              {"version", kResultsVersion},
              {"manifest", std::move(manifest)},
              {"summary", std::move(summary)},
              {"comparisons", std::move(comparisons)},
              {"series", std::move(series)},
              {"structure", input.structure.is_null() ? Json::object() : input.structure},
              {"replications", std::move(replications)}};
}

ResultsInput results_input_from_document(const Json& document) {
  if (!document.is_object() || document.value("format", "") != kResultsFormat)
    throw std::runtime_error("not a recordflow results document (no \"format\": \"recordflow-results\")");
  if (document.value("version", 0) != kResultsVersion)
    throw std::runtime_error("results format version " + document.at("version").dump() +
                             " is not supported (expected " + std::to_string(kResultsVersion) + ")");
  ResultsInput input;
  input.manifest = document.at("manifest");
  input.designs = input.manifest.at("designs").get<std::vector<std::string>>();
  const Json& baseline = input.manifest.at("baseline");
  input.baseline = baseline.is_null() ? "" : baseline.get<std::string>();
  if (input.manifest.contains("points")) {
    for (const auto& p : input.manifest.at("points")) input.points.push_back(p.at("factors"));
    input.manifest.erase("points");
  }
  for (const auto& r : document.at("replications")) input.replications.push_back(replication_from_json(r));
  input.structure = document.value("structure", Json::object());
  return input;
}

std::string results_text(const Json& document) {
  return document.dump(2) + "\n";
}

Json without_wall_time_fields(Json document) {
  if (document.contains("manifest"))
    for (const char* key : {"started_at", "wall_seconds", "host", "jobs", "command_line"})
      document["manifest"].erase(key);
  if (document.contains("replications"))
    for (auto& r : document["replications"]) r.erase("wall_seconds");
  return document;
}

}  // namespace recordflow
