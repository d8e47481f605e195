#include "recorder/GapLedger.hpp"

#include <string>

namespace recordflow {
namespace {

constexpr std::uint8_t kCounted = 1;
constexpr std::uint8_t kHadGap = 2;

double as_value(std::uint64_t count) {
  return static_cast<double>(count);
}

}  // namespace

int gap_cause_index(NeedOutcome outcome) {
  switch (outcome) {
    case NeedOutcome::in_transit:
      return 0;
    case NeedOutcome::lost:
      return 1;
    case NeedOutcome::outage:
      return 2;
    case NeedOutcome::not_looked:
      return 3;
    case NeedOutcome::paper_only:
      return 4;
    case NeedOutcome::stale:
      return 5;
    case NeedOutcome::never_sent:
      return 6;
    case NeedOutcome::seen:
    case NeedOutcome::no_document:
      return -1;
  }
  return -1;
}

const char* gap_cause_name(int index) {
  static constexpr NeedOutcome kCauses[kGapCauses] = {NeedOutcome::in_transit, NeedOutcome::lost,
                                                      NeedOutcome::outage,     NeedOutcome::not_looked,
                                                      NeedOutcome::paper_only, NeedOutcome::stale,
                                                      NeedOutcome::never_sent};
  return to_string(kCauses[index]);
}

std::uint64_t GapLedger::Tally::total_gaps() const {
  std::uint64_t total = 0;
  for (std::uint64_t g : gaps) total += g;
  return total;
}

void GapLedger::Tally::merge(const Tally& other) {
  needs += other.needs;
  needs_with_document += other.needs_with_document;
  for (int c = 0; c < kGapCauses; ++c) gaps[c] += other.gaps[c];
  encounters += other.encounters;
  encounters_with_gap += other.encounters_with_gap;
  phone_calls += other.phone_calls;
  gaps_resolved_by_phone += other.gaps_resolved_by_phone;
}

GapLedger::GapLedger(const Scenario& scenario, Hours warm_up) : warm_up_(warm_up) {
  // Encounter types that can declare needs report rows (zeros included) in every replication.
  for (const Pathway& pathway : scenario.pathways) {
    for (const State& state : pathway.states) {
      if (!state.needs.empty()) encounter_types_.intern(std::string_view{state.encounter_type});
    }
  }
  tallies_.resize(encounter_types_.size());
}

void GapLedger::need(const NeedEvaluated& event) {
  const int cause = gap_cause_index(event.outcome);
  if (cause >= 0) per_day_.add(event.time, 1);
  if (event.time < warm_up_) return;

  const std::uint32_t type = encounter_types_.intern(event.encounter_type);
  if (type >= tallies_.size()) tallies_.resize(type + 1);
  Tally& tally = tallies_[type];
  ++tally.needs;
  if (event.outcome != NeedOutcome::no_document) ++tally.needs_with_document;
  if (cause >= 0) ++tally.gaps[cause];
  if (event.phoned) ++tally.phone_calls;
  if (cause >= 0 && event.phoned && event.phone_obtained) ++tally.gaps_resolved_by_phone;

  std::uint8_t* flags = encounters_.find(event.encounter_id);
  if (flags == nullptr || *flags == 0) {
    flags = &encounters_.emplace(event.encounter_id);
    *flags = kCounted;
    ++tally.encounters;
  }
  if (cause >= 0 && (*flags & kHadGap) == 0) {
    *flags |= kHadGap;
    ++tally.encounters_with_gap;
  }
}

void GapLedger::add_tally(ReplicationResult& result, const Dimensions& dims, const Tally& tally) {
  const std::uint64_t gaps = tally.total_gaps();
  result.add("needs", dims, as_value(tally.needs));
  result.add("needs_with_document", dims, as_value(tally.needs_with_document));
  result.add("gaps", dims, as_value(gaps));
  result.add("encounters", dims, as_value(tally.encounters));
  result.add("encounters_with_gap", dims, as_value(tally.encounters_with_gap));
  result.add("phone_calls", dims, as_value(tally.phone_calls));
  result.add("gaps_resolved_by_phone", dims, as_value(tally.gaps_resolved_by_phone));
  if (tally.needs_with_document > 0) {
    result.add("gap_rate", dims, as_value(gaps) / as_value(tally.needs_with_document));
  }
  if (tally.encounters > 0) {
    result.add("share_encounters_with_gap", dims,
               as_value(tally.encounters_with_gap) / as_value(tally.encounters));
  }
  for (int c = 0; c < kGapCauses; ++c) {
    Dimensions by_cause = dims;
    by_cause.emplace_back("cause", gap_cause_name(c));
    result.add("gaps", by_cause, as_value(tally.gaps[c]));
  }
}

void GapLedger::report(ReplicationResult& result) const {
  Tally overall;
  for (std::uint32_t type = 0; type < tallies_.size(); ++type) {
    const Tally& tally = tallies_[type];
    add_tally(result, {{"encounter_type", encounter_types_.name(type)}}, tally);
    overall.merge(tally);
  }
  add_tally(result, {}, overall);
  if (overall.needs_with_document > 0) {
    for (int c = 0; c < kGapCauses; ++c) {
      result.add("gap_share", {{"cause", gap_cause_name(c)}},
                 as_value(overall.gaps[c]) / as_value(overall.needs_with_document));
    }
  }
}

}  // namespace recordflow
