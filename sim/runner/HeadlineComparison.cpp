#include "runner/HeadlineComparison.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace recordflow {
namespace {

bool is_share(const MetricInfo* info) {
  return info && info->unit == "share";
}

std::string unit_text(const MetricInfo* info) {
  if (!info) return "";
  if (info->unit == "share") return "%";
  if (info->unit == "hours") return "hours";
  if (info->unit == "minutes") return "minutes";
  if (info->unit == "hours_per_year") return "hours/year";
  if (info->unit == "minutes_per_1000_copies") return "min/1000 copies";
  return "count";
}

// A value for reading: shares in % (differences in percentage points), large numbers with separators.
std::string readable(double value, const MetricInfo* info, bool signed_value) {
  const double v = is_share(info) ? value * 100 : value;
  const double magnitude = std::fabs(v);
  char text[64];
  const char* sign = signed_value && v > 0 ? "+" : "";
  if (magnitude >= 1000) {
    std::snprintf(text, sizeof text, "%.0f", std::fabs(std::round(v)));
    std::string digits = text, grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
      grouped += digits[i];
    }
    return (v < 0 ? "-" : sign) + grouped;
  }
  const int decimals = magnitude >= 100                     ? 0
                       : magnitude >= 10                    ? 1
                       : magnitude >= 0.1 || magnitude == 0 ? 2
                                                            : 3;
  std::snprintf(text, sizeof text, "%s%.*f", sign, decimals, v);
  return text == std::string("-0.00") || text == std::string("-0.000") ? std::string(text + 1) : text;
}

std::string dims_suffix(const Dimensions& dims) {
  return dims.empty() ? "" : " {" + dims_to_text(dims) + "}";
}

std::vector<double> values_in_order(const ValuesByReplication& values) {
  std::vector<double> out;
  for (const auto& [replication, value] : values) out.push_back(value);
  return out;
}

void print_row(std::ostream& out, const std::string& metric, const std::string& unit, const std::string& base,
               const std::string& design, const std::string& difference, const std::string& verdict_text) {
  char text[512];
  std::snprintf(text, sizeof text, "%-34s %-15s %12s %12s  %-34s %s\n", metric.c_str(), unit.c_str(),
                base.c_str(), design.c_str(), difference.c_str(), verdict_text.c_str());
  out << text;
}

}  // namespace

std::string verdict(const MetricInfo* info, const Estimate& difference) {
  if (difference.n == 0) return "-";
  if (!difference.has_interval()) return "no interval (fewer than 2 replications)";
  if (*difference.ci_low <= 0 && *difference.ci_high >= 0) return "no clear difference";
  const bool higher = difference.mean > 0;
  if (!info || info->better == Better::neither) return higher ? "higher" : "lower";
  return higher == (info->better == Better::higher) ? "better" : "worse";
}

void print_headline_comparison(const std::string& heading, const ComparedDesign& design,
                               const ComparedDesign& baseline, const std::vector<std::string>& metrics,
                               std::ostream& out) {
  int replications = 0;
  std::vector<std::pair<const MetricKey*, Estimate>> rows;
  for (const auto& name : metrics) {
    std::vector<const MetricKey*> keys;
    for (const auto& [key, values] : design.values)
      if (key.name == name && baseline.values.count(key)) keys.push_back(&key);
    if (!keys.empty() && keys.front()->dims.empty()) keys.resize(1);  // the overall row only
    for (const auto* key : keys) {
      rows.emplace_back(key, paired_difference(design.values.at(*key), baseline.values.at(*key)));
      replications = std::max(replications, rows.back().second.n);
    }
  }
  if (!heading.empty()) out << heading << "\n";
  out << design.title << "  compared with  " << baseline.title << "\n"
      << "(difference = first - second, paired over " << replications
      << " replications with common random numbers; 95 % Student-t interval)\n";
  print_row(out, "metric", "unit", "baseline", "design", "difference [95 % interval]", "verdict");
  for (const auto& [key, difference] : rows) {
    const MetricInfo* info = metric_info(key->name);
    const std::string label = (info ? std::string(info->label) : key->name) + dims_suffix(key->dims);
    const auto base_values = values_in_order(baseline.values.at(*key));
    const auto design_values = values_in_order(design.values.at(*key));
    std::string interval = readable(difference.mean, info, true);
    if (difference.has_interval())
      interval += " [" + readable(*difference.ci_low, info, true) + ", " +
                  readable(*difference.ci_high, info, true) + "]";
    if (is_share(info)) interval += " pp";
    print_row(out, label, unit_text(info), readable(estimate(base_values).mean, info, false),
              readable(estimate(design_values).mean, info, false), interval, verdict(info, difference));
  }
  out << "\n";
}

}  // namespace recordflow
