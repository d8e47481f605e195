#include "stats/MorrisScreening.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/RandomStream.hpp"

namespace recordflow {

MorrisDesign morris_design(int dims, int trajectories, int levels, std::uint64_t seed) {
  if (dims < 1 || trajectories < 1 || levels < 2 || levels % 2)
    throw std::invalid_argument("morris_design: needs dims >= 1, trajectories >= 1 and an even levels >= 2");
  MorrisDesign d;
  d.dims = dims;
  d.trajectories = trajectories;
  d.delta = levels / (2.0 * (levels - 1));
  const auto k = static_cast<std::size_t>(dims);
  for (int t = 0; t < trajectories; ++t) {
    RandomStream rng(seed, static_cast<std::uint64_t>(t), "morris");
    std::vector<double> x(k);
    std::vector<double> direction(k);
    for (std::size_t j = 0; j < k; ++j) {
      // Start on the lower half of the grid when moving up, the upper half when moving down.
      const auto half = static_cast<std::uint64_t>(levels / 2);
      const double level = static_cast<double>(rng.below(half)) / (levels - 1);
      const bool up = rng.bernoulli(0.5);
      x[j] = up ? level : 1 - level;
      direction[j] = up ? 1 : -1;
    }
    std::vector<int> order(k);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = k - 1; i > 0; --i) std::swap(order[i], order[rng.below(i + 1)]);
    d.points.push_back(x);
    for (const int j : order) {
      x[static_cast<std::size_t>(j)] += direction[static_cast<std::size_t>(j)] * d.delta;
      d.points.push_back(x);
      d.changed.push_back(j);
    }
  }
  return d;
}

std::vector<ElementaryEffects> elementary_effects(const MorrisDesign& d, const std::vector<double>& outputs) {
  if (outputs.size() != d.points.size())
    throw std::invalid_argument("elementary_effects: one output per point");
  const auto k = static_cast<std::size_t>(d.dims);
  std::vector<std::vector<double>> effects(k);
  for (std::size_t t = 0; t < static_cast<std::size_t>(d.trajectories); ++t)
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t at = t * (k + 1) + s;
      const auto j = static_cast<std::size_t>(d.changed[t * k + s]);
      const double step = d.points[at + 1][j] - d.points[at][j];
      effects[j].push_back((outputs[at + 1] - outputs[at]) / step);
    }
  std::vector<ElementaryEffects> out(k);
  for (std::size_t j = 0; j < k; ++j) {
    const auto n = static_cast<double>(effects[j].size());
    for (const double e : effects[j]) {
      out[j].mu += e / n;
      out[j].mu_star += std::fabs(e) / n;
    }
    double squares = 0;
    for (const double e : effects[j]) squares += (e - out[j].mu) * (e - out[j].mu);
    out[j].sigma = n > 1 ? std::sqrt(squares / (n - 1)) : 0;
  }
  return out;
}

}  // namespace recordflow
