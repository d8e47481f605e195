// Needs: what the clinician finds at an encounter, with exactly one cause per gap (DESIGN.md "What is
// measured"). Clinician draws come from the sub-stream of (patient, encounter index), then of the place
// looked at or the need, so they are identical across designs wherever the situation is the same.
#include "engine/Model.hpp"

namespace recordflow::engine {
namespace {

struct Look {
  Index place = kNone;
  const AccessProfile* profile = nullptr;
  bool looked = false;
};

}  // namespace

void Model::evaluate_needs(Index patient, const State& state, std::uint64_t encounter_id, Hours t) {
  const Patient& p = patients_[patient];
  const Index org = p.encounter_org;
  const OrgInfo& where = orgs_[org];
  const RandomStream encounter_rng = clinician_root_.substream(p.id).substream(p.encounters);
  Look looks[8];
  std::size_t look_count = 0;

  // A place is a system seen through an access profile: the channel's own, else the system's.
  auto looks_at = [&](const Copy& c, Index place) {
    const SystemInfo& s = systems_[place];
    const AccessProfile* profile = channels_[c.channel].access ? channels_[c.channel].access : s.access;
    for (std::size_t i = 0; i < look_count; ++i)
      if (looks[i].place == place && looks[i].profile == profile) return looks[i].looked;
    RandomStream rng = encounter_rng.substream(s.name_hash);
    const double u = rng.uniform01();
    const Hours look_time = profile ? profile->look_time.sample(rng) : 0.0;
    const bool looked = profile == nullptr || u < profile->look_probability;
    if (looked && look_time > 0) sink_.on(StaffWork{where.org, "look", look_time * 60.0, t});
    if (look_count < 8) looks[look_count++] = Look{place, profile, looked};
    return looked;
  };

  // Can the clinician read this copy now, and where?
  auto readable = [&](const Copy& c, Index& place) {
    const ChannelInfo& ch = channels_[c.channel];
    if (ch.query) {
      place = c.place;
      if (!systems_[place].up) return false;
      for (Index s : ch.steps.front().path)
        if (!systems_[s].up) return false;
      return true;
    }
    if (c.state != CopyState::available) return false;
    place = c.place;
    return systems_[place].up;
  };

  auto cause = [&](const Copy& c) {
    switch (c.state) {
      case CopyState::lost:
        return NeedOutcome::lost;
      case CopyState::available:
      case CopyState::query:
      case CopyState::shared:
      case CopyState::waiting_source:
      case CopyState::retry_wait:
        return NeedOutcome::outage;
      case CopyState::system_queued:
      case CopyState::batch_wait:
        if (c.waiting_system != kNone && !systems_[c.waiting_system].up) return NeedOutcome::outage;
        break;
      default:
        break;
    }
    return c.paper ? NeedOutcome::paper_only : NeedOutcome::in_transit;
  };

  auto mark_read = [&](Copy& c) {
    if (channels_[c.channel].query && !c.read) {
      c.read = true;
      sink_.on(CopyAvailable{c.id, t});
    }
  };

  for (std::size_t n = 0; n < state.needs.size(); ++n) {
    const Need& need = state.needs[n];
    NeedEvaluated ev;
    ev.encounter_id = encounter_id;
    ev.encounter_type = &state.encounter_type;
    ev.organisation = where.org;
    ev.time = t;
    auto doc_it = document_by_name_.find(need.document);
    if (doc_it == document_by_name_.end()) {
      ev.document = &need.document;
      sink_.on(ev);
      continue;
    }
    const Index document = doc_it->second;
    ev.document = document_names_[document];
    Index newest = kNone;
    for (Index ci : p.copies) {
      const Copy& c = copies_[ci];
      if (c.destination != org || c.document != document) continue;
      if (need.from && orgs_[c.source].org->type != *need.from) continue;
      if (newest == kNone || c.created >= copies_[newest].created) newest = ci;
    }
    if (newest == kNone) {
      sink_.on(ev);  // no_document
      continue;
    }
    Index place = kNone;
    if (readable(copies_[newest], place)) {
      const bool looked = looks_at(copies_[newest], place);
      ev.outcome = looked ? NeedOutcome::seen : NeedOutcome::not_looked;
      if (looked) mark_read(copies_[newest]);
    } else {
      bool stale = false;
      if (document_versioned_[document]) {
        Index older = kNone, older_place = kNone;
        for (Index ci : p.copies) {
          const Copy& c = copies_[ci];
          if (ci == newest || c.destination != org || c.document != document) continue;
          if (need.from && orgs_[c.source].org->type != *need.from) continue;
          Index pl = kNone;
          if (readable(c, pl) && (older == kNone || c.created >= copies_[older].created)) {
            older = ci;
            older_place = pl;
          }
        }
        if (older != kNone && looks_at(copies_[older], older_place)) {
          stale = true;
          mark_read(copies_[older]);
        }
      }
      ev.outcome = stale ? NeedOutcome::stale : cause(copies_[newest]);
    }
    if (ev.outcome != NeedOutcome::seen && ev.outcome != NeedOutcome::stale) {
      const AccessProfile* profile = systems_[where.system].access;
      if (profile != nullptr) {
        RandomStream rng = encounter_rng.substream("phone").substream(n);
        const double u_call = rng.uniform01();
        const Hours call_time = profile->phone_time.sample(rng);
        const double u_success = rng.uniform01();
        if (u_call < profile->phone_probability) {
          ev.phoned = true;
          ev.phone_obtained = u_success < profile->phone_success_probability;
          sink_.on(StaffWork{where.org, "phone", call_time * 60.0, t});
        }
      }
    }
    sink_.on(ev);
  }
}

}  // namespace recordflow::engine
