// PreHistory: the world before time 0 (experiment.pre_history; engine/README.md "Pre-history"). Journeys
// run over [-pre_history, 0) exactly as in the run (arrivals, encounters, transitions, documents) but from
// their own arrival streams, so the run's own arrivals are the same with or without a pre-history. A copy
// created before 0 is settled at once, without staff, queues or SimGrid: lost if it is never sent or a
// step's own loss draws lose it (abandoned, lost in transit, misdirected and never returned), else
// available where its channel publishes it, from its creation time. Needs are not evaluated and no event
// reaches the sink before 0; journeys still under way at 0 carry on in the run. Infrastructure is
// assumed up before 0: outages, downtime channels and silent failures start at 0.
#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include "engine/Model.hpp"

namespace recordflow::engine {

void Model::schedule(Hours t, EventKind kind, Index a) {
  if (fast_forward_ && t < documents_from_ && kind != EventKind::create_document) {
    if (ahead_.pending) throw std::logic_error("engine: a journey with two next events");
    ahead_ = JourneyStep{t, kind, a, true};
    return;
  }
  if (t >= 0) {
    agenda_.push(t, TieClass::work, kind, a);
    return;
  }
  if (pre_agenda_ == nullptr)
    throw std::logic_error("engine: an event before time 0 outside the pre-history");
  pre_agenda_->push(t + pre_history_, TieClass::work, kind, a);
}

void Model::schedule_pre_arrival(Index pathway, Hours after) {
  const Hours t = next_arrival(pathway, pre_arrival_streams_[pathway], after, 0.0);
  if (t != Calendar::kNever) pre_agenda_->push(t + pre_history_, TieClass::work, EventKind::arrival, pathway);
}

// How far back a document can matter: a need measured at the end of the warm-up reaches back its longest
// recency window (a need without a window: the cap).
Hours Model::history_reach() const {
  Hours reach = 0;
  for (const Pathway& p : scenario_.pathways)
    for (const State& s : p.states)
      for (const Need& n : s.needs) reach = std::max(reach, n.within);
  return std::clamp(reach - scenario_.experiment.warm_up, 0.0, kAutoPreHistoryCap);
}

// "auto": the shortest L such that journeys longer than L would leave at most 1% of the pathway's
// steady-state journeys missing at 0: E[(length - L)+] <= 0.01 E[length], from 4,000 journeys sampled
// without opening hours (which only lengthen them), and never less than the history reach.
Hours Model::auto_pre_history(Index pathway, Hours reach) const {
  const Pathway& p = scenario_.pathways[pathway];
  RandomStream rng(seed_, static_cast<std::uint64_t>(replication_), "pre_history/lengths/" + p.name);
  constexpr int kJourneys = 4000, kMaxEncounters = 10000;
  std::vector<Hours> lengths;
  lengths.reserve(kJourneys);
  for (int j = 0; j < kJourneys; ++j) {
    Hours length = 0;
    int state = p.state_index(p.start);
    for (int k = 0; k < kMaxEncounters && state >= 0; ++k) {
      const State& st = p.states[static_cast<std::size_t>(state)];
      if (st.terminal) break;
      length += std::max(0.0, st.duration.sample(rng));
      if (st.transitions.empty()) break;
      const Transition& chosen = st.transition_for(rng.uniform01());
      length += std::max(0.0, chosen.delay.sample(rng));
      state = p.state_index(chosen.to);
    }
    lengths.push_back(length);
  }
  std::sort(lengths.begin(), lengths.end());
  double total = 0;
  for (Hours l : lengths) total += l;
  // Walk down from the longest: excess(L) = sum over lengths above L of (length - L).
  double above = 0, excess = 0;
  Hours chosen = lengths.empty() ? 0 : lengths.back();
  for (std::size_t i = lengths.size(); i-- > 0;) {
    const Hours l = lengths[i];
    excess += above * ((i + 1 < lengths.size() ? lengths[i + 1] : l) - l);
    if (excess > 0.01 * total) break;
    chosen = l;
    above += 1;
  }
  return std::clamp(std::max(chosen, reach), 0.0, kAutoPreHistoryCap);
}

void Model::run_pre_history() {
  const Experiment& e = scenario_.experiment;
  if (!e.pre_history_auto && !(e.pre_history > 0)) return;
  // Version 1 (a new person per arrival): a history is one journey's, so every document of the pre-history
  // is kept and "auto" needs only the journeys' own length.
  const Hours reach = people_.persist() ? history_reach() : 0.0;
  pre_history_ = 0;
  for (Index p = 0; p < scenario_.pathways.size(); ++p) {
    pathway_pre_history_.push_back(e.pre_history_auto ? auto_pre_history(p, reach) : e.pre_history);
    pre_history_ = std::max(pre_history_, pathway_pre_history_.back());
  }
  if (!(pre_history_ > 0)) return;
  documents_from_ = people_.persist() ? -reach : -Calendar::kNever;
  pre_agenda_ = std::make_unique<Agenda>(pre_history_);
  const auto rep = static_cast<std::uint64_t>(replication_);
  for (const Pathway& p : scenario_.pathways) {
    pre_arrival_streams_.emplace_back(seed_, rep, "pre_history/arrivals/" + p.name);
    pre_arrival_counts_.push_back(0);
  }
  for (Index p = 0; p < scenario_.pathways.size(); ++p) schedule_pre_arrival(p, -pathway_pre_history_[p]);
  while (!pre_agenda_->empty()) {
    const Event e = pre_agenda_->pop();
    const Hours t = e.time - pre_history_;
    ++counters_.pre_history_events;
    if (e.kind != EventKind::arrival) {
      on_journey_event(e.kind, e.a, t);
      continue;
    }
    fast_forward_ = t < documents_from_;
    start_journey(e.a, t, pre_arrival_streams_[e.a], pre_arrival_counts_[e.a]++ | kPreHistoryArrival);
    run_journey_ahead();
    fast_forward_ = false;
    ++counters_.pre_history_journeys;
    schedule_pre_arrival(e.a, t);
  }
  pre_agenda_.reset();
  documents_from_ = 0;
}

// A journey that starts before any document can matter runs at once, encounter after encounter, until its
// next event is late enough to matter (then it waits on the pre-history's agenda like any other) or it
// ends. Nothing it does before then is seen by anyone else, so running it ahead of the clock changes
// nothing but the cost: its patient and person stay in cache and the agenda never holds its events.
void Model::run_journey_ahead() {
  while (ahead_.pending) {
    const JourneyStep step = ahead_;
    ahead_.pending = false;
    ++counters_.pre_history_events;
    on_journey_event(step.kind, step.a, step.t);
  }
}

// The fate of a copy made before 0, drawn from its own stream in the order its steps would draw.
void Model::settle_copy(Index copy, RandomStream rng, bool unsent) {
  Copy& c = copies_[copy];
  const ChannelInfo& ch = channels_[c.channel];
  const auto settle = [&](CopyState to, Index place) {
    move(copy, to);
    c.place = place;
    ++(to == CopyState::available ? counters_.pre_history_available : counters_.pre_history_lost);
  };
  if (ch.query || ch.shared) {  // read where it was written, or in the shared store it was put into
    settle(CopyState::available, resolve_system(ch.steps.front(), c));
    return;
  }
  if (unsent) {
    c.human |= kNeverSent;
    settle(CopyState::lost, kNone);
    return;
  }
  for (const ResolvedStep& rs : ch.steps) {
    const Step& step = *rs.step;
    switch (step.kind) {
      case StepKind::publish:
        settle(CopyState::available, resolve_system(rs, c));
        return;
      case StepKind::staff_task:
      case StepKind::transit:
        if (draw_step(step, rng).lost != nullptr) {
          settle(CopyState::lost, kNone);
          return;
        }
        break;
      default:
        break;  // systems, batches, queries: no loss without an outage
    }
  }
  settle(CopyState::available, orgs_[c.destination].system);
}

}  // namespace recordflow::engine
