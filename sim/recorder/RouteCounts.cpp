#include "recorder/RouteCounts.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace recordflow {
namespace {

constexpr std::uint64_t kGroupBits = 24;
constexpr std::uint64_t kChannelBits = 16;
constexpr std::uint64_t kGroupMask = (std::uint64_t{1} << kGroupBits) - 1;
constexpr std::uint64_t kChannelMask = (std::uint64_t{1} << kChannelBits) - 1;

}  // namespace

const std::string* route_group(const Organisation* organisation) {
  if (organisation == nullptr) return nullptr;
  return organisation->template_name.empty() ? &organisation->name : &organisation->template_name;
}

void RouteCounts::created(const Organisation* source, const Organisation* destination,
                          const std::string* channel) {
  const std::uint64_t key =
      (std::uint64_t{groups_.intern(route_group(source))} & kGroupMask) << (kGroupBits + kChannelBits) |
      (std::uint64_t{groups_.intern(route_group(destination))} & kGroupMask) << kChannelBits |
      (std::uint64_t{channels_.intern(channel)} & kChannelMask);
  ++counts_[key];
}

void RouteCounts::report(ReplicationResult& result) const {
  struct Row {
    const std::string* source;
    const std::string* destination;
    const std::string* channel;
    std::uint64_t count;
  };
  std::vector<Row> rows;
  rows.reserve(counts_.size());
  for (const auto& [key, count] : counts_) {
    const auto source = static_cast<std::uint32_t>(key >> (kGroupBits + kChannelBits));
    const auto destination = static_cast<std::uint32_t>((key >> kChannelBits) & kGroupMask);
    const auto channel = static_cast<std::uint32_t>(key & kChannelMask);
    rows.push_back(Row{&groups_.name(source), &groups_.name(destination), &channels_.name(channel), count});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(*a.source, *a.destination, *a.channel) < std::tie(*b.source, *b.destination, *b.channel);
  });
  for (const Row& row : rows) {
    result.add("copies_by_route",
               {{"source", *row.source}, {"destination", *row.destination}, {"channel", *row.channel}},
               static_cast<double>(row.count));
  }
}

}  // namespace recordflow
