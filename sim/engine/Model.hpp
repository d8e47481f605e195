// Model: the state of one replication (patients, copies, organisations, staff pools, systems) and the
// handlers of every logical event. Plain C++ with no SimGrid header: the SimGrid side (Simulation.cpp,
// Platform.cpp) owns the clock and calls step() for each instant. Patients and copies are data in flat
// vectors addressed by index; queues are our own containers; all randomness comes from named streams.
// Handlers run in Agenda order and emit events to the sink in non-decreasing time.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/RandomStream.hpp"
#include "engine/Agenda.hpp"
#include "engine/Availability.hpp"
#include "recorder/Events.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow::engine {

using Index = std::uint32_t;
constexpr Index kNone = ~Index{0};

// Where a copy is now; with `waiting_system` this decides the cause of a gap.
enum class CopyState : std::uint8_t {
  moving,          // in a timed step (transit) or between steps
  waiting_source,  // created while its source system was down, no downtime channel: waits for recovery
  staff_queued,    // waiting for or being handled by a staff pool
  system_queued,   // waiting at a system (store and forward, or for its server)
  retry_wait,      // a `fail` system step waiting to retry
  batch_wait,      // waiting for the next run of a batch feed
  withheld,        // silently withheld by a failing interface (in flight)
  query,           // nothing sent: read at the point of need
  shared,          // in a shared store: readable while its system is up
  available,       // published at the destination
  lost,
};

struct ResolvedStep {
  const Step* step = nullptr;
  int system = -3;                        // >= 0 system index; -1 @source; -2 @destination; -3 none
  std::vector<Index> path;                // query: other systems that must be up
  const std::string* resource = nullptr;  // for StepDone
};

struct ChannelInfo {
  const Channel* channel = nullptr;
  const std::string* name = nullptr;
  std::vector<ResolvedStep> steps;
  bool query = false;
  bool shared = false;
  const AccessProfile* access = nullptr;  // the step's own access profile, overriding the place's
};

struct Copy {
  std::uint64_t id = 0;
  Index patient = 0;
  Index document = 0;  // document type index
  Index source = 0;
  Index destination = 0;
  Index channel = 0;
  Index waiting_system = kNone;  // the system it waits at (for outage causes)
  Index place = kNone;           // where it can be read once available (system index)
  std::uint16_t step = 0;
  std::uint16_t attempts = 0;
  CopyState state = CopyState::moving;
  bool paper = false;  // physically at the destination on paper, not yet in the record
  bool read = false;   // query copies: CopyAvailable emitted at a first successful read
  Hours created = 0;
  Hours step_start = 0;
  RandomStream rng{0, 0, "unset"};
};

struct Patient {
  std::uint64_t id = 0;
  Index pathway = 0;
  int state = -1;
  Index orgs[5] = {kNone, kNone, kNone, kNone, kNone};  // by OrgType
  Index encounter_org = kNone;
  std::uint32_t encounters = 0;
  std::uint32_t creations = 0;
  Hours encounter_start = 0;
  RandomStream rng{0, 0, "unset"};
  std::vector<Index> copies;
};

struct OrgInfo {
  const Organisation* org = nullptr;
  Index system = 0;
  const Calendar* calendar = nullptr;
  std::vector<std::pair<const std::string*, Index>> pools;  // pool name -> pool index
  Index downtime_channel = kNone;
  Index back_entry_pool = kNone;
  RandomStream back_entry_rng{0, 0, "unset"};
  Index pool(const std::string& name) const;
};

struct Task {
  int priority = 0;
  std::uint64_t sequence = 0;
  bool back_entry = false;
  Index ref = 0;  // copy index, or organisation index for back entry
  Hours duration = 0;
  Hours queued = 0;
};

struct PoolInfo {
  const StaffPool* pool = nullptr;
  Index org = 0;
  const Calendar* calendar = nullptr;
  std::string queue_name;  // "org/pool"
  int free = 0;
  bool open_pending = false;
  std::vector<Task> waiting;  // heap by (priority, sequence)
  std::vector<Task> running;  // slots; a finished slot is reused
  std::vector<Index> free_slots;
};

struct SystemInfo {
  const System* system = nullptr;
  const std::string* name = nullptr;
  const AccessProfile* access = nullptr;
  std::uint64_t name_hash = 0;
  SystemTimeline timeline;
  bool up = true;
  double share = 1.0;
  double capacity = 0;  // items per hour at full share; 0 = unlimited
  bool busy = false;
  Index in_service = kNone;
  std::deque<Index> queue;                   // waiting copies (store and forward, or for the server)
  std::vector<Index> waiting_sources;        // copies waiting for this system as their source
  std::vector<Index> back_entries;           // organisations with a downtime record to key in
  std::vector<std::vector<Index>> withheld;  // per silent window
};

struct PendingCreation {
  Index patient = 0;
  Index source = 0;
  const DocumentCreation* creation = nullptr;
  std::uint32_t sequence = 0;  // the patient's creation number (keys the copies' streams)
};

struct ModelCounters {
  std::uint64_t logical_events = 0;
};

class Model {
 public:
  Model(const Scenario& scenario, int replication, EventSink& sink);

  // The SimGrid side reads these to build hosts and profiles.
  const std::vector<SystemInfo>& systems() const { return systems_; }
  Hours horizon() const { return horizon_; }
  Index find_system(const std::string& name) const;  // kNone if absent

  // Time of the next event (kNever when none before the horizon).
  Hours next_time();
  // Handles, in agenda order, every event due at or before `limit` (and before the horizon), each at its
  // own time; events they schedule within the limit are handled too.
  void run_through(Hours limit);
  const ModelCounters& counters() const { return counters_; }

 private:
  friend class ModelTestAccess;
  // Model.cpp: indexing, dispatch, availability.
  void index_scenario();
  Index system_index(const std::string& name) const;
  Index resolve_system(const ResolvedStep& step, const Copy& copy) const;
  void on_system_change(Index system, std::size_t change, Hours t);
  void on_system_up(Index system, Hours t);
  void on_silent_release(Index system, std::size_t window, Hours t);
  void emit_queue(const SystemInfo& s, Hours t);
  void emit_queue(const PoolInfo& p, Hours t);
  // Journeys.cpp: arrivals, encounters, documents.
  void schedule_next_arrival(Index pathway, Hours after);
  void on_arrival(Index pathway, Hours t);
  void schedule_encounter(Index patient, int state, Hours t);
  void on_encounter_start(Index patient, Hours t);
  void on_encounter_end(Index patient, Hours t);
  void draw_creations(Index patient, const State& state, bool at_end, Hours t);
  void on_create_document(Index slot, Hours t);
  Index choose_channel(Index document, Index source, Index destination, Hours t, RandomStream& rng);
  // Channels.cpp: the steps of a copy.
  void start_pipeline(Index copy, Hours t);
  void advance(Index copy, Hours t);
  void on_step_resume(Index copy, Hours t);
  void arrive_at_system(Index copy, Index system, Hours t);
  void pass_system(Index copy, Index system, Hours t);
  void serve_next(Index system, Hours t);
  void on_system_done(Index system, Hours t);
  void on_batch_run(Index copy, Hours t);
  void make_available(Index copy, Index place, Hours t);
  void lose(Index copy, const char* reason, Hours t);
  void step_done(const Copy& c, const ResolvedStep& rs, Index org, Hours start, Hours end);
  // StaffPools.cpp
  void enqueue_task(Index pool, Task task, Hours t);
  void start_tasks(Index pool, Hours t);
  void on_staff_done(Index pool, Index slot, Hours t);
  // Needs.cpp
  void evaluate_needs(Index patient, const State& state, std::uint64_t encounter_id, Hours t);

  const Scenario& scenario_;
  const Design& design_;
  EventSink& sink_;
  std::uint64_t seed_;
  int replication_;
  Hours horizon_;
  Agenda agenda_;
  ModelCounters counters_;

  std::vector<SystemInfo> systems_;
  std::unordered_map<std::string, Index> system_by_name_;
  std::vector<OrgInfo> orgs_;
  std::vector<Index> orgs_by_type_[5];
  std::vector<double> org_weights_by_type_[5];  // cumulative shares
  std::vector<PoolInfo> pools_;
  std::vector<ChannelInfo> channels_;
  std::unordered_map<std::string, Index> channel_by_name_;
  std::vector<const std::string*> document_names_;
  std::unordered_map<std::string, Index> document_by_name_;
  std::vector<bool> document_versioned_;
  // (document, source, destination) -> index into mixes_ (kNone: the design routes the flow nowhere).
  std::vector<Hours> routing_boundaries_;                               // where routing changes
  std::vector<std::unordered_map<std::uint64_t, Index>> route_cache_;  // per routing period
  std::unordered_map<const FlowRule*, Index> mix_by_rule_;
  std::vector<std::vector<std::pair<double, Index>>> mixes_;  // cumulative share -> channel

  std::vector<RandomStream> arrival_streams_;
  std::vector<std::uint64_t> arrival_counts_;
  std::vector<double> arrival_max_rate_;
  RandomStream patient_root_;
  RandomStream channel_root_;
  RandomStream clinician_root_;

  std::vector<Patient> patients_;
  std::vector<Copy> copies_;
  std::vector<PendingCreation> creations_;
  std::vector<Index> free_creations_;
  std::uint64_t task_sequence_ = 0;
};

}  // namespace recordflow::engine
