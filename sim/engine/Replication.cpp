// One replication on SimGrid. The SimGrid engine owns the clock; one actor on the control host ("agenda")
// sleeps until the model's next event and lets the Model handle everything due within the wake quantum, so
// one SimGrid wake-up serves many logical events. Errors inside the actor are caught, every actor is
// killed, and the error is rethrown after run; a deadlock fails the run too.
#include "engine/Replication.hpp"

#include <xbt/log.h>
#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <cmath>
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
                             const EngineOptions& options, Hours wake_quantum) {
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

  std::string error;
  EngineReport report;
  sg4::Actor::create("agenda", platform.control, [&model, &error, &report, wake_quantum]() {
    try {
      while (true) {
        const Hours next = model.next_time();
        if (next == Calendar::kNever) break;
        const double target = next * kSecondsPerHour;
        if (target > sg4::Engine::get_clock() + kClockTolerance) {
          sg4::this_actor::sleep_until(target);
          ++report.actor_wakeups;
        }
        model.run_through(next + wake_quantum);
      }
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

  simgrid_engine.run_until(scenario.experiment.horizon * kSecondsPerHour);

  if (!error.empty()) throw std::runtime_error("simulation failed: " + error);
  if (deadlock) throw std::runtime_error("simulation failed: SimGrid reported a deadlock");
  report.logical_events = model.counters().logical_events;
  report.end_time = scenario.experiment.horizon;
  return report;
}

}  // namespace recordflow::engine
