#include "runner/TidyExport.hpp"

#include <set>

#include "runner/AtomicFile.hpp"
#include "runner/MetricCatalogue.hpp"

namespace recordflow {
namespace {

using Json = nlohmann::json;

std::string csv_field(const Json& value) {
  if (value.is_null()) return "";
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string dims_text(const Json& dims) {
  std::string text;
  for (const auto& [key, value] : dims.items()) {
    if (!text.empty()) text += ';';
    text += key + "=" + value.get<std::string>();
  }
  return text;
}

// The leading columns (sweep point and factors) and the dimension columns of `entries` (`metrics` or
// `series` of each replication; nullptr: no dimensions).
struct Layout {
  bool sweep = false;
  std::set<std::string> factor_keys, dim_keys;
  std::vector<Json> factors;
};

Layout layout_of(const Json& results, const char* entries) {
  Layout layout;
  const Json& manifest = results.at("manifest");
  layout.sweep = manifest.contains("points");
  if (layout.sweep) {
    for (const auto& p : manifest.at("points")) {
      layout.factors.push_back(p.at("factors"));
      for (const auto& [key, value] : p.at("factors").items()) layout.factor_keys.insert(key);
    }
  }
  if (entries == nullptr) return layout;
  for (const auto& r : results.at("replications"))
    for (const auto& m : r.value(entries, Json::array()))
      for (const auto& [key, value] : m.at("dims").items()) layout.dim_keys.insert(key);
  return layout;
}

std::vector<std::string> columns_of(const Layout& layout, std::initializer_list<const char*> before_dims,
                                    std::initializer_list<const char*> after_dims) {
  std::vector<std::string> columns;
  if (layout.sweep) {
    columns.push_back("point");
    columns.insert(columns.end(), layout.factor_keys.begin(), layout.factor_keys.end());
  }
  columns.insert(columns.end(), before_dims.begin(), before_dims.end());
  columns.push_back("dims");
  columns.insert(columns.end(), layout.dim_keys.begin(), layout.dim_keys.end());
  columns.insert(columns.end(), after_dims.begin(), after_dims.end());
  return columns;
}

void append_point(const Layout& layout, const Json& replication, std::vector<Json>& row) {
  if (!layout.sweep) return;
  const int point = replication.at("point").get<int>();
  row.push_back(point);
  const Json& f = layout.factors.at(static_cast<std::size_t>(point));
  for (const auto& key : layout.factor_keys) row.push_back(f.contains(key) ? f.at(key) : Json());
}

void append_dims(const Layout& layout, const Json& dims, std::vector<Json>& row) {
  row.push_back(dims_text(dims));
  for (const auto& key : layout.dim_keys) row.push_back(dims.contains(key) ? dims.at(key) : Json());
}

Json unit_of(const std::string& name) {
  const std::string_view unit = metric_unit(name);
  return unit.empty() ? Json() : Json(std::string(unit));
}

}  // namespace

TidyTable tidy_table(const Json& results) {
  const Layout layout = layout_of(results, "metrics");
  TidyTable table;
  table.columns = columns_of(layout, {"design", "replication", "metric", "level"}, {"unit", "value"});
  for (const auto& r : results.at("replications")) {
    for (const auto& m : r.at("metrics")) {
      std::vector<Json> row;
      append_point(layout, r, row);
      row.push_back(r.at("design"));
      row.push_back(r.at("replication"));
      row.push_back(m.at("metric"));
      row.push_back(m.at("dims").empty() ? "overall" : "breakdown");
      append_dims(layout, m.at("dims"), row);
      row.push_back(unit_of(m.at("metric").get<std::string>()));
      row.push_back(m.at("value"));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

TidyTable tidy_series_table(const Json& results) {
  const Layout layout = layout_of(results, "series");
  TidyTable table;
  table.columns = columns_of(layout, {"design", "replication", "series"}, {"day", "hour", "unit", "value"});
  for (const auto& r : results.at("replications")) {
    for (const auto& s : r.value("series", Json::array())) {
      const Json unit = unit_of(s.at("name").get<std::string>());
      const Json& values = s.at("values");
      const Json hours = s.value("hours", Json::array());  // hourly series: the hour of each value
      for (std::size_t i = 0; i < values.size(); ++i) {
        std::vector<Json> row;
        append_point(layout, r, row);
        row.push_back(r.at("design"));
        row.push_back(r.at("replication"));
        row.push_back(s.at("name"));
        append_dims(layout, s.at("dims"), row);
        if (hours.empty()) {
          row.push_back(i);
          row.push_back(Json());
        } else {
          const auto hour = hours.at(i).get<std::uint32_t>();
          row.push_back(hour / 24);
          row.push_back(hour);
        }
        row.push_back(unit);
        row.push_back(values[i]);
        table.rows.push_back(std::move(row));
      }
    }
  }
  return table;
}

TidyTable tidy_outages_table(const Json& results) {
  const Layout layout = layout_of(results, nullptr);  // episodes have no dims: sweep columns only
  TidyTable table;
  if (layout.sweep) {
    table.columns.push_back("point");
    table.columns.insert(table.columns.end(), layout.factor_keys.begin(), layout.factor_keys.end());
  }
  for (const char* c : {"design", "replication", "level", "name", "start_hours", "end_hours", "cause",
                        "incident", "zone", "left_backlog", "backlog_clear_time_hours"})
    table.columns.emplace_back(c);
  for (const auto& r : results.at("replications")) {
    for (const auto& e : r.value("outage_episodes", Json::array())) {
      std::vector<Json> row;
      append_point(layout, r, row);
      row.push_back(r.at("design"));
      row.push_back(r.at("replication"));
      for (const char* key : {"level", "name", "start", "end", "cause", "incident", "zone", "left_backlog",
                              "backlog_clear_time"})
        row.push_back(e.at(key));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

std::string tidy_csv(const TidyTable& table) {
  std::string text;
  for (std::size_t c = 0; c < table.columns.size(); ++c) text += (c ? "," : "") + csv_field(table.columns[c]);
  text += '\n';
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) text += (c ? "," : "") + csv_field(row[c]);
    text += '\n';
  }
  return text;
}

std::string tidy_jsonl(const TidyTable& table) {
  std::string text;
  for (const auto& row : table.rows) {
    nlohmann::ordered_json line = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < row.size(); ++c)
      if (!row[c].is_null()) line[table.columns[c]] = nlohmann::ordered_json::parse(row[c].dump());
    text += line.dump() + '\n';
  }
  return text;
}

}  // namespace recordflow

namespace recordflow {

std::vector<std::pair<std::string, std::string>> tidy_files(const Json& results) {
  const TidyTable metrics = tidy_table(results);
  const TidyTable series = tidy_series_table(results);
  const TidyTable outages = tidy_outages_table(results);
  return {{"tidy.csv", tidy_csv(metrics)},         {"tidy.jsonl", tidy_jsonl(metrics)},
          {"tidy_series.csv", tidy_csv(series)},   {"tidy_series.jsonl", tidy_jsonl(series)},
          {"tidy_outages.csv", tidy_csv(outages)}, {"tidy_outages.jsonl", tidy_jsonl(outages)}};
}

}  // namespace recordflow
