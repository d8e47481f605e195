// LatinHypercube: a space-filling sample of the unit hypercube for probabilistic sensitivity analysis.
// Each of the `dims` coordinates is split into `points` equal strata; every stratum is used exactly once,
// with a uniform position inside it and the strata of each coordinate in a random order (McKay, Beckman
// and Conover 1979). Values lie in (0, 1). Deterministic for a seed (RandomStream, no std distributions).
#pragma once

#include <cstdint>
#include <vector>

namespace recordflow {

// points x dims values in (0, 1): result[p][d].
std::vector<std::vector<double>> latin_hypercube(int points, int dims, std::uint64_t seed);

}  // namespace recordflow
