#include "runner/Progress.hpp"

#include <gtest/gtest.h>

namespace recordflow {

// A single long replication moves the line before it ends: the days its child reports count.
TEST(Progress, RunningReplicationsCountTheirSimulatedDays) {
  Progress progress(false, 24.0 * 365);
  progress.set_total(1);
  EXPECT_EQ(progress.line(), "0/1 replications, 0 simulated days, ETA --:--");
  progress.set_running_days(120);
  const std::string line = progress.line();
  EXPECT_EQ(line.substr(0, line.find(", ETA")), "0/1 replications, 120 simulated days");
  EXPECT_NE(line.find("ETA "), std::string::npos);
  EXPECT_EQ(line.find("--:--"), std::string::npos) << line;
  progress.done_one();
  progress.set_running_days(0);
  EXPECT_EQ(progress.line(), "1/1 replications, 365 simulated days, ETA --:--");
}

}  // namespace recordflow
