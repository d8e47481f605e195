#include "recorder/CopyLedger.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "recorder/Quantiles.hpp"

namespace recordflow {
namespace {

constexpr int kFlowSlots = kOrgTypeSlots * kOrgTypeSlots;

struct Percentile {
  const char* metric;
  double p;
};
constexpr Percentile kPercentiles[] = {
    {"delay_p50", 0.50}, {"delay_p90", 0.90}, {"delay_p95", 0.95}, {"delay_p99", 0.99}};

double as_value(std::uint64_t count) {
  return static_cast<double>(count);
}

// Counts and delay statistics shared by the per-flow and overall rows.
void add_delay_metrics(ReplicationResult& result, const Dimensions& dims, std::uint64_t created,
                       std::uint64_t available, std::uint64_t lost, std::uint64_t in_flight,
                       const std::vector<double>& sorted_delays) {
  result.add("copies_created", dims, as_value(created));
  result.add("copies_available", dims, as_value(available));
  result.add("copies_lost", dims, as_value(lost));
  result.add("copies_in_flight", dims, as_value(in_flight));
  if (created > 0) result.add("share_lost", dims, as_value(lost) / as_value(created));
  if (sorted_delays.empty()) return;
  result.add("delay_mean", dims, mean_of(sorted_delays));
  for (const Percentile& pc : kPercentiles) result.add(pc.metric, dims, quantile_type7(sorted_delays, pc.p));
}

}  // namespace

CopyLedger::CopyLedger(const Scenario& scenario, Hours warm_up) : warm_up_(warm_up), scenario_(scenario) {
  // Every flow the pathways can produce gets a row, so that a flow with no copies in this replication
  // still reports zero counts (the same rows in every replication).
  for (const Pathway& pathway : scenario.pathways) {
    for (const State& state : pathway.states) {
      for (const DocumentCreation& creation : state.creates) {
        const std::uint32_t document = documents_.intern(std::string_view{creation.document});
        sync_documents();
        for (OrgType to : creation.to) flow_id(document, org_type_slot(state.at), org_type_slot(to));
      }
    }
  }
}

std::uint32_t CopyLedger::document_id(const std::string* name) {
  const std::uint32_t id = documents_.intern(name);
  sync_documents();
  return id;
}

void CopyLedger::sync_documents() {
  while (targets_.size() < documents_.size()) {
    const std::string& doc = documents_.name(static_cast<std::uint32_t>(targets_.size()));
    auto it = scenario_.document_types.find(doc);
    targets_.push_back(it == scenario_.document_types.end() ? std::nullopt : it->second.target);
    flow_index_.resize(flow_index_.size() + kFlowSlots, -1);
  }
}

std::uint32_t CopyLedger::flow_id(std::uint32_t document, int from, int to) {
  std::int32_t& slot = flow_index_[static_cast<std::size_t>(document) * kFlowSlots +
                                   static_cast<std::size_t>(from * kOrgTypeSlots + to)];
  if (slot < 0) {
    slot = static_cast<std::int32_t>(flows_.size());
    Flow flow;
    flow.document = document;
    flow.from = from;
    flow.to = to;
    flows_.push_back(std::move(flow));
  }
  return static_cast<std::uint32_t>(slot);
}

const CopyLedger::CopyRecord* CopyLedger::created(const CopyCreated& event, OrgIndex& orgs) {
  per_day_.add(event.time, 1);
  if (event.time < warm_up_) return nullptr;
  CopyRecord* existing = copies_.find(event.copy_id);
  if (existing != nullptr && existing->state != 0) return nullptr;  // duplicate: the first one counts
  const std::uint32_t document = document_id(event.document);
  const std::uint32_t destination = orgs.intern(event.destination);
  const int from = event.source ? org_type_slot(event.source->type) : kUnknownOrgType;
  const int to = orgs.entry(destination).type_slot;
  const std::uint32_t flow = flow_id(document, from, to);
  ++flows_[flow].created;
  CopyRecord& record = copies_.emplace(event.copy_id);  // new id: emplace (it feeds the density estimate)
  record.created = event.time;
  record.flow = flow;
  record.destination = destination;
  record.state = static_cast<std::uint32_t>(CopyState::in_flight);
  return &record;
}

void CopyLedger::available(const CopyAvailable& event) {
  CopyRecord* record = copies_.find(event.copy_id);
  if (record == nullptr || record->state != static_cast<std::uint32_t>(CopyState::in_flight)) return;
  record->state = static_cast<std::uint32_t>(CopyState::available);
  Flow& flow = flows_[record->flow];
  const Hours delay = event.time - record->created;
  ++flow.available;
  flow.delays.push_back(delay);
  const std::optional<Hours>& target = targets_[flow.document];
  if (target && delay <= *target) ++flow.within_target;
}

void CopyLedger::lost(const CopyLost& event) {
  CopyRecord* record = copies_.find(event.copy_id);
  if (record == nullptr || record->state != static_cast<std::uint32_t>(CopyState::in_flight)) return;
  record->state = static_cast<std::uint32_t>(CopyState::lost);
  ++flows_[record->flow].lost;
}

void CopyLedger::in_flight(const CopyInFlight& event) {
  CopyRecord* record = copies_.find(event.copy_id);
  if (record == nullptr || record->state != static_cast<std::uint32_t>(CopyState::in_flight)) return;
  record->state = static_cast<std::uint32_t>(CopyState::counted_in_flight);
  ++flows_[record->flow].in_flight;
  ++in_flight_by_state_[std::string(event.paper ? "paper/" : "electronic/") + event.state];
}

const CopyLedger::CopyRecord* CopyLedger::find(std::uint64_t copy_id) {
  const CopyRecord* record = copies_.find(copy_id);
  return record != nullptr && record->state != 0 ? record : nullptr;
}

const std::string& CopyLedger::document_of(const CopyRecord& record) const {
  return documents_.name(flows_[record.flow].document);
}

std::uint64_t CopyLedger::copies_created() const {
  std::uint64_t total = 0;
  for (const Flow& flow : flows_) total += flow.created;
  return total;
}

std::size_t CopyLedger::memory_bytes() const {
  std::size_t bytes = copies_.memory_bytes();
  for (const Flow& flow : flows_) bytes += flow.delays.capacity() * sizeof(double);
  return bytes;
}

// All delays in ascending order: the flows' sorted delays merged pairwise, O(n log flows).
std::vector<double> CopyLedger::merged_delays(std::size_t count) const {
  std::vector<double> all;
  all.reserve(count);
  std::vector<std::size_t> bounds{0};
  for (const Flow& flow : flows_) {
    if (flow.delays.empty()) continue;
    all.insert(all.end(), flow.delays.begin(), flow.delays.end());
    bounds.push_back(all.size());
  }
  while (bounds.size() > 2) {
    std::vector<std::size_t> next{0};
    for (std::size_t i = 2; i < bounds.size(); i += 2) {
      std::inplace_merge(all.begin() + static_cast<std::ptrdiff_t>(bounds[i - 2]),
                         all.begin() + static_cast<std::ptrdiff_t>(bounds[i - 1]),
                         all.begin() + static_cast<std::ptrdiff_t>(bounds[i]));
      next.push_back(bounds[i]);
    }
    if (bounds.size() % 2 == 0) next.push_back(bounds.back());
    bounds = std::move(next);
  }
  return all;
}

void CopyLedger::report(ReplicationResult& result) {
  std::uint64_t created = 0, available = 0, lost = 0, in_flight = 0, with_target = 0, within_target = 0;
  std::size_t delay_count = 0;
  for (Flow& flow : flows_) {
    std::sort(flow.delays.begin(), flow.delays.end());
    const Dimensions dims{{"document", documents_.name(flow.document)},
                          {"from", org_type_name(flow.from)},
                          {"to", org_type_name(flow.to)}};
    add_delay_metrics(result, dims, flow.created, flow.available, flow.lost, flow.in_flight, flow.delays);
    if (targets_[flow.document] && flow.created > 0) {
      result.add("share_within_target", dims, as_value(flow.within_target) / as_value(flow.created));
    }
    created += flow.created;
    available += flow.available;
    lost += flow.lost;
    in_flight += flow.in_flight;
    delay_count += flow.delays.size();
    if (targets_[flow.document]) {
      with_target += flow.created;
      within_target += flow.within_target;
    }
  }
  add_delay_metrics(result, {}, created, available, lost, in_flight, merged_delays(delay_count));
  for (const auto& [key, count] : in_flight_by_state_) {
    const std::size_t slash = key.find('/');
    result.add("copies_in_flight", {{"medium", key.substr(0, slash)}, {"state", key.substr(slash + 1)}},
               as_value(count));
  }
  if (with_target > 0) result.add("share_within_target", {}, as_value(within_target) / as_value(with_target));
}

}  // namespace recordflow
