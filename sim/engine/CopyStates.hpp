// CopyStates: the state machine of one copy on its way to one destination. Every copy is in exactly one
// state at any instant; the only way to change it is CopyStates::move, which checks the transition
// against the table below and keeps a count per state. Counts are never derived: the audit compares them
// with a census that walks every copy, and with the containers that hold copies (pool queues, system
// queues, servers, withheld lists), so a transition made anywhere else or a copy dropped from a queue is
// found at the next audit.
//
// Transitions (P = the pipeline states: staff_waiting, in_transfer, system_queue, system_service,
// retry_wait, batch_wait, withheld, available, lost):
//   created        -> P, waiting_source, query
//   waiting_source -> P                      (its system came back)
//   staff_waiting  -> staff_service
//   staff_service, in_transfer, retry_wait, batch_wait, withheld -> P
//   system_queue   -> system_service, P      (a server takes it, or an unlimited system drains)
//   system_service -> system_queue, P        (its system failed under it: back to the queue)
//   query          -> available              (first successful read at a need)
//   available, lost: terminal.
// "On paper" is the medium of a copy (Copy::paper), not a place: a paper letter waiting to be scanned is
// staff_waiting on paper. The census counts paper copies per state as well.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace recordflow::engine {

enum class CopyState : std::uint8_t {
  created,         // made at its source, before its first step
  waiting_source,  // its source (or shared store) system is down and there is no downtime channel
  staff_waiting,   // queued for a staff pool (abandonment is decided before it queues; forgetting after)
  staff_service,   // being handled by a member of a staff pool
  system_queue,    // waiting at a system: it is down (store and forward) or its servers are busy
  system_service,  // being processed by one of a system's servers
  in_transfer,     // a timed transit step: post, courier, fax, electronic message
  retry_wait,      // a `fail` system step waiting to retry
  batch_wait,      // waiting for the next run of a batch feed
  withheld,        // silently withheld by a failing interface until the failure is detected
  query,           // nothing sent: read at the point of need
  available,       // published at the destination (or read once by query): terminal
  lost,            // lost with a reason: terminal
};
constexpr std::size_t kCopyStateCount = 13;

const char* to_string(CopyState state);
bool is_terminal(CopyState state);
bool transition_allowed(CopyState from, CopyState to);

// Per-state counts kept by the transitions themselves.
class CopyStates {
 public:
  using Counts = std::array<std::uint64_t, kCopyStateCount>;

  // A new copy enters `created`.
  void create() { ++counts_[index(CopyState::created)]; }
  // Moves one copy; throws std::logic_error naming both states when the table forbids it.
  void move(CopyState& state, CopyState to);

  const Counts& counts() const { return counts_; }
  std::uint64_t count(CopyState state) const { return counts_[index(state)]; }
  static std::size_t index(CopyState state) { return static_cast<std::size_t>(state); }

 private:
  Counts counts_{};
};

// Describes the first difference between two per-state counts ("" when equal).
std::string compare_counts(const CopyStates::Counts& kept, const CopyStates::Counts& counted,
                           const char* kept_name, const char* counted_name);

}  // namespace recordflow::engine
