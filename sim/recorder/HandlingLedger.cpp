#include "recorder/HandlingLedger.hpp"

namespace recordflow {
namespace {

std::uint64_t count(const std::array<std::uint64_t, kHandlingKinds>& counts, Handling what) {
  return counts[static_cast<std::size_t>(what)];
}

void add_rows(ReplicationResult& result, const Dimensions& dims, const std::array<std::uint64_t, kHandlingKinds>& c) {
  auto value = [&](Handling what) { return static_cast<double>(count(c, what)); };
  result.add("copies_never_sent", dims, value(Handling::never_sent));
  result.add("copies_misdirected", dims, value(Handling::misdirected) + value(Handling::misdirected_lost));
  result.add("copies_misdirected_lost", dims, value(Handling::misdirected_lost));
  result.add("copies_forgotten", dims, value(Handling::forgotten));
  result.add("chases", dims, value(Handling::chased));
  result.add("chases_obtained", dims, value(Handling::chase_obtained));
  result.add("actions_needed", dims,
             value(Handling::action_on_time) + value(Handling::action_late) + value(Handling::action_missed) +
                 value(Handling::action_pending));
  result.add("actions_on_time", dims, value(Handling::action_on_time));
  result.add("actions_late", dims, value(Handling::action_late));
  result.add("actions_missed", dims, value(Handling::action_missed));
  result.add("actions_pending", dims, value(Handling::action_pending));
}

}  // namespace

HandlingLedger::HandlingLedger(const Scenario& scenario) {
  for (const auto& [name, type] : scenario.document_types) by_document_[name] = Counts{};
}

void HandlingLedger::add(const std::string& document, Handling what) {
  ++by_document_[document][static_cast<std::size_t>(what)];
}

void HandlingLedger::report(ReplicationResult& result) const {
  Counts total{};
  for (const auto& [document, counts] : by_document_) {
    add_rows(result, {{"document", document}}, counts);
    for (std::size_t k = 0; k < total.size(); ++k) total[k] += counts[k];
  }
  add_rows(result, {}, total);
}

}  // namespace recordflow
