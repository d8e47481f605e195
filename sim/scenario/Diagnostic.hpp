// Diagnostic: one problem found in a scenario, located by file, JSON Pointer (and line/column for syntax
// errors), with a hint (often a did-you-mean). Validation collects all of them before reporting.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace recordflow {

struct Diagnostic {
  std::string file;     // the file the problem is in (an included model part, or the scenario)
  std::string pointer;  // JSON Pointer, e.g. "/organisations/city_hospital/system"; "" for the whole file
  std::string message;
  std::string hint;  // may be empty
  int line = 0;      // 1-based, only for syntax errors
  int column = 0;
};

// "file: /pointer: message (hint: ...)" lines, one per diagnostic.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Thrown when a scenario cannot be built; carries every problem found.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// The closest candidate by edit distance, or "" when none is close enough to suggest.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// Up to `limit` candidates close to `word` by edit distance (or containing it), closest first.
std::vector<std::string> near_words(const std::string& word, const std::vector<std::string>& candidates,
                                    std::size_t limit = 5);

}  // namespace recordflow
