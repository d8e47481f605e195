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

RouteCounts::RouteCounts(const std::vector<Organisation>& organisations) {
  group_of_.reserve(organisations.size());
  for (const Organisation& org : organisations)
    group_of_.push_back(
        groups_.intern(std::string_view{org.template_name.empty() ? org.name : org.template_name}));
}

std::uint32_t RouteCounts::group_of(std::uint32_t org, const OrgIndex& orgs) {
  while (group_of_.size() <= org) {  // organisations outside the scenario: by name
    const auto id = static_cast<std::uint32_t>(group_of_.size());
    group_of_.push_back(groups_.intern(std::string_view{orgs.entry(id).name}));
  }
  return group_of_[org];
}

std::uint32_t RouteCounts::channel_id(const std::string* channel) {
  for (const auto& [address, id] : channel_ids_) {
    if (address == channel) return id;
  }
  const std::uint32_t id = channels_.intern(channel);
  channel_ids_.emplace_back(channel, id);
  return id;
}

void RouteCounts::created(std::uint32_t source, std::uint32_t destination, const std::string* channel,
                          const OrgIndex& orgs) {
  const std::uint64_t key = (std::uint64_t{group_of(source, orgs)} & kGroupMask)
                                << (kGroupBits + kChannelBits) |
                            (std::uint64_t{group_of(destination, orgs)} & kGroupMask) << kChannelBits |
                            (std::uint64_t{channel_id(channel)} & kChannelMask);
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
