#include "engine/SystemServers.hpp"

#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <string>

namespace recordflow::engine {
namespace {

namespace sg4 = simgrid::s4u;
constexpr double kSecondsPerHour = 3600.0;

Hours clock_hours() {
  return sg4::Engine::get_clock() / kSecondsPerHour;
}

}  // namespace

SystemServers::SystemServers(Model& model, const PlatformHandles& platform, sg4::SemaphorePtr agenda_wake)
    : shared_(std::make_shared<Shared>()) {
  Shared& s = *shared_;
  s.self = shared_;
  s.model = &model;
  s.hosts = platform.systems;
  s.agenda_wake = std::move(agenda_wake);
  s.server_of.assign(model.systems().size(), nullptr);
  s.nominal_speed.assign(model.systems().size(), 1.0);
  for (Index i = 0; i < model.systems().size(); ++i) {
    sg4::Host* host = s.hosts[i];
    if (host == nullptr) continue;
    s.nominal_speed[i] = host->get_speed();
    if (model.systems()[i].capacity <= 0) continue;
    auto server = std::make_unique<Server>();
    server->system = i;
    server->requests = sg4::Semaphore::create(0);
    Server* raw = server.get();
    s.server_of[i] = raw;
    s.servers.push_back(std::move(server));
    start_server(shared_, raw);
  }
  // Signals outlive this object: the callbacks share ownership of what they touch.
  std::shared_ptr<Shared> shared = shared_;
  sg4::Host::on_state_change_cb([shared](const sg4::Host& host) { on_host_change(*shared, host, true); });
  sg4::Host::on_speed_change_cb([shared](const sg4::Host& host) { on_host_change(*shared, host, false); });
}

// A server actor on its system's host. SimGrid kills it when the host fails; the host callback starts a new
// one when the host comes back (SimGrid's auto-restart is not used: a restarted actor killed at the end of
// the run escapes SimGrid's handler in 3.32).
void SystemServers::start_server(const std::shared_ptr<Shared>& shared, Server* server) {
  sg4::Host* host = shared->hosts[server->system];
  sg4::Actor::create("server:" + host->get_name(), host, [shared, server]() { serve(shared, server); });
}

void SystemServers::detach() {
  shared_->model = nullptr;
}

void SystemServers::dispatch(const std::vector<Model::ServiceRequest>& requests) {
  for (const Model::ServiceRequest& r : requests) {
    Server* server = shared_->server_of[r.system];
    if (server == nullptr) throw std::logic_error("engine: a service request for a system without a server");
    server->pending.push_back(r.start);
    server->in_service = true;
    server->requests->release();
  }
}

// The body of a server actor (started again with its host): executes one unit per requested item, from the
// item's start, and reports its end. If the host fails, SimGrid kills the actor during the execution and
// the host callback reports the failure instead.
void SystemServers::serve(const std::shared_ptr<Shared>& shared, Server* server) {
  sg4::Actor::self()->daemonize();
  while (true) {
    // A semaphore, not a condition variable: an actor killed while it waits must hold no lock.
    server->requests->acquire();
    if (server->pending.empty()) continue;  // the request died with the host before it started
    const Hours start = server->pending.front();
    server->pending.pop_front();
    if (start * kSecondsPerHour > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(start * kSecondsPerHour);
    sg4::this_actor::execute(1.0);
    server->in_service = false;
    if (shared->model == nullptr || clock_hours() >= shared->model->horizon()) continue;
    // Actors run one at a time and the agenda actor is between its steps whenever another actor runs, so
    // the end can be pushed into the model directly; the semaphore keeps the wake-up until it waits.
    ++shared->executions;
    shared->model->on_service_end(server->system, false, clock_hours());
    shared->agenda_wake->release();
  }
}

void SystemServers::on_host_change(Shared& shared, const sg4::Host& host, bool state_changed) {
  if (shared.model == nullptr) return;
  for (Index i = 0; i < shared.hosts.size(); ++i) {
    if (shared.hosts[i] != &host) continue;
    if (state_changed) ++shared.host_state_changes;
    const Hours now = clock_hours();
    const double share = host.get_available_speed();
    shared.model->on_host_change(i, host.is_on(), share, now);
    Server* server = shared.server_of[i];
    if (state_changed && host.is_on() && server != nullptr) start_server(shared.self.lock(), server);
    if (!host.is_on() && server != nullptr && server->in_service) {
      // The execution died with its host (the actor is killed): the item failed now.
      server->in_service = false;
      server->pending.clear();
      ++shared.failed_executions;
      shared.model->on_service_end(i, true, now);
    }
    return;
  }
}

}  // namespace recordflow::engine
