#include "stats/SwitchingValue.hpp"

#include <algorithm>
#include <stdexcept>

namespace recordflow {
namespace {

// x in [x0, x1] where the line through (x0, y0) and (x1, y1) is 0 (y0 and y1 of opposite signs or one 0).
double root(double x0, double y0, double x1, double y1) {
  if (y0 == y1) return x0;
  return x0 + (x1 - x0) * y0 / (y0 - y1);
}

// The band holds 0 at a point where low <= 0 <= high.
bool holds_zero(const GridDifference& g) {
  return g.low <= 0 && g.high >= 0;
}

// Walking from segment `segment` (whose part next to the crossing holds 0) away from the crossing in the
// direction `step` (-1: left, +1: right): the first x where the band stops holding 0, or the grid's end.
double band_edge(const std::vector<GridDifference>& grid, std::size_t segment, int step, bool* open) {
  *open = false;
  for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(segment);
       j >= 0 && j + 1 < static_cast<std::ptrdiff_t>(grid.size()); j += step) {
    const GridDifference& a = grid[static_cast<std::size_t>(j)];
    const GridDifference& b = grid[static_cast<std::size_t>(j) + 1];
    const GridDifference& far = step < 0 ? a : b;
    if (holds_zero(far)) continue;
    // The band leaves 0 inside this segment: where the bound that excludes 0 at `far` reaches 0.
    double edge = step < 0 ? a.x : b.x;
    if (far.low > 0) {
      const double x = root(a.x, a.low, b.x, b.low);
      edge = step < 0 ? std::max(edge, x) : std::min(edge, x);
    }
    if (far.high < 0) {
      const double x = root(a.x, a.high, b.x, b.high);
      edge = step < 0 ? std::max(edge, x) : std::min(edge, x);
    }
    return edge;
  }
  *open = true;
  return step < 0 ? grid.front().x : grid.back().x;
}

}  // namespace

std::vector<Crossing> switching_values(const std::vector<GridDifference>& grid) {
  if (grid.size() < 2) throw std::invalid_argument("switching_values: needs at least two grid values");
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (i > 0 && !(grid[i].x > grid[i - 1].x))
      throw std::invalid_argument("switching_values: grid values must increase");
    if (!(grid[i].low <= grid[i].mean && grid[i].mean <= grid[i].high))
      throw std::invalid_argument("switching_values: an interval does not hold its mean");
  }
  std::vector<Crossing> out;
  // Signs of the means, a zero taking the sign of the value before it (so a touch is not two crossings).
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    const double a = grid[i].mean, b = grid[i + 1].mean;
    if (!((a < 0 && b >= 0) || (a > 0 && b <= 0))) continue;
    if (b == 0 && i + 2 < grid.size() && (grid[i + 2].mean < 0) == (a < 0)) continue;  // a touch
    Crossing c;
    c.at = root(grid[i].x, a, grid[i + 1].x, b);
    c.rising = a < 0;
    c.low = std::min(c.at, band_edge(grid, i, -1, &c.open_low));
    c.high = std::max(c.at, band_edge(grid, i, +1, &c.open_high));
    out.push_back(c);
  }
  return out;
}

bool ranking_settled(const std::vector<GridDifference>& grid) {
  if (grid.empty()) return false;
  const bool positive = grid.front().low > 0;
  return std::all_of(grid.begin(), grid.end(),
                     [&](const GridDifference& g) { return positive ? g.low > 0 : g.high < 0; });
}

}  // namespace recordflow
