#include "runner/SummaryTable.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

namespace recordflow {
namespace {

using Json = nlohmann::json;

struct Column {
  const char* metric;
  const char* title;
  const char* unit;  // "share" (shown as %), "hours", "count", "rate"
};

constexpr Column kColumns[] = {
    {"gap_rate", "gap rate [95% CI]", "rate"}, {"share_encounters_with_gap", "enc. w/ gap", "share"},
    {"delay_p50", "delay p50", "hours"},       {"delay_p90", "delay p90", "hours"},
    {"copies_lost", "copies lost", "count"},   {"staff_hours_per_year", "staff h/yr", "count"},
};

std::string number(double v, const char* unit, bool difference) {
  char text[64];
  const char* sign = difference && v > 0 ? "+" : "";
  if (std::string(unit) == "share")
    std::snprintf(text, sizeof text, "%s%.1f%s", sign, v * 100, difference ? " pp" : " %");
  else if (std::string(unit) == "hours")
    std::snprintf(text, sizeof text, "%s%.1f h", sign, v);
  else if (std::string(unit) == "rate")
    std::snprintf(text, sizeof text, "%s%.4f", sign, v);
  else
    std::snprintf(text, sizeof text, "%s%.1f", sign, v);
  return text;
}

std::string cell(const Json* entry, const char* unit, bool difference, bool with_interval) {
  if (!entry) return "-";
  const Json& mean = entry->at(difference ? "mean_difference" : "mean");
  if (mean.is_null()) return "-";
  std::string text = number(mean.get<double>(), unit, difference);
  if (with_interval) {
    const Json& low = entry->at("ci_low");
    const Json& high = entry->at("ci_high");
    if (low.is_null())
      text += " [n=1: no CI]";
    else
      text += " [" + number(low.get<double>(), unit, false) + ", " + number(high.get<double>(), unit, false) +
              "]";
  }
  return text;
}

using Key = std::tuple<int, std::string, std::string>;  // point, design, metric (no dimensions)

std::map<Key, const Json*> index(const Json& entries) {
  std::map<Key, const Json*> map;
  for (const auto& e : entries)
    if (e.at("dims").empty())
      map[Key{e.value("point", 0), e.at("design").get<std::string>(), e.at("metric").get<std::string>()}] =
          &e;
  return map;
}

void row(std::ostream& out, const std::string& label, const std::vector<std::string>& cells) {
  char text[64];
  std::snprintf(text, sizeof text, "%-18s", label.c_str());
  out << text;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::snprintf(text, sizeof text, i == 0 ? "  %-34s" : "  %12s", cells[i].c_str());
    out << text;
  }
  out << "\n";
}

void header(std::ostream& out, const char* first) {
  std::vector<std::string> titles;
  for (const auto& c : kColumns) titles.push_back(c.title);
  row(out, first, titles);
}

}  // namespace

std::string design_label(const Json& manifest, const std::string& design) {
  const Json& designs = manifest.value("scenario", Json::object()).value("designs", Json::object());
  if (!designs.is_object() || !designs.contains(design) || !designs[design].is_object()) return "";
  const Json& label = designs[design].value("label", Json());
  return label.is_string() && label.get<std::string>() != design ? label.get<std::string>() : "";
}

void print_summary_table(const Json& results, std::ostream& out) {
  const Json& manifest = results.at("manifest");
  for (const auto& d : manifest.at("designs")) {
    const std::string label = design_label(manifest, d.get<std::string>());
    if (!label.empty()) out << d.get<std::string>() << ": " << label << "\n";
  }
  const auto summary = index(results.at("summary"));
  const auto comparisons = index(results.at("comparisons"));
  const auto designs = manifest.at("designs").get<std::vector<std::string>>();
  const bool sweep = manifest.contains("points");
  const int points = sweep ? static_cast<int>(manifest.at("points").size()) : 1;
  const std::string baseline =
      manifest.at("baseline").is_null() ? "" : manifest.at("baseline").get<std::string>();
  for (int p = 0; p < points; ++p) {
    if (sweep)
      out << "point " << p << ": " << manifest.at("points")[static_cast<std::size_t>(p)].at("factors").dump()
          << "\n";
    header(out, "design");
    for (const auto& d : designs) {
      std::vector<std::string> cells;
      for (const auto& c : kColumns) {
        const auto it = summary.find(Key{p, d, c.metric});
        cells.push_back(cell(it == summary.end() ? nullptr : it->second, c.unit, false, cells.empty()));
      }
      row(out, d, cells);
    }
    if (designs.size() > 1 && !baseline.empty()) {
      out << "difference vs " << baseline << " (paired over replications, 95% CI)\n";
      for (const auto& d : designs) {
        if (d == baseline) continue;
        std::vector<std::string> cells;
        for (const auto& c : kColumns) {
          const auto it = comparisons.find(Key{p, d, c.metric});
          cells.push_back(cell(it == comparisons.end() ? nullptr : it->second, c.unit, true, cells.empty()));
        }
        row(out, d, cells);
      }
    }
    out << "\n";
  }
}

void print_comparison_table(const Json& comparisons, const std::vector<std::string>& metrics,
                            std::ostream& out) {
  char text[256];
  std::snprintf(text, sizeof text, "%-16s %-16s %-28s %-26s %14s %28s %4s\n", "design", "baseline", "metric",
                "dims", "difference", "95% CI", "n");
  out << text;
  for (const auto& c : comparisons) {
    const std::string metric = c.at("metric");
    if (!metrics.empty() && std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) continue;
    std::string dims;
    for (const auto& [k, v] : c.at("dims").items())
      dims += (dims.empty() ? "" : ";") + k + "=" + v.get<std::string>();
    std::string interval = "n<2: no CI";
    if (!c.at("ci_low").is_null()) {
      char ci[96];
      std::snprintf(ci, sizeof ci, "[%.6g, %.6g]", c.at("ci_low").get<double>(),
                    c.at("ci_high").get<double>());
      interval = ci;
    }
    const Json& diff = c.at("mean_difference");
    char value[48];
    if (diff.is_null())
      std::snprintf(value, sizeof value, "-");
    else
      std::snprintf(value, sizeof value, "%.6g", diff.get<double>());
    std::string design = c.at("design");
    if (c.contains("point")) design += " @" + std::to_string(c.at("point").get<int>());
    std::snprintf(text, sizeof text, "%-16s %-16s %-28s %-26s %14s %28s %4d\n", design.c_str(),
                  c.at("baseline").get<std::string>().c_str(), metric.c_str(), dims.c_str(), value,
                  interval.c_str(), c.at("n").get<int>());
    out << text;
  }
}

}  // namespace recordflow
