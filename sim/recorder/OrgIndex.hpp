// OrgIndex: interns organisations (by address; they are owned by the Scenario) to dense ids, keeping
// each one's name and type. A null organisation is interned as "" of type kUnknownOrgType, so a faulty
// event is still counted somewhere visible instead of crashing the recorder. Also names org types
// locally (the scenario layer's to_string(OrgType) is not needed to link the recorder).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

constexpr int kOrgTypeSlots = 6;  // the five OrgType values and "unknown"
constexpr int kUnknownOrgType = 5;

inline const char* org_type_name(int slot) {
  static constexpr const char* kNames[kOrgTypeSlots] = {"acute",         "primary",     "community",
                                                        "mental_health", "social_care", "unknown"};
  return slot >= 0 && slot < kOrgTypeSlots ? kNames[slot] : kNames[kUnknownOrgType];
}

inline int org_type_slot(OrgType type) {
  const int slot = static_cast<int>(type);
  return slot >= 0 && slot < kUnknownOrgType ? slot : kUnknownOrgType;
}

class OrgIndex {
 public:
  OrgIndex() = default;
  // Interns the scenario's organisations first, so that their ids are their positions and look-ups of
  // them need no hashing.
  explicit OrgIndex(const std::vector<Organisation>& organisations) {
    for (const Organisation& org : organisations) intern(&org);
    if (!organisations.empty()) {
      first_ = organisations.data();
      count_ = organisations.size();
    }
  }

  struct Entry {
    std::string name;
    int type_slot = kUnknownOrgType;
  };

  std::uint32_t intern(const Organisation* org) {
    if (first_ != nullptr && std::less_equal<>()(first_, org) && std::less<>()(org, first_ + count_)) {
      return static_cast<std::uint32_t>(org - first_);
    }
    auto it = ids_.find(org);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(org == nullptr ? Entry{} : Entry{org->name, org_type_slot(org->type)});
    ids_.emplace(org, id);
    return id;
  }

  const Entry& entry(std::uint32_t id) const { return entries_[id]; }

 private:
  const Organisation* first_ = nullptr;
  std::size_t count_ = 0;
  std::vector<Entry> entries_;
  std::unordered_map<const Organisation*, std::uint32_t> ids_;
};

}  // namespace recordflow
