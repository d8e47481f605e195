#include "stats/DecisionAnalysis.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "stats/LatinHypercube.hpp"

namespace recordflow {
namespace {

// 99.9 % binomial margin of a share p estimated from n independent draws.
double margin(double p, int n) {
  return 3.29 * std::sqrt(p * (1 - p) / n);
}

}  // namespace

TEST(DecisionAnalysis, ProbabilityBestMatchesAKnownProbability) {
  // Design 0 has value 0, design 1 has x1 + x2 with x uniform on (-1, 1) and design 2 has x1 - 0.5:
  // design 1 is best when x1 + x2 > max(0, x1 - 0.5), i.e. x2 > max(-x1, -0.5). P = 1/2 + ... computed
  // by quadrature below; design 2 is best when x1 - 0.5 > max(0, x1 + x2), i.e. x1 > 0.5 and x2 < -0.5.
  const int n = 4000;
  const auto u = latin_hypercube(n, 2, 3);
  ValueMatrix value;
  for (const auto& row : u) {
    const double x1 = 2 * row[0] - 1, x2 = 2 * row[1] - 1;
    value.push_back({0.0, x1 + x2, x1 - 0.5});
  }
  const auto p = probability_best(value);
  // P(design 2) = P(x1 > 0.5) P(x2 < -0.5) = 1/4 * 1/4.
  EXPECT_NEAR(p[2], 0.0625, margin(0.0625, n));
  // P(design 1) = P(x2 > max(-x1, -0.5)): for x1 < 0.5 the bound is -x1, else -0.5;
  // = (1/2) [ int_{-1}^{0.5} (1 + x1)/2 dx1 + int_{0.5}^{1} 0.75 dx1 ] = (1/2)(0.5625 + 0.375) = 0.46875.
  EXPECT_NEAR(p[1], 0.46875, margin(0.46875, n));
  EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-12);
}

TEST(DecisionAnalysis, TiesShareTheProbability) {
  const auto p = probability_best({{1, 1}, {2, 1}});
  EXPECT_DOUBLE_EQ(p[0], 0.75);
  EXPECT_DOUBLE_EQ(p[1], 0.25);
}

TEST(DecisionAnalysis, ExpectedValuesOfInformationMatchClosedForms) {
  // Two designs: 0 and x1 + x2, x uniform on (-1, 1). EVPI = E[(x1 + x2)+] = 1/3;
  // EVPPI(x1) = E[max(0, x1)] = 1/4; EVPPI(x2) = 1/4; EVPPI of an irrelevant input = 0.
  const int n = 4000;
  const auto u = latin_hypercube(n, 3, 5);
  ValueMatrix value;
  std::vector<std::vector<double>> x1, x2, noise, both;
  for (const auto& row : u) {
    const double a = 2 * row[0] - 1, b = 2 * row[1] - 1;
    value.push_back({0.0, a + b});
    x1.push_back({a});
    x2.push_back({b});
    noise.push_back({row[2]});
    both.push_back({a, b});
  }
  // Monte Carlo error of these means: sd of (x1+x2)+ is about 0.5, over 4,000 draws 0.008; 0.03 is 3.7 sd.
  EXPECT_NEAR(expected_value_of_perfect_information(value), 1.0 / 3, 0.03);
  EXPECT_NEAR(expected_value_of_partial_perfect_information(value, x1), 0.25, 0.03);
  EXPECT_NEAR(expected_value_of_partial_perfect_information(value, x2), 0.25, 0.03);
  EXPECT_NEAR(expected_value_of_partial_perfect_information(value, both), 1.0 / 3, 0.03);
  EXPECT_NEAR(expected_value_of_partial_perfect_information(value, noise), 0.0, 0.03);
}

TEST(DecisionAnalysis, QuadraticFitIsExactOnAQuadratic) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 20; ++i) {
    x.push_back({i * 0.1});
    y.push_back(1 + 2 * i * 0.1 - 3 * i * 0.1 * i * 0.1);
  }
  const auto f = quadratic_fit(x, y);
  for (std::size_t i = 0; i < y.size(); ++i) EXPECT_NEAR(f[i], y[i], 1e-9);
}

}  // namespace recordflow
