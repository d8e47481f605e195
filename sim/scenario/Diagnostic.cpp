#include "scenario/Diagnostic.hpp"

#include <algorithm>
#include <sstream>

namespace recordflow {
namespace {

std::string summary(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "invalid scenario";
  std::string text = format_diagnostics({diagnostics.front()});
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (diagnostics.size() > 1) text += " (and " + std::to_string(diagnostics.size() - 1) + " more problems)";
  return text;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  for (const auto& d : diagnostics) {
    out << (d.file.empty() ? "<input>" : d.file);
    if (d.line > 0) out << ":" << d.line << ":" << d.column;
    out << ": " << (d.pointer.empty() ? "/" : d.pointer) << ": " << d.message;
    if (!d.hint.empty()) out << " (hint: " << d.hint << ")";
    out << "\n";
  }
  return out.str();
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // Suggest only when the two words share most of their letters.
  const std::size_t limit = std::max<std::size_t>(2, std::max(word.size(), best.size()) / 3);
  return (!best.empty() && best_distance <= limit) ? best : std::string();
}

std::vector<std::string> near_words(const std::string& word, const std::vector<std::string>& candidates,
                                    std::size_t limit) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& candidate : candidates) {
    const std::size_t distance =
        candidate.find(word) != std::string::npos ? 0 : edit_distance(word, candidate);
    if (distance <= std::max<std::size_t>(3, word.size() / 2)) scored.emplace_back(distance, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> near;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) near.push_back(scored[i].second);
  return near;
}

}  // namespace recordflow
