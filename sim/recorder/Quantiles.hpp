// Quantiles: exact order statistics of a sample, as reported for delays. The p-quantile of the sorted
// sample x[0..n-1] uses the "linear" definition (Hyndman & Fan type 7, R's default, numpy's default):
// h = (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). The mean is summed in
// sorted order, so it does not depend on the order in which values arrived.
#pragma once

#include <vector>

namespace recordflow {

// `sorted` must be non-empty and sorted ascending; p in [0, 1].
double quantile_type7(const std::vector<double>& sorted, double p);
double mean_of(const std::vector<double>& values);  // 0 for an empty sample

}  // namespace recordflow
