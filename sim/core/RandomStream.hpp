// RandomStream: a named, reproducible source of random numbers (xoshiro256** seeded through SplitMix64).
// A stream is identified by (scenario seed, replication index, stable name); sub-streams derive from a
// parent and a key (a patient id, a document id), so adding a stream never shifts another one and two
// designs of a scenario draw identical numbers for identical entities (common random numbers).
// The generator and every draw are defined bit for bit here: no std::*_distribution is involved.
#pragma once

#include <cstdint>
#include <string_view>

namespace recordflow {

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name);

  // A child stream for one entity of this stream (e.g. patient 1234 of the "journeys" stream).
  RandomStream substream(std::uint64_t key) const;
  RandomStream substream(std::string_view name) const;

  std::uint64_t next_u64();
  // Uniform on the open interval (0, 1): never exactly 0 or 1, so logarithms and quantiles are finite.
  double uniform01();
  // Uniform integer in [0, n); n must be > 0.
  std::uint64_t below(std::uint64_t n);
  bool bernoulli(double p) { return uniform01() < p; }

  std::uint64_t identity() const { return identity_; }

 private:
  explicit RandomStream(std::uint64_t identity);
  std::uint64_t identity_;
  std::uint64_t state_[4];
};

// 64-bit FNV-1a of a string: stable across platforms, used to turn stream names into keys.
std::uint64_t stable_hash(std::string_view text);

}  // namespace recordflow
