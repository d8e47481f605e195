// SwitchingValue: where a one-input change flips the ranking of two designs. Input: the paired difference
// of the two designs (common random numbers) at a grid of values of one input, each with its 95 %
// interval, the other inputs held at their central values. Every sign change of the mean difference between
// neighbouring grid values is a crossing, located by linear interpolation of the mean; its interval is the
// stretch around it where the linearly interpolated interval band still holds 0 (inverting the pointwise
// intervals). That interval is exact when the difference is linear between grid values; curvature between
// them adds interpolation error, which a finer grid removes. An interval that runs to an end of the grid
// is open there (the crossing may lie beyond the range's end in the band's sense). No sign change: no
// switch within the range.
#pragma once

#include <vector>

namespace recordflow {

struct GridDifference {
  double x = 0;              // the input's value
  double mean = 0;           // mean paired difference at x
  double low = 0, high = 0;  // its 95 % interval (low <= mean <= high)
};

struct Crossing {
  double at = 0;                             // interpolated value of the input where the mean difference is 0
  double low = 0, high = 0;                  // interval of the crossing
  bool open_low = false, open_high = false;  // the interval reaches that end of the grid
  bool rising = false;                       // the difference goes from negative to positive as x increases
};

// Crossings in increasing x; `grid` sorted by x, at least two values. Throws std::invalid_argument
// otherwise or when a grid value's interval does not hold its mean.
std::vector<Crossing> switching_values(const std::vector<GridDifference>& grid);

// Whether every grid value's interval excludes 0 with the same sign: the ranking holds along the range.
bool ranking_settled(const std::vector<GridDifference>& grid);

}  // namespace recordflow
