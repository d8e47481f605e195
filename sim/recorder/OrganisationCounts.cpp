#include "recorder/OrganisationCounts.hpp"

#include <algorithm>

#include "recorder/Quantiles.hpp"

namespace recordflow {
namespace {

constexpr const char* kCountNames[] = {"copies_received", "copies_lost", "needs_with_document", "gaps"};

struct Statistic {
  const char* name;
  double p;
};
constexpr Statistic kStatistics[] = {{"min", 0.0}, {"p10", 0.1}, {"p50", 0.5}, {"p90", 0.9}, {"max", 1.0}};

}  // namespace

void OrganisationCounts::need(std::uint32_t organisation, bool with_document, bool gap) {
  Row& row = at(organisation);
  if (with_document) ++row.counts[kNeedsWithDocument];
  if (gap) ++row.counts[kGaps];
}

void OrganisationCounts::report(ReplicationResult& result, const OrgIndex& orgs,
                                std::size_t scenario_orgs) const {
  const std::size_t ids = std::max(scenario_orgs, rows_.size());
  std::array<std::array<std::vector<double>, kCounts>, kOrgTypeSlots> by_type;
  for (std::size_t id = 0; id < ids; ++id) {
    const OrgIndex::Entry& org = orgs.entry(static_cast<std::uint32_t>(id));
    const Row row = id < rows_.size() ? rows_[id] : Row{};
    for (int c = 0; c < kCounts; ++c) {
      const auto value = static_cast<double>(row.counts[c]);
      result.add(kCountNames[c], {{"organisation", org.name}}, value);
      by_type[org.type_slot][c].push_back(value);
    }
  }
  for (int slot = 0; slot < kOrgTypeSlots; ++slot) {
    for (int c = 0; c < kCounts; ++c) {
      std::vector<double>& values = by_type[slot][c];
      if (values.empty()) continue;
      std::sort(values.begin(), values.end());
      for (const Statistic& s : kStatistics) {
        result.add(std::string(kCountNames[c]) + "_across_orgs",
                   {{"org_type", org_type_name(slot)}, {"statistic", s.name}}, quantile_type7(values, s.p));
      }
    }
  }
}

}  // namespace recordflow
