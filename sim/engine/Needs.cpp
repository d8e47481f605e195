// Needs: what the clinician finds at an encounter, with exactly one cause per gap (DESIGN.md "What is
// measured"). Clinician draws come from the sub-stream of (patient, encounter index), then of the place
// looked at or the need, so they are identical across designs wherever the situation is the same.
#include "engine/Model.hpp"

namespace recordflow::engine {

// A place is a system seen through an access profile: the channel's own, else the system's. One look
// decision and one look time per place and profile per encounter. A query through a service (its path's
// first system) is one view there, whatever systems it reaches; anything else is looked at where it is.
Index Model::look_place(const Copy& c, Index place) const {
  const ChannelInfo& ch = channels_[c.channel];
  return ch.query && !ch.steps.front().path.empty() ? ch.steps.front().path.front() : place;
}

const AccessProfile* Model::look_profile(const Copy& c, Index place) const {
  return channels_[c.channel].access ? channels_[c.channel].access : systems_[place].access;
}

Model::EncounterLooks::Place& Model::look_at(EncounterLooks& looks, const Copy& c, Index place, Hours t) {
  place = look_place(c, place);
  return decide_look(looks, place, look_profile(c, place), t);
}

// Can the clinician read this copy now, and where? Every read needs the reader's own system up (the
// record, portal or in-context view is opened from it), as well as the place that holds the copy.
bool Model::readable(const Copy& c, Index& place) const {
  const ChannelInfo& ch = channels_[c.channel];
  if (!systems_[orgs_[c.destination].system].up) {
    place = c.place;
    return false;
  }
  if (ch.query) {
    place = c.place;
    if (!systems_[place].up) return false;
    for (Index s : ch.steps.front().path)
      if (!systems_[s].up) return false;
    return true;
  }
  if (c.state != CopyState::available) {
    if ((c.human & kObtained) == 0) return false;
    place = orgs_[c.destination].system;  // a chase put it into the recipient's own record
    return true;
  }
  place = c.place;
  return systems_[place].up;
}

// Why an unreadable copy is not readable: exactly one cause.
NeedOutcome Model::gap_cause(const Copy& c) const {
  switch (c.state) {
    case CopyState::lost:
      return (c.human & kNeverSent) != 0 ? NeedOutcome::never_sent : NeedOutcome::lost;
    case CopyState::available:
    case CopyState::query:
    case CopyState::waiting_source:
      return NeedOutcome::outage;
    case CopyState::system_queue:
    case CopyState::batch_wait:
    case CopyState::retry_wait:  // an outage only while its system is down; then it is on its way
      if (c.waiting_system != kNone && !systems_[c.waiting_system].up) return NeedOutcome::outage;
      break;
    default:
      break;
  }
  return c.paper ? NeedOutcome::paper_only : NeedOutcome::in_transit;
}

// A query copy becomes available at its first successful read.
void Model::mark_read(Index copy, Hours t) {
  if (copies_[copy].state != CopyState::query) return;
  move(copy, CopyState::available);
  ++counters_.copies_available;
  sink_.on(CopyAvailable{copies_[copy].id, t});
  resolve_action(copy, t);
}

// The person's newest copy (from their whole history, within the need's recency window) to `org` of the
// document (from that type of organisation), or kNone; with `readable_only`, the newest readable one other
// than `except`, and where it is readable. A history is in creation order (copies are made in time order,
// those of the pre-history first), so the search runs from the newest entry and stops at the first match
// outside the window.
Index Model::newest_copy(const Person& person, Index org, Index document, const Need& need, Hours t,
                         Index except, bool readable_only, Index* place) const {
  for (auto it = person.history.rbegin(); it != person.history.rend(); ++it) {
    if (it->destination != org || it->document != document) continue;
    const Index ci = it->copy;
    const Copy& c = copies_[ci];
    // Windows count from the clinical event, which is never after the creation: a copy created outside
    // the window, and every older one, recorded an event outside it too.
    if (t - c.created > need.within) break;
    if (t - (c.created - c.event_lag) > need.within) continue;
    if (ci == except) continue;
    if (need.from && orgs_[c.source].org->type != *need.from) continue;
    Index at = kNone;
    if (readable_only && !readable(c, at)) continue;
    if (place != nullptr) *place = at;
    return ci;
  }
  return kNone;
}

// For every gap but `stale`, the clinician phones the source with the encounter organisation's profile.
void Model::phone_source(const EncounterLooks& looks, std::size_t need, NeedEvaluated& ev, Hours t) {
  const AccessProfile* profile = systems_[orgs_[looks.org].system].access;
  if (profile == nullptr) return;
  RandomStream rng = looks.rng.substream("phone").substream(need);
  const double u_call = rng.uniform01();
  const Hours call_time = profile->phone_time.sample(rng);
  const double u_success = rng.uniform01();
  if (u_call < profile->phone_probability) {
    ev.phoned = true;
    ev.phone_obtained = u_success < profile->phone_success_probability;
    sink_.on(StaffWork{looks.where, "phone", call_time * 60.0, t});
  }
}

void Model::evaluate_needs(Index patient, const State& state, std::uint64_t encounter_id, Hours t) {
  const Patient& p = patients_[patient];
  const Person& person = people_[p.person];
  EncounterLooks looks;
  looks.org = p.encounter_org;
  looks.where = orgs_[looks.org].org;
  looks.rng = clinician_root_.substream(p.id).substream(p.encounters);
  const std::vector<Index>& documents = state_documents_[p.pathway][static_cast<std::size_t>(p.state)].needs;
  open_places(looks, t);
  for (std::size_t n = 0; n < state.needs.size(); ++n) {
    const Need& need = state.needs[n];
    NeedEvaluated ev;
    ev.encounter_id = encounter_id;
    ev.encounter_type = &state.encounter_type;
    ev.organisation = looks.where;
    ev.time = t;
    const Index document = documents[n];
    if (document == kNone) {
      ev.document = &need.document;
      sink_.on(ev);
      continue;
    }
    ev.document = document_names_[document];
    const Index newest = newest_copy(person, looks.org, document, need, t, kNone, false, nullptr);
    if (newest == kNone) {
      sink_.on(ev);  // no_document
      continue;
    }
    Index place = kNone;
    if (readable(copies_[newest], place)) {
      EncounterLooks::Place& where = look_at(looks, copies_[newest], place, t);
      const bool looked = where.looked;
      if (place != orgs_[looks.org].system) where.held_new = true;
      ev.outcome = looked ? NeedOutcome::seen : NeedOutcome::not_looked;
      if (looked) mark_read(newest, t);
    } else {
      bool stale = false;
      if (document_versioned_[document]) {
        Index older_place = kNone;
        const Index older = newest_copy(person, looks.org, document, need, t, newest, true, &older_place);
        if (older != kNone && look_at(looks, copies_[older], older_place, t).looked) {
          stale = true;
          mark_read(older, t);
        }
      }
      ev.outcome = stale ? NeedOutcome::stale : gap_cause(copies_[newest]);
    }
    if (ev.outcome != NeedOutcome::seen && ev.outcome != NeedOutcome::stale) phone_source(looks, n, ev, t);
    sink_.on(ev);
  }
  report_views(looks, encounter_id, t);
}

}  // namespace recordflow::engine
