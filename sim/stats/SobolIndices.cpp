#include "stats/SobolIndices.hpp"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <stdexcept>

#include "core/RandomStream.hpp"

namespace recordflow {
namespace {

struct Point {
  double first = 0, total = 0;
};

// The two estimators over the rows `rows` (indices into 0..N-1, repeats allowed for the bootstrap).
std::vector<Point> estimate_indices(const SaltelliDesign& d, const std::vector<double>& f,
                                    const std::vector<std::size_t>& rows) {
  const std::size_t n = static_cast<std::size_t>(d.base);
  double sum = 0, squares = 0;
  for (const std::size_t r : rows) sum += f[r] + f[n + r];
  const double m = static_cast<double>(rows.size());
  const double mean = sum / (2 * m);
  for (const std::size_t r : rows)
    squares += (f[r] - mean) * (f[r] - mean) + (f[n + r] - mean) * (f[n + r] - mean);
  const double variance = squares / (2 * m - 1);
  std::vector<Point> out(static_cast<std::size_t>(d.dims));
  if (!(variance > 0)) return out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::size_t ab = (2 + i) * n;
    double first = 0, total = 0;
    for (const std::size_t r : rows) {
      first += f[n + r] * (f[ab + r] - f[r]);
      total += (f[r] - f[ab + r]) * (f[r] - f[ab + r]);
    }
    out[i].first = first / m / variance;
    out[i].total = total / (2 * m) / variance;
  }
  return out;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double at = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(at);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

SaltelliDesign saltelli_design(int base, int dims) {
  if (base < 2 || dims < 1) throw std::invalid_argument("saltelli_design: needs base >= 2 and dims >= 1");
  SaltelliDesign d{base, dims, {}};
  const auto n = static_cast<std::size_t>(base), k = static_cast<std::size_t>(dims);
  boost::random::sobol sequence(2 * k);
  sequence.discard(2 * k);  // skip the origin: coordinates must lie strictly inside (0, 1)
  std::vector<std::vector<double>> a(n, std::vector<double>(k)), b = a;
  const double scale = 1.0 / (static_cast<double>(sequence.max()) + 1.0);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t j = 0; j < 2 * k; ++j) {
      const double u = (static_cast<double>(sequence()) + 0.5) * scale;
      (j < k ? a[r][j] : b[r][j - k]) = u;
    }
  d.points = a;
  d.points.insert(d.points.end(), b.begin(), b.end());
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t r = 0; r < n; ++r) {
      auto row = a[r];
      row[i] = b[r][i];
      d.points.push_back(std::move(row));
    }
  return d;
}

std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design, const std::vector<double>& outputs,
                                      int bootstrap, std::uint64_t seed) {
  if (outputs.size() != design.points.size())
    throw std::invalid_argument("sobol_indices: one output per design point");
  const auto n = static_cast<std::size_t>(design.base);
  std::vector<std::size_t> rows(n);
  for (std::size_t r = 0; r < n; ++r) rows[r] = r;
  const auto point = estimate_indices(design, outputs, rows);
  std::vector<std::vector<double>> firsts(point.size()), totals(point.size());
  RandomStream rng(seed, 0, "sobol_bootstrap");
  for (int b = 0; b < bootstrap; ++b) {
    for (auto& r : rows) r = rng.below(n);
    const auto again = estimate_indices(design, outputs, rows);
    for (std::size_t i = 0; i < again.size(); ++i) {
      firsts[i].push_back(again[i].first);
      totals[i].push_back(again[i].total);
    }
  }
  std::vector<SobolIndex> out(point.size());
  for (std::size_t i = 0; i < point.size(); ++i) {
    out[i].first = out[i].first_low = out[i].first_high = point[i].first;
    out[i].total = out[i].total_low = out[i].total_high = point[i].total;
    if (bootstrap < 2) continue;
    out[i].first_low = percentile(firsts[i], 0.025);
    out[i].first_high = percentile(firsts[i], 0.975);
    out[i].total_low = percentile(totals[i], 0.025);
    out[i].total_high = percentile(totals[i], 0.975);
  }
  return out;
}

}  // namespace recordflow
