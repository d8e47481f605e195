// StreamSlots: the random streams of entities that may still draw (copies on their way, journeys under
// way), in slots that are reused once their entity is done. An entity keeps a slot index instead of a
// 40-byte stream, so millions of finished copies and journeys cost nothing here; the table holds as many
// streams as entities are drawing at once. Reuse does not change any draw: a slot is overwritten with
// the new entity's own stream when it is acquired.
#pragma once

#include <cstdint>
#include <vector>

#include "core/RandomStream.hpp"

namespace recordflow::engine {

class StreamSlots {
 public:
  static constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};

  std::uint32_t acquire(const RandomStream& stream) {
    if (free_.empty()) {
      streams_.push_back(stream);
      return static_cast<std::uint32_t>(streams_.size() - 1);
    }
    const std::uint32_t slot = free_.back();
    free_.pop_back();
    streams_[slot] = stream;
    return slot;
  }
  // Frees the slot and sets it to kNoSlot; a slot already kNoSlot is left alone.
  void release(std::uint32_t& slot) {
    if (slot == kNoSlot) return;
    free_.push_back(slot);
    slot = kNoSlot;
  }
  RandomStream& operator[](std::uint32_t slot) { return streams_[slot]; }
  std::size_t in_use() const { return streams_.size() - free_.size(); }

 private:
  std::vector<RandomStream> streams_;
  std::vector<std::uint32_t> free_;
};

}  // namespace recordflow::engine
