// SystemServers: the SimGrid side of the systems. Each capacity-limited system has a server actor on its
// own host (speed = capacity in items per second); an item's processing is an execution of one unit there,
// so it slows with the host's speed profile and dies with the host: SimGrid kills the actor, and the item
// is reported failed at that instant (the model puts it back at the head of the queue and its work is
// redone). Host state and speed changes reach the model only through SimGrid's callbacks. Server actors
// are daemons, started again when their host comes back; a finished item wakes the engine's agenda actor.
#pragma once

#include <simgrid/forward.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "engine/Model.hpp"
#include "engine/Platform.hpp"

namespace recordflow::engine {

class SystemServers {
 public:
  // Creates the server actors and connects the host callbacks; call once, before the engine runs.
  SystemServers(Model& model, const PlatformHandles& platform, simgrid::s4u::SemaphorePtr agenda_wake);

  // Hands the model's new service requests to their servers.
  void dispatch(const std::vector<Model::ServiceRequest>& requests);
  // Stops reporting to the model (after the run: SimGrid's signals outlive this object).
  void detach();

  std::uint64_t host_state_changes() const { return shared_->host_state_changes; }
  std::uint64_t executions() const { return shared_->executions; }
  std::uint64_t failed_executions() const { return shared_->failed_executions; }

 private:
  struct Server {
    Index system = 0;
    std::deque<Hours> pending;            // start times of requested items
    bool in_service = false;              // an item was handed to SimGrid and has not ended
    simgrid::s4u::SemaphorePtr requests;  // one release per requested item
  };
  struct Shared {
    Model* model = nullptr;
    std::weak_ptr<Shared> self;
    std::vector<simgrid::s4u::Host*> hosts;  // by system index
    std::vector<double> nominal_speed;       // by system index
    std::vector<std::unique_ptr<Server>> servers;
    std::vector<Server*> server_of;          // by system index (nullptr: unlimited)
    simgrid::s4u::SemaphorePtr agenda_wake;  // released once per finished item
    std::uint64_t host_state_changes = 0;
    std::uint64_t executions = 0;  // ended before the horizon
    std::uint64_t failed_executions = 0;
  };
  static void start_server(const std::shared_ptr<Shared>& shared, Server* server);
  static void serve(const std::shared_ptr<Shared>& shared, Server* server);
  static void on_host_change(Shared& shared, const simgrid::s4u::Host& host, bool state_changed);

  std::shared_ptr<Shared> shared_;
};

}  // namespace recordflow::engine
