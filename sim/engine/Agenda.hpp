// Agenda: the engine's own future-event list. Events are ordered by (time, class, sequence): time in
// simulated hours, then a small class that breaks ties on purpose (availability changes before the work
// they affect), then the order of scheduling. SimGrid's ties are deterministic but not FIFO, so the model
// never relies on them: everything that happens at one instant is ordered here.
#pragma once

#include <algorithm>
#include <cstdint>
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
  pool_resize,      // a = pool, b = its new head count (staff schedule)
  system_done,      // a = system (the item in service finished)
  batch_run,        // a = copy
  retry,            // a = copy (a failed system step tries again)
  chase_due,        // a = copy (its recipient chases it if it has not arrived)
  task_forget,      // a = copy, b = its step (forgotten if it still waits there)
  absence,          // a = pool, b = person x 2 + 1 when back, + 0 when leaving (named pools)
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

// A two-level future-event list: events due within the current bucket (one simulated hour) live in a
// small binary heap; later ones wait unsorted in their hour's bucket until the heap runs dry, then that
// bucket is heapified. Pops stay cheap however many journeys wait weeks for their next encounter, and the
// order is exactly (time, order) because every event in a bucket is later than every event in the heap.
// Events at or after the horizon are dropped: they would never run.
class Agenda {
 public:
  explicit Agenda(Hours horizon)
      : horizon_(horizon), buckets_(static_cast<std::size_t>(std::max(0.0, horizon / kBucketWidth)) + 1) {}

  void push(Hours time, TieClass tie, EventKind kind, std::uint32_t a, std::uint64_t b = 0) {
    if (!(time < horizon_)) return;
    const std::uint64_t order = (static_cast<std::uint64_t>(tie) << 56) | next_sequence_++;
    const Event e{time, order, kind, a, b};
    const std::size_t bucket = bucket_of(time);
    ++size_;
    if (bucket <= loaded_) {
      heap_.push_back(e);
      std::push_heap(heap_.begin(), heap_.end(), Later{});
    } else {
      buckets_[bucket].push_back(e);
    }
  }
  bool empty() {
    refill();
    return heap_.empty();
  }
  const Event& top() {
    refill();
    return heap_.front();
  }
  Event pop() {
    refill();
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    const Event e = heap_.back();
    heap_.pop_back();
    --size_;
    return e;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr Hours kBucketWidth = 1.0;
  struct Later {
    bool operator()(const Event& x, const Event& y) const {
      if (x.time != y.time) return x.time > y.time;
      return x.order > y.order;
    }
  };
  std::size_t bucket_of(Hours time) const {
    const auto b = static_cast<std::size_t>(std::max(0.0, time / kBucketWidth));
    return std::min(b, buckets_.size() - 1);
  }
  void refill() {
    while (heap_.empty() && loaded_ + 1 < buckets_.size()) {
      ++loaded_;
      std::vector<Event>& bucket = buckets_[loaded_];
      if (bucket.empty()) continue;
      heap_.swap(bucket);
      std::vector<Event>().swap(bucket);  // release the bucket's memory
      std::make_heap(heap_.begin(), heap_.end(), Later{});
    }
  }

  Hours horizon_;
  std::vector<Event> heap_;                  // events of buckets <= loaded_
  std::vector<std::vector<Event>> buckets_;  // events of later buckets, unsorted
  std::size_t loaded_ = 0;
  std::size_t size_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace recordflow::engine
