// The engine's progress hook: called once per whole simulated day, in order, ending at the horizon's
// day count, and it does not change the event stream (each run in its own process).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "EngineTestSupport.hpp"

namespace recordflow::testing {
namespace {

std::string run(const Scenario& sc, bool with_hook) {
  return run_in_child([&] {
    CollectingSink sink;
    EngineOptions options = test_options();
    std::string days;
    if (with_hook) options.on_day_end = [&days](int d) { days += std::to_string(d) + ","; };
    simulate(sc, 1, sink, options);
    return std::to_string(sink.digest) + " " + days;
  });
}

TEST(EngineProgress, DayEndHookCountsEveryDayInOrderWithoutChangingEvents) {
  Scenario sc = base_scenario();
  sc.experiment.horizon = 24 * 9 + 5;  // 9 days and 5 hours: 10 days started, the last one partial
  const std::string hooked = run(sc, true);
  const std::string plain = run(sc, false);
  ASSERT_NE(hooked, "child failed");
  ASSERT_NE(plain, "child failed");
  EXPECT_EQ(hooked.substr(hooked.find(' ') + 1), "1,2,3,4,5,6,7,8,9,10,");
  EXPECT_EQ(hooked.substr(0, hooked.find(' ')), plain.substr(0, plain.find(' ')));
}

}  // namespace
}  // namespace recordflow::testing
