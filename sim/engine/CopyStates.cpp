#include "engine/CopyStates.hpp"

#include <stdexcept>

namespace recordflow::engine {
namespace {

bool is_pipeline(CopyState s) {
  switch (s) {
    case CopyState::staff_waiting:
    case CopyState::in_transfer:
    case CopyState::system_queue:
    case CopyState::system_service:
    case CopyState::retry_wait:
    case CopyState::batch_wait:
    case CopyState::withheld:
    case CopyState::available:
    case CopyState::lost:
      return true;
    default:
      return false;
  }
}

}  // namespace

const char* to_string(CopyState state) {
  switch (state) {
    case CopyState::created:
      return "created";
    case CopyState::waiting_source:
      return "waiting_source";
    case CopyState::staff_waiting:
      return "staff_waiting";
    case CopyState::staff_service:
      return "staff_service";
    case CopyState::system_queue:
      return "system_queue";
    case CopyState::system_service:
      return "system_service";
    case CopyState::in_transfer:
      return "in_transfer";
    case CopyState::retry_wait:
      return "retry_wait";
    case CopyState::batch_wait:
      return "batch_wait";
    case CopyState::withheld:
      return "withheld";
    case CopyState::query:
      return "query";
    case CopyState::available:
      return "available";
    case CopyState::lost:
      return "lost";
  }
  return "unknown";
}

bool is_terminal(CopyState state) {
  return state == CopyState::available || state == CopyState::lost;
}

bool transition_allowed(CopyState from, CopyState to) {
  switch (from) {
    case CopyState::created:
      return is_pipeline(to) || to == CopyState::waiting_source || to == CopyState::query;
    case CopyState::staff_waiting:
      return to == CopyState::staff_service || to == CopyState::lost;  // lost: forgotten in the queue
    case CopyState::system_queue:
    case CopyState::system_service:
    case CopyState::waiting_source:
    case CopyState::staff_service:
    case CopyState::in_transfer:
    case CopyState::retry_wait:
    case CopyState::batch_wait:
    case CopyState::withheld:
      return is_pipeline(to);
    case CopyState::query:
      return to == CopyState::available;
    case CopyState::available:
    case CopyState::lost:
      return false;
  }
  return false;
}

void CopyStates::move(CopyState& state, CopyState to) {
  if (!transition_allowed(state, to))
    throw std::logic_error(std::string("engine: a copy cannot move from ") + to_string(state) + " to " +
                           to_string(to));
  --counts_[index(state)];
  ++counts_[index(to)];
  state = to;
}

std::string compare_counts(const CopyStates::Counts& kept, const CopyStates::Counts& counted,
                           const char* kept_name, const char* counted_name) {
  for (std::size_t i = 0; i < kCopyStateCount; ++i)
    if (kept[i] != counted[i])
      return std::string(to_string(static_cast<CopyState>(i))) + ": " + kept_name + " " +
             std::to_string(kept[i]) + ", " + counted_name + " " + std::to_string(counted[i]);
  return "";
}

}  // namespace recordflow::engine
