#include "recorder/RouteCounts.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace recordflow {
namespace {

constexpr std::uint64_t kOrgBits = 24;
constexpr std::uint64_t kChannelBits = 16;
constexpr std::uint64_t kOrgMask = (std::uint64_t{1} << kOrgBits) - 1;
constexpr std::uint64_t kChannelMask = (std::uint64_t{1} << kChannelBits) - 1;

}  // namespace

void RouteCounts::created(std::uint32_t source, std::uint32_t destination, const std::string* channel) {
  const std::uint64_t key = (std::uint64_t{source} & kOrgMask) << (kOrgBits + kChannelBits) |
                            (std::uint64_t{destination} & kOrgMask) << kChannelBits |
                            (std::uint64_t{channels_.intern(channel)} & kChannelMask);
  ++counts_[key];
}

void RouteCounts::report(ReplicationResult& result, const OrgIndex& orgs) const {
  struct Row {
    const std::string* from;
    const std::string* to;
    const std::string* channel;
    std::uint64_t count;
  };
  std::vector<Row> rows;
  rows.reserve(counts_.size());
  for (const auto& [key, count] : counts_) {
    const auto source = static_cast<std::uint32_t>(key >> (kOrgBits + kChannelBits));
    const auto destination = static_cast<std::uint32_t>((key >> kChannelBits) & kOrgMask);
    const auto channel = static_cast<std::uint32_t>(key & kChannelMask);
    rows.push_back(
        Row{&orgs.entry(source).name, &orgs.entry(destination).name, &channels_.name(channel), count});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(*a.from, *a.to, *a.channel) < std::tie(*b.from, *b.to, *b.channel);
  });
  for (const Row& row : rows) {
    result.add("copies_by_route",
               {{"source", *row.from}, {"destination", *row.to}, {"channel", *row.channel}},
               static_cast<double>(row.count));
  }
}

}  // namespace recordflow
