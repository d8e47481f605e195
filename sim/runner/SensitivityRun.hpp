// SensitivityRun: carries out `recordflow sensitivity SCENARIO`: Morris screening of the scenario's
// uncertain inputs (stats/MorrisScreening.hpp) on every headline difference (each design minus the
// baseline, per metric). The points of `trajectories` one-at-a-time paths over the inputs' probability
// levels run as one sweep through the runner (all designs at each point, common random numbers; the same
// pool, shards and results.json as `run`); <out>/sensitivity.json holds, per difference and input, mu*
// (mean absolute elementary effect, in the metric's units per full range of the input's probability
// level), mu and sigma, inputs ranked by mu*. Then, on the important inputs (SobolAnalysis.hpp), Sobol
// first-order and total indices with bootstrap intervals per difference (stage <out>/sobol), and switching
// values per pair of designs, metric and input (SwitchingAnalysis.hpp, stage <out>/switching); each stage
// is run, kept or resumed as SensitivityStage.hpp says. Exit codes as `run`.
#pragma once

#include <ostream>

#include "runner/UncertaintyRun.hpp"

namespace recordflow {

struct SensitivityOptions {
  UncertaintyOptions base;  // sets = trajectories
  int levels = 4;
  int sobol_inputs = 3;  // at most this many important inputs go on to the Sobol and switching stages
  int sobol_base = 8;    // N of Saltelli's design: N (k + 2) points; 0 skips the Sobol stage
  int switch_grid = 5;   // grid values per important input for switching values; 0 skips that stage
};

int execute_sensitivity(const SensitivityOptions& options, std::ostream& out, std::ostream& err);

}  // namespace recordflow
