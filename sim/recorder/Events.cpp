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
    case NeedOutcome::never_sent:
      return "never_sent";
  }
  return "unknown";
}

const char* to_string(Handling what) {
  switch (what) {
    case Handling::never_sent:
      return "never_sent";
    case Handling::misdirected:
      return "misdirected";
    case Handling::misdirected_lost:
      return "misdirected_lost";
    case Handling::chased:
      return "chased";
    case Handling::chase_obtained:
      return "chase_obtained";
    case Handling::action_on_time:
      return "action_on_time";
    case Handling::action_late:
      return "action_late";
    case Handling::action_missed:
      return "action_missed";
    case Handling::action_pending:
      return "action_pending";
    case Handling::forgotten:
      return "forgotten";
  }
  return "unknown";
}

}  // namespace recordflow
