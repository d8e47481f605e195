#include "stats/BestDesignSelection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "stats/Estimate.hpp"

namespace recordflow {

int selection_replications(const std::vector<std::vector<double>>& first, const SelectionRule& rule) {
  const std::size_t k = first.size();
  if (!(rule.indifference > 0)) throw std::invalid_argument("selection: the indifference zone must be > 0");
  if (!(rule.alpha > 0 && rule.alpha < 1)) throw std::invalid_argument("selection: alpha must be in (0, 1)");
  if (rule.first_stage < 2) throw std::invalid_argument("selection: the first stage needs >= 2 replications");
  if (k < 2) return rule.first_stage;
  const double t = student_t_quantile(1 - rule.alpha / static_cast<double>(k - 1), rule.first_stage - 1);
  int n = rule.first_stage;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t l = i + 1; l < k; ++l) {
      std::vector<double> differences;
      for (int r = 0; r < rule.first_stage; ++r)
        differences.push_back(first[i].at(static_cast<std::size_t>(r)) -
                              first[l].at(static_cast<std::size_t>(r)));
      const double sd = estimate(differences).sd.value_or(0);
      n = std::max(n, static_cast<int>(std::ceil(std::pow(t * sd / rule.indifference, 2))));
    }
  return n;
}

Selection select_best(const std::vector<std::vector<double>>& values, const SelectionRule& rule) {
  Selection s;
  if (values.empty()) return s;
  s.replications = static_cast<int>(values.front().size());
  for (const auto& v : values) s.means.push_back(estimate(v).mean);
  const auto best = rule.larger_is_better ? std::max_element(s.means.begin(), s.means.end())
                                          : std::min_element(s.means.begin(), s.means.end());
  s.best = static_cast<int>(best - s.means.begin());
  return s;
}

Selection select_in_two_stages(const ReplicationSource& replications, const SelectionRule& rule) {
  std::vector<std::vector<double>> values = replications(rule.first_stage);
  const int n = selection_replications(values, rule);
  if (n > rule.first_stage) values = replications(n);
  return select_best(values, rule);
}

}  // namespace recordflow
