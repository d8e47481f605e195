#include "engine/SystemWork.hpp"

#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>
#include <simgrid/simix.hpp>

#include <algorithm>
#include <stdexcept>

namespace recordflow::engine {
namespace {

namespace sg4 = simgrid::s4u;
constexpr double kSecondsPerHour = 3600.0;

Hours clock_hours() {
  return sg4::Engine::get_clock() / kSecondsPerHour;
}

}  // namespace

SystemWork::SystemWork(Model& model, const PlatformHandles& platform) : shared_(std::make_shared<Shared>()) {
  Shared& s = *shared_;
  s.model = &model;
  s.hosts = platform.systems;
  // Signals outlive this object: the callbacks share ownership of what they touch.
  std::shared_ptr<Shared> shared = shared_;
  sg4::Host::on_state_change_cb([shared](const sg4::Host& host) { on_host_change(*shared, host, true); });
  sg4::Host::on_speed_change_cb([shared](const sg4::Host& host) { on_host_change(*shared, host, false); });
}

void SystemWork::cancel_all() {
  Shared& s = *shared_;
  for (Item& item : s.running) item.exec->cancel();
  s.running.clear();
  s.waiting.clear();
}

void SystemWork::detach() {
  cancel_all();
  shared_->model = nullptr;
}

void SystemWork::dispatch(const std::vector<Model::ServiceRequest>& requests) {
  for (const Model::ServiceRequest& r : requests) {
    if (r.system >= shared_->hosts.size() || shared_->hosts[r.system] == nullptr)
      throw std::logic_error("engine: a service request for a system without a host");
    shared_->waiting.push_back(Item{r.system, r.server, r.start, nullptr});
  }
  start_due(clock_hours());
}

void SystemWork::start_due(Hours now) {
  Shared& s = *shared_;
  // Request order is kept among items due at once (the model asked for them in agenda order).
  auto due = [now](const Item& item) { return item.start <= now + Lookahead::kTolerance; };
  if (std::none_of(s.waiting.begin(), s.waiting.end(), due)) return;
  // Each setter and start of an s4u activity is a simcall (a switch to SimGrid's kernel and back) when
  // called from an actor, and a plain call inside the kernel: one simcall creates and starts them all.
  simgrid::kernel::actor::simcall_answered([&s, &due] {
    for (Item& item : s.waiting) {
      if (!due(item)) continue;
      item.exec = sg4::Exec::init()->set_flops_amount(1.0)->set_host(s.hosts[item.system]);
      item.exec->start();
      s.running.push_back(item);
    }
  });
  std::erase_if(s.waiting, [](const Item& item) { return item.exec != nullptr; });
}

Hours SystemWork::next_start() const {
  Hours next = Calendar::kNever;
  for (const Item& item : shared_->waiting) next = std::min(next, item.start);
  return next;
}

void SystemWork::wait(double timeout_s) {
  Shared& s = *shared_;
  if (s.running.empty()) {
    sg4::this_actor::sleep_for(timeout_s);
    return;
  }
  std::vector<sg4::ExecPtr> execs;
  execs.reserve(s.running.size());
  for (const Item& item : s.running) execs.push_back(item.exec);
  ssize_t ended = -1;
  try {
    ended = sg4::Exec::wait_any_for(execs, timeout_s);
  } catch (const simgrid::HostFailureException&) {
    // An execution failed with its host; the host callback has already reported it (fail_item), but an
    // execution failed without that callback is reported here.
    for (const Item& item : std::vector<Item>(s.running))
      if (item.exec->get_state() == sg4::Activity::State::FAILED) fail_item(s, item.system, clock_hours());
    return;
  }
  if (ended < 0) return;  // the timeout
  const Item item = s.running[static_cast<std::size_t>(ended)];
  s.running.erase(s.running.begin() + ended);
  if (s.model == nullptr || clock_hours() >= s.model->horizon()) return;
  ++s.executions;
  s.model->on_service_end(item.system, item.server, false, clock_hours());
}

void SystemWork::fail_item(Shared& s, Index system, Hours now) {
  // Every item of the system, running or requested, in request order (each reported once).
  std::vector<Item> failed;
  for (const std::vector<Item>* items : {&s.running, &s.waiting})
    for (const Item& item : *items)
      if (item.system == system) failed.push_back(item);
  auto owned = [system](const Item& item) { return item.system == system; };
  std::erase_if(s.running, owned);
  std::erase_if(s.waiting, owned);
  for (const Item& item : failed) {
    ++s.failed_executions;
    s.model->on_service_end(system, item.server, true, now);
  }
}

void SystemWork::on_host_change(Shared& s, const sg4::Host& host, bool state_changed) {
  if (s.model == nullptr) return;
  for (Index i = 0; i < s.hosts.size(); ++i) {
    if (s.hosts[i] != &host) continue;
    if (state_changed) ++s.host_state_changes;
    const Hours now = clock_hours();
    s.model->on_host_change(i, host.is_on(), host.get_available_speed(), now);
    // SimGrid fails every execution on a host its profile turns off: the item in service failed now
    // (one requested but not started yet fails with it, as it would have the instant it started).
    if (!host.is_on()) fail_item(s, i, now);
    return;
  }
}

}  // namespace recordflow::engine
