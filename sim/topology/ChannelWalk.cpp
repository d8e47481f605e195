#include "topology/ChannelWalk.hpp"

#include <algorithm>
#include <optional>

namespace recordflow {
namespace {

class Walker {
 public:
  Walker(const std::string& source_system, const std::string& destination_system)
      : source_(source_system), destination_(destination_system) {}

  std::string resolve(const std::string& name, const std::string& fallback) const {
    const std::string& text = name.empty() ? fallback : name;
    if (text == "@source") return source_;
    if (text == "@destination") return destination_;
    return text;
  }

  void need(const std::string& system) {
    if (system.empty()) return;
    if (std::find(walk.systems.begin(), walk.systems.end(), system) == walk.systems.end()) {
      walk.systems.push_back(system);
    }
  }

  // The document moves (electronically, if it is in a system now) to `system`.
  void arrive(const std::string& system) {
    if (system.empty()) return;
    need(system);
    if (current_ && *current_ != system) walk.electronic.emplace_back(*current_, system);
    current_ = system;
  }

  void leave_systems() { current_.reset(); }

  void uses(std::vector<std::string>& list, const std::string& system, const std::string& own) {
    if (system.empty() || system == own) return;
    if (std::find(list.begin(), list.end(), system) == list.end()) list.push_back(system);
  }

  void step(const Step& step) {
    switch (step.kind) {
      case StepKind::staff_task:
        if (step.task == "re_key") {
          // Typed again by hand: nothing carries the document electronically into the next system.
          if (step.at == Side::destination && walk.manual_crossings == 0) ++walk.manual_crossings;
          leave_systems();
        }
        break;
      case StepKind::transit:
        if (is_manual_transit(step)) {
          ++walk.manual_crossings;
          leave_systems();
        }
        break;
      case StepKind::system:
        arrive(resolve(step.system, ""));
        break;
      case StepKind::batch:
        arrive(resolve(step.system, ""));
        break;
      case StepKind::publish: {
        const std::string target = resolve(step.into, "@destination");
        arrive(target);
        uses(walk.destination_uses, target, destination_);
        break;
      }
      case StepKind::query: {
        // Nothing is sent ahead: the destination's system asks through `path` at the point of need.
        current_ = destination_;
        need(destination_);
        for (const auto& hop : step.path) arrive(resolve(hop, ""));
        arrive(resolve(step.system, "@source"));
        break;
      }
      case StepKind::shared_store: {
        const std::string shared = resolve(step.system, "@source");
        need(shared);
        uses(walk.source_uses, shared, source_);
        uses(walk.destination_uses, shared, destination_);
        current_ = shared;
        break;
      }
    }
  }

  ChannelWalk walk;

 private:
  std::string source_;
  std::string destination_;
  std::optional<std::string> current_;
};

}  // namespace

bool is_manual_transit(const Step& step) {
  return step.kind == StepKind::transit &&
         (step.paper || step.mode == "post" || step.mode == "courier" || step.mode == "fax");
}

ChannelWalk walk_channel(const Channel& channel, const std::string& source_system,
                         const std::string& destination_system) {
  Walker walker(source_system, destination_system);
  const bool sent_ahead = !channel.is_query() && !channel.is_shared_store();
  if (sent_ahead) walker.arrive(source_system);  // created in the source's record system
  for (const auto& step : channel.steps) walker.step(step);
  return walker.walk;
}

}  // namespace recordflow
