// SystemWork: the SimGrid side of the systems' work. An item of a capacity-limited system is an asynchronous
// execution of one unit on the system's own host (speed = capacity in items per second), started by the
// agenda actor at the item's start and awaited with the other running items (Activity::wait_any_for); so
// it slows with the host's speed profile and fails with the host: a host that its state profile turns off
// fails every execution on it, and the model learns of that from SimGrid's host callback at that instant
// (the item goes back to the head of its queue and its work is redone). Host state and speed changes reach
// the model only through SimGrid's callbacks (Host::on_state_change_cb, on_speed_change_cb).
// A system of c servers is a host of c cores at the capacity of one server each: its items run side by
// side, one core each. Invariant: at most c executions per system are running or waiting to start (the
// model hands out at most one item per server); an item's end is reported to the model exactly once,
// failed or not.
#pragma once

#include <simgrid/forward.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/Model.hpp"
#include "engine/Platform.hpp"

namespace recordflow::engine {

class SystemWork {
 public:
  // Connects the host callbacks; call once, before the engine runs.
  SystemWork(Model& model, const PlatformHandles& platform);

  // Takes the model's new service requests: those due now start, later ones wait for their start.
  void dispatch(const std::vector<Model::ServiceRequest>& requests);
  // Starts the executions whose start time has been reached (call with SimGrid's clock, in hours).
  void start_due(Hours now);
  // The earliest start still waiting (Calendar::kNever when none).
  Hours next_start() const;
  // Blocks the calling actor (the agenda) for at most `timeout_s` simulated seconds, or until a running
  // execution ends; an ended execution is reported to the model at that instant.
  void wait(double timeout_s);
  // At the horizon: cancels what still runs or waits (those items are in flight at the horizon), so that
  // no activity outlives the agenda actor.
  void cancel_all();
  // Stops reporting to the model (after the run: SimGrid's signals outlive this object).
  void detach();

  std::uint64_t host_state_changes() const { return shared_->host_state_changes; }
  std::uint64_t executions() const { return shared_->executions; }
  std::uint64_t failed_executions() const { return shared_->failed_executions; }

 private:
  struct Item {
    Index system = 0;
    Index server = 0;  // the model's server, i.e. one core of the host
    Hours start = 0;
    simgrid::s4u::ExecPtr exec;  // null until started
  };
  struct Shared {
    Model* model = nullptr;
    std::vector<simgrid::s4u::Host*> hosts;  // by system index
    std::vector<Item> waiting;               // requested, not started (in request order)
    std::vector<Item> running;               // started, not ended
    std::uint64_t host_state_changes = 0;
    std::uint64_t executions = 0;  // ended before the horizon
    std::uint64_t failed_executions = 0;
  };
  static void on_host_change(Shared& shared, const simgrid::s4u::Host& host, bool state_changed);
  // The items of `system` failed with its host at `now`: forgotten here, each reported to the model.
  static void fail_item(Shared& shared, Index system, Hours now);

  std::shared_ptr<Shared> shared_;
};

}  // namespace recordflow::engine
