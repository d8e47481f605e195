#include "stats/LatinHypercube.hpp"

#include <numeric>

#include "core/RandomStream.hpp"

namespace recordflow {

std::vector<std::vector<double>> latin_hypercube(int points, int dims, std::uint64_t seed) {
  std::vector<std::vector<double>> sample(static_cast<std::size_t>(std::max(points, 0)),
                                          std::vector<double>(static_cast<std::size_t>(std::max(dims, 0))));
  if (points <= 0) return sample;
  for (int d = 0; d < dims; ++d) {
    RandomStream rng(seed, static_cast<std::uint64_t>(d), "latin_hypercube");
    std::vector<int> strata(static_cast<std::size_t>(points));
    std::iota(strata.begin(), strata.end(), 0);
    for (int i = points - 1; i > 0; --i)  // Fisher-Yates
      std::swap(strata[static_cast<std::size_t>(i)], strata[rng.below(static_cast<std::uint64_t>(i) + 1)]);
    for (int p = 0; p < points; ++p)
      sample[static_cast<std::size_t>(p)][static_cast<std::size_t>(d)] =
          (strata[static_cast<std::size_t>(p)] + rng.uniform01()) / points;
  }
  return sample;
}

}  // namespace recordflow
