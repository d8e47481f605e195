// One replication on SimGrid. The SimGrid engine owns the clock and the infrastructure: hosts fail and slow
// down by their profiles, systems' items run as executions on their hosts (SystemWork). One actor on the
// control host ("agenda") lets the Model handle every event it may (Lookahead: at or before the clock, or
// before the next host change and the earliest end of any running item), within the wake quantum, starts
// the executions due, then waits for SimGrid: for the first running execution to end, or until the next
// event, host change or execution start, whichever comes first. Errors inside the actor are caught, every
// actor is killed, and the error is rethrown after run; a deadlock fails the run too.
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
#include "engine/SystemWork.hpp"
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

// Reports whole simulated days done to the options' hook, in increasing order, the last with
// ceil(horizon / 24) at the horizon.
class DayProgress {
 public:
  DayProgress(const EngineOptions& options, Hours horizon)
      : options_(options), horizon_(horizon), total_days_(static_cast<int>(std::ceil(horizon / 24.0))) {}
  void reached(Hours now) {
    if (!options_.on_day_end) return;
    const int done =
        now >= horizon_ ? total_days_ : std::min(total_days_, static_cast<int>(std::floor(now / 24.0)));
    while (reported_ < done) options_.on_day_end(++reported_);
  }

 private:
  const EngineOptions& options_;
  Hours horizon_;
  int total_days_;
  int reported_ = 0;
};

}  // namespace

EngineReport run_replication(const Scenario& scenario, int replication, EventSink& sink,
                             const EngineOptions& options, Hours wake_quantum, ReplicationStats* stats) {
  // The model is built (and the scenario checked) before SimGrid starts, so bad input fails early.
  Model model(scenario, replication, sink);
  model.set_daily_audit(options.audit_copies_daily);

  std::vector<std::string> args = engine_arguments(options);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int argc = static_cast<int>(args.size());
  sg4::Engine simgrid_engine(&argc, argv.data());

  const Topology topology = Topology::build(scenario);
  const PlatformHandles platform = build_platform(model, scenario, topology);

  bool deadlock = false;
  sg4::Engine::on_deadlock_cb([&deadlock]() { deadlock = true; });

  // Items of work are executions the agenda actor starts and awaits; host changes arrive through SimGrid's
  // callbacks (SystemWork).
  SystemWork work(model, platform);

  std::string error;
  EngineReport report;
  const double horizon_s = scenario.experiment.horizon * kSecondsPerHour;
  const Hours horizon = scenario.experiment.horizon;
  DayProgress days(options, horizon);  // whole simulated days done, for progress reports
  sg4::Actor::create("agenda", platform.control, [&]() {
    try {
      while (true) {
        Lookahead& lookahead = model.lookahead();
        lookahead.set_clock(sg4::Engine::get_clock() / kSecondsPerHour);
        work.start_due(lookahead.clock());
        const Hours next = model.next_time();
        if (next != Calendar::kNever && lookahead.may_run(next)) {
          days.reached(next);
          model.run_through(next + wake_quantum);
          work.dispatch(model.take_service_requests());
          continue;
        }
        if (next == Calendar::kNever &&
            (!lookahead.activities_running() || lookahead.clock() >= horizon - Lookahead::kTolerance))
          break;
        // Wait for SimGrid: until the next event, host change or execution start, or an item's end, if
        // sooner.
        const Hours until = std::min({next, lookahead.next_sync_point(), work.next_start(), horizon});
        const double timeout = until * kSecondsPerHour - sg4::Engine::get_clock();
        if (timeout > 0) work.wait(timeout);
        ++report.actor_wakeups;
      }
      days.reached(horizon);
      work.cancel_all();
      // Let SimGrid play the availability profiles to the horizon.
      if (horizon_s > sg4::Engine::get_clock() + kClockTolerance) sg4::this_actor::sleep_until(horizon_s);
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
  work.detach();

  if (!error.empty()) throw std::runtime_error("simulation failed: " + error);
  if (deadlock) throw std::runtime_error("simulation failed: SimGrid reported a deadlock");
  if (stats != nullptr) {
    stats->host_state_changes = work.host_state_changes();
    stats->executions = work.executions();
    stats->failed_executions = work.failed_executions();
  }
  model.report_copies_in_flight();  // counts every copy; throws if conservation fails
  report.logical_events = model.counters().logical_events;
  report.pre_history_journeys = model.counters().pre_history_journeys;
  report.pre_history_copies = model.counters().pre_history_copies;
  report.pre_history_copies_lost = model.counters().pre_history_lost;
  report.pre_history_by_pathway = model.pathway_pre_history();
  report.end_time = scenario.experiment.horizon;
  return report;
}

}  // namespace recordflow::engine
