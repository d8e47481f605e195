// SensitivityRun: carries out `recordflow sensitivity SCENARIO`: Morris screening of the scenario's
// uncertain inputs (stats/MorrisScreening.hpp) on every headline difference (each design minus the
// baseline, per metric). The points of `trajectories` one-at-a-time paths over the inputs' probability
// levels run as one sweep through the runner (all designs at each point, common random numbers; the same
// pool, shards and results.json as `run`); <out>/sensitivity.json holds, per difference and input, mu*
// (mean absolute elementary effect, in the metric's units per full range of the input's probability
// level), mu and sigma, inputs ranked by mu*. Exit codes as `run`.
#pragma once

#include <ostream>

#include "runner/UncertaintyRun.hpp"

namespace recordflow {

struct SensitivityOptions {
  UncertaintyOptions base;  // sets = trajectories
  int levels = 4;
};

int execute_sensitivity(const SensitivityOptions& options, std::ostream& out, std::ostream& err);

}  // namespace recordflow
