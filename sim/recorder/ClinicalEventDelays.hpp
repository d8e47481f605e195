// ClinicalEventDelays: for measured copies (created at or after the warm-up), the delay from the clinical
// event the document records (the encounter start or end: attendance, discharge, result; CopyCreated's
// event_time) to availability at the destination, and the send delay from creation to the moment the
// copy left the source (the start of its first step that is not a staff task: transit, system, batch,
// query, shared_store or publish). Reported per document type and overall (METRICS.md, "Delay from the
// clinical event and send time"). Per copy it keeps 16 bytes (event time, document id, state).
#pragma once

#include <cstdint>
#include <vector>

#include "recorder/Events.hpp"
#include "recorder/IdTable.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class ClinicalEventDelays {
 public:
  explicit ClinicalEventDelays(const Scenario& scenario);

  // Call only for measured copies (the CopyLedger decides which are).
  void created(const CopyCreated& event);
  void available(std::uint64_t copy_id, Hours time);
  void step(const StepDone& event, Hours created);  // `created`: the copy's creation time

  std::size_t memory_bytes() const { return copies_.memory_bytes(); }
  void report(ReplicationResult& result);  // sorts the stored delays

 private:
  struct CopyTimes {
    Hours event = 0;
    std::uint32_t document = 0;
    std::uint32_t state = 0;  // 0 absent, 1 created, 2 sent
  };
  struct PerDocument {
    std::vector<double> from_event;  // available copies
    std::vector<double> send;        // sent copies
  };

  NameTable documents_;
  std::vector<PerDocument> per_document_;
  IdTable<CopyTimes> copies_;
};

}  // namespace recordflow
