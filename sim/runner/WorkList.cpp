#include "runner/WorkList.hpp"

namespace recordflow {

std::vector<WorkItem> make_work_list(int points, const std::vector<std::string>& designs, int first,
                                     int count) {
  std::vector<WorkItem> items;
  for (int point = 0; point < points; ++point)
    for (int replication = first; replication < first + count; ++replication)
      for (const auto& design : designs) items.push_back(WorkItem{point, design, replication});
  return items;
}

std::vector<WorkItem> select_shard(const std::vector<WorkItem>& items, const Shard& shard) {
  std::vector<WorkItem> mine;
  for (std::size_t k = 0; k < items.size(); ++k)
    if (shard.owns(k)) mine.push_back(items[k]);
  return mine;
}

std::string describe(const WorkItem& item, bool sweep) {
  std::string text = "design " + item.design + ", replication " + std::to_string(item.replication);
  if (sweep) text = "point " + std::to_string(item.point) + ", " + text;
  return text;
}

}  // namespace recordflow
