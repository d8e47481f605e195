// RecorderFixture: a tiny scenario (one hospital, two GP practices, a hub) and helpers that feed
// synthetic events to a Recorder, so recorder tests can state event sequences in a few lines and check
// metrics against values computed by hand. Warm-up 24 h; documents: discharge_summary (target 24 h),
// ed_summary (no target).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "recorder/Recorder.hpp"

namespace recordflow::testing {

inline Scenario make_scenario(Hours warm_up = 24) {
  Scenario s;
  s.name = "recorder_fixture";
  s.design = "today";
  s.experiment.warm_up = warm_up;
  s.experiment.horizon = 240;
  s.experiment.seed = 42;
  s.document_types["discharge_summary"] = DocumentType{"discharge_summary", 24.0, true};
  s.document_types["ed_summary"] = DocumentType{"ed_summary", std::nullopt, true};
  for (const char* name : {"epr", "gp_system", "hub"}) s.systems[name].name = name;

  Organisation hospital;
  hospital.name = hospital.template_name = "city_hospital";
  hospital.type = OrgType::acute;
  hospital.system = "epr";
  Organisation gp1;
  gp1.name = "gp_practice#1";
  gp1.template_name = "gp_practice";
  gp1.type = OrgType::primary;
  gp1.system = "gp_system";
  Organisation gp2 = gp1;
  gp2.name = "gp_practice#2";
  s.organisations = {hospital, gp1, gp2};

  Pathway pathway;
  pathway.name = "admission";
  State ward;
  ward.name = "ward";
  ward.at = OrgType::acute;
  ward.encounter_type = "admission";
  ward.creates.push_back(DocumentCreation{"discharge_summary", true, {OrgType::primary}, 1.0, {}});
  State review;
  review.name = "gp_review";
  review.at = OrgType::primary;
  review.encounter_type = "gp_appointment";
  review.needs.push_back(Need{"discharge_summary", OrgType::acute});
  pathway.states = {ward, review};
  s.pathways = {pathway};
  return s;
}

class RecorderTest : public ::testing::Test {
 protected:
  explicit RecorderTest(Hours warm_up = 24) : scenario_(make_scenario(warm_up)) {}

  Recorder& recorder() {
    if (!recorder_) recorder_ = std::make_unique<Recorder>(scenario_, 3, options_);
    return *recorder_;
  }
  const Organisation* hospital() const { return &scenario_.organisations[0]; }
  const Organisation* gp(int i) const { return &scenario_.organisations[static_cast<std::size_t>(i)]; }
  const std::string* doc(const std::string& name) const { return &scenario_.document_types.at(name).name; }
  const std::string* system(const std::string& name) const { return &scenario_.systems.at(name).name; }

  void create(std::uint64_t id, Hours t, const std::string& document = "discharge_summary",
              const Organisation* destination = nullptr) {
    CopyCreated e;
    e.copy_id = id;
    e.patient_id = id;
    e.document = doc(document);
    e.source = hospital();
    e.destination = destination ? destination : gp(1);
    e.time = t;
    recorder().on(e);
  }
  void arrive(std::uint64_t id, Hours t) { recorder().on(CopyAvailable{id, t}); }
  void lose(std::uint64_t id, Hours t) { recorder().on(CopyLost{id, "transit_loss", t}); }
  void still_in_flight(std::uint64_t id, Hours horizon, const char* state = "in_transfer", bool paper = false) {
    recorder().on(CopyInFlight{id, state, paper, horizon});
  }
  void need(std::uint64_t encounter, NeedOutcome outcome, Hours t, const std::string& type = "gp_appointment",
            bool phoned = false, bool obtained = false) {
    encounter_types_.push_back(std::make_unique<std::string>(type));
    NeedEvaluated e;
    e.encounter_id = encounter;
    e.encounter_type = encounter_types_.back().get();
    e.organisation = gp(1);
    e.document = doc("discharge_summary");
    e.outcome = outcome;
    e.phoned = phoned;
    e.phone_obtained = obtained;
    e.time = t;
    recorder().on(e);
  }
  void queue(const std::string& sys, std::size_t length, Hours t) {
    recorder().on(QueueLength{system(sys), true, length, t});
  }
  void system_state(const std::string& sys, bool up, Hours t) {
    recorder().on(SystemState{system(sys), up, up ? 1.0 : 0.0, t});
  }

  Scenario scenario_;
  RecorderOptions options_;
  std::unique_ptr<Recorder> recorder_;
  std::vector<std::unique_ptr<std::string>> encounter_types_;  // distinct addresses, same text
};

inline Dimensions flow(const std::string& document = "discharge_summary", const std::string& from = "acute",
                       const std::string& to = "primary") {
  return {{"document", document}, {"from", from}, {"to", to}};
}

}  // namespace recordflow::testing
