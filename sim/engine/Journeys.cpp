// Journeys: arrivals (non-homogeneous Poisson by thinning), patients, encounters at opening hours,
// documents and their copies. Every journey draw comes from the patient's own sub-stream, in a fixed
// order, so all designs of a replication see the same patients and journeys (common random numbers).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/Model.hpp"
#include "scenario/Routing.hpp"

namespace recordflow::engine {
namespace {

int state_index(const Pathway& p, const std::string& name) {
  for (std::size_t i = 0; i < p.states.size(); ++i)
    if (p.states[i].name == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

// Thinning: a candidate at t drawn with uniform u is kept when u x (profile maximum) < its profile factor.
// Floor division, so that times before 0 (the pre-history) fall on the right weekday and hour.
bool Model::arrival_accepted(Index pathway, Hours t, double u) const {
  const ArrivalProfile& profile = arrival_profiles_[pathway];
  const auto day = static_cast<std::int64_t>(std::floor(t / kHoursPerDay));
  const auto hour = static_cast<std::int64_t>(std::floor(t)) - day * 24;
  const auto weekday = static_cast<std::size_t>(((day % 7) + 7) % 7);
  const double factor = profile.weekly[weekday] *
                        profile.daily[static_cast<std::size_t>(std::clamp<std::int64_t>(hour, 0, 23))];
  return u * profile.scale < factor;
}

Hours Model::next_arrival(Index pathway, RandomStream& rng, Hours after, Hours until) const {
  const double max_rate = arrival_max_rate_[pathway];
  if (!(max_rate > 0)) return Calendar::kNever;
  Hours t = after;
  while (true) {
    t += -std::log(rng.uniform01()) / max_rate;
    if (t >= until) return Calendar::kNever;
    if (arrival_accepted(pathway, t, rng.uniform01())) return t;
  }
}

void Model::schedule_next_arrival(Index pathway, Hours after) {
  const Hours t = next_arrival(pathway, arrival_streams_[pathway], after, horizon_);
  if (t != Calendar::kNever) agenda_.push(t, TieClass::work, EventKind::arrival, pathway);
}

void Model::on_journey_event(EventKind kind, Index patient_or_slot, Hours t) {
  switch (kind) {
    case EventKind::encounter_start:
      on_encounter_start(patient_or_slot, t);
      return;
    case EventKind::encounter_end:
      on_encounter_end(patient_or_slot, t);
      return;
    case EventKind::create_document:
      on_create_document(patient_or_slot, t);
      return;
    default:
      throw std::logic_error("engine: not a journey event");
  }
}

void Model::on_arrival(Index pathway, Hours t) {
  start_journey(pathway, t, arrival_streams_[pathway], arrival_counts_[pathway]++);
  schedule_next_arrival(pathway, t);
}

void Model::start_journey(Index pathway, Hours t, RandomStream& arrival_stream,
                          std::uint64_t arrival_number) {
  const Pathway& pw = scenario_.pathways[pathway];
  Patient patient;
  // (pathway + 1) in the top 8 bits, the arrival number in the next 36 (pre-history arrivals have its top
  // bit set); the low 20 bits stay free for encounter ids, so patients and encounters carry the same ids in
  // every design.
  patient.id = (static_cast<std::uint64_t>(pathway + 1) << 56) | (arrival_number << 20);
  patient.pathway = pathway;
  patient.rng = patient_root_.substream(patient.id);
  if (people_.persist()) {
    patient.person = people_.arrive(pathway, arrival_stream);
  } else {  // version 1: a new person, their organisations drawn from the patient's own stream
    patient.person = people_.add(patient.id, patient.rng);
  }
  const auto index = static_cast<Index>(patients_.size());
  patients_.push_back(std::move(patient));
  const int start = state_index(pw, pw.start);
  if (start >= 0) schedule_encounter(index, start, t);
}

void Model::schedule_encounter(Index patient, int state, Hours t) {
  Patient& p = patients_[patient];
  const State& st = scenario_.pathways[p.pathway].states[static_cast<std::size_t>(state)];
  if (st.terminal) return;
  const Index org = org_of(patient, st.at);
  if (org == kNone) return;  // no organisation of that type: the journey ends
  const Calendar* cal = orgs_[org].calendar;
  const Hours start = cal ? cal->next_open(t) : t;
  if (!(start < horizon_)) return;
  p.state = state;
  p.encounter_org = org;
  schedule(start, EventKind::encounter_start, patient);
}

void Model::on_encounter_start(Index patient, Hours t) {
  Patient& p = patients_[patient];
  const State& st = scenario_.pathways[p.pathway].states[static_cast<std::size_t>(p.state)];
  p.encounter_start = t;
  ++p.encounters;
  const std::uint64_t encounter_id = p.id | (p.encounters & 0xFFFFF);
  if (!st.needs.empty() && t >= 0) evaluate_needs(patient, st, encounter_id, t);  // none in the pre-history
  draw_creations(patient, st, false, t);
  const Hours duration = st.duration.sample(patients_[patient].rng);
  schedule(t + duration, EventKind::encounter_end, patient);
}

void Model::on_encounter_end(Index patient, Hours t) {
  const Pathway& pw = scenario_.pathways[patients_[patient].pathway];
  const State& st = pw.states[static_cast<std::size_t>(patients_[patient].state)];
  draw_creations(patient, st, true, t);
  if (st.terminal || st.transitions.empty()) return;
  Patient& p = patients_[patient];
  const Transition* chosen = &st.transition_for(p.rng.uniform01());
  const Hours delay = chosen->delay.sample(p.rng);
  const int next = state_index(pw, chosen->to);
  if (next >= 0) schedule_encounter(patient, next, t + delay);
}

void Model::draw_creations(Index patient, const State& state, bool at_end, Hours t) {
  for (const DocumentCreation& cr : state.creates) {
    if (cr.at_end != at_end) continue;
    Patient& p = patients_[patient];
    const double u = p.rng.uniform01();
    const Hours delay = cr.delay.sample(p.rng);
    const std::uint32_t sequence = p.creations++;
    if (!(u < cr.probability) || !(t + delay < horizon_) || t + delay < documents_from_) continue;
    Index slot;
    if (!free_creations_.empty()) {
      slot = free_creations_.back();
      free_creations_.pop_back();
    } else {
      slot = static_cast<Index>(creations_.size());
      creations_.emplace_back();
    }
    const auto k = static_cast<std::size_t>(&cr - state.creates.data());
    const Index document = state_documents_[p.pathway][static_cast<std::size_t>(p.state)].creates[k];
    creations_[slot] = PendingCreation{patient, p.encounter_org, &cr, document, sequence, t};
    schedule(t + delay, EventKind::create_document, slot);
  }
}

void Model::on_create_document(Index slot, Hours t) {
  const PendingCreation pc = creations_[slot];
  free_creations_.push_back(slot);
  if (pc.document == kNone)
    throw std::runtime_error("engine: unknown document type '" + pc.creation->document + "'");
  const Index document = pc.document;
  const OrgInfo& source = orgs_[pc.source];
  const bool source_down = !systems_[source.system].up;
  if (source_down && source.back_entry_pool != kNone)
    systems_[source.system].back_entries.push_back(pc.source);
  const std::uint64_t patient_id = patients_[pc.patient].id;
  const bool unsent = never_sent(pc, document, patient_id);
  for (std::size_t j = 0; j < pc.creation->to.size(); ++j) {
    const Index destination = org_of(pc.patient, pc.creation->to[j]);
    if (destination == kNone || destination == pc.source) continue;
    RandomStream rng = channel_root_.substream(patient_id).substream(std::uint64_t{pc.sequence} * 16 + j);
    // The pre-history routes as the design does at 0 (a design's dated rules start at 0 or later).
    Index channel = choose_channel(document, pc.source, destination, std::max(t, 0.0), rng);
    if (channel == kNone) continue;  // the design gives this flow no channel
    const bool downtime = source_down && source.downtime_channel != kNone;
    if (downtime) channel = source.downtime_channel;
    const auto index = static_cast<Index>(copies_.size());
    Copy copy;
    copy.id = index + 1;
    copy.patient = pc.patient;
    copy.document = document;
    copy.source = pc.source;
    copy.destination = destination;
    copy.channel = channel;
    copy.created = t;
    copy.event_lag = static_cast<float>(std::max(0.0, t - pc.event));
    copy.paper = false;
    copy.human_key = pc.sequence * 16 + static_cast<std::uint32_t>(j);
    copies_.push_back(copy);
    copy_states_.create();
    people_[patients_[pc.patient].person].history.push_back(HistoryEntry{index, destination, document});
    if (t < 0) {  // the pre-history: settled at once, told to nobody
      ++counters_.pre_history_copies;
      settle_copy(index, rng, unsent);
      continue;
    }
    copies_[index].stream = copy_streams_.acquire(rng);
    ++counters_.copies_created;
    sink_.on(CopyCreated{copy.id, patient_id, document_names_[document], source.org, orgs_[destination].org,
                         channels_[channel].name, downtime, t, pc.event});
    prepare_copy(index, pc, unsent, t);
    if (copies_[index].state == CopyState::created) start_pipeline(index, t);
  }
}

std::size_t Model::routing_period(Hours t) const {
  return static_cast<std::size_t>(
      std::upper_bound(routing_boundaries_.begin(), routing_boundaries_.end(), t) -
      routing_boundaries_.begin());
}

Index Model::choose_channel(Index document, Index source, Index destination, Hours t, RandomStream& rng) {
  const double u = rng.uniform01();  // always drawn, so the copy's later draws align across designs
  const std::uint64_t key = (std::uint64_t{document} << 48) | (std::uint64_t{source} << 24) | destination;
  auto& cache = route_cache_[routing_period(t)];  // one cache per routing period
  auto it = cache.find(key);
  if (it == cache.end()) {
    const FlowRule* rule =
        route(design_, *document_names_[document], *orgs_[source].org, *orgs_[destination].org, t);
    Index mix = kNone;
    if (rule != nullptr && !rule->mix.empty()) {
      auto known = mix_by_rule_.find(rule);
      if (known != mix_by_rule_.end()) {
        mix = known->second;
      } else {
        std::vector<std::pair<double, Index>> cumulative;
        double total = 0;
        for (const ChannelShare& share : rule->mix) total += share.share;
        double running = 0;
        for (const ChannelShare& share : rule->mix) {
          auto ch = channel_by_name_.find(share.channel);
          if (ch == channel_by_name_.end())
            throw std::runtime_error("engine: unknown channel '" + share.channel + "'");
          running += share.share;
          cumulative.emplace_back(total > 0 ? running / total : 1.0, ch->second);
        }
        cumulative.back().first = 1.0;
        mix = static_cast<Index>(mixes_.size());
        mixes_.push_back(std::move(cumulative));
        mix_by_rule_.emplace(rule, mix);
      }
    }
    it = cache.emplace(key, mix).first;
  }
  if (it->second == kNone) return kNone;
  const auto& mix = mixes_[it->second];
  for (const auto& [limit, channel] : mix)
    if (u < limit) return channel;
  return mix.back().second;
}
}  // namespace recordflow::engine
