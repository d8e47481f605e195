#include "recorder/Events.hpp"

namespace recordflow {

const char* to_string(NeedOutcome outcome) {
  switch (outcome) {
    case NeedOutcome::seen:
      return "seen";
    case NeedOutcome::no_document:
      return "no_document";
    case NeedOutcome::in_transit:
      return "in_transit";
    case NeedOutcome::lost:
      return "lost";
    case NeedOutcome::outage:
      return "outage";
    case NeedOutcome::not_looked:
      return "not_looked";
    case NeedOutcome::paper_only:
      return "paper_only";
    case NeedOutcome::stale:
      return "stale";
  }
  return "unknown";
}

}  // namespace recordflow
