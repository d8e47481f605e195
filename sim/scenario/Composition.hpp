// Composition: turns a scenario file into one JSON document. Includes (paths relative to the including
// file, recursive, cycles and missing files are errors) are merge-patched (RFC 7386) in order, then the
// file's own content; organisations are merge-patched onto their `archetype`; then every file's `set`
// (JSON Pointer -> value; included files first) and finally the caller's overrides. A SourceMap remembers
// which file each part came from, so that diagnostics name the file to edit.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scenario/Diagnostic.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace recordflow {

class SourceMap {
 public:
  explicit SourceMap(std::string root_file = "") : root_(std::move(root_file)) {}
  // Records `file` as the origin of `value` at `pointer` and of everything inside it.
  void record(const std::string& pointer, const nlohmann::json& value, const std::string& file);
  // The file that last wrote the deepest recorded part containing `pointer` (the root file if none).
  std::string file_of(const std::string& pointer) const;
  const std::string& root_file() const { return root_; }

 private:
  std::string root_;
  std::map<std::string, std::string> origin_;
};

struct ComposedDocument {
  nlohmann::json document;                // composed, before defaults; null when unreadable
  SourceMap sources;                      // origin of each part
  std::vector<std::string> design_order;  // design names in declaration order (JSON objects are unordered)
  std::vector<Diagnostic> diagnostics;    // problems found while composing
  bool readable = false;                  // false when the main file could not be read as a JSON object
};

ComposedDocument compose(const std::string& path, const std::vector<JsonOverride>& overrides = {});

// Puts `value` at `pointer`: replaces an existing value, or adds an object member or an array element
// ("-" or the array's size appends) under an existing parent. Returns an error message on failure.
std::optional<std::string> apply_pointer(nlohmann::json& document, const std::string& pointer,
                                         const nlohmann::json& value);

// `pointer` followed by one reference token, escaped ("~" -> "~0", "/" -> "~1").
std::string pointer_append(const std::string& pointer, const std::string& token);

}  // namespace recordflow
