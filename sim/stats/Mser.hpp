// Mser: the marginal standard error rule (MSER-m; White 1997, Franklin & White 2008) for choosing how
// much of the start of a simulation output series to discard. The series (e.g. daily totals averaged
// over replications) is cut into k = floor(n / m) non-overlapping batches of m values (a trailing
// remainder is not used) with means Z_1..Z_k. Truncating d batches leaves Z_{d+1}..Z_k, and
//   MSER(d) = sum_{j > d} (Z_j - mean_{j > d} Z)^2 / (k - d)^2,   d = 0 .. k - 2.
// The truncation is the d minimising MSER(d) over the first half (d <= k / 2; the statistic of the last
// few batches is too noisy to judge, so the second half is not searched). When that minimum is the last
// candidate, d = k / 2, the statistic was still falling half-way through: the series shows no steady
// state within its length, `steady` is false (the truncation is still returned, and callers must say
// so). Truncation is in values (d * m), i.e. days for a daily series.
#pragma once

#include <cstddef>
#include <vector>

namespace recordflow {

struct MserResult {
  std::size_t truncation = 0;     // values to discard: d * batch
  std::size_t batch = 5;          // m
  std::vector<double> statistic;  // MSER(d) for d = 0 .. k - 2 (empty when k < 2)
  bool steady = true;             // the minimiser lies inside the first half, not at its end
};

// batch >= 1. A series shorter than two batches gives truncation 0, an empty statistic and steady false.
MserResult mser(const std::vector<double>& series, std::size_t batch = 5);

}  // namespace recordflow
