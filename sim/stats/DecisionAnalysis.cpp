#include "stats/DecisionAnalysis.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace recordflow {
namespace {

std::vector<double> column_means(const ValueMatrix& value) {
  std::vector<double> mean(value.empty() ? 0 : value.front().size(), 0.0);
  for (const auto& row : value)
    for (std::size_t d = 0; d < row.size(); ++d) mean[d] += row[d];
  for (auto& m : mean) m /= static_cast<double>(value.size());
  return mean;
}

double max_of(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// Solves the symmetric system a x = b by Gaussian elimination with partial pivoting; a column whose pivot
// vanishes (a constant regressor) gets coefficient 0.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  std::vector<bool> dropped(n, false);
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[pivot][c])) pivot = r;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    if (std::fabs(a[c][c]) < 1e-12) {
      dropped[c] = true;
      continue;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(n, 0.0);
  for (std::size_t c = 0; c < n; ++c)
    if (!dropped[c]) x[c] = b[c] / a[c][c];
  return x;
}

}  // namespace

std::vector<double> probability_best(const ValueMatrix& value) {
  std::vector<double> p(value.empty() ? 0 : value.front().size(), 0.0);
  for (const auto& row : value) {
    const double best = max_of(row);
    const auto ties = static_cast<double>(std::count(row.begin(), row.end(), best));
    for (std::size_t d = 0; d < row.size(); ++d)
      if (row[d] == best) p[d] += 1 / ties;
  }
  for (auto& share : p) share /= static_cast<double>(std::max<std::size_t>(value.size(), 1));
  return p;
}

double expected_value_of_perfect_information(const ValueMatrix& value) {
  if (value.empty()) return 0;
  double with_information = 0;
  for (const auto& row : value) with_information += max_of(row);
  return with_information / static_cast<double>(value.size()) - max_of(column_means(value));
}

std::vector<double> quadratic_fit(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  const std::size_t n = y.size();
  if (x.size() != n) throw std::invalid_argument("quadratic_fit: one row of inputs per value");
  const std::size_t k = n ? x.front().size() : 0;
  // Centred and scaled regressors keep the normal equations well conditioned.
  std::vector<double> centre(k, 0), scale(k, 0);
  for (const auto& row : x)
    for (std::size_t j = 0; j < k; ++j) centre[j] += row[j] / static_cast<double>(n);
  for (const auto& row : x)
    for (std::size_t j = 0; j < k; ++j) scale[j] = std::max(scale[j], std::fabs(row[j] - centre[j]));
  const auto features = [&](const std::vector<double>& row) {
    std::vector<double> f{1.0};
    for (std::size_t j = 0; j < k; ++j) {
      const double z = scale[j] > 0 ? (row[j] - centre[j]) / scale[j] : 0;
      f.push_back(z);
      f.push_back(z * z);
    }
    return f;
  };
  const std::size_t p = 1 + 2 * k;
  std::vector<std::vector<double>> xtx(p, std::vector<double>(p, 0));
  std::vector<double> xty(p, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto f = features(x[i]);
    for (std::size_t a = 0; a < p; ++a) {
      xty[a] += f[a] * y[i];
      for (std::size_t b = 0; b < p; ++b) xtx[a][b] += f[a] * f[b];
    }
  }
  const auto beta = solve(xtx, xty);
  std::vector<double> fitted(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto f = features(x[i]);
    for (std::size_t a = 0; a < p; ++a) fitted[i] += beta[a] * f[a];
  }
  return fitted;
}

double expected_value_of_partial_perfect_information(const ValueMatrix& value,
                                                     const std::vector<std::vector<double>>& inputs) {
  if (value.empty()) return 0;
  const std::size_t designs = value.front().size();
  ValueMatrix fitted(value.size(), std::vector<double>(designs, 0));
  for (std::size_t d = 0; d < designs; ++d) {
    std::vector<double> y;
    for (const auto& row : value) y.push_back(row[d]);
    const auto f = quadratic_fit(inputs, y);
    for (std::size_t s = 0; s < value.size(); ++s) fitted[s][d] = f[s];
  }
  return std::max(0.0, expected_value_of_perfect_information(fitted));
}

}  // namespace recordflow
