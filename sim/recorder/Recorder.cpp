#include "recorder/Recorder.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

#include "recorder/ClinicalEventDelays.hpp"
#include "recorder/CopyLedger.hpp"
#include "recorder/DailyTotals.hpp"
#include "recorder/EventLog.hpp"
#include "recorder/GapLedger.hpp"
#include "recorder/HandlingLedger.hpp"
#include "recorder/NeedsByDocument.hpp"
#include "recorder/OrgIndex.hpp"
#include "recorder/OrganisationCounts.hpp"
#include "recorder/OutageLedger.hpp"
#include "recorder/RouteCounts.hpp"
#include "recorder/StaffLedger.hpp"
#include "recorder/StaffQueueLedger.hpp"
#include "recorder/SystemLedger.hpp"
#include "recorder/ViewLedger.hpp"

namespace recordflow {

struct Recorder::State {
  State(const Scenario& s, int rep, const RecorderOptions& options)
      : scenario(s),
        replication(rep),
        warm_up(s.experiment.warm_up),
        orgs(s.organisations),
        routes(s.organisations),
        copies(s, warm_up),
        gaps(s, warm_up),
        needs_by_document(s, warm_up),
        event_delays(s),
        staff(warm_up),
        systems(s, warm_up),
        outages(s),
        staff_queues(s),
        handling(s),
        views(s, warm_up) {
    for (const Organisation& org : s.organisations) back_entry_rows[org_type_slot(org.type)] = true;
    if (!options.event_log_path.empty()) log = std::make_unique<EventLog>(options.event_log_path);
  }

  const Scenario& scenario;
  int replication;
  Hours warm_up;
  OrgIndex orgs;
  RouteCounts routes;  // after orgs: interns the organisations in OrgIndex order
  CopyLedger copies;
  GapLedger gaps;
  NeedsByDocument needs_by_document;
  ClinicalEventDelays event_delays;
  OrganisationCounts per_org;
  StaffLedger staff;
  SystemLedger systems;
  OutageLedger outages;
  StaffQueueLedger staff_queues;
  HandlingLedger handling;
  ViewLedger views;
  std::array<std::uint64_t, kOrgTypeSlots> back_entered{};
  std::array<bool, kOrgTypeSlots> back_entry_rows{};  // org types that report copies_back_entered
  std::unique_ptr<EventLog> log;
  std::uint64_t events = 0;
  bool finished = false;
};

Recorder::Recorder(const Scenario& scenario, int replication, RecorderOptions options)
    : state_(std::make_unique<State>(scenario, replication, options)) {}

Recorder::~Recorder() = default;

void Recorder::on(const CopyCreated& event) {
  ++state_->events;
  State& s = *state_;
  const CopyLedger::CopyRecord* record = s.copies.created(event, s.orgs);
  if (record == nullptr) return;  // not measured
  s.event_delays.created(event);
  s.routes.created(s.orgs.intern(event.source), record->destination, event.channel, s.orgs);
}

// The measured copy's destination when it is still on its way (its first CopyAvailable / CopyLost).
static const CopyLedger::CopyRecord* measured_in_flight(CopyLedger& copies, std::uint64_t copy_id) {
  const CopyLedger::CopyRecord* record = copies.find(copy_id);
  if (record == nullptr || record->state != static_cast<std::uint32_t>(CopyLedger::CopyState::in_flight))
    return nullptr;
  return record;
}

void Recorder::on(const CopyAvailable& event) {
  ++state_->events;
  State& s = *state_;
  if (const CopyLedger::CopyRecord* record = measured_in_flight(s.copies, event.copy_id)) {
    s.per_org.received(record->destination);
    s.event_delays.available(event.copy_id, event.time);
  }
  s.copies.available(event);
}

void Recorder::on(const CopyLost& event) {
  ++state_->events;
  State& s = *state_;
  if (const CopyLedger::CopyRecord* record = measured_in_flight(s.copies, event.copy_id))
    s.per_org.lost(record->destination);
  s.copies.lost(event);
}

void Recorder::on(const CopyInFlight& event) {
  ++state_->events;
  state_->copies.in_flight(event);
}

void Recorder::on(const StepDone& event) {
  ++state_->events;
  State& s = *state_;
  const CopyLedger::CopyRecord* copy = s.copies.find(event.copy_id);
  if (copy == nullptr) return;  // not a measured copy
  s.event_delays.step(event, copy->created);
  if (!s.log) return;
  const OrgIndex::Entry& org = s.orgs.entry(s.orgs.intern(event.organisation));
  const OrgIndex::Entry& destination = s.orgs.entry(copy->destination);
  EventLog::Line line;
  line.copy_id = event.copy_id;
  line.activity = event.activity != nullptr ? event.activity : "";
  if (event.resource != nullptr) line.resource = *event.resource;
  line.organisation = org.name;
  line.org_type = org_type_name(org.type_slot);
  line.start = event.start;
  line.end = event.end;
  line.document = s.copies.document_of(*copy);
  line.destination = destination.name;
  s.log->write(line);
}

void Recorder::on(const StaffWork& event) {
  ++state_->events;
  state_->staff.work(event);
}

void Recorder::on(const NeedEvaluated& event) {
  ++state_->events;
  State& s = *state_;
  s.gaps.need(event);
  if (event.time < s.warm_up) return;
  s.needs_by_document.need(event);
  const std::uint32_t org = s.orgs.intern(event.organisation);
  s.per_org.need(org, event.outcome != NeedOutcome::no_document, gap_cause_index(event.outcome) >= 0);
  if (!s.log) return;
  const OrgIndex::Entry& entry = s.orgs.entry(org);
  EventLog::NeedLine line;
  line.encounter_id = event.encounter_id;
  line.organisation = entry.name;
  line.org_type = org_type_name(entry.type_slot);
  line.time = event.time;
  if (event.document != nullptr) line.document = *event.document;
  if (event.encounter_type != nullptr) line.encounter_type = *event.encounter_type;
  line.outcome = to_string(event.outcome);
  s.log->write(line);
}

void Recorder::on(const ItemDiverted& event) {  // not counted in `events`: engine counts stay as they were
  state_->systems.diverted(event);
}

void Recorder::on(const RecordViewed& event) {
  ++state_->events;
  State& s = *state_;
  s.views.view(event);
  if (!s.log || !event.opened || event.time < s.warm_up) return;
  const OrgIndex::Entry& entry = s.orgs.entry(s.orgs.intern(event.organisation));
  EventLog::ViewLine line;
  line.encounter_id = event.encounter_id;
  if (event.place != nullptr) line.place = *event.place;
  line.organisation = entry.name;
  line.org_type = org_type_name(entry.type_slot);
  line.start = event.time;
  line.end = event.time + event.minutes / 60.0;
  line.view = event.view;
  line.held_new = event.held_new;
  s.log->write(line);
}

void Recorder::on(const SystemState& event) {
  ++state_->events;
  state_->systems.state(event);
  state_->outages.state(event);
}

void Recorder::on(const QueueLength& event) {
  ++state_->events;
  state_->systems.queue(event);
  state_->outages.queue(event);
  state_->staff_queues.queue(event);
}

void Recorder::on(const ItemProcessed& event) {
  ++state_->events;
  state_->systems.processed(event);
}

void Recorder::on(const BackEntered& event) {
  ++state_->events;
  if (event.time < state_->warm_up) return;
  const int slot = event.organisation ? org_type_slot(event.organisation->type) : kUnknownOrgType;
  ++state_->back_entered[slot];
  state_->back_entry_rows[slot] = true;
}

void Recorder::on(const CopyHandled& event) {  // not counted in `events`: engine counts stay as they were
  State& s = *state_;
  const CopyLedger::CopyRecord* copy = s.copies.find(event.copy_id);
  if (copy == nullptr) return;  // not a measured copy
  s.handling.add(s.copies.document_of(*copy), event.what);
}

ReplicationResult Recorder::finish(Hours end_time) {
  State& s = *state_;
  if (s.finished) throw std::logic_error("Recorder::finish called twice");
  s.finished = true;

  ReplicationResult result;
  result.design = s.scenario.design;
  result.replication = s.replication;
  result.seed = s.scenario.experiment.seed;
  result.simulated_events = s.events;

  const std::size_t days = days_until(end_time);
  const Hours measured_hours = end_time - s.warm_up;
  s.copies.report(result);
  s.gaps.report(result);
  s.needs_by_document.report(result);
  s.event_delays.report(result);
  s.per_org.report(result, s.orgs, s.scenario.organisations.size());
  s.routes.report(result);
  s.staff.report(result, s.copies.copies_created(), measured_hours);
  s.systems.report(result, end_time, days);
  s.outages.report(result, end_time);
  s.staff_queues.report(result, end_time, days);
  s.handling.report(result);
  s.views.report(result, measured_hours);
  for (int slot = 0; slot < kOrgTypeSlots; ++slot) {
    if (!s.back_entry_rows[slot]) continue;
    result.add("copies_back_entered", {{"org_type", org_type_name(slot)}},
               static_cast<double>(s.back_entered[slot]));
  }
  result.series.push_back({"copies_created", {}, s.copies.created_per_day(days), {}});
  result.series.push_back({"gaps", {}, s.gaps.gaps_per_day(days), {}});
  result.series.push_back({"staff_minutes", {}, s.staff.minutes_per_day(days), {}});

  auto by_name_then_dims = [](const auto& a, const auto& b) {
    return std::tie(a.name, a.dims) < std::tie(b.name, b.dims);
  };
  std::sort(result.metrics.begin(), result.metrics.end(), by_name_then_dims);
  std::sort(result.series.begin(), result.series.end(), by_name_then_dims);

  if (s.log) s.log->commit();
  return result;
}

}  // namespace recordflow
