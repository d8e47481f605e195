// TestPaths: where the scenario tests find their data (fixtures, the invalid corpus, models/, scenarios/).
#pragma once

#include <filesystem>
#include <string>

namespace recordflow::test {

inline std::filesystem::path source_dir() {
  return RECORDFLOW_SOURCE_DIR;
}
inline std::string fixture(const std::string& name) {
  return (source_dir() / "tests/scenario/fixtures" / name).string();
}
inline std::filesystem::path invalid_dir() {
  return source_dir() / "tests/scenario/invalid";
}

}  // namespace recordflow::test
