// SelectionRun: carries out `recordflow select SCENARIO --metric M --indifference DELTA --alpha A`: names
// the best design on one metric with probability of correct selection >= 1 - alpha whenever it beats every
// other design by at least DELTA (the indifference zone), by the two-stage procedure of
// stats/BestDesignSelection.hpp with common random numbers. Stage 1 runs n0 replications of every design
// into <out>/first-stage; if the procedure needs N > n0, stage 2 runs N into <out> (replications 0..N-1:
// the first n0 are the same replications again, identical by their seeds, so the selection uses one
// replication-aligned set). Both are ordinary runs (process pool, results.json). <out>/selection.json
// holds the rule, N, every design's mean with its 95 % interval and the selected design. Exit codes as
// `run`; bad options (indifference <= 0, alpha outside (0, 1), n0 < 2, unknown metric) exit 2.
#pragma once

#include <ostream>
#include <string>

#include "runner/RunRequest.hpp"

namespace recordflow {

struct SelectionOptions {
  RunRequest run;  // scenario, --set, designs, jobs, out, timeout
  std::string metric = "gap_rate";
  double indifference = 0;
  double alpha = 0.05;
  int first_stage = 10;
};

int execute_selection(const SelectionOptions& options, std::ostream& out, std::ostream& err);

}  // namespace recordflow
