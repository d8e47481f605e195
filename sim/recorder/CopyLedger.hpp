// CopyLedger: the fate of every measured copy (created at or after the warm-up) and its delay, per flow
// {document, from org type, to org type}. Per copy it keeps one 16-byte record (creation time, flow,
// destination, state) in an IdTable, plus 8 bytes per available copy for its delay; flows are keyed by
// interned ids, never by strings. Copies created before the warm-up are not stored: later events about
// them are ignored. In flight is counted, not derived: the engine reports every copy still on its way at
// the horizon (CopyInFlight), so conservation per flow, created = available + lost + in flight, is a check
// of three counts against a fourth.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <optional>
#include <vector>

#include "recorder/DailyTotals.hpp"
#include "recorder/Events.hpp"
#include "recorder/IdTable.hpp"
#include "recorder/NameTable.hpp"
#include "recorder/OrgIndex.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class CopyLedger {
 public:
  // in_flight until the horizon, where a CopyInFlight event turns it into counted_in_flight.
  enum class CopyState : std::uint8_t { absent = 0, in_flight = 1, available = 2, lost = 3, counted_in_flight = 4 };

  struct CopyRecord {
    Hours created = 0;
    std::uint32_t flow = 0;
    std::uint32_t destination : 29 = 0;  // OrgIndex id
    std::uint32_t state : 3 = 0;         // CopyState
  };
  static_assert(sizeof(CopyRecord) == 16, "one copy costs 16 bytes in the table");

  CopyLedger(const Scenario& scenario, Hours warm_up);

  // All three return the measured copy's record, or nullptr when the copy is not measured.
  const CopyRecord* created(const CopyCreated& event, OrgIndex& orgs);
  void available(const CopyAvailable& event);
  void lost(const CopyLost& event);
  void in_flight(const CopyInFlight& event);
  const CopyRecord* find(std::uint64_t copy_id);

  const std::string& document_of(const CopyRecord& record) const;
  std::uint64_t copies_created() const;  // measured copies, all flows
  std::vector<double> created_per_day(std::size_t days) const { return per_day_.values(days); }
  std::size_t memory_bytes() const;

  // Adds the delay metrics of METRICS.md, per flow and overall. Sorts the stored delays.
  void report(ReplicationResult& result);

 private:
  struct Flow {
    std::uint32_t document = 0;
    int from = 0;
    int to = 0;
    std::uint64_t created = 0;
    std::uint64_t available = 0;
    std::uint64_t lost = 0;
    std::uint64_t in_flight = 0;  // counted at the horizon
    std::uint64_t within_target = 0;
    std::vector<double> delays;
  };

  std::uint32_t flow_id(std::uint32_t document, int from, int to);
  std::uint32_t document_id(const std::string* name);
  void sync_documents();
  std::vector<double> merged_delays(
      std::size_t count) const;  // per-document tables follow the names interned so far

  Hours warm_up_;
  const Scenario& scenario_;
  NameTable documents_;
  std::vector<std::optional<Hours>> targets_;  // per document id
  std::vector<std::int32_t> flow_index_;       // (document, from, to) -> flow id, -1 when none yet
  std::vector<Flow> flows_;
  IdTable<CopyRecord> copies_;
  DailyTotals per_day_;
  std::map<std::string, std::uint64_t> in_flight_by_state_;  // measured copies at the horizon
};

}  // namespace recordflow
