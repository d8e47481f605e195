// Agenda: the engine's own future-event list. Events are ordered by (time, class, sequence): time in
// simulated hours, then a small class that breaks ties on purpose (availability changes before the work
// they affect), then the order of scheduling. SimGrid's ties are deterministic but not FIFO, so the model
// never relies on them: everything that happens at one instant is ordered here.
#pragma once

#include <cstdint>
#include <queue>
#include <vector>

#include "core/Units.hpp"

namespace recordflow::engine {

enum class EventKind : std::uint8_t {
  system_change,    // a = system, b = index of the change in its timeline
  silent_release,   // a = system, b = silent-failure window
  arrival,          // a = pathway
  encounter_start,  // a = patient
  encounter_end,    // a = patient
  create_document,  // a = pending creation slot
  step_resume,      // a = copy (a timed step such as transit finished)
  staff_done,       // a = pool, b = task slot
  pool_open,        // a = pool (its shift starts with work waiting)
  system_done,      // a = system (the item in service finished)
  batch_run,        // a = copy
  retry,            // a = copy (a failed system step tries again)
};

// Tie classes: lower runs first at equal times.
enum class TieClass : std::uint8_t { availability = 0, release = 1, work = 2 };

struct Event {
  Hours time = 0;
  std::uint64_t order = 0;  // (tie class << 56) | sequence
  EventKind kind = EventKind::arrival;
  std::uint32_t a = 0;
  std::uint64_t b = 0;
};

class Agenda {
 public:
  void push(Hours time, TieClass tie, EventKind kind, std::uint32_t a, std::uint64_t b = 0) {
    const std::uint64_t order = (static_cast<std::uint64_t>(tie) << 56) | next_sequence_++;
    heap_.push(Event{time, order, kind, a, b});
  }
  bool empty() const { return heap_.empty(); }
  const Event& top() const { return heap_.top(); }
  Event pop() {
    Event e = heap_.top();
    heap_.pop();
    return e;
  }
  std::size_t size() const { return heap_.size(); }

 private:
  struct Later {
    bool operator()(const Event& x, const Event& y) const {
      if (x.time != y.time) return x.time > y.time;
      return x.order > y.order;
    }
  };
  std::priority_queue<Event, std::vector<Event>, Later> heap_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace recordflow::engine
