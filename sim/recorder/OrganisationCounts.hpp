// OrganisationCounts: counts per organisation (METRICS.md, "Per organisation"): measured copies received
// (available) and lost per destination organisation, needs with a document and gaps per organisation
// where the encounter happened; and, per organisation type, the distribution of each count across the
// organisations of that type (min, p10, p50, p90, max; type-7 quantiles over all of them, zeros
// included), e.g. how unevenly documents land on GP practices. Ids are OrgIndex ids.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "recorder/OrgIndex.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class OrganisationCounts {
 public:
  void received(std::uint32_t destination) { ++at(destination).counts[kReceived]; }
  void lost(std::uint32_t destination) { ++at(destination).counts[kLost]; }
  void need(std::uint32_t organisation, bool with_document, bool gap);

  // Rows for every organisation of the scenario (the first `scenario_orgs` ids) and any other seen.
  void report(ReplicationResult& result, const OrgIndex& orgs, std::size_t scenario_orgs) const;

 private:
  enum Count { kReceived, kLost, kNeedsWithDocument, kGaps, kCounts };
  struct Row {
    std::array<std::uint64_t, kCounts> counts{};
  };
  Row& at(std::uint32_t id) {
    if (id >= rows_.size()) rows_.resize(id + 1);
    return rows_[id];
  }

  std::vector<Row> rows_;
};

}  // namespace recordflow
