// IdTable: a map from 64-bit ids (copy ids, encounter ids) to small fixed-size records, sized for
// millions of entries. Ids that run densely from the first id seen live in chunks of a flat array
// (no per-entry overhead); ids below it, far beyond it, or too sparse to fill chunks live in a hash
// map. A value-initialised T means "absent": callers store a non-zero state to mark presence.
// Invariant: an id lives in exactly one place, because a chunk is never created once ids of its range
// have gone to the hash map (chunk creation stops for good when density falls).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace recordflow {

template <class T>
class IdTable {
 public:
  // The entry of `id`, or nullptr when it was never stored.
  T* find(std::uint64_t id) {
    if (T* dense = dense_slot(id)) return dense;
    auto it = sparse_.find(id);
    return it == sparse_.end() ? nullptr : &it->second;
  }

  // The entry of `id`, created value-initialised when new. Call once per new id (it feeds the
  // density estimate); find() first when the id may exist.
  T& emplace(std::uint64_t id) {
    if (!has_base_) {
      base_ = id;
      has_base_ = true;
    }
    ++emplaced_;
    if (id >= base_ && id - base_ < kMaxDenseSpan) {
      const std::uint64_t index = id - base_;
      const std::size_t chunk = static_cast<std::size_t>(index / kChunk);
      if (chunk < chunks_.size() && chunks_[chunk]) return (*chunks_[chunk])[index % kChunk];
      if (may_allocate_chunk()) {
        if (chunk >= chunks_.size()) chunks_.resize(chunk + 1);
        chunks_[chunk] = std::make_unique<Chunk>();
        ++allocated_;
        return (*chunks_[chunk])[index % kChunk];
      }
    }
    return sparse_[id];
  }

  // Bytes held, for reports: chunks, chunk index, and an estimate of the hash map's nodes.
  std::size_t memory_bytes() const {
    return allocated_ * sizeof(Chunk) + chunks_.capacity() * sizeof(std::unique_ptr<Chunk>) +
           sparse_.size() * (sizeof(std::uint64_t) + sizeof(T) + 2 * sizeof(void*));
  }

 private:
  static constexpr std::uint64_t kChunk = 4096;
  static constexpr std::uint64_t kMaxDenseSpan = std::uint64_t{1} << 32;
  using Chunk = std::array<T, kChunk>;

  T* dense_slot(std::uint64_t id) {
    if (!has_base_ || id < base_ || id - base_ >= kMaxDenseSpan) return nullptr;
    const std::uint64_t index = id - base_;
    const std::size_t chunk = static_cast<std::size_t>(index / kChunk);
    if (chunk >= chunks_.size() || !chunks_[chunk]) return nullptr;
    return &(*chunks_[chunk])[index % kChunk];
  }

  // Chunks stay worthwhile while they are at least an eighth full on average.
  bool may_allocate_chunk() {
    if (sparse_only_) return false;
    if (allocated_ >= 64 && emplaced_ * 8 < allocated_ * kChunk) sparse_only_ = true;
    return !sparse_only_;
  }

  bool has_base_ = false;
  bool sparse_only_ = false;
  std::uint64_t base_ = 0;
  std::uint64_t emplaced_ = 0;
  std::size_t allocated_ = 0;
  std::vector<std::unique_ptr<Chunk>> chunks_;
  std::unordered_map<std::uint64_t, T> sparse_;
};

}  // namespace recordflow
