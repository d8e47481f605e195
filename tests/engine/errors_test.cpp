// A failure inside the run (here: a channel names a staff pool the organisation does not have) fails
// simulate() with an exception instead of aborting the process.
#include <gtest/gtest.h>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {
namespace {

TEST(EngineErrors, AnErrorInsideTheRunIsRethrown) {
  Scenario sc = base_scenario();
  sc.channels["message"].steps[0].pool = "nobody";
  CollectingSink sink;
  try {
    simulate(sc, 0, sink, test_options());
    FAIL() << "simulate() should have thrown";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("nobody"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(sink.created.empty());  // it failed at the first copy's first step, after its creation
}

}  // namespace
}  // namespace recordflow::testing
