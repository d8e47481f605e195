#include "runner/TidyExport.hpp"

#include <set>

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

}  // namespace

TidyTable tidy_table(const Json& results) {
  const Json& manifest = results.at("manifest");
  const bool sweep = manifest.contains("points");
  std::set<std::string> factor_keys, dim_keys;
  std::vector<Json> factors;
  if (sweep) {
    for (const auto& p : manifest.at("points")) {
      factors.push_back(p.at("factors"));
      for (const auto& [key, value] : p.at("factors").items()) factor_keys.insert(key);
    }
  }
  for (const auto& r : results.at("replications"))
    for (const auto& m : r.at("metrics"))
      for (const auto& [key, value] : m.at("dims").items()) dim_keys.insert(key);

  TidyTable table;
  if (sweep) {
    table.columns.push_back("point");
    table.columns.insert(table.columns.end(), factor_keys.begin(), factor_keys.end());
  }
  for (const char* c : {"design", "replication", "metric", "dims"}) table.columns.push_back(c);
  table.columns.insert(table.columns.end(), dim_keys.begin(), dim_keys.end());
  table.columns.push_back("value");

  for (const auto& r : results.at("replications")) {
    for (const auto& m : r.at("metrics")) {
      std::vector<Json> row;
      if (sweep) {
        const int point = r.at("point").get<int>();
        row.push_back(point);
        const Json& f = factors.at(static_cast<std::size_t>(point));
        for (const auto& key : factor_keys) row.push_back(f.contains(key) ? f.at(key) : Json());
      }
      row.push_back(r.at("design"));
      row.push_back(r.at("replication"));
      row.push_back(m.at("metric"));
      row.push_back(dims_text(m.at("dims")));
      const Json& dims = m.at("dims");
      for (const auto& key : dim_keys) row.push_back(dims.contains(key) ? dims.at(key) : Json());
      row.push_back(m.at("value"));
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
