#include "recorder/NeedsByDocument.hpp"

#include "recorder/GapLedger.hpp"

namespace recordflow {

NeedsByDocument::NeedsByDocument(const Scenario& scenario, Hours warm_up) : warm_up_(warm_up) {
  for (const Pathway& pathway : scenario.pathways) {
    for (const State& state : pathway.states) {
      for (const Need& need : state.needs) {
        const std::uint32_t type = encounter_types_.intern(std::string_view{state.encounter_type});
        const std::uint32_t document = documents_.intern(std::string_view{need.document});
        tally(type, document).declared = true;
      }
    }
  }
}

NeedsByDocument::Tally& NeedsByDocument::tally(std::uint32_t encounter_type, std::uint32_t document) {
  if (encounter_type >= tallies_.size()) tallies_.resize(encounter_type + 1);
  std::vector<Tally>& row = tallies_[encounter_type];
  if (document >= row.size()) row.resize(document + 1);
  return row[document];
}

void NeedsByDocument::need(const NeedEvaluated& event) {
  if (event.time < warm_up_) return;
  Tally& t = tally(encounter_types_.intern(event.encounter_type), documents_.intern(event.document));
  t.declared = true;
  ++t.needs;
  if (event.outcome != NeedOutcome::no_document) ++t.needs_with_document;
  if (gap_cause_index(event.outcome) >= 0) ++t.gaps;
}

void NeedsByDocument::report(ReplicationResult& result) const {
  for (std::uint32_t type = 0; type < tallies_.size(); ++type) {
    for (std::uint32_t document = 0; document < tallies_[type].size(); ++document) {
      const Tally& t = tallies_[type][document];
      if (!t.declared) continue;
      const Dimensions dims{{"document", documents_.name(document)},
                            {"encounter_type", encounter_types_.name(type)}};
      result.add("needs", dims, static_cast<double>(t.needs));
      result.add("needs_with_document", dims, static_cast<double>(t.needs_with_document));
      result.add("gaps", dims, static_cast<double>(t.gaps));
      if (t.needs_with_document > 0)
        result.add("gap_rate", dims,
                   static_cast<double>(t.gaps) / static_cast<double>(t.needs_with_document));
    }
  }
}

}  // namespace recordflow
