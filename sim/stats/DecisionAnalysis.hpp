// DecisionAnalysis: what the spread of uncertain inputs means for the choice of a design, as
// health-economic evaluation reports it. Input: value[s][d], the (replication-averaged) value of design d
// at parameter set s, larger is better (negate a metric where smaller is better); the parameter sets are
// draws from the inputs' distributions, equally weighted.
// - P(best): the share of parameter sets at which d has the largest value (ties split equally);
// - EVPI = E_s[max_d value] - max_d E_s[value]: what removing all uncertainty would be worth, >= 0;
// - EVPPI of a group of inputs: E_x[max_d E[value | x]] - max_d E[value], with E[value | x] estimated by
//   a least-squares regression of each design's value on the group's inputs (linear and squared terms,
//   Strong, Oakley and Brennan 2014, with a polynomial in place of their GAM). 0 <= EVPPI <= EVPI up to
//   estimation error. Units are the value's.
#pragma once

#include <vector>

namespace recordflow {

using ValueMatrix = std::vector<std::vector<double>>;  // [parameter set][design]

// Share of parameter sets where each design is best.
std::vector<double> probability_best(const ValueMatrix& value);

double expected_value_of_perfect_information(const ValueMatrix& value);

// `inputs[s]` are the group's input values (any scale) at parameter set s.
double expected_value_of_partial_perfect_information(const ValueMatrix& value,
                                                     const std::vector<std::vector<double>>& inputs);

// Least-squares fit of y on [1, x, x^2] per column of `x` (no cross terms); the fitted values.
std::vector<double> quadratic_fit(const std::vector<std::vector<double>>& x, const std::vector<double>& y);

}  // namespace recordflow
