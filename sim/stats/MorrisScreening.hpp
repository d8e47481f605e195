// MorrisScreening: elementary effects (Morris 1991, with mu* of Campolongo et al. 2007) to screen which
// uncertain inputs matter before the costlier Sobol estimates. `trajectories` random one-at-a-time paths
// on a grid of `levels` (even) values per input in (0, 1): each path starts at a grid point and moves every
// input once by Delta = levels / (2 (levels - 1)). For input i, mu*_i is the mean absolute elementary
// effect (f(x + Delta e_i) - f(x)) / Delta, sigma_i their standard deviation (interactions, curvature).
#pragma once

#include <cstdint>
#include <vector>

namespace recordflow {

struct MorrisDesign {
  int dims = 0;
  int trajectories = 0;
  double delta = 0;
  // trajectories x (dims + 1) points in [0, 1]^dims; changed[t * dims + j] = input moved at step j + 1.
  std::vector<std::vector<double>> points;
  std::vector<int> changed;
};

MorrisDesign morris_design(int dims, int trajectories, int levels, std::uint64_t seed);

struct ElementaryEffects {
  double mu_star = 0;  // mean |effect|, in output units per unit of the (0, 1) input scale
  double mu = 0;       // mean effect (its sign)
  double sigma = 0;    // standard deviation of the effects
};

std::vector<ElementaryEffects> elementary_effects(const MorrisDesign& design,
                                                  const std::vector<double>& outputs);

}  // namespace recordflow
