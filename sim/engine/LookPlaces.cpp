// LookPlaces: looking is behaviour, not a reaction to a document (METRICS.md, "Record views"). At every
// encounter with information needs the clinician decides, for each place their organisation can open,
// whether to open it, whatever it holds: their own record, and each place where some flow of the design
// delivers copies to them (a shared record's store seen through its portal or in-context view, a source's
// system seen through a query). Opening costs the place's look time. A decision is drawn once per place
// and access profile per encounter, from the encounter's clinician stream keyed by the place, so a need
// that finds a copy there uses the same decision, and two designs offering the same place decide alike.
#include <algorithm>

#include "engine/Model.hpp"
#include "scenario/Routing.hpp"

namespace recordflow::engine {
namespace {

constexpr const char* kLocalRecord = "local_record";

void add_place(std::vector<LookPlace>& places, Index place, const AccessProfile* profile) {
  if (place == kNone) return;
  for (const LookPlace& p : places)
    if (p.place == place && p.profile == profile) return;
  places.push_back(LookPlace{place, profile});
}

}  // namespace

Model::EncounterLooks::Place& Model::decide_look(EncounterLooks& looks, Index place,
                                                 const AccessProfile* profile, Hours t) {
  for (std::size_t i = 0; i < looks.count; ++i)
    if (looks.places[i].place == place && looks.places[i].profile == profile) return looks.places[i];
  RandomStream rng = looks.rng.substream(systems_[place].name_hash);
  const double u = rng.uniform01();
  const Hours look_time = profile ? profile->look_time.sample(rng) : 0.0;
  const bool looked = profile == nullptr || u < profile->look_probability;
  if (looked && look_time > 0) sink_.on(StaffWork{looks.where, "look", look_time * 60.0, t});
  EncounterLooks::Place decided{place, profile, looked, false, looked ? look_time : 0.0};
  if (looks.count == EncounterLooks::kPlaces) {  // beyond the list: decided again (alike) if asked again
    looks.overflow = decided;
    return looks.overflow;
  }
  looks.places[looks.count] = decided;
  return looks.places[looks.count++];
}

// For each routing period and organisation: its own record (its system through the system's profile),
// then, for each rule of the design that can deliver to it and each channel of the rule's mix, where that
// channel's copies to it are read: a query's or shared record's first step (a fixed store, the
// destination's own system, or each possible source's system; a query through a service is opened once,
// at its path's first system), else its publish step (the destination's
// record by default), through the channel's own profile or else the place's.
void Model::index_look_places() {
  look_places_.assign(routing_boundaries_.size() + 1, {});
  for (std::size_t period = 0; period < look_places_.size(); ++period) {
    const Hours at = period == 0 ? 0.0 : routing_boundaries_[period - 1];
    std::vector<std::vector<LookPlace>>& by_org = look_places_[period];
    by_org.resize(orgs_.size());
    for (Index o = 0; o < orgs_.size(); ++o) {
      const OrgInfo& destination = orgs_[o];
      std::vector<LookPlace>& places = by_org[o];
      add_place(places, destination.system, systems_[destination.system].access);
      for (const FlowRule& rule : design_.rules) {
        if (!rule.active_at(at) || !rule_reaches(rule, *destination.org)) continue;
        for (const ChannelShare& share : rule.mix) {
          auto known = channel_by_name_.find(share.channel);
          if (known == channel_by_name_.end()) continue;
          const ChannelInfo& ch = channels_[known->second];
          const ResolvedStep* where = nullptr;
          if (ch.query || ch.shared) {
            where = &ch.steps.front();
          } else {
            auto publish = std::find_if(ch.steps.begin(), ch.steps.end(), [](const ResolvedStep& rs) {
              return rs.step->kind == StepKind::publish;
            });
            if (publish != ch.steps.end()) where = &*publish;
          }
          auto profile_at = [&ch, this](Index place) {
            return ch.access ? ch.access : systems_[place].access;
          };
          if (where != nullptr && ch.query && !where->path.empty()) {  // a query service: one view
            add_place(places, where->path.front(), profile_at(where->path.front()));
          } else if (where == nullptr || where->system == -2) {
            add_place(places, destination.system, profile_at(destination.system));
          } else if (where->system >= 0) {
            const auto place = static_cast<Index>(where->system);
            add_place(places, place, profile_at(place));
          } else if (where->system == -1) {
            for (Index s = 0; s < orgs_.size(); ++s)
              if (s != o && rule_connects(rule, *orgs_[s].org, *destination.org))
                add_place(places, orgs_[s].system, profile_at(orgs_[s].system));
          }
        }
      }
    }
  }
}

void Model::open_places(EncounterLooks& looks, Hours t) {
  for (const LookPlace& p : look_places_[routing_period(t)][looks.org])
    decide_look(looks, p.place, p.profile, t);
}

void Model::report_views(const EncounterLooks& looks, std::uint64_t encounter_id, Hours t) {
  const Index own = orgs_[looks.org].system;
  for (std::size_t i = 0; i < looks.count; ++i) {
    const EncounterLooks::Place& p = looks.places[i];
    RecordViewed ev;
    ev.encounter_id = encounter_id;
    ev.organisation = looks.where;
    ev.place = systems_[p.place].name;
    ev.view = p.place == own ? kLocalRecord : (p.profile != nullptr ? p.profile->name.c_str() : "unprofiled");
    ev.opened = p.looked;
    ev.held_new = p.held_new;
    ev.minutes = p.look_time * 60.0;
    ev.time = t;
    sink_.on(ev);
  }
}

}  // namespace recordflow::engine
