#include "scenario/SchemaValidator.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "scenario/ScenarioLoader.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

constexpr std::size_t kLongString = 512;
const char* const kLongPlaceholder = "\x01(long text)";

// Replaces long strings by a placeholder that matches no pattern and no enum value.
void shorten_strings(json& value) {
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().size() > kLongString) value = kLongPlaceholder;
  } else if (value.is_structured()) {
    for (auto& item : value) shorten_strings(item);
  }
}

// Every property name and every enum string in the schema: candidates for did-you-mean hints.
struct SchemaVocabulary {
  std::vector<std::string> keys;
  std::vector<std::string> enums;
};

void collect_vocabulary(const json& schema, std::set<std::string>& keys, std::set<std::string>& enums) {
  if (schema.is_object()) {
    if (auto p = schema.find("properties"); p != schema.end() && p->is_object())
      for (const auto& item : p->items()) keys.insert(item.key());
    if (auto e = schema.find("enum"); e != schema.end() && e->is_array())
      for (const auto& v : *e)
        if (v.is_string()) enums.insert(v.get<std::string>());
  }
  if (schema.is_structured())
    for (const auto& item : schema) collect_vocabulary(item, keys, enums);
}

void parse_schema(const json& schema_json, valijson::Schema& schema) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(schema_json);
  parser.populateSchema(adapter, schema);
}

struct CompiledSchema {
  CompiledSchema() {
    const json schema_json = json::parse(scenario_schema_text());
    parse_schema(schema_json, schema);
    std::set<std::string> keys, enums;
    collect_vocabulary(schema_json, keys, enums);
    vocabulary.keys.assign(keys.begin(), keys.end());
    vocabulary.enums.assign(enums.begin(), enums.end());
  }
  valijson::Schema schema;
  SchemaVocabulary vocabulary;
};

const CompiledSchema& scenario_schema() {
  static const CompiledSchema compiled;
  return compiled;
}

// valijson contexts look like ["<root>", "[organisations]", "[0]"]; the document tells keys from indices.
std::string to_pointer(const std::vector<std::string>& context, const json& document, const json** node) {
  std::string pointer;
  const json* current = &document;
  for (std::size_t i = 1; i < context.size(); ++i) {
    std::string token = context[i];
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']')
      token = token.substr(1, token.size() - 2);
    pointer = pointer_append(pointer, token);
    if (current && current->is_object() && current->contains(token)) {
      current = &(*current)[token];
    } else if (current && current->is_array() && !token.empty() &&
               token.find_first_not_of("0123456789") == std::string::npos &&
               std::stoul(token) < current->size()) {
      current = &(*current)[std::stoul(token)];
    } else {
      current = nullptr;
    }
  }
  if (node) *node = current;
  return pointer;
}

bool is_wrapper(const std::string& message) {
  static const char* const kWrappers[] = {
      "Failed to validate item #",
      "Failed to validate against schema associated with property name",
      "Failed to validate against schema associated with pattern",
      "Failed to validate against child schema #",
      "Failed to validate against additional properties schema",
      "Failed to validate against a conditional schema",
      "Failed to validate against dependent schema",
  };
  return std::any_of(std::begin(kWrappers), std::end(kWrappers),
                     [&](const char* w) { return message.rfind(w, 0) == 0; });
}

std::string last_key(const std::string& pointer) {
  const auto slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

std::string format_hint(const std::string& pointer) {
  const std::string key = last_key(pointer);
  if (key == "capacity" || key == "rate_per_1000") return "a rate such as \"12/day\", \"3/h\" or \"35/year\"";
  if (key == "at") return "a clock time such as \"02:00\"";
  if (pointer.find("/weekly/") != std::string::npos) return "an interval such as \"08:00-18:30\"";
  return "a duration with a unit, such as \"45 s\", \"30 min\", \"2 h\", \"1.5 d\" or \"2 w\"";
}

std::string describe(const json* node) {
  if (!node) return "value";
  std::string text = node->dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// valijson's "Expected number less than or equal to 100000.000000" as ("more than the maximum of",
// "100000"); nothing for other messages.
std::optional<std::pair<std::string, std::string>> number_bound(const std::string& message) {
  static const std::pair<const char*, const char*> kBounds[] = {
      {"Expected number less than or equal to ", "more than the maximum of"},
      {"Expected number greater than or equal to ", "less than the minimum of"},
      {"Expected number less than ", "not less than"},
      {"Expected number greater than ", "not more than"}};
  for (const auto& [prefix, phrase] : kBounds) {
    if (message.rfind(prefix, 0) != 0) continue;
    std::string limit = message.substr(std::string(prefix).size());
    if (const auto dot = limit.find('.'); dot != std::string::npos && limit.find_first_not_of('0', dot + 1) == std::string::npos)
      limit.erase(dot);
    return std::make_pair(std::string(phrase), limit);
  }
  return std::nullopt;
}

Diagnostic translate(const valijson::ValidationResults::Error& error, const json& document,
                     const SchemaVocabulary* vocabulary) {
  const json* node = nullptr;
  Diagnostic d;
  d.pointer = to_pointer(error.context, document, &node);
  const std::string& m = error.description;
  const std::string unknown_prefix = "Object contains a property that could not be validated";
  if (vocabulary && m.rfind(unknown_prefix, 0) == 0) {
    const auto last = m.rfind('\'');
    const auto first = last == std::string::npos || last == 0 ? std::string::npos : m.rfind('\'', last - 1);
    const std::string key = first != std::string::npos ? m.substr(first + 1, last - first - 1) : "";
    d.pointer = pointer_append(d.pointer, key);
    d.message = "unknown key \"" + key + "\"";
    const std::string guess = did_you_mean(key, vocabulary->keys);
    d.hint = guess.empty() ? "see `recordflow schema` for the keys allowed here"
                           : "did you mean \"" + guess + "\"?";
  } else if (vocabulary && m.rfind("Missing required property", 0) == 0) {
    const auto first = m.find('\'');
    const auto last = m.rfind('\'');
    d.message = "missing required key \"" + m.substr(first + 1, last - first - 1) + "\"";
  } else if (vocabulary && m.rfind("Failed to match against any enum values", 0) == 0) {
    d.message = describe(node) + " is not one of the allowed values";
    if (node && node->is_string()) {
      const std::string guess = did_you_mean(node->get<std::string>(), vocabulary->enums);
      if (!guess.empty()) d.hint = "did you mean \"" + guess + "\"?";
    }
    if (d.pointer == "/recordflow") d.hint = "the language version is 1, or 2 for people by place";
  } else if (vocabulary && m.rfind("Failed to match regex", 0) == 0) {
    d.message = describe(node) + " is not in the expected format";
    d.hint = "expected " + format_hint(d.pointer);
  } else if (vocabulary && m.rfind("Value type not permitted", 0) == 0) {
    d.message = "wrong type: " + describe(node) + " is " +
                (node ? std::string(node->type_name()) : "of another type");
    d.hint = "see `recordflow schema` for the type expected here";
  } else if (vocabulary && m.rfind("Failed to match expected value set by 'const'", 0) == 0) {
    d.message = describe(node) + " is not the expected value";
  } else if (vocabulary && m.rfind("Elements at indexes #", 0) == 0) {
    // valijson's "Elements at indexes #1 and #3 violate uniqueness constraint."
    const auto first = m.find('#') + 1;
    const auto second = m.find('#', first);
    const auto end = second == std::string::npos ? std::string::npos : m.find(' ', second);
    d.message = "items " + m.substr(first, m.find(' ', first) - first) + " and " +
                (second == std::string::npos ? std::string("?") : m.substr(second + 1, end - second - 1)) +
                " are the same: each value may be listed once";
  } else if (const auto bound = number_bound(m)) {
    d.message = describe(node) + " is " + bound->first + " " + bound->second;
  } else {
    d.message = m;
  }
  return d;
}

std::vector<Diagnostic> run(const valijson::Schema& schema, const json& document,
                            const SchemaVocabulary* vocabulary) {
  json shortened = document;
  shorten_strings(shortened);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(shortened);
  std::vector<Diagnostic> diagnostics;
  if (validator.validate(schema, target, &results)) return diagnostics;
  valijson::ValidationResults::Error error;
  std::set<std::pair<std::string, std::string>> seen;
  while (results.popError(error)) {
    if (is_wrapper(error.description)) continue;
    Diagnostic d = translate(error, shortened, vocabulary);
    if (seen.insert({d.pointer, d.message}).second) diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace

std::vector<Diagnostic> validate_against_schema(const json& document, const SourceMap& sources) {
  const CompiledSchema& compiled = scenario_schema();
  auto diagnostics = run(compiled.schema, document, &compiled.vocabulary);
  for (auto& d : diagnostics) d.file = sources.file_of(d.pointer);
  return diagnostics;
}

std::vector<Diagnostic> validate_against(const json& schema_json, const json& document,
                                         const std::string& file) {
  valijson::Schema schema;
  parse_schema(schema_json, schema);
  auto diagnostics = run(schema, document, nullptr);
  for (auto& d : diagnostics) d.file = file;
  return diagnostics;
}

}  // namespace recordflow
