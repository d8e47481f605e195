#include "scenario/JsonReader.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

namespace recordflow {
namespace {

struct Location {
  int line = 1;
  int column = 1;
};

Location locate(std::string_view text, std::size_t offset) {
  Location loc;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

Diagnostic at(const std::string& file, std::string_view text, std::size_t offset, std::string message,
              std::string hint = "") {
  const Location loc = locate(text, offset);
  return Diagnostic{file, "", std::move(message), std::move(hint), loc.line, loc.column};
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8_offset(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    unsigned min_code = 0;
    unsigned code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min_code = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min_code = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min_code = 0x10000, code = c & 0x07;
    } else {
      return i;
    }
    if (i + extra >= text.size()) return i;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      code = (code << 6) | (cc & 0x3F);
    }
    if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += extra + 1;
  }
  return std::string_view::npos;
}

// Offset where nesting first exceeds the limit, or npos. Skips brackets inside strings.
std::size_t too_deep_offset(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 3, column 5: <reason>".
std::string parse_reason(const std::string& what) {
  if (const auto colon = what.find(": "); colon != std::string::npos) return what.substr(colon + 2);
  if (const auto bracket = what.find("] "); bracket != std::string::npos) return what.substr(bracket + 2);
  return what;
}

}  // namespace

// Parser callback that follows the JSON Pointer of what is being parsed and remembers the first key that
// occurs twice in one object (nlohmann keeps the last value silently).
class DuplicateKeyFinder {
 public:
  bool on_event(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        element_begins();
        frames_.push_back(Frame{event == Event::array_start, -1, {}, {}});
        break;
      case Event::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second && !duplicate_)
          duplicate_ = std::make_pair(container_pointer() + "/" + escaped(frame.key), frame.key);
        break;
      }
      case Event::value:
        element_begins();
        break;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        break;
    }
    return true;
  }
  // (pointer of the repeated key, the key) of the first duplicate.
  const std::optional<std::pair<std::string, std::string>>& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool array = false;
    long index = -1;
    std::set<std::string> keys;
    std::string key;
  };
  static std::string escaped(const std::string& key) {
    std::string out;
    for (const char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }
  void element_begins() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  // The pointer of the innermost open object or array.
  std::string container_pointer() const {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i)
      pointer += "/" + (frames_[i].array ? std::to_string(frames_[i].index) : escaped(frames_[i].key));
    return pointer;
  }
  std::vector<Frame> frames_;
  std::optional<std::pair<std::string, std::string>> duplicate_;
};

JsonReadResult parse_json_text(std::string text, const std::string& file) {
  JsonReadResult result;
  if (text.size() > kMaxDocumentBytes) {
    result.diagnostics.push_back({file, "", "file is too large (" + std::to_string(text.size()) + " bytes)",
                                  "the limit is " + std::to_string(kMaxDocumentBytes >> 20) + " MiB", 0, 0});
    return result;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.diagnostics.push_back({file, "", "file is empty",
                                  "a scenario or model part is a JSON object such as {\"recordflow\": 1}", 0,
                                  0});
    return result;
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    result.diagnostics.push_back(at(file, text, nul, "file contains binary data (a NUL byte), not JSON text",
                                    "is this the right file?"));
    return result;
  }
  if (const auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
    result.diagnostics.push_back(
        at(file, text, bad, "invalid UTF-8 byte sequence", "save the file as UTF-8 text"));
    return result;
  }
  if (const auto deep = too_deep_offset(text); deep != std::string_view::npos) {
    result.diagnostics.push_back(at(file, text, deep,
                                    "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels",
                                    "scenario documents are only a few levels deep"));
    return result;
  }
  try {
    DuplicateKeyFinder finder;
    result.value = nlohmann::json::parse(
        text, [&finder](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          return finder.on_event(event, parsed);
        });
    if (const auto& duplicate = finder.duplicate()) {
      result.value.reset();
      result.diagnostics.push_back({file, duplicate->first, "duplicate key \"" + duplicate->second + "\"",
                                    "a key may appear once per object; JSON would keep only the last value",
                                    0, 0});
    }
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string hint;
    const std::string reason = parse_reason(e.what());
    if (reason.find("number overflow") != std::string::npos)
      hint = "numbers must fit in a double (about 1e308)";
    result.diagnostics.push_back(at(file, text, offset, "syntax error: " + reason, hint));
  } catch (const nlohmann::json::exception& e) {
    // Out-of-range numbers (e.g. 1e400) are reported without a position: find the number in the text.
    const std::string reason = parse_reason(e.what());
    const auto quote = reason.find('\'');
    const std::string number =
        quote == std::string::npos ? "" : reason.substr(quote + 1, reason.rfind('\'') - quote - 1);
    const auto offset = number.empty() ? std::string::npos : text.find(number);
    result.diagnostics.push_back(at(file, text, offset == std::string::npos ? 0 : offset,
                                    "syntax error: " + reason, "numbers must fit in a double (about 1e308)"));
  }
  result.text = std::move(text);
  return result;
}

JsonReadResult read_json_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return {
        std::nullopt,
        {{path, "", "file not found", "check the path (relative paths are from the including file)", 0, 0}},
        ""};
  }
  if (!fs::is_regular_file(status)) {
    return {std::nullopt, {{path, "", "not a regular file", "", 0, 0}}, ""};
  }
  const auto size = fs::file_size(path, ec);
  if (ec) return {std::nullopt, {{path, "", "cannot read the file size", "", 0, 0}}, ""};
  if (size > kMaxDocumentBytes) {
    return {std::nullopt,
            {{path, "", "file is too large (" + std::to_string(size) + " bytes)",
              "the limit is " + std::to_string(kMaxDocumentBytes >> 20) + " MiB", 0, 0}},
            ""};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, {{path, "", "cannot open the file for reading", "", 0, 0}}, ""};
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return parse_json_text(std::move(text), path);
}

}  // namespace recordflow
