// The copy state machine: its transition table, counts kept by the transitions, and the audit that counts
// every copy by state and fails when a copy is moved outside the machine or dropped from a queue. The
// Model is plain C++, so these tests drive it without SimGrid.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "EngineTestSupport.hpp"
#include "engine/Model.hpp"

namespace recordflow::engine {

// Reaches into a model to break it the way a faulty handler would.
class ModelTestAccess {
 public:
  static ChunkedVector<Copy>& copies(Model& m) { return m.copies_; }
  static std::vector<PoolInfo>& pools(Model& m) { return m.pools_; }
  static CopyStates& states(Model& m) { return m.copy_states_; }
};

namespace {

using recordflow::testing::base_scenario;
using recordflow::testing::CollectingSink;

TEST(CopyStates, TableAllowsThePipelineAndNothingElse) {
  EXPECT_TRUE(transition_allowed(CopyState::created, CopyState::staff_waiting));
  EXPECT_TRUE(transition_allowed(CopyState::staff_waiting, CopyState::staff_service));
  EXPECT_FALSE(transition_allowed(CopyState::staff_waiting, CopyState::in_transfer));  // not served yet
  EXPECT_TRUE(transition_allowed(CopyState::staff_waiting, CopyState::lost));          // forgotten
  EXPECT_TRUE(transition_allowed(CopyState::system_service, CopyState::system_queue));
  EXPECT_TRUE(transition_allowed(CopyState::query, CopyState::available));
  EXPECT_FALSE(transition_allowed(CopyState::query, CopyState::lost));
  EXPECT_FALSE(transition_allowed(CopyState::in_transfer, CopyState::query));
  EXPECT_FALSE(transition_allowed(CopyState::in_transfer, CopyState::waiting_source));
  for (std::size_t to = 0; to < kCopyStateCount; ++to) {
    EXPECT_FALSE(transition_allowed(CopyState::available, static_cast<CopyState>(to)));
    EXPECT_FALSE(transition_allowed(CopyState::lost, static_cast<CopyState>(to)));
    EXPECT_FALSE(transition_allowed(static_cast<CopyState>(to), CopyState::created));
  }
}

TEST(CopyStates, MoveCountsAndRefusesForbiddenTransitions) {
  CopyStates states;
  CopyState a = CopyState::created, b = CopyState::created;
  states.create();
  states.create();
  states.move(a, CopyState::staff_waiting);
  states.move(b, CopyState::in_transfer);
  states.move(b, CopyState::lost);
  EXPECT_EQ(states.count(CopyState::created), 0u);
  EXPECT_EQ(states.count(CopyState::staff_waiting), 1u);
  EXPECT_EQ(states.count(CopyState::lost), 1u);
  EXPECT_THROW(states.move(a, CopyState::available), std::logic_error);
  EXPECT_EQ(a, CopyState::staff_waiting);  // unchanged by a refused move
  EXPECT_THROW(states.move(b, CopyState::in_transfer), std::logic_error);
}

// The base scenario with one secretary for 3 discharge summaries an hour of 30 minutes' sign-off each:
// copies queue for staff (without SimGrid, systems never fail and no item needs a host).
Scenario busy_scenario() {
  Scenario sc = base_scenario();
  sc.organisations[0].staff = {StaffPool{"secretaries", 1, "always"}};
  sc.pathways[0].rate_per_1000_per_hour = 0.3;
  return sc;
}

// Every copy is reported once: available, lost, or in flight with its state.
void expect_every_copy_reported_once(const CollectingSink& sink) {
  std::set<std::uint64_t> fates;
  for (const auto& e : sink.available) EXPECT_TRUE(fates.insert(e.copy_id).second);
  for (const auto& e : sink.lost) EXPECT_TRUE(fates.insert(e.copy_id).second);
  for (const auto& e : sink.in_flight) EXPECT_TRUE(fates.insert(e.copy_id).second);
  EXPECT_EQ(fates.size(), sink.created.size());
}

TEST(CopyAudit, PassesOnAnIntactModelAtEveryDayEnd) {
  const Scenario sc = busy_scenario();
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.set_daily_audit(true);
  EXPECT_NO_THROW(model.run_through(sc.experiment.horizon));
  EXPECT_NO_THROW(model.report_copies_in_flight());
  const CopyStates& states = model.copy_states();
  EXPECT_GT(states.count(CopyState::available), 50u);
  EXPECT_GT(states.count(CopyState::staff_waiting), 0u);
  expect_every_copy_reported_once(sink);
}

TEST(CopyAudit, FindsACopyMovedOutsideTheMachine) {
  const Scenario sc = busy_scenario();
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.run_through(24 * 7);
  auto& copies = ModelTestAccess::copies(model);
  ASSERT_FALSE(copies.empty());
  Copy* moving = nullptr;
  for (Copy& c : copies)
    if (c.state == CopyState::staff_waiting) moving = &c;
  ASSERT_NE(moving, nullptr);
  moving->state = CopyState::available;  // as a handler assigning the state directly would
  EXPECT_THROW(model.audit_copies(24 * 7), std::logic_error);
}

TEST(CopyAudit, FindsACopyDroppedFromAQueue) {
  const Scenario sc = busy_scenario();
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.run_through(24 * 7);
  auto& pools = ModelTestAccess::pools(model);
  PoolInfo* busy = nullptr;
  for (PoolInfo& p : pools)
    if (!p.waiting.empty()) busy = &p;
  ASSERT_NE(busy, nullptr) << "one secretary for 1.5 secretaries' work should have a queue after a week";
  busy->waiting.pop_back();  // the copy keeps its state but no queue holds it
  EXPECT_THROW(model.audit_copies(24 * 7), std::logic_error);
}

TEST(CopyAudit, FindsAFateWithoutItsEvent) {
  Scenario sc = busy_scenario();
  sc.design = "paper";  // letters spend two days in the post (in_transfer, held by no queue)
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.run_through(24 * 7);
  EXPECT_NO_THROW(model.audit_copies(24 * 7));
  auto& copies = ModelTestAccess::copies(model);
  Copy* posted = nullptr;
  for (Copy& c : copies)
    if (c.state == CopyState::in_transfer) posted = &c;
  ASSERT_NE(posted, nullptr);
  // Moved through the machine (counts stay consistent) but no CopyLost emitted: the event count differs.
  ModelTestAccess::states(model).move(posted->state, CopyState::lost);
  EXPECT_THROW(model.audit_copies(24 * 7), std::logic_error);
}

// The busy scenario with its one secretary named, away 1 d after every 3 d, and sign-offs still waiting
// after 12 h forgotten with probability 0.5: copies wait in one person's queue and some leave it lost.
Scenario named_forgetting_scenario() {
  Scenario sc = busy_scenario();
  StaffPool& secretary = sc.organisations[0].staff[0];
  secretary.named = true;
  secretary.absence = StaffAbsence{Distribution::fixed(72), Distribution::fixed(24)};
  Step& sign_off = sc.channels["message"].steps[0];
  sign_off.forget_after = 12;
  sign_off.forget_probability = 0.5;
  return sc;
}

TEST(CopyAudit, PassesWithNamedPeopleAwayAndItemsForgotten) {
  const Scenario sc = named_forgetting_scenario();
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.set_daily_audit(true);
  EXPECT_NO_THROW(model.run_through(sc.experiment.horizon));
  EXPECT_NO_THROW(model.report_copies_in_flight());
  std::size_t forgotten = 0;
  for (const auto& e : sink.lost) forgotten += std::string(e.reason) == "forgotten" ? 1 : 0;
  std::size_t handled = 0;
  for (const auto& e : sink.handled) handled += e.what == Handling::forgotten ? 1 : 0;
  EXPECT_GT(forgotten, 10u) << "a day away with 0.3 letters an hour leaves many waiting past 12 h";
  EXPECT_EQ(handled, forgotten);
  EXPECT_GT(sink.available.size(), 50u);
  expect_every_copy_reported_once(sink);
}

TEST(CopyAudit, FindsACopyDroppedFromANamedPersonsQueue) {
  const Scenario sc = named_forgetting_scenario();
  CollectingSink sink;
  Model model(sc, 0, sink);
  model.run_through(24 * 3 + 20);  // the secretary has been away 20 h
  auto& pools = ModelTestAccess::pools(model);
  ASSERT_EQ(pools[0].people.size(), 1u);
  ASSERT_FALSE(pools[0].people[0].waiting.empty());
  EXPECT_NO_THROW(model.audit_copies(24 * 3 + 20));
  pools[0].people[0].waiting.pop_back();
  EXPECT_THROW(model.audit_copies(24 * 3 + 20), std::logic_error);
}

}  // namespace
}  // namespace recordflow::engine
