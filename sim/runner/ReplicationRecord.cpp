#include "runner/ReplicationRecord.hpp"

#include <algorithm>
#include <cmath>

namespace recordflow {

std::string dims_to_text(const Dimensions& dims) {
  std::string text;
  for (const auto& [key, value] : dims) {
    if (!text.empty()) text += ';';
    text += key + "=" + value;
  }
  return text;
}

void sort_contents(ReplicationResult& r) {
  for (auto& m : r.metrics) std::sort(m.dims.begin(), m.dims.end());
  for (auto& s : r.series) std::sort(s.dims.begin(), s.dims.end());
  std::stable_sort(r.metrics.begin(), r.metrics.end(), [](const MetricValue& a, const MetricValue& b) {
    return std::tie(a.name, a.dims) < std::tie(b.name, b.dims);
  });
  std::stable_sort(r.series.begin(), r.series.end(), [](const TimeSeries& a, const TimeSeries& b) {
    return std::tie(a.name, a.dims) < std::tie(b.name, b.dims);
  });
}

nlohmann::json replication_to_json(const PointReplication& pr, bool with_point) {
  ReplicationResult r = pr.result;
  sort_contents(r);
  nlohmann::json j;
  if (with_point) j["point"] = pr.point;
  j["design"] = r.design;
  j["replication"] = r.replication;
  j["seed"] = r.seed;
  j["wall_seconds"] = r.wall_seconds;
  j["simulated_events"] = r.simulated_events;
  nlohmann::json metrics = nlohmann::json::array();
  for (const auto& m : r.metrics) {
    if (!std::isfinite(m.value)) continue;
    metrics.push_back({{"metric", m.name}, {"dims", dims_to_json(m.dims)}, {"value", m.value}});
  }
  j["metrics"] = std::move(metrics);
  nlohmann::json series = nlohmann::json::array();
  for (const auto& s : r.series) {
    nlohmann::json values = nlohmann::json::array();
    for (const double v : s.values) values.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json());
    series.push_back({{"name", s.name}, {"dims", dims_to_json(s.dims)}, {"values", std::move(values)}});
    if (!s.hours.empty()) series.back()["hours"] = s.hours;
  }
  j["series"] = std::move(series);
  nlohmann::json outages = nlohmann::json::array();
  for (const auto& e : r.outage_episodes) outages.push_back(outage_to_json(e));
  j["outage_episodes"] = std::move(outages);
  return j;
}

PointReplication replication_from_json(const nlohmann::json& j) {
  PointReplication pr;
  pr.point = j.contains("point") ? j.at("point").get<int>() : 0;
  ReplicationResult& r = pr.result;
  r.design = j.at("design").get<std::string>();
  r.replication = j.at("replication").get<int>();
  r.seed = j.at("seed").get<std::uint64_t>();
  r.wall_seconds = j.value("wall_seconds", 0.0);
  r.simulated_events = j.value("simulated_events", std::uint64_t{0});
  for (const auto& m : j.at("metrics"))
    r.metrics.push_back(MetricValue{m.at("metric").get<std::string>(), dims_from_json(m.at("dims")),
                                    m.at("value").get<double>()});
  if (j.contains("series")) {
    for (const auto& s : j.at("series")) {
      TimeSeries series{s.at("name").get<std::string>(), dims_from_json(s.at("dims")), {}, {}};
      for (const auto& v : s.at("values")) series.values.push_back(v.is_null() ? NAN : v.get<double>());
      if (s.contains("hours")) s.at("hours").get_to(series.hours);
      r.series.push_back(std::move(series));
    }
  }
  if (j.contains("outage_episodes"))
    for (const auto& e : j.at("outage_episodes")) r.outage_episodes.push_back(outage_from_json(e));
  sort_contents(r);
  return pr;
}

}  // namespace recordflow
