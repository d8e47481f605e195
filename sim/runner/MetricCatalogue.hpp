// MetricCatalogue: what each metric name of sim/recorder/METRICS.md measures for a reader: a readable
// label, its unit (`share` is a proportion in [0, 1]; `count` a non-negative number of items; times in
// `hours` or `minutes`), whether a higher or a lower value is better (or neither, e.g. a volume), and
// whether it is a headline metric (shown by default by `compare`). Series names share the catalogue.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recordflow {

enum class Better { lower, higher, neither };

struct MetricInfo {
  std::string_view name;
  std::string_view label;  // e.g. "gap rate"
  std::string_view unit;   // share, count, hours, minutes, hours_per_year, minutes_per_1000_copies
  Better better;
  bool headline;
};

// Every metric of the catalogue, headline metrics first in the order `compare` shows them.
std::span<const MetricInfo> metric_catalogue();

// nullptr for a name outside the catalogue.
const MetricInfo* metric_info(std::string_view name);

// The unit of a metric or series name ("" when unknown).
std::string_view metric_unit(std::string_view name);

// The headline metric names, in display order.
std::vector<std::string> headline_metrics();

}  // namespace recordflow
