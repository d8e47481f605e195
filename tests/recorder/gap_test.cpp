// Information needs and gaps: every cause, encounters with a gap, phone calls, warm-up filtering.
#include <gtest/gtest.h>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

class GapTest : public RecorderTest {};

TEST_F(GapTest, CountsEachCauseOnceAndRatesOverNeedsWithADocument) {
  need(100, NeedOutcome::in_transit, 5);  // warm-up: not counted (but in the daily series)
  need(1, NeedOutcome::seen, 30);
  need(1, NeedOutcome::in_transit, 30);
  need(2, NeedOutcome::no_document, 31, "gp_appointment", /*phoned=*/true, /*obtained=*/false);
  need(2, NeedOutcome::lost, 31, "gp_appointment", true, true);
  need(3, NeedOutcome::outage, 32, "ed_attendance");
  need(3, NeedOutcome::not_looked, 32, "ed_attendance");
  need(3, NeedOutcome::paper_only, 32, "ed_attendance");
  need(3, NeedOutcome::stale, 32, "ed_attendance");
  need(4, NeedOutcome::seen, 33);
  const ReplicationResult r = recorder().finish(240);

  EXPECT_EQ(r.get("needs"), 9);
  EXPECT_EQ(r.get("needs_with_document"), 8);
  EXPECT_EQ(r.get("gaps"), 6);
  EXPECT_DOUBLE_EQ(r.get("gap_rate"), 0.75);
  EXPECT_EQ(r.get("encounters"), 4);
  EXPECT_EQ(r.get("encounters_with_gap"), 3);
  EXPECT_DOUBLE_EQ(r.get("share_encounters_with_gap"), 0.75);
  EXPECT_EQ(r.get("phone_calls"), 2);
  EXPECT_EQ(r.get("gaps_resolved_by_phone"), 1);

  double share_sum = 0;
  for (const char* cause : {"in_transit", "lost", "outage", "not_looked", "paper_only", "stale"}) {
    EXPECT_EQ(r.get("gaps", {{"cause", cause}}), 1) << cause;
    EXPECT_DOUBLE_EQ(r.get("gap_share", {{"cause", cause}}), 0.125) << cause;
    share_sum += r.get("gap_share", {{"cause", cause}});
  }
  EXPECT_DOUBLE_EQ(share_sum, r.get("gap_rate"));

  const Dimensions gp{{"encounter_type", "gp_appointment"}};
  EXPECT_EQ(r.get("needs", gp), 5);
  EXPECT_EQ(r.get("needs_with_document", gp), 4);
  EXPECT_EQ(r.get("gaps", gp), 2);
  EXPECT_DOUBLE_EQ(r.get("gap_rate", gp), 0.5);
  EXPECT_EQ(r.get("encounters", gp), 3);
  EXPECT_EQ(r.get("encounters_with_gap", gp), 2);
  EXPECT_EQ(r.get("gaps", {{"encounter_type", "gp_appointment"}, {"cause", "lost"}}), 1);
  EXPECT_EQ(r.get("gaps", {{"cause", "stale"}, {"encounter_type", "gp_appointment"}}, -1), 0)
      << "every cause has a row; dimension order does not matter to get()";

  const Dimensions ed{{"encounter_type", "ed_attendance"}};
  EXPECT_EQ(r.get("needs", ed), 4);
  EXPECT_DOUBLE_EQ(r.get("gap_rate", ed), 1.0);
  EXPECT_EQ(r.get("encounters_with_gap", ed), 1);
  EXPECT_EQ(r.get("gaps", {{"cause", "stale"}, {"encounter_type", "ed_attendance"}}), 1);

  auto gaps =
      std::find_if(r.series.begin(), r.series.end(), [](const TimeSeries& s) { return s.name == "gaps"; });
  ASSERT_NE(gaps, r.series.end());
  EXPECT_EQ(gaps->values[0], 1);
  EXPECT_EQ(gaps->values[1], 6);
  EXPECT_EQ(gaps->values.size(), 10u);
}

TEST_F(GapTest, EncounterTypesWithNeedsReportZerosWithoutEvents) {
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("needs", {{"encounter_type", "gp_appointment"}}, -1), 0);
  EXPECT_EQ(r.get("gaps", {{"cause", "outage"}}, -1), 0);
  EXPECT_EQ(r.get("gap_rate", {}, -1), -1) << "no need with a document: omitted";
  EXPECT_EQ(r.get("gap_share", {{"cause", "outage"}}, -1), -1);
}

}  // namespace
}  // namespace recordflow::testing
