// HandlingLedger: the human failure modes per document type, counted over measured copies (created at or
// after the warm-up): copies never sent, misdirected (returned or lost), chased and obtained by chasing,
// and the action outcomes of copies that need action (on time, late, missed, pending). Every document type
// of the scenario has its rows, zeros included; names and meanings are in METRICS.md.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "recorder/Events.hpp"
#include "recorder/ReplicationResult.hpp"

namespace recordflow {

class HandlingLedger {
 public:
  explicit HandlingLedger(const Scenario& scenario);

  // One CopyHandled event about a measured copy of this document type.
  void add(const std::string& document, Handling what);
  void report(ReplicationResult& result) const;

 private:
  using Counts = std::array<std::uint64_t, kHandlingKinds>;
  std::map<std::string, Counts> by_document_;
};

}  // namespace recordflow
