// SobolIndices: variance-based global sensitivity of a model output to independent inputs on the unit
// hypercube. The design is Saltelli's: base matrices A and B (N rows each, from a 2k-dimensional Sobol
// sequence, Boost.Random) and, per input i, AB_i = A with column i from B; the model runs N (k + 2) times.
// First-order index S_i = mean(f(B) (f(AB_i) - f(A))) / V (Saltelli et al. 2010); total index
// ST_i = mean((f(A) - f(AB_i))^2) / (2 V) (Jansen 1999); V the variance of f over A and B.
// 95 % intervals by bootstrap over the N rows (percentile method, fixed seed). Indices are shares of
// variance: S_i <= ST_i in theory, both in [0, 1] up to estimation error.
#pragma once

#include <cstdint>
#include <vector>

namespace recordflow {

struct SaltelliDesign {
  int base = 0;  // N
  int dims = 0;  // k
  // N (k + 2) points in (0, 1)^k: rows [0, N) are A, [N, 2N) are B, [(2 + i) N, (3 + i) N) are AB_i.
  std::vector<std::vector<double>> points;
};

SaltelliDesign saltelli_design(int base, int dims);

struct SobolIndex {
  double first = 0, first_low = 0, first_high = 0;
  double total = 0, total_low = 0, total_high = 0;
};

// One index per input from the outputs f(points[j]) of the design, in the design's order.
std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design, const std::vector<double>& outputs,
                                      int bootstrap = 500, std::uint64_t seed = 1);

}  // namespace recordflow
