// The breakdowns that let the model be compared with the world: needs and gaps by encounter type and
// document type, delay from the clinical event and send delay, counts per organisation and their spread
// across organisations of a type, information needs in the event log. Each is checked by counting the
// synthetic events independently of the recorder.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>

#include "RecorderFixture.hpp"

namespace recordflow::testing {
namespace {

namespace fs = std::filesystem;

class BreakdownTest : public RecorderTest {
 protected:
  void need_of(std::uint64_t encounter, const std::string& type, const std::string& document,
               NeedOutcome outcome, Hours t, const Organisation* where) {
    encounter_types_.push_back(std::make_unique<std::string>(type));
    NeedEvaluated e;
    e.encounter_id = encounter;
    e.encounter_type = encounter_types_.back().get();
    e.organisation = where;
    e.document = doc(document);
    e.outcome = outcome;
    e.time = t;
    recorder().on(e);
  }
  void create_from_event(std::uint64_t id, Hours event, Hours t, const std::string& document,
                         const Organisation* destination) {
    CopyCreated e;
    e.copy_id = id;
    e.patient_id = id;
    e.document = doc(document);
    e.source = hospital();
    e.destination = destination;
    e.time = t;
    e.event_time = event;
    recorder().on(e);
  }
  void step(std::uint64_t id, const char* activity, Hours start, Hours end) {
    recorder().on(StepDone{id, activity, nullptr, hospital(), start, end});
  }
};

TEST_F(BreakdownTest, NeedsAndGapsByEncounterAndDocumentAddUpToTheOverallCounts) {
  struct Need {
    std::string type, document;
    NeedOutcome outcome;
    Hours t;
  };
  const std::vector<Need> needs{
      {"gp_appointment", "discharge_summary", NeedOutcome::seen, 30},
      {"gp_appointment", "discharge_summary", NeedOutcome::in_transit, 31},
      {"gp_appointment", "ed_summary", NeedOutcome::no_document, 32},
      {"gp_appointment", "ed_summary", NeedOutcome::not_looked, 33},
      {"ed_attendance", "discharge_summary", NeedOutcome::lost, 34},
      {"ed_attendance", "discharge_summary", NeedOutcome::outage, 35},
      {"ed_attendance", "ed_summary", NeedOutcome::seen, 36},
      {"ed_attendance", "ed_summary", NeedOutcome::lost, 10},  // warm-up: not counted
  };
  std::map<std::pair<std::string, std::string>, std::array<int, 3>> expected;  // needs, with document, gaps
  std::uint64_t encounter = 1;
  for (const Need& n : needs) {
    need_of(encounter++, n.type, n.document, n.outcome, n.t, gp(1));
    if (n.t < 24) continue;
    auto& e = expected[{n.type, n.document}];
    ++e[0];
    if (n.outcome != NeedOutcome::no_document) ++e[1];
    if (n.outcome != NeedOutcome::no_document && n.outcome != NeedOutcome::seen) ++e[2];
  }
  const ReplicationResult r = recorder().finish(240);
  double sum_needs = 0, sum_with = 0, sum_gaps = 0;
  for (const auto& [key, counts] : expected) {
    const Dimensions dims{{"document", key.second}, {"encounter_type", key.first}};
    EXPECT_EQ(r.get("needs", dims, -1), counts[0]) << key.first << "/" << key.second;
    EXPECT_EQ(r.get("needs_with_document", dims, -1), counts[1]);
    EXPECT_EQ(r.get("gaps", dims, -1), counts[2]);
    EXPECT_DOUBLE_EQ(r.get("gap_rate", dims, -1), static_cast<double>(counts[2]) / counts[1]);
  }
  for (const auto& m : r.metrics) {
    if (m.dims.size() != 2 || m.dims[0].first != "document" || m.dims[1].first != "encounter_type") continue;
    if (m.name == "needs") sum_needs += m.value;
    if (m.name == "needs_with_document") sum_with += m.value;
    if (m.name == "gaps") sum_gaps += m.value;
  }
  EXPECT_EQ(sum_needs, r.get("needs"));
  EXPECT_EQ(sum_with, r.get("needs_with_document"));
  EXPECT_EQ(sum_gaps, r.get("gaps"));
  EXPECT_EQ(sum_needs, 7);
}

TEST_F(BreakdownTest, DelayFromTheEventIsDelayFromCreationPlusTheCreationLag) {
  // Discharge summaries written 6 h after discharge, ED summaries 1 h after the attendance.
  create_from_event(1, 24, 30, "discharge_summary", gp(1));
  create_from_event(2, 34, 40, "discharge_summary", gp(1));
  create_from_event(3, 49, 50, "ed_summary", gp(2));
  create_from_event(4, 5, 11, "discharge_summary", gp(1));  // warm-up copy
  arrive(1, 32);
  arrive(2, 52);
  arrive(3, 50.5);
  arrive(4, 40);
  const ReplicationResult r = recorder().finish(240);
  const Dimensions summaries{{"document", "discharge_summary"}};
  EXPECT_DOUBLE_EQ(r.get("delay_from_event_mean", summaries), (2.0 + 12.0) / 2 + 6);
  EXPECT_DOUBLE_EQ(r.get("delay_from_event_p50", {{"document", "ed_summary"}}), 0.5 + 1);
  const double mean_delay = r.get("delay_mean");
  EXPECT_DOUBLE_EQ(r.get("delay_from_event_mean"), mean_delay + (6.0 + 6.0 + 1.0) / 3);
}

TEST_F(BreakdownTest, SendDelayRunsToTheFirstStepThatLeavesTheSource) {
  create(1, 30);
  create(2, 30);
  create(3, 30);
  step(1, "sign_off", 30, 33);
  step(1, "print", 33, 34);
  step(1, "transit", 35, 60);  // sent at 35
  step(1, "file", 60, 61);
  step(2, "system", 30, 30.25);  // sent at once
  step(2, "publish", 30.25, 30.25);
  step(3, "sign_off", 30, 31);  // never sent
  lose(3, 31);
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_sent"), 2);
  EXPECT_DOUBLE_EQ(r.get("send_delay_mean"), (5.0 + 0.0) / 2);
  EXPECT_DOUBLE_EQ(r.get("send_delay_p90", {{"document", "discharge_summary"}}), 0.0 + 0.9 * 5.0);
}

TEST_F(BreakdownTest, CountsPerOrganisationAndTheirSpreadAcrossPractices) {
  // gp 1: 3 created, 2 received, 1 lost; gp 2: 1 created, 1 received; gaps at gp 2 only.
  create(1, 30, "discharge_summary", gp(1));
  create(2, 30, "discharge_summary", gp(1));
  create(3, 30, "discharge_summary", gp(1));
  create(4, 30, "ed_summary", gp(2));
  create(5, 10, "ed_summary", gp(2));  // warm-up copy
  arrive(1, 40);
  arrive(2, 41);
  lose(3, 42);
  arrive(4, 43);
  arrive(5, 44);
  need_of(1, "gp_appointment", "discharge_summary", NeedOutcome::in_transit, 50, gp(2));
  need_of(2, "gp_appointment", "discharge_summary", NeedOutcome::seen, 50, gp(2));
  const ReplicationResult r = recorder().finish(240);
  EXPECT_EQ(r.get("copies_received", {{"organisation", "gp_practice#1"}}, -1), 2);
  EXPECT_EQ(r.get("copies_received", {{"organisation", "gp_practice#2"}}, -1), 1);
  EXPECT_EQ(r.get("copies_received", {{"organisation", "city_hospital"}}, -1), 0);
  EXPECT_EQ(r.get("copies_lost", {{"organisation", "gp_practice#1"}}, -1), 1);
  EXPECT_EQ(r.get("gaps", {{"organisation", "gp_practice#2"}}, -1), 1);
  EXPECT_EQ(r.get("needs_with_document", {{"organisation", "gp_practice#2"}}, -1), 2);
  double received = 0;
  for (const auto& m : r.metrics)
    if (m.name == "copies_received" && m.dims.size() == 1 && m.dims[0].first == "organisation")
      received += m.value;
  EXPECT_EQ(received, r.get("copies_available"));
  const auto across = [&](const char* statistic) {
    return r.get("copies_received_across_orgs", {{"org_type", "primary"}, {"statistic", statistic}}, -1);
  };
  EXPECT_EQ(across("min"), 1);
  EXPECT_EQ(across("max"), 2);
  EXPECT_DOUBLE_EQ(across("p50"), 1.5);
  EXPECT_DOUBLE_EQ(across("p10"), 1.1);
}

class NeedLogTest : public BreakdownTest {
 protected:
  NeedLogTest() {
    path_ = fs::temp_directory_path() / ("recordflow_need_log_" + std::to_string(::getpid()) + ".jsonl");
    options_.event_log_path = path_.string();
  }
  ~NeedLogTest() override { fs::remove(path_); }
  fs::path path_;
};

TEST_F(NeedLogTest, InformationNeedsAreLinesOfTheEventLog) {
  need_of(7, "gp_appointment", "discharge_summary", NeedOutcome::not_looked, 50, gp(2));
  need_of(8, "gp_appointment", "discharge_summary", NeedOutcome::seen, 5, gp(2));  // warm-up
  recorder().finish(240);
  std::ifstream in(path_);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(
      lines[0],
      "{\"case\":\"encounter/7\",\"activity\":\"need\",\"resource\":\"\",\"organisation\":\"gp_practice#2\","
      "\"org_type\":\"primary\",\"start\":50,\"end\":50,\"document\":\"discharge_summary\","
      "\"encounter_type\":\"gp_appointment\",\"outcome\":\"not_looked\"}");
}

}  // namespace
}  // namespace recordflow::testing
