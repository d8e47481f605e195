#include "stats/SobolIndices.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "stats/MorrisScreening.hpp"

namespace recordflow {
namespace {

// Ishigami function on [-pi, pi]^3 with a = 7, b = 0.1 (Ishigami and Homma 1990); its indices are known
// in closed form: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
double ishigami(const std::vector<double>& u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

struct Known {
  double first, total;
};
std::vector<Known> ishigami_indices() {
  const double pi = std::numbers::pi, a = 7, b = 0.1;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, (v1 + v13) / v}, {v2 / v, v2 / v}, {0, v13 / v}};
}

}  // namespace

// With N = 8192 Sobol base points the estimators' standard errors are about 0.01; the bootstrap interval
// (95 %) must hold the known value for every index, and the estimate be within 0.04 of it. A correct
// estimator misses one of six 95 % intervals with probability up to 26 % for an unlucky sample, so the
// interval check uses fixed points (the Sobol sequence) and seed: the outcome is deterministic.
TEST(SobolIndices, RecoverIshigamisKnownIndices) {
  const auto design = saltelli_design(8192, 3);
  std::vector<double> outputs;
  for (const auto& p : design.points) outputs.push_back(ishigami(p));
  const auto indices = sobol_indices(design, outputs, 300, 11);
  const auto known = ishigami_indices();
  ASSERT_EQ(indices.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE("input " + std::to_string(i + 1));
    EXPECT_NEAR(indices[i].first, known[i].first, 0.04);
    EXPECT_NEAR(indices[i].total, known[i].total, 0.04);
    EXPECT_LE(indices[i].first_low, known[i].first + 0.01);
    EXPECT_GE(indices[i].first_high, known[i].first - 0.01);
    EXPECT_LE(indices[i].total_low, known[i].total + 0.01);
    EXPECT_GE(indices[i].total_high, known[i].total - 0.01);
  }
}

TEST(SobolIndices, ConstantOutputHasNoIndices) {
  const auto design = saltelli_design(16, 2);
  const auto indices = sobol_indices(design, std::vector<double>(design.points.size(), 3.0), 10, 1);
  for (const auto& i : indices) {
    EXPECT_EQ(i.first, 0);
    EXPECT_EQ(i.total, 0);
  }
}

TEST(MorrisScreening, LinearFunctionHasItsCoefficientsAsEffects) {
  const auto design = morris_design(3, 20, 4, 2);
  std::vector<double> outputs;
  for (const auto& p : design.points) outputs.push_back(5 * p[0] - 2 * p[1] + 0 * p[2]);
  const auto effects = elementary_effects(design, outputs);
  EXPECT_NEAR(effects[0].mu_star, 5, 1e-9);
  EXPECT_NEAR(effects[0].mu, 5, 1e-9);
  EXPECT_NEAR(effects[1].mu, -2, 1e-9);
  EXPECT_NEAR(effects[1].sigma, 0, 1e-9);
  EXPECT_NEAR(effects[2].mu_star, 0, 1e-9);
}

TEST(MorrisScreening, RanksIshigamisInputs) {
  // mu* on Ishigami (Campolongo et al. 2007 report x1 and x2 influential, x3 through interaction only,
  // with a large sigma relative to its mu*).
  const auto design = morris_design(3, 50, 4, 3);
  std::vector<double> outputs;
  for (const auto& p : design.points) outputs.push_back(ishigami(p));
  const auto effects = elementary_effects(design, outputs);
  for (const auto& p : design.points)
    for (const double u : p) {
      ASSERT_GE(u, 0);
      ASSERT_LE(u, 1);
    }
  EXPECT_GT(effects[0].mu_star, 0.5);
  EXPECT_GT(effects[2].sigma, 0.5 * effects[2].mu_star);
  EXPECT_NEAR(effects[2].mu, 0, 0.5 * effects[2].mu_star + 1e-9);  // x3 acts only with x1: no sign
}

}  // namespace recordflow
