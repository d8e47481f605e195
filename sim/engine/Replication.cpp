// One replication on SimGrid. The SimGrid engine owns the clock; one actor on the control host ("agenda")
// sleeps until the model's next event and lets the Model handle everything due within the wake quantum, so
// one SimGrid wake-up serves many logical events. Errors inside the actor are caught, every actor is
// killed, and the error is rethrown after run; a deadlock fails the run too.
#include "engine/Replication.hpp"

#include <xbt/log.h>
#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/Model.hpp"
#include "engine/Platform.hpp"
#include "topology/Topology.hpp"

namespace recordflow::engine {
namespace {

namespace sg4 = simgrid::s4u;
constexpr double kSecondsPerHour = 3600.0;
// SimGrid's clock is a sum of deltas; instants closer than this (seconds) count as already reached.
constexpr double kClockTolerance = 1e-9;

std::vector<std::string> engine_arguments(const EngineOptions& options) {
  std::vector<std::string> args{"recordflow", "--cfg=network/model:CM02", "--cfg=network/crosstraffic:0"};
  if (options.thread_contexts) args.emplace_back("--cfg=contexts/factory:thread");
  if (!options.verbose) args.emplace_back("--log=root.thres:warning");
  return args;
}

}  // namespace

EngineReport run_replication(const Scenario& scenario, int replication, EventSink& sink,
                             const EngineOptions& options, Hours wake_quantum, ReplicationStats* stats) {
  // The model is built (and the scenario checked) before SimGrid starts, so bad input fails early.
  Model model(scenario, replication, sink);

  std::vector<std::string> args = engine_arguments(options);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  sg4::Engine simgrid_engine(&argc, argv.data());

  const Topology topology = Topology::build(scenario);
  const PlatformHandles platform = build_platform(model, topology.systems(), topology.system_links());

  bool deadlock = false;
  sg4::Engine::on_deadlock_cb([&deadlock]() { deadlock = true; });

  // Cross-check: each time SimGrid turns a system's host off or on (driven by the state profile), the
  // model's timeline must hold a change to that state at that instant. Signals outlive this function, so
  // the callback shares ownership of what it touches.
  struct HostCheck {
    const Model* model = nullptr;
    std::uint64_t flips = 0;
    std::uint64_t disagreements = 0;
  };
  auto check = std::make_shared<HostCheck>();
  check->model = &model;
  sg4::Host::on_state_change_cb([check](const sg4::Host& host) {
    if (check->model == nullptr || host.get_name().rfind("system:", 0) != 0) return;
    const Index system = check->model->find_system(host.get_name().substr(7));
    if (system == kNone) return;
    ++check->flips;
    const Hours now = sg4::Engine::get_clock() / kSecondsPerHour;
    bool agrees = false;
    for (const AvailabilityChange& c : check->model->systems()[system].timeline.changes)
      if (std::abs(c.time - now) < 1e-6 && c.up == host.is_on()) agrees = true;
    if (!agrees) ++check->disagreements;
  });

  std::string error;
  EngineReport report;
  const double horizon_s = scenario.experiment.horizon * kSecondsPerHour;
  // Progress hook: whole simulated days done, reported as the agenda passes day ends.
  const Hours horizon = scenario.experiment.horizon;
  const int total_days = static_cast<int>(std::ceil(horizon / 24.0));
  int days_reported = 0;
  auto days = [&options, &days_reported, total_days, horizon](Hours now) {
    const int done =
        now >= horizon ? total_days : std::min(total_days, static_cast<int>(std::floor(now / 24.0)));
    if (options.on_day_end)
      while (days_reported < done) options.on_day_end(++days_reported);
  };
  sg4::Actor::create("agenda", platform.control, [&model, &error, &report, &days, wake_quantum, horizon_s]() {
    try {
      while (true) {
        const Hours next = model.next_time();
        if (next == Calendar::kNever) {
          // Let SimGrid play the availability profiles to the horizon (they are checked against the model).
          if (horizon_s > sg4::Engine::get_clock() + kClockTolerance) sg4::this_actor::sleep_until(horizon_s);
          break;
        }
        const double target = next * kSecondsPerHour;
        if (target > sg4::Engine::get_clock() + kClockTolerance) {
          sg4::this_actor::sleep_until(target);
          ++report.actor_wakeups;
        }
        days(next);
        model.run_through(next + wake_quantum);
      }
      days(horizon_s / kSecondsPerHour);
    } catch (const simgrid::ForcefulKillException&) {
      throw;  // SimGrid is tearing this actor down: let it
    } catch (const std::exception& e) {
      error = e.what();
      sg4::Actor::kill_all();
    } catch (...) {
      error = "unknown error in the engine actor";
      sg4::Actor::kill_all();
    }
  });

  simgrid_engine.run_until(horizon_s);
  check->model = nullptr;

  if (!error.empty()) throw std::runtime_error("simulation failed: " + error);
  if (deadlock) throw std::runtime_error("simulation failed: SimGrid reported a deadlock");
  if (check->disagreements > 0)
    throw std::runtime_error("simulation failed: " + std::to_string(check->disagreements) + " of " +
                             std::to_string(check->flips) +
                             " SimGrid host state changes disagree with the availability timelines");
  if (stats != nullptr) stats->host_state_changes = check->flips;
  report.logical_events = model.counters().logical_events;
  report.end_time = scenario.experiment.horizon;
  return report;
}

}  // namespace recordflow::engine
