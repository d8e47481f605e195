// JsonReader: reads one JSON file defensively. Refuses, with a located Diagnostic and never a crash or
// hang: missing or unreadable files, files over kMaxDocumentBytes, empty files, binary data, invalid
// UTF-8, nesting deeper than kMaxNestingDepth (checked before parsing, since the parser recurses),
// syntax errors (line and column), numbers out of the range of a double (e.g. 1e400) and keys that occur
// twice in one object (located by the JSON Pointer of the repeated key).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/Diagnostic.hpp"

namespace recordflow {

constexpr std::size_t kMaxDocumentBytes = 64u << 20;  // 64 MiB
constexpr int kMaxNestingDepth = 64;

struct JsonReadResult {
  std::optional<nlohmann::json> value;  // set when the text is a valid JSON document
  std::vector<Diagnostic> diagnostics;  // why not, otherwise
  std::string text;                     // the raw text (kept for callers that need key order)
};

JsonReadResult read_json_file(const std::string& path);
JsonReadResult parse_json_text(std::string text, const std::string& file);

}  // namespace recordflow
