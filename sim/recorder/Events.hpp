// Events: the typed events that models emit and the recorder records (models emit, one recorder decides
// what is kept). Times are simulated hours. A "copy" is one document on its way to one destination
// organisation: a document sent to three organisations is three copies, each with its own id and fate.
// Invariants the emitter guarantees: every copy gets exactly one CopyCreated before anything else about
// it, then at most one of CopyAvailable / CopyLost, and CopyInFlight at the horizon exactly when it had
// neither; StepDone intervals of a copy do not overlap.
#pragma once

#include <cstdint>
#include <string>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct CopyCreated {
  std::uint64_t copy_id = 0;
  std::uint64_t patient_id = 0;
  const std::string* document = nullptr;  // document type name (owned by the Scenario)
  const Organisation* source = nullptr;
  const Organisation* destination = nullptr;
  const std::string* channel = nullptr;  // channel chosen for this copy (may be a downtime channel)
  bool downtime = false;                 // created while the source system was down
  Hours time = 0;
  Hours event_time = -1;  // the clinical event it records (encounter start or end); < 0: not given
};

struct CopyAvailable {  // published at the destination, or first successful query / shared-store read
  std::uint64_t copy_id = 0;
  Hours time = 0;
};

struct CopyLost {
  std::uint64_t copy_id = 0;
  const char* reason = "";  // transit_loss, abandoned, retries_exhausted, never_sent, misdirected, forgotten
  Hours time = 0;
};

struct CopyInFlight {  // at the horizon: a copy neither available nor lost, and the state it is in
  std::uint64_t copy_id = 0;
  const char* state = "";  // engine copy state, e.g. staff_waiting, system_queue, in_transfer
  bool paper = false;      // its medium is paper
  Hours time = 0;          // the horizon
};

struct StepDone {  // one step of one copy, for the event log (process mining)
  std::uint64_t copy_id = 0;
  const char* activity = "";              // step kind or task label, e.g. "scan", "transit", "system"
  const std::string* resource = nullptr;  // pool, system or transit mode
  const Organisation* organisation = nullptr;
  Hours start = 0;
  Hours end = 0;
};

struct StaffWork {  // minutes of manual work
  const Organisation* organisation = nullptr;
  const char* task = "";  // sign_off, print, scan, file, code, re_key, review, look, phone, back_entry, ...
  double minutes = 0;
  Hours time = 0;
};

enum class NeedOutcome {
  seen,
  no_document,
  in_transit,
  lost,
  outage,
  not_looked,
  paper_only,
  stale,
  never_sent
};
const char* to_string(NeedOutcome outcome);

struct NeedEvaluated {
  std::uint64_t encounter_id = 0;
  const std::string* encounter_type = nullptr;
  const Organisation* organisation = nullptr;  // where the encounter happens
  const std::string* document = nullptr;       // the needed document type
  NeedOutcome outcome = NeedOutcome::no_document;
  bool phoned = false;          // the clinician phoned the source
  bool phone_obtained = false;  // ... and obtained the information
  Hours time = 0;
};

// One place a clinician could open at an encounter with information needs (their own record, a shared
// record's portal or in-context view, a query): opened or not, whatever it holds. Emitted after the
// encounter's NeedEvaluated events, one per place; opening costs `minutes` (also a StaffWork "look").
struct RecordViewed {
  std::uint64_t encounter_id = 0;
  const Organisation* organisation = nullptr;  // where the encounter happens
  const std::string* place = nullptr;          // the system opened (or not)
  const char* view = "";  // "local_record" for the organisation's own record, else the access profile's name
  bool opened = false;
  // It held the newest copy of a document one of the encounter's needs asked for, readable there and not
  // in the organisation's own record (whether or not it was opened).
  bool held_new = false;
  double minutes = 0;  // time spent opening it (0 when not opened)
  Hours time = 0;
};

struct SystemState {  // a system's availability changed
  const std::string* system = nullptr;
  bool up = true;
  double capacity_share = 1.0;
  Hours time = 0;
  // When it went down: what took it down (planned, incident, zone_incident, failure), and the incident's
  // name and zone when one did (null otherwise).
  const char* cause = "";
  const std::string* incident = nullptr;
  const std::string* zone = nullptr;
};

struct QueueLength {  // items waiting at a system (store and forward backlog) or a staff pool
  const std::string* queue = nullptr;  // system name, or "org/pool" for staff pools
  bool is_system = true;
  std::size_t length = 0;
  Hours time = 0;
};

struct ItemProcessed {
  const std::string* system = nullptr;
  Hours time = 0;
};

// An item that arrived at a busy or down system and went to the step's alternative (`divert_to`).
struct ItemDiverted {
  const std::string* system = nullptr;  // where it arrived
  const std::string* to = nullptr;      // where it went
  Hours time = 0;
};

struct BackEntered {  // a paper record created during downtime was keyed into the record system
  const Organisation* organisation = nullptr;
  Hours time = 0;
};

// What people did, or failed to do, with one copy (the human failure modes). A copy never sent or lost
// after misdirection also gets its CopyLost; a chase that obtains a copy does not make it available (the
// copy keeps its own fate), it puts the information into the recipient's record. A copy that needs action
// gets exactly one action_* outcome: on time or late when it (or a chase) first makes it available at the
// destination, else missed (lost) or pending (in flight) at the horizon.
enum class Handling : std::uint8_t {
  never_sent,        // written, never sent (CopyLost never_sent at creation)
  misdirected,       // sent to the wrong recipient, returned and re-sent after a delay
  misdirected_lost,  // sent to the wrong recipient, never returned (CopyLost misdirected)
  chased,            // the recipient chased it (staff time spent)
  chase_obtained,    // ... and the chase obtained it
  action_on_time,
  action_late,
  action_missed,
  action_pending,
  forgotten,  // waited in a staff queue past its forget_after and was forgotten (CopyLost forgotten)
};
constexpr int kHandlingKinds = 10;
const char* to_string(Handling what);

struct CopyHandled {
  std::uint64_t copy_id = 0;
  Handling what = Handling::never_sent;
  Hours time = 0;
};

// The recorder implements this; the engine calls it. Calls arrive in non-decreasing time order.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on(const CopyCreated&) = 0;
  virtual void on(const CopyAvailable&) = 0;
  virtual void on(const CopyLost&) = 0;
  virtual void on(const CopyInFlight&) = 0;
  virtual void on(const StepDone&) = 0;
  virtual void on(const StaffWork&) = 0;
  virtual void on(const NeedEvaluated&) = 0;
  virtual void on(const SystemState&) = 0;
  virtual void on(const QueueLength&) = 0;
  virtual void on(const ItemProcessed&) = 0;
  virtual void on(const BackEntered&) = 0;
  virtual void on(const CopyHandled&) {}   // sinks that do not count the human failure modes ignore it
  virtual void on(const RecordViewed&) {}  // sinks that do not count record views ignore them
  virtual void on(const ItemDiverted&) {}  // sinks that do not count diversions ignore them
};

}  // namespace recordflow
