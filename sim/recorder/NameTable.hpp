// NameTable: interns names (document types, encounter types, tasks, systems) to dense ids 0, 1, 2, ...
// so that per-event bookkeeping indexes vectors instead of hashing strings. Look-ups by pointer are
// cached by address and checked against the stored text, so a pointer reused for other text is still
// interned correctly. A null pointer is the empty name. Ids are stable; names() is in first-seen order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace recordflow {

class NameTable {
 public:
  std::uint32_t intern(std::string_view text) {
    auto it = by_name_.find(text);
    if (it != by_name_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(text);
    by_name_.emplace(names_.back(), id);
    return id;
  }

  std::uint32_t intern(const std::string* text) {
    return text == nullptr ? intern(std::string_view{}) : cached(text, std::string_view{*text});
  }

  std::uint32_t intern(const char* text) {
    return text == nullptr ? intern(std::string_view{}) : cached(text, std::string_view{text});
  }

  const std::string& name(std::uint32_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }

 private:
  // A small direct-mapped cache in front of the address map keeps the common case to one comparison.
  std::uint32_t cached(const void* address, std::string_view text) {
    Recent& recent = recent_[(reinterpret_cast<std::uintptr_t>(address) >> 3) % kRecent];
    if (recent.address == address && names_[recent.id] == text) return recent.id;
    auto it = by_address_.find(address);
    std::uint32_t id;
    if (it != by_address_.end() && names_[it->second] == text) {
      id = it->second;
    } else {
      id = intern(text);
      by_address_[address] = id;
    }
    recent = {address, id};
    return id;
  }

  struct Recent {
    const void* address = nullptr;
    std::uint32_t id = 0;
  };
  static constexpr std::size_t kRecent = 64;
  std::array<Recent, kRecent> recent_{};

  std::vector<std::string> names_;
  std::map<std::string, std::uint32_t, std::less<>> by_name_;
  std::unordered_map<const void*, std::uint32_t> by_address_;
};

}  // namespace recordflow
