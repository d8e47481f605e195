// ChunkedVector: an append-only sequence stored in fixed-size chunks, indexed like a vector.
// Growing never moves an element (no reallocation of what is already stored), so a long run's millions of
// copies are neither copied on growth nor held twice at the moment the storage doubles, and references
// stay valid. Invariants: elements are never removed; element i lives in chunk i / kChunk at i % kChunk;
// every chunk but the last is full.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace recordflow {

template <typename T, std::size_t kChunk = 16384>
class ChunkedVector {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](std::size_t i) { return starts_[i / kChunk][i % kChunk]; }
  const T& operator[](std::size_t i) const { return starts_[i / kChunk][i % kChunk]; }

  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ % kChunk == 0) {
      chunks_.push_back(std::make_unique<Chunk>());
      chunks_.back()->reserve(kChunk);  // never grows past this: its data never moves
      starts_.push_back(chunks_.back()->data());
    }
    T& added = chunks_.back()->emplace_back(std::forward<Args>(args)...);
    ++size_;
    return added;
  }

  // Forward iteration in index order (`Owner` is ChunkedVector or const ChunkedVector).
  template <typename Owner, typename Element>
  class Iterator {
   public:
    Iterator(Owner* owner, std::size_t i) : owner_(owner), i_(i) {}
    Element& operator*() const { return (*owner_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }

   private:
    Owner* owner_;
    std::size_t i_;
  };
  Iterator<ChunkedVector, T> begin() { return {this, 0}; }
  Iterator<ChunkedVector, T> end() { return {this, size_}; }
  Iterator<const ChunkedVector, const T> begin() const { return {this, 0}; }
  Iterator<const ChunkedVector, const T> end() const { return {this, size_}; }

 private:
  using Chunk = std::vector<T>;
  std::vector<std::unique_ptr<Chunk>> chunks_;
  std::vector<T*> starts_;  // chunks_[k]->data(), for indexing with one indirection
  std::size_t size_ = 0;
};

}  // namespace recordflow
