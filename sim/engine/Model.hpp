// Model: the state of one replication (patients, copies, organisations, staff pools, systems) and the
// handlers of every logical event. Plain C++ with no SimGrid header: the SimGrid side (Simulation.cpp,
// Platform.cpp) owns the clock and calls step() for each instant. Patients and copies are data in flat
// vectors addressed by index; queues are our own containers; all randomness comes from named streams.
// Handlers run in Agenda order and emit events to the sink in non-decreasing time.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ChunkedVector.hpp"
#include "core/RandomStream.hpp"
#include "engine/Agenda.hpp"
#include "engine/Availability.hpp"
#include "engine/CopyStates.hpp"
#include "engine/Lookahead.hpp"
#include "engine/People.hpp"
#include "engine/StreamSlots.hpp"
#include "recorder/Events.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow::engine {

using Index = std::uint32_t;
constexpr Index kNone = ~Index{0};

struct ResolvedStep {
  const Step* step = nullptr;
  int system = -3;                        // >= 0 system index; -1 @source; -2 @destination; -3 none
  std::vector<Index> path;                // query: other systems that must be up
  const std::string* resource = nullptr;  // for StepDone
};

// What a staff task or transit step draws for one copy (Channels.cpp): its time (task duration, or transit
// latency plus any misdirection delay), whether it is lost there and why, and whether a transit
// misdirected it (lost or returned; never when lost in transit).
struct StepDraw {
  Hours time = 0;
  const char* lost = nullptr;  // "abandoned", "transit_loss", "misdirected"; nullptr: not lost
  bool misdirected = false;
};
StepDraw draw_step(const Step& step, RandomStream& rng);

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
  CopyState state = CopyState::created;  // changed only by Model::move (CopyStates.hpp)
  bool paper = false;                    // physically at the destination on paper, not yet in the record
  std::uint8_t human = 0;       // kNeverSent | kNeedsAction | kActionResolved | kObtained (HumanFailures.cpp)
  std::uint32_t human_key = 0;  // creation number x 16 + destination index: keys its `human` sub-stream
  Hours created = 0;
  Hours step_start = 0;
  // Its random stream while it may still draw: a slot of Model::copy_streams_, released when it reaches a
  // state that draws no more (available, lost, query); kNone after.
  Index stream = StreamSlots::kNoSlot;
  // Hours from the clinical event it records (encounter start or end) to its creation (>= 0; the float
  // fits the struct's padding): recency windows count from the event.
  float event_lag = 0;
};

// Copy::human flags.
constexpr std::uint8_t kNeverSent = 1;       // written, never sent: lost `never_sent` at creation
constexpr std::uint8_t kNeedsAction = 2;     // the recipient must act on it
constexpr std::uint8_t kActionResolved = 4;  // its action outcome has been reported
constexpr std::uint8_t kObtained = 8;        // a chase put the information into the recipient's record

// One journey along one pathway: an episode of a person (People.hpp), who keeps their organisations and
// history across journeys.
struct Patient {
  std::uint64_t id = 0;
  Index pathway = 0;
  PersonIndex person = 0;
  int state = -1;
  Index encounter_org = kNone;
  std::uint32_t encounters = 0;
  std::uint32_t creations = 0;
  Hours encounter_start = 0;
  RandomStream rng{0, 0, "unset"};
};

struct OrgInfo {
  const Organisation* org = nullptr;
  Index system = 0;
  const Calendar* calendar = nullptr;
  std::vector<std::pair<const std::string*, Index>> pools;  // pool name -> pool index
  Index downtime_channel = kNone;
  Index back_entry_pool = kNone;
  RandomStream back_entry_rng{0, 0, "unset"};
  struct ChaseRule {
    Index document = 0;
    Index pool = 0;
    const Chase* chase = nullptr;
  };
  std::vector<ChaseRule> chasing;
  const ChaseRule* chase_rule(Index document) const;  // nullptr: this organisation does not chase it
  Index pool(const std::string& name) const;
};

struct Task {
  int priority = 0;
  std::uint64_t sequence = 0;
  bool back_entry = false;
  bool chase = false;  // a recipient chasing a copy that has not arrived (the copy stays where it is)
  Index ref = 0;       // copy index, or organisation index for back entry
  bool holds_copy() const { return !back_entry && !chase; }
  Index member = 0;  // in a named pool: the person it waits for
  Hours duration = 0;
  Hours queued = 0;
};

struct PoolInfo {
  const StaffPool* pool = nullptr;
  Index org = 0;
  const Calendar* calendar = nullptr;
  std::string queue_name;  // "org/pool"
  int free = 0;            // people not busy; negative after a cut while the removed ones finish their tasks
  int staff = 0;           // head count in force (the pool's count, or its schedule's)
  bool open_pending = false;
  std::vector<Task> waiting;  // heap by (priority, sequence); unused in a named pool
  std::vector<Task> running;  // slots; a finished slot is reused; in a named pool, slot = person
  std::vector<Index> free_slots;
  std::size_t queued = 0;       // tasks waiting, in `waiting` or in the named people's queues
  struct Person {               // one person of a named pool
    std::vector<Task> waiting;  // heap by (priority, sequence): the tasks only this person can do
    bool busy = false;
    bool away = false;
    RandomStream absences{0, 0, "unset"};
  };
  std::vector<Person> people;  // empty unless the pool is named
  bool named() const { return !people.empty(); }
};

struct SystemInfo {
  const System* system = nullptr;
  const std::string* name = nullptr;
  const AccessProfile* access = nullptr;
  std::uint64_t name_hash = 0;
  SystemTimeline timeline;  // builds SimGrid's profiles; the model learns the state from SimGrid
  bool up = true;
  double share = 1.0;
  double capacity = 0;                       // items per hour per server at full share; 0 = unlimited
  std::vector<Index> in_service;             // per server: the copy it serves, or kNone (idle)
  std::vector<std::uint64_t> activities;     // per server: Lookahead token of its item
  std::vector<Index> service_order;          // busy servers in the order their items started
  Index pending_change = kNone;              // index in Model::host_changes_ of a change not yet applied
  std::deque<Index> queue;                   // waiting copies (store and forward, or for the server)
  std::vector<Index> waiting_sources;        // copies waiting for this system as their source
  std::vector<Index> back_entries;           // organisations with a downtime record to key in
  std::vector<std::vector<Index>> withheld;  // per silent window
};

struct PendingCreation {
  Index patient = 0;
  Index source = 0;
  const DocumentCreation* creation = nullptr;
  Index document = 0;          // the creation's document type (kNone: not declared)
  std::uint32_t sequence = 0;  // the patient's creation number (keys the copies' streams)
  Hours event = 0;             // the clinical event the document records (encounter start or end)
};

// A place a clinician can open (LookPlaces.cpp): a system seen through an access profile.
struct LookPlace {
  Index place = kNone;
  const AccessProfile* profile = nullptr;
};

struct ModelCounters {
  std::uint64_t logical_events = 0;
  // Copy events emitted, counted where they are emitted (the audit compares them with the census).
  std::uint64_t copies_created = 0;
  std::uint64_t copies_available = 0;
  std::uint64_t copies_lost = 0;
  // The pre-history (PreHistory.cpp): its events, journeys started, and copies settled available or lost
  // (copies made before 0 emit no event).
  std::uint64_t pre_history_events = 0;
  std::uint64_t pre_history_journeys = 0;
  std::uint64_t pre_history_copies = 0;
  std::uint64_t pre_history_available = 0;
  std::uint64_t pre_history_lost = 0;
};

// "pre_history": "auto" never reaches back further than this (10 years).
constexpr Hours kAutoPreHistoryCap = 10 * 365 * 24;
// Pre-history arrivals carry this bit in their arrival number (36 bits of the patient id).
constexpr std::uint64_t kPreHistoryArrival = std::uint64_t{1} << 35;

class Model {
 public:
  Model(const Scenario& scenario, int replication, EventSink& sink);

  // The SimGrid side reads these to build hosts and profiles.
  const std::vector<SystemInfo>& systems() const { return systems_; }
  Hours horizon() const { return horizon_; }

  // Infrastructure as SimGrid reports it (Replication.cpp). A system's host changed state or speed share
  // at t (callbacks at one instant merge into one change).
  void on_host_change(Index system, bool up, double share, Hours t);
  // One item of work the model asks SimGrid to run on a system's host, from `start`: an execution of one
  // unit on a host whose speed is the system's capacity. It ends (on_service_end) when SimGrid says, or
  // fails with its host.
  struct ServiceRequest {
    Index system = 0;
    Index server = 0;  // which of the system's servers (a core of its host) runs it
    Hours start = 0;
  };
  std::vector<ServiceRequest> take_service_requests() { return std::exchange(service_requests_, {}); }
  void on_service_end(Index system, Index server, bool failed, Hours t);
  // What may run before SimGrid's clock catches up (Lookahead.hpp).
  Lookahead& lookahead() { return lookahead_; }
  Index find_system(const std::string& name) const;  // kNone if absent

  // Time of the next event (kNever when none before the horizon).
  Hours next_time();
  // Handles, in agenda order, every event due at or before `limit` (and before the horizon), each at its
  // own time; events they schedule within the limit are handled too.
  void run_through(Hours limit);
  const ModelCounters& counters() const { return counters_; }
  // Hours of pre-history each pathway ran (empty when the scenario has none).
  const std::vector<Hours>& pathway_pre_history() const { return pathway_pre_history_; }

  // Conservation by counting (CopyAudit.cpp): throws std::logic_error when the census of copies by state
  // disagrees with the counts the transitions kept, with the copies the queues hold, or with the copy
  // events emitted.
  void audit_copies(Hours t) const;
  // At the horizon: audits, then emits one CopyInFlight per copy neither available nor lost.
  void report_copies_in_flight();
  // Also audit at every day end (tests: a walk over all copies per simulated day).
  void set_daily_audit(bool on) { next_audit_ = on ? kHoursPerDay : Calendar::kNever; }
  const CopyStates& copy_states() const { return copy_states_; }

 private:
  friend class ModelTestAccess;
  CopyStates::Counts copy_census() const;
  CopyStates::Counts copies_held() const;
  // Model.cpp: indexing, dispatch, availability.
  void index_scenario();  // documents and systems, then the three below
  void index_channels();
  void index_organisations();
  void index_pathways();
  Index system_index(const std::string& name) const;
  Index resolve_system(const ResolvedStep& step, const Copy& copy) const;
  void on_system_change(Index system, std::size_t change, Hours t);
  void on_system_up(Index system, Hours t);
  void on_silent_release(Index system, std::size_t window, Hours t);
  void emit_queue(const SystemInfo& s, Hours t);
  void emit_queue(const PoolInfo& p, Hours t);
  void resize_pool(Index pool, int staff, Hours t);  // StaffPools.cpp
  // Journeys.cpp: arrivals, encounters, documents.
  bool arrival_accepted(Index pathway, Hours t, double u) const;
  // The next arrival of the pathway after `after` on `rng` (thinning), or kNever if none before `until`.
  Hours next_arrival(Index pathway, RandomStream& rng, Hours after, Hours until) const;
  void schedule_next_arrival(Index pathway, Hours after);
  void on_arrival(Index pathway, Hours t);
  void start_journey(Index pathway, Hours t, RandomStream& arrival_stream, std::uint64_t arrival_number);
  void on_journey_event(EventKind kind, Index patient_or_slot, Hours t);  // encounters and documents
  // PreHistory.cpp: journeys before 0, copies settled.
  void run_pre_history();
  void run_journey_ahead();
  Hours history_reach() const;
  Hours auto_pre_history(Index pathway, Hours reach) const;
  void schedule_pre_arrival(Index pathway, Hours after);
  // A journey event: on the run's agenda, or before 0 on the pre-history's (or run ahead).
  void schedule(Hours t, EventKind kind, Index a);
  void settle_copy(Index copy, RandomStream rng, bool unsent);
  void schedule_encounter(Index patient, int state, Hours t);
  void on_encounter_start(Index patient, Hours t);
  void on_encounter_end(Index patient, Hours t);
  void draw_creations(Index patient, const State& state, bool at_end, Hours t);
  void on_create_document(Index slot, Hours t);
  Index choose_channel(Index document, Index source, Index destination, Hours t, RandomStream& rng);
  std::size_t routing_period(Hours t) const;  // routing is constant between the design's rule boundaries
  // Channels.cpp: the steps of a copy.
  void start_pipeline(Index copy, Hours t);
  void advance(Index copy, Hours t);
  void on_step_resume(Index copy, Hours t);
  void arrive_at_system(Index copy, Index system, Hours t);
  void pass_system(Index copy, Index system, Hours t);
  void queue_at_system(SystemInfo& s, Index copy);
  void serve_next(Index system, Hours t);
  void on_system_done(Index system, Index server, bool failed, Hours t);
  void on_batch_run(Index copy, Hours t);
  void make_available(Index copy, Index place, Hours t);
  void lose(Index copy, const char* reason, Hours t);
  void move(Index copy, CopyState to);  // through CopyStates; releases the stream of a copy that is done
  RandomStream& stream_of(const Copy& c) { return copy_streams_[c.stream]; }
  void step_done(const Copy& c, const ResolvedStep& rs, Index org, Hours start, Hours end);
  // StaffPools.cpp
  void index_named_people(Index pool);
  Index named_person(const PoolInfo& p, const Task& task) const;
  void enqueue_task(Index pool, Task task, Hours t);
  void start_tasks(Index pool, Hours t);
  bool start_person(Index pool, Index person, Hours t);
  bool pool_closed(PoolInfo& p, Index pool, Hours t);
  void start_task(PoolInfo& p, Index pool, Index slot, const Task& task, Hours t);
  void on_staff_done(Index pool, Index slot, Hours t);
  void on_absence(Index pool, Index person, bool back, Hours t);
  void forget_task(Index copy, std::uint16_t step, Hours t);
  // Needs.cpp
  struct EncounterLooks {  // the places decided on during one encounter
    static constexpr std::size_t kPlaces = 16;
    struct Place {
      Index place = kNone;
      const AccessProfile* profile = nullptr;
      bool looked = false;
      bool held_new = false;  // held the newest copy a need asked for, not in the organisation's own record
      Hours look_time = 0;
    };
    Index org = kNone;
    const Organisation* where = nullptr;
    RandomStream rng{0, 0, "unset"};
    Place places[kPlaces];
    std::size_t count = 0;
    Place overflow;  // a decision beyond the list
  };
  void evaluate_needs(Index patient, const State& state, std::uint64_t encounter_id, Hours t);
  // The clinician's decision on the place where `c` is readable at `place` (Needs.cpp).
  EncounterLooks::Place& look_at(EncounterLooks& looks, const Copy& c, Index place, Hours t);
  Index look_place(const Copy& c, Index place) const;
  const AccessProfile* look_profile(const Copy& c, Index place) const;
  // LookPlaces.cpp: the clinician's decision on one place (drawn once per encounter), and the places an
  // organisation's clinicians can open, decided at every encounter with needs whatever they hold.
  EncounterLooks::Place& decide_look(EncounterLooks& looks, Index place, const AccessProfile* profile,
                                     Hours t);
  void index_look_places();
  void open_places(EncounterLooks& looks, Hours t);
  void report_views(const EncounterLooks& looks, std::uint64_t encounter_id, Hours t);
  bool readable(const Copy& c, Index& place) const;
  NeedOutcome gap_cause(const Copy& c) const;
  void mark_read(Index copy, Hours t);
  Index newest_copy(const Person& person, Index org, Index document, const Need& need, Hours t, Index except,
                    bool readable_only, Index* place) const;
  Index org_of(Index patient, OrgType type) const {
    return people_[patients_[patient].person].orgs[static_cast<int>(type)];
  }
  void phone_source(const EncounterLooks& looks, std::size_t need, NeedEvaluated& ev, Hours t);
  // HumanFailures.cpp: never sent, chasing, actions.
  bool never_sent(const PendingCreation& pc, Index document, std::uint64_t patient_id) const;
  void prepare_copy(Index copy, const PendingCreation& pc, bool unsent, Hours t);
  RandomStream human_stream(const Copy& c) const;
  void on_chase_due(Index copy, Hours t);
  void on_chase_done(const Task& task, Index org, Hours t);
  void resolve_action(Index copy, Hours t);
  void report_action_at_horizon(const Copy& c);

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
  std::vector<PoolInfo> pools_;
  std::vector<ChannelInfo> channels_;
  std::unordered_map<std::string, Index> channel_by_name_;
  std::vector<const std::string*> document_names_;
  std::unordered_map<std::string, Index> document_by_name_;
  // The document type (kNone when undeclared) of each creation and need of each pathway state, looked up
  // once: [pathway][state] -> one index per entry of State::creates and of State::needs.
  struct StateDocuments {
    std::vector<Index> creates;
    std::vector<Index> needs;
  };
  std::vector<std::vector<StateDocuments>> state_documents_;
  std::vector<bool> document_versioned_;
  std::vector<const DocumentType*> document_types_;
  // (document, source, destination) -> index into mixes_ (kNone: the design routes the flow nowhere).
  std::vector<Hours> routing_boundaries_;                              // where routing changes
  std::vector<std::unordered_map<std::uint64_t, Index>> route_cache_;  // per routing period
  std::unordered_map<const FlowRule*, Index> mix_by_rule_;
  std::vector<std::vector<std::vector<LookPlace>>> look_places_;  // [routing period][organisation]
  std::vector<std::vector<std::pair<double, Index>>> mixes_;      // cumulative share -> channel

  std::vector<RandomStream> arrival_streams_;
  std::vector<std::uint64_t> arrival_counts_;
  std::vector<double> arrival_max_rate_;
  struct ArrivalProfile {  // a pathway's weekly and daily weights and their maxima's product
    std::array<double, 7> weekly{};
    std::array<double, 24> daily{};
    double scale = 1;
  };
  std::vector<ArrivalProfile> arrival_profiles_;
  Hours pre_history_ = 0;                   // the longest pathway's
  std::vector<Hours> pathway_pre_history_;  // per pathway (empty: no pre-history)
  struct JourneyStep {  // the next encounter event of a journey run ahead (PreHistory.cpp)
    Hours t = 0;
    EventKind kind = EventKind::encounter_start;
    Index a = 0;
    bool pending = false;
  };
  bool fast_forward_ = false;
  JourneyStep ahead_;
  Hours documents_from_ = 0;            // documents dated earlier cannot be seen by a measured need: not made
  std::unique_ptr<Agenda> pre_agenda_;  // times shifted by +pre_history_; only while the pre-history runs
  std::vector<RandomStream> pre_arrival_streams_;
  std::vector<std::uint64_t> pre_arrival_counts_;
  RandomStream patient_root_;
  RandomStream channel_root_;
  RandomStream clinician_root_;
  RandomStream human_root_;

  People people_;
  ChunkedVector<Patient> patients_;
  ChunkedVector<Copy> copies_;  // millions in a region-year: never moved on growth
  StreamSlots copy_streams_;    // of the copies still drawing
  std::vector<PendingCreation> creations_;
  std::vector<Index> free_creations_;
  std::uint64_t task_sequence_ = 0;
  CopyStates copy_states_;
  Lookahead lookahead_;
  struct HostChange {
    bool up = true;
    double share = 1.0;
    Hours time = 0;
  };
  std::vector<HostChange> host_changes_;
  std::vector<ServiceRequest> service_requests_;
  Hours next_audit_ = Calendar::kNever;
};

}  // namespace recordflow::engine
