#include "recorder/ViewLedger.hpp"

#include "core/Units.hpp"

namespace recordflow {
namespace {

constexpr double kHoursPerMonth = 365.25 * 24.0 / 12.0;

double as_value(std::uint64_t n) {
  return static_cast<double>(n);
}

}  // namespace

ViewLedger::ViewLedger(const Scenario& scenario, Hours warm_up)
    : warm_up_(warm_up), residents_(static_cast<double>(scenario.population)), declared_(false) {
  for (const Pathway& pathway : scenario.pathways)
    for (const State& state : pathway.states)
      if (!state.needs.empty()) declared_ = true;
  if (!declared_) return;
  views_.intern(std::string_view{"local_record"});
  for (const auto& [name, profile] : scenario.access_profiles) views_.intern(std::string_view{name});
  for (const auto& [name, system] : scenario.systems)
    if (system.access_profile.empty()) views_.intern(std::string_view{"unprofiled"});
  tallies_.resize(views_.size());
}

void ViewLedger::view(const RecordViewed& event) {
  if (event.time < warm_up_) return;
  const std::uint32_t id = views_.intern(event.view);
  if (id >= tallies_.size()) tallies_.resize(id + 1);
  Tally& t = tallies_[id];
  ++t.offered;
  if (event.opened) ++t.opened;
  if (event.held_new) ++t.held_new;
  if (event.opened && event.held_new) ++t.opened_with_new;
  t.minutes += event.minutes;
}

void ViewLedger::report(ReplicationResult& result, Hours measured_hours) const {
  const double resident_months = residents_ * measured_hours / kHoursPerMonth;
  for (std::uint32_t id = 0; id < tallies_.size(); ++id) {
    const Tally& t = tallies_[id];
    const Dimensions dims{{"view", views_.name(id)}};
    result.add("record_views_offered", dims, as_value(t.offered));
    result.add("record_views", dims, as_value(t.opened));
    result.add("record_view_minutes", dims, t.minutes);
    if (resident_months > 0)
      result.add("record_views_per_resident_month", dims, as_value(t.opened) / resident_months);
    if (t.offered > 0) {
      result.add("share_encounters_opened", dims, as_value(t.opened) / as_value(t.offered));
      result.add("share_encounters_held_new", dims, as_value(t.held_new) / as_value(t.offered));
    }
    if (t.opened > 0)
      result.add("share_views_with_new", dims, as_value(t.opened_with_new) / as_value(t.opened));
  }
}

}  // namespace recordflow
