// Recorder: the EventSink that turns the engine's typed events into the metrics of DESIGN.md ("What is
// measured"), counting only documents created and needs arising at or after the warm-up. Optionally
// writes the event log (one JSON line per step of each copy) for process mining.
#pragma once

#include <memory>
#include <string>

#include "recorder/Events.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

struct RecorderOptions {
  std::string event_log_path;  // "" = no event log
};

class Recorder : public EventSink {
 public:
  Recorder(const Scenario& scenario, int replication, RecorderOptions options = {});
  ~Recorder() override;

  void on(const CopyCreated&) override;
  void on(const CopyAvailable&) override;
  void on(const CopyLost&) override;
  void on(const CopyInFlight&) override;
  void on(const StepDone&) override;
  void on(const StaffWork&) override;
  void on(const NeedEvaluated&) override;
  void on(const SystemState&) override;
  void on(const QueueLength&) override;
  void on(const ItemProcessed&) override;
  void on(const BackEntered&) override;
  void on(const CopyHandled&) override;
  void on(const RecordViewed&) override;
  void on(const ItemDiverted&) override;

  // Closes the books at `end_time` (the horizon): copies neither available nor lost are in flight.
  ReplicationResult finish(Hours end_time);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace recordflow
