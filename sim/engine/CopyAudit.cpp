// CopyAudit: conservation of copies checked by counting (CopyStates.hpp). A census walks every copy and
// counts it by state; the census must equal the counts the transitions kept, the copies the containers
// hold (pool queues and slots, system queues and servers, withheld lists, copies waiting for their
// source) and the copy events emitted. Runs at the horizon, and at every day end when asked (tests).
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/Model.hpp"

namespace recordflow::engine {
namespace {

std::size_t at(CopyState s) {
  return CopyStates::index(s);
}

}  // namespace

CopyStates::Counts Model::copy_census() const {
  CopyStates::Counts counted{};
  for (const Copy& c : copies_) ++counted[at(c.state)];
  return counted;
}

CopyStates::Counts Model::copies_held() const {
  CopyStates::Counts held{};
  for (const PoolInfo& p : pools_) {
    for (const Task& task : p.waiting)
      if (task.holds_copy()) ++held[at(CopyState::staff_waiting)];
    std::vector<bool> free(p.running.size(), false);
    for (Index slot : p.free_slots) free[slot] = true;
    for (std::size_t person = 0; person < p.people.size(); ++person) {
      for (const Task& task : p.people[person].waiting)
        if (task.holds_copy()) ++held[at(CopyState::staff_waiting)];
      free[person] = !p.people[person].busy;
    }
    for (std::size_t slot = 0; slot < p.running.size(); ++slot)
      if (!free[slot] && p.running[slot].holds_copy()) ++held[at(CopyState::staff_service)];
  }
  for (const SystemInfo& s : systems_) {
    held[at(CopyState::system_queue)] += s.queue.size();
    for (Index copy : s.in_service)
      if (copy != kNone) ++held[at(CopyState::system_service)];
    held[at(CopyState::waiting_source)] += s.waiting_sources.size();
    for (const std::vector<Index>& window : s.withheld) held[at(CopyState::withheld)] += window.size();
  }
  return held;
}

void Model::audit_copies(Hours t) const {
  const CopyStates::Counts counted = copy_census();
  auto fail = [t](const std::string& what) {
    throw std::logic_error("engine: copy conservation fails at t = " + std::to_string(t) + " h: " + what);
  };
  if (const std::string d = compare_counts(copy_states_.counts(), counted, "kept", "counted"); !d.empty())
    fail(d);
  CopyStates::Counts held = copies_held();
  const CopyState contained[] = {CopyState::staff_waiting,  CopyState::staff_service,
                                 CopyState::system_queue,   CopyState::system_service,
                                 CopyState::waiting_source, CopyState::withheld};
  CopyStates::Counts expected{};
  for (CopyState s : contained) expected[at(s)] = counted[at(s)];
  if (const std::string d = compare_counts(held, expected, "held by queues", "counted"); !d.empty()) fail(d);
  if (counted[at(CopyState::created)] != 0) fail("copies left in state created");
  // Copies of the pre-history emit no event: they are counted where they are settled.
  const ModelCounters& n = counters_;
  if (n.copies_created + n.pre_history_copies != copies_.size())
    fail("CopyCreated events " + std::to_string(n.copies_created) + " + pre-history copies " +
         std::to_string(n.pre_history_copies) + ", copies " + std::to_string(copies_.size()));
  if (n.pre_history_available + n.pre_history_lost != n.pre_history_copies)
    fail("pre-history copies " + std::to_string(n.pre_history_copies) + ", settled " +
         std::to_string(n.pre_history_available + n.pre_history_lost));
  if (n.copies_available + n.pre_history_available != counted[at(CopyState::available)])
    fail("CopyAvailable events " + std::to_string(n.copies_available) + " + pre-history " +
         std::to_string(n.pre_history_available) + ", available copies " +
         std::to_string(counted[at(CopyState::available)]));
  if (n.copies_lost + n.pre_history_lost != counted[at(CopyState::lost)])
    fail("CopyLost events " + std::to_string(n.copies_lost) + " + pre-history " +
         std::to_string(n.pre_history_lost) + ", lost copies " +
         std::to_string(counted[at(CopyState::lost)]));
}

void Model::report_copies_in_flight() {
  audit_copies(horizon_);
  for (const Copy& c : copies_) {
    report_action_at_horizon(c);
    if (is_terminal(c.state)) continue;
    // A letter in the post is on paper too, although it is marked paper only when it arrives.
    const bool posting = c.state == CopyState::in_transfer && channels_[c.channel].steps[c.step].step->paper;
    sink_.on(CopyInFlight{c.id, to_string(c.state), c.paper || posting, horizon_});
  }
}

}  // namespace recordflow::engine
