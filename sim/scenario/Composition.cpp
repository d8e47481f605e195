#include "scenario/Composition.hpp"

#include <algorithm>
#include <filesystem>

#include "scenario/JsonReader.hpp"

namespace recordflow {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kMaxIncludeDepth = 32;

// Language version 1, or 2 (people by place). Each file declares its own; model parts stay 1 and may be
// included into a version 2 scenario.
bool supported_version(const json& v) {
  return v.is_number_integer() && (v.get<std::int64_t>() == 1 || v.get<std::int64_t>() == 2);
}

struct PendingSet {
  std::string file;
  json set;
};

class Composer {
 public:
  explicit Composer(ComposedDocument& out) : out_(out) {}

  // Loads `path` with its includes merged in; nullopt when it cannot be used at all.
  std::optional<json> load(const std::string& path, const std::string& from_file,
                           const std::string& from_pointer) {
    std::error_code ec;
    const std::string key = fs::weakly_canonical(fs::path(path), ec).string();
    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
      std::string chain;
      for (const auto& s : stack_) chain += s + " -> ";
      report(from_file, from_pointer, "include cycle: " + chain + key,
             "a file may not include itself, directly or not");
      return std::nullopt;
    }
    if (stack_.size() >= kMaxIncludeDepth) {
      report(from_file, from_pointer, "includes nested too deeply", "at most 32 levels of include");
      return std::nullopt;
    }
    JsonReadResult read = read_json_file(path);
    if (!read.value) {
      for (auto& d : read.diagnostics) {
        // Located at the include that named the file: the problem is that this file was included.
        if (!from_file.empty()) {
          if (d.message == "file not found") {
            d.message = "included file not found: " + path;
          } else {
            d.message = "cannot include " + path + ": " + d.message;
            if (d.line > 0)
              d.message += " (line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ")";
            else if (!d.pointer.empty())
              d.message += " (at " + d.pointer + ")";
          }
          d.file = from_file;
          d.pointer = from_pointer;
          d.line = d.column = 0;
        }
        out_.diagnostics.push_back(std::move(d));
      }
      return std::nullopt;
    }
    json own = std::move(*read.value);
    if (!own.is_object()) {
      const std::string message =
          "a scenario or model part must be a JSON object, not " + std::string(own.type_name());
      if (from_file.empty())
        report(path, "", message, "start the file with {\"recordflow\": 1, ...}");
      else
        report(from_file, from_pointer, "cannot include " + path + ": " + message, "is this the right file?");
      return std::nullopt;
    }
    check_version(own, path);
    note_design_order(own, read.text);
    stack_.push_back(key);
    json merged = json::object();
    if (auto inc = own.find("include"); inc != own.end()) {
      if (!inc->is_array()) {
        report(path, "/include", "\"include\" must be a list of file paths",
               "e.g. [\"../models/channels/fax.json\"]");
      } else {
        for (std::size_t i = 0; i < inc->size(); ++i) {
          const std::string pointer = "/include/" + std::to_string(i);
          if (!(*inc)[i].is_string()) {
            report(path, pointer, "an include must be a file path string", "");
            continue;
          }
          const fs::path target = fs::path(path).parent_path() / (*inc)[i].get<std::string>();
          if (auto part = load(target.lexically_normal().string(), path, pointer)) merged.merge_patch(*part);
        }
      }
      own.erase(inc);
    }
    if (auto set = own.find("set"); set != own.end()) {
      if (set->is_object())
        sets_.push_back({path, *set});
      else
        report(path, "/set", "\"set\" must be an object of JSON Pointer -> value",
               "e.g. {\"/experiment/seed\": 7}");
      own.erase(set);
    }
    out_.sources.record("", own, path);
    merged.merge_patch(own);
    stack_.pop_back();
    return merged;
  }

  void apply_sets(json& document) {
    for (const auto& pending : sets_) {
      for (const auto& [pointer, value] : pending.set.items()) {
        if (auto error = apply_pointer(document, pointer, value))
          report(pending.file, pointer_append("/set", pointer), *error,
                 "pointers look like \"/channels/fax/steps/0/latency\"");
        else
          out_.sources.record(pointer, value, pending.file);
      }
    }
  }

  void report(const std::string& file, const std::string& pointer, std::string message, std::string hint) {
    out_.diagnostics.push_back({file, pointer, std::move(message), std::move(hint), 0, 0});
  }

 private:
  void check_version(const json& own, const std::string& path) {
    auto v = own.find("recordflow");
    if (v == own.end())
      report(path, "", "missing \"recordflow\": 1 (the language version)",
             "every scenario and model part starts with it");
    else if (!supported_version(*v))
      report(path, "/recordflow", "unsupported language version " + v->dump(),
             "this recordflow reads versions 1 and 2 (2: people by place, LANGUAGE.md)");
  }

  void note_design_order(const json& own, const std::string& text) {
    auto designs = own.find("designs");
    if (designs == own.end() || !designs->is_object()) return;
    try {
      const auto ordered = nlohmann::ordered_json::parse(text);
      for (const auto& item : ordered.at("designs").items())
        if (std::find(out_.design_order.begin(), out_.design_order.end(), item.key()) ==
            out_.design_order.end())
          out_.design_order.push_back(item.key());
    } catch (const nlohmann::json::exception&) {
      // Order is a nicety: fall back to the document's (sorted) order.
    }
  }

  ComposedDocument& out_;
  std::vector<std::string> stack_;
  std::vector<PendingSet> sets_;
};

void expand_archetypes(ComposedDocument& out) {
  json& doc = out.document;
  auto orgs = doc.find("organisations");
  if (orgs == doc.end() || !orgs->is_object()) return;
  const json* archetypes =
      doc.contains("archetypes") && doc["archetypes"].is_object() ? &doc["archetypes"] : nullptr;
  for (auto& [name, org] : orgs->items()) {
    if (!org.is_object() || !org.contains("archetype") || !org["archetype"].is_string()) continue;
    const std::string archetype = org["archetype"].get<std::string>();
    const std::string org_pointer = pointer_append("/organisations", name);
    if (!archetypes || !archetypes->contains(archetype) || !(*archetypes)[archetype].is_object()) {
      std::vector<std::string> known;
      if (archetypes)
        for (const auto& item : archetypes->items()) known.push_back(item.key());
      const std::string guess = did_you_mean(archetype, known);
      out.diagnostics.push_back(
          {out.sources.file_of(org_pointer + "/archetype"), org_pointer + "/archetype",
           "unknown archetype \"" + archetype + "\"",
           guess.empty() ? "archetypes are declared under \"archetypes\"" : "did you mean \"" + guess + "\"?",
           0, 0});
      continue;
    }
    const std::string archetype_pointer = pointer_append("/archetypes", archetype);
    json expanded = (*archetypes)[archetype];
    // Parts that come from the archetype are attributed to the archetype's file.
    for (const auto& item : expanded.items())
      if (!org.contains(item.key()))
        out.sources.record(pointer_append(org_pointer, item.key()), item.value(),
                           out.sources.file_of(pointer_append(archetype_pointer, item.key())));
    expanded.merge_patch(org);
    org = std::move(expanded);
  }
}

}  // namespace

void SourceMap::record(const std::string& pointer, const json& value, const std::string& file) {
  if (!pointer.empty()) origin_[pointer] = file;
  if (value.is_object()) {
    for (const auto& item : value.items()) record(pointer_append(pointer, item.key()), item.value(), file);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) record(pointer + "/" + std::to_string(i), value[i], file);
  }
}

std::string SourceMap::file_of(const std::string& pointer) const {
  std::string p = pointer;
  while (!p.empty()) {
    if (auto it = origin_.find(p); it != origin_.end()) return it->second;
    p.erase(p.rfind('/'));
  }
  return root_;
}

std::string pointer_append(const std::string& pointer, const std::string& token) {
  std::string out = pointer + "/";
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::optional<std::string> apply_pointer(json& document, const std::string& pointer, const json& value) {
  try {
    const json::json_pointer ptr(pointer);
    if (ptr.empty()) return "cannot replace the whole document";
    const json::json_pointer parent_ptr = ptr.parent_pointer();
    if (!document.contains(parent_ptr))
      return "nothing at " + parent_ptr.to_string() + " to put this value in";
    json& parent = document.at(parent_ptr);
    const std::string last = ptr.back();
    if (parent.is_object()) {
      parent[last] = value;
    } else if (parent.is_array()) {
      if (last == "-" || last == std::to_string(parent.size())) {
        parent.push_back(value);
      } else {
        if (last.empty() || last.find_first_not_of("0123456789") != std::string::npos ||
            (last.size() > 1 && last[0] == '0'))
          return "\"" + last + "\" is not an array index";
        const auto index = std::stoull(last.size() > 18 ? std::string("999999999999999999") : last);
        if (index >= parent.size())
          return "index " + last + " is past the end of the array (size " + std::to_string(parent.size()) +
                 ")";
        parent[index] = value;
      }
    } else {
      return parent_ptr.to_string() + " is a " + parent.type_name() + ", not an object or array";
    }
  } catch (const json::exception& e) {
    return std::string("invalid JSON Pointer \"") + pointer + "\": " + e.what();
  }
  return std::nullopt;
}

ComposedDocument compose(const std::string& path, const std::vector<JsonOverride>& overrides) {
  ComposedDocument out;
  out.sources = SourceMap(path);
  Composer composer(out);
  auto document = composer.load(path, "", "");
  if (!document) return out;
  out.readable = true;
  out.document = std::move(*document);
  // Each file's version was checked on its own; the scenario's is its main file's (merged last).
  if (!supported_version(out.document.value("recordflow", json()))) out.document["recordflow"] = 1;
  expand_archetypes(out);
  composer.apply_sets(out.document);
  for (const auto& [pointer, value] : overrides) {
    if (auto error = apply_pointer(out.document, pointer, value))
      composer.report("--set", pointer, *error, "pointers look like \"/experiment/seed\"");
    else
      out.sources.record(pointer, value, "--set " + pointer);
  }
  if (out.document.contains("designs") && out.document["designs"].is_object()) {
    std::vector<std::string> order;
    for (const auto& name : out.design_order)
      if (out.document["designs"].contains(name)) order.push_back(name);
    for (const auto& item : out.document["designs"].items())
      if (std::find(order.begin(), order.end(), item.key()) == order.end()) order.push_back(item.key());
    out.design_order = std::move(order);
  } else {
    out.design_order.clear();
  }
  return out;
}

}  // namespace recordflow
