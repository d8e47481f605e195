#include "runner/SwitchingAnalysis.hpp"

#include <map>
#include <sstream>
#include <stdexcept>

#include "runner/ParameterSets.hpp"
#include "runner/SobolAnalysis.hpp"
#include "stats/PairedDifference.hpp"
#include "stats/SwitchingValue.hpp"

namespace recordflow {
using Json = nlohmann::json;

std::vector<double> switching_levels(int grid) {
  std::vector<double> levels;
  for (int g = 0; g < grid; ++g) levels.push_back(0.005 + 0.99 * g / (grid - 1));
  return levels;
}

std::vector<Json> switching_points(const std::vector<UncertainInput>& inputs,
                                   const std::vector<std::size_t>& selected, int grid) {
  std::vector<Json> points;
  for (const std::size_t k : selected)
    for (const double level : switching_levels(grid)) points.push_back(point_at_levels(inputs, {k}, {level}));
  return points;
}

Json switching_analysis(const Json& results, const std::vector<UncertainInput>& inputs,
                        const std::vector<std::size_t>& selected, int grid,
                        const std::vector<std::string>& metrics) {
  // (point, design, metric) -> value per replication
  std::map<std::tuple<int, std::string, std::string>, ValuesByReplication> values;
  for (const auto& r : results.at("replications"))
    for (const auto& m : r.at("metrics"))
      if (m.at("dims").empty())
        values[{r.at("point").get<int>(), r.at("design").get<std::string>(),
                m.at("metric").get<std::string>()}][r.at("replication").get<int>()] =
            m.at("value").get<double>();
  const auto designs = results.at("manifest").at("designs").get<std::vector<std::string>>();
  const auto levels = switching_levels(grid);
  Json out = Json::array();
  for (std::size_t a = 0; a < designs.size(); ++a)
    for (std::size_t b = a + 1; b < designs.size(); ++b)
      for (const auto& metric : metrics)
        for (std::size_t j = 0; j < selected.size(); ++j) {
          const UncertainInput& input = inputs[selected[j]];
          std::vector<GridDifference> along;
          Json drawn = Json::array();
          for (int g = 0; g < grid; ++g) {
            const int point = static_cast<int>(j) * grid + g;
            const auto& vb = values[{point, designs[b], metric}];
            const auto& va = values[{point, designs[a], metric}];
            const Estimate e = paired_difference(vb, va);
            if (!e.has_interval())
              throw std::runtime_error("point " + std::to_string(point) + " holds fewer than two paired " +
                                       "replications of " + designs[b] + " and " + designs[a] + " on " +
                                       metric);
            along.push_back(
                {input.quantile(levels[static_cast<std::size_t>(g)]), e.mean, *e.ci_low, *e.ci_high});
            drawn.push_back(Json{
                {"value", along.back().x}, {"mean", e.mean}, {"ci_low", *e.ci_low}, {"ci_high", *e.ci_high}});
          }
          const bool larger_better = larger_is_better(metric);
          Json crossings = Json::array();
          for (const Crossing& c : switching_values(along)) {
            // Below the crossing the difference (b - a) has the sign opposite to `rising`'s end.
            const bool b_better_below = c.rising != larger_better;
            crossings.push_back(Json{{"at", c.at},
                                     {"low", c.low},
                                     {"high", c.high},
                                     {"open_low", c.open_low},
                                     {"open_high", c.open_high},
                                     {"better_below", b_better_below ? designs[b] : designs[a]},
                                     {"better_above", b_better_below ? designs[a] : designs[b]}});
          }
          out.push_back(Json{{"design", designs[b]},
                             {"versus", designs[a]},
                             {"metric", metric},
                             {"pointer", input.pointer},
                             {"unit", input.duration ? "h" : ""},
                             {"range", {along.front().x, along.back().x}},
                             {"grid", drawn},
                             {"crossings", crossings},
                             {"ranking_settled", ranking_settled(along)}});
        }
  return out;
}

std::string switching_summary_text(const Json& switching) {
  std::ostringstream text;
  for (const auto& s : switching) {
    text << s["design"].get<std::string>() << " vs " << s["versus"].get<std::string>() << ", "
         << s["metric"].get<std::string>() << ", " << s["pointer"].get<std::string>() << ": ";
    const std::string unit = s["unit"].get<std::string>().empty() ? "" : " " + s["unit"].get<std::string>();
    if (s["crossings"].empty()) {
      text << "no switch within " << s["range"][0].get<double>() << unit << " to "
           << s["range"][1].get<double>() << unit
           << (s["ranking_settled"].get<bool>() ? "" : " (the difference's interval holds 0 somewhere)");
    } else {
      bool first = true;
      for (const auto& c : s["crossings"]) {
        text << (first ? "" : "; ") << "switches at " << c["at"].get<double>() << unit << " ("
             << (c["open_low"].get<bool>() ? "<= " : "") << c["low"].get<double>() << " to "
             << (c["open_high"].get<bool>() ? ">= " : "") << c["high"].get<double>() << unit
             << "): " << c["better_below"].get<std::string>() << " better below, "
             << c["better_above"].get<std::string>() << " above";
        first = false;
      }
    }
    text << "\n";
  }
  return text.str();
}

}  // namespace recordflow
