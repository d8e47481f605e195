#include "recorder/ReplicationResult.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

namespace recordflow {

nlohmann::json dims_to_json(const Dimensions& dims) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : dims) object[key] = value;
  return object;
}

Dimensions dims_from_json(const nlohmann::json& object) {
  Dimensions dims;
  for (const auto& [key, value] : object.items()) dims.emplace_back(key, value.get<std::string>());
  std::sort(dims.begin(), dims.end());
  return dims;
}

namespace {

// JSON has no NaN or infinity: they are written as null, and null reads back as NaN.
nlohmann::json number_to_json(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

double number_from_json(const nlohmann::json& value) {
  return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string text_from_json(const nlohmann::json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

}  // namespace

nlohmann::json outage_to_json(const OutageEpisode& e) {
  return {{"level", e.level},
          {"name", e.name},
          {"start", number_to_json(e.start)},
          {"end", number_to_json(e.end)},
          {"cause", e.cause},
          {"incident", text_or_null(e.incident)},
          {"zone", text_or_null(e.zone)},
          {"left_backlog", e.left_backlog},
          {"backlog_clear_time", number_to_json(e.backlog_clear_time)}};
}

OutageEpisode outage_from_json(const nlohmann::json& o) {
  return {o.at("level").get<std::string>(),
          o.at("name").get<std::string>(),
          number_from_json(o.at("start")),
          number_from_json(o.at("end")),
          o.at("cause").get<std::string>(),
          text_from_json(o.at("incident")),
          text_from_json(o.at("zone")),
          o.at("left_backlog").get<bool>(),
          number_from_json(o.at("backlog_clear_time"))};
}

void ReplicationResult::add(std::string name, Dimensions dims, double value) {
  std::stable_sort(dims.begin(), dims.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  metrics.push_back({std::move(name), std::move(dims), value});
}

double ReplicationResult::get(const std::string& name, const Dimensions& dims, double fallback) const {
  Dimensions sorted = dims;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const MetricValue& m : metrics) {
    if (m.name == name && m.dims == sorted) return m.value;
  }
  return fallback;
}

void to_json(nlohmann::json& j, const ReplicationResult& r) {
  nlohmann::json metrics = nlohmann::json::array();
  for (const MetricValue& m : r.metrics) {
    metrics.push_back(
        {{"metric", m.name}, {"dims", dims_to_json(m.dims)}, {"value", number_to_json(m.value)}});
  }
  nlohmann::json series = nlohmann::json::array();
  for (const TimeSeries& s : r.series) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : s.values) values.push_back(number_to_json(v));
    series.push_back({{"name", s.name}, {"dims", dims_to_json(s.dims)}, {"values", std::move(values)}});
    if (!s.hours.empty()) series.back()["hours"] = s.hours;
  }
  nlohmann::json outages = nlohmann::json::array();
  for (const OutageEpisode& e : r.outage_episodes) outages.push_back(outage_to_json(e));
  j = nlohmann::json{{"design", r.design},
                     {"replication", r.replication},
                     {"seed", r.seed},
                     {"simulated_events", r.simulated_events},
                     {"wall_seconds", number_to_json(r.wall_seconds)},
                     {"metrics", std::move(metrics)},
                     {"series", std::move(series)},
                     {"outage_episodes", std::move(outages)}};
}

void from_json(const nlohmann::json& j, ReplicationResult& r) {
  r = ReplicationResult{};
  j.at("design").get_to(r.design);
  j.at("replication").get_to(r.replication);
  j.at("seed").get_to(r.seed);
  if (j.contains("simulated_events")) j.at("simulated_events").get_to(r.simulated_events);
  if (j.contains("wall_seconds")) r.wall_seconds = number_from_json(j.at("wall_seconds"));
  for (const nlohmann::json& m : j.at("metrics")) {
    r.metrics.push_back(
        {m.at("metric").get<std::string>(), dims_from_json(m.at("dims")), number_from_json(m.at("value"))});
  }
  if (j.contains("series")) {
    for (const nlohmann::json& s : j.at("series")) {
      TimeSeries series{s.at("name").get<std::string>(), dims_from_json(s.at("dims")), {}, {}};
      for (const nlohmann::json& v : s.at("values")) series.values.push_back(number_from_json(v));
      if (s.contains("hours")) s.at("hours").get_to(series.hours);
      r.series.push_back(std::move(series));
    }
  }
  if (j.contains("outage_episodes"))
    for (const nlohmann::json& e : j.at("outage_episodes")) r.outage_episodes.push_back(outage_from_json(e));
}

}  // namespace recordflow
