// TidyExport: the long-format export for analysts (RESULTS-FORMAT.md "Tidy export"), one row per
// design x replication x metric x dimensions, taken from a results document's `replications`.
// Columns, in order: [point, <each sweep factor's JSON Pointer> (sweeps only)], design, replication,
// metric, level ("overall" for the row without dimensions, "breakdown" for a row per dimension value),
// dims ("k=v;k=v"), <each dimension key found in the run, sorted>, unit (MetricCatalogue: share, count,
// hours, ...), value. The daily series have a table of their own, one row per design x replication x
// series x dimensions x day: [point, factors], design, replication, series, dims, <dimension keys>, day
// (0 = first simulated day, warm-up included), unit, value. A dimension that a row does not have is an
// empty CSV field and is absent from its JSON line. The outage episodes have a table too, one row per
// design x replication x episode: [point, factors], design, replication, level, name, start_hours,
// end_hours (empty: still down at the horizon), cause, incident, zone, left_backlog,
// backlog_clear_time_hours (empty: no backlog or not cleared). Numbers are written as in results.json
// (shortest text that reads back to the same double).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace recordflow {

struct TidyTable {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;  // one value per column; null = empty
};

TidyTable tidy_table(const nlohmann::json& results);
TidyTable tidy_series_table(const nlohmann::json& results);
TidyTable tidy_outages_table(const nlohmann::json& results);
std::string tidy_csv(const TidyTable& table);    // RFC 4180, header line first, "\n" line ends
std::string tidy_jsonl(const TidyTable& table);  // one JSON object per line, keys in column order

// The tidy files of a result set, as (file name, content): tidy.csv, tidy.jsonl, tidy_series.csv,
// tidy_series.jsonl, tidy_outages.csv and tidy_outages.jsonl (written with results.json as one output set,
// runner/OutputSet.hpp).
std::vector<std::pair<std::string, std::string>> tidy_files(const nlohmann::json& results);

}  // namespace recordflow
