#include "runner/MetricCatalogue.hpp"

#include <algorithm>

namespace recordflow {
namespace {

constexpr MetricInfo kCatalogue[] = {
    // Headline metrics, in the order `compare` shows them.
    {"gap_rate", "gap rate", "share", Better::lower, true},
    {"share_encounters_with_gap", "encounters with a gap", "share", Better::lower, true},
    {"delay_p50", "delay, median", "hours", Better::lower, true},
    {"delay_p90", "delay, 90th percentile", "hours", Better::lower, true},
    {"share_within_target", "available within target", "share", Better::higher, true},
    {"copies_lost", "copies lost", "count", Better::lower, true},
    {"staff_hours_per_year", "staff time", "hours_per_year", Better::lower, true},
    // Delay and copies.
    {"copies_created", "copies created", "count", Better::neither, false},
    {"copies_available", "copies available", "count", Better::higher, false},
    {"copies_in_flight", "copies in flight at the horizon", "count", Better::neither, false},
    {"delay_mean", "delay, mean", "hours", Better::lower, false},
    {"delay_p95", "delay, 95th percentile", "hours", Better::lower, false},
    {"delay_p99", "delay, 99th percentile", "hours", Better::lower, false},
    {"share_lost", "share of copies lost", "share", Better::lower, false},
    {"copies_sent", "copies sent by the source", "count", Better::neither, false},
    {"send_delay_mean", "creation to sending, mean", "hours", Better::lower, false},
    {"send_delay_p50", "creation to sending, median", "hours", Better::lower, false},
    {"send_delay_p90", "creation to sending, 90th percentile", "hours", Better::lower, false},
    {"delay_from_event_mean", "clinical event to availability, mean", "hours", Better::lower, false},
    {"delay_from_event_p50", "clinical event to availability, median", "hours", Better::lower, false},
    {"delay_from_event_p90", "clinical event to availability, 90th percentile", "hours", Better::lower,
     false},
    // Per organisation and their spread across organisations of a type.
    {"copies_received", "copies received", "count", Better::neither, false},
    {"copies_by_route", "copies created per route", "count", Better::neither, false},
    {"copies_received_across_orgs", "copies received per organisation", "count", Better::neither, false},
    {"copies_lost_across_orgs", "copies lost per organisation", "count", Better::lower, false},
    {"needs_with_document_across_orgs", "needs with a document per organisation", "count", Better::neither,
     false},
    {"gaps_across_orgs", "gaps per organisation", "count", Better::lower, false},
    // Gaps.
    {"needs", "information needs", "count", Better::neither, false},
    {"needs_with_document", "needs with a document", "count", Better::neither, false},
    {"gaps", "gaps", "count", Better::lower, false},
    {"gap_share", "gap rate by cause", "share", Better::lower, false},
    {"encounters", "encounters with needs", "count", Better::neither, false},
    {"encounters_with_gap", "encounters with a gap (count)", "count", Better::lower, false},
    {"phone_calls", "phone calls", "count", Better::lower, false},
    {"gaps_resolved_by_phone", "gaps resolved by phone", "count", Better::neither, false},
    // Record views, by {view}.
    {"record_views_offered", "places offered at encounters with needs", "count", Better::neither, false},
    {"record_views", "record views", "count", Better::neither, false},
    {"record_view_minutes", "time spent opening records", "minutes", Better::lower, false},
    {"record_views_per_resident_month", "record views per resident per month", "views_per_resident_month",
     Better::neither, false},
    {"share_encounters_opened", "encounters at which the place was opened", "share", Better::neither, false},
    {"share_encounters_held_new", "encounters at which the place held what the local record lacked", "share",
     Better::neither, false},
    {"share_views_with_new", "views that found what the local record lacked", "share", Better::neither, false},
    // Human failure modes (also by {document}).
    {"copies_never_sent", "copies never sent", "count", Better::lower, false},
    {"copies_misdirected", "copies misdirected", "count", Better::lower, false},
    {"copies_misdirected_lost", "copies misdirected and lost", "count", Better::lower, false},
    {"copies_forgotten", "copies forgotten in a staff queue", "count", Better::lower, false},
    {"chases", "chases by the recipient", "count", Better::lower, false},
    {"chases_obtained", "chases that obtained the document", "count", Better::neither, false},
    {"actions_needed", "copies needing action", "count", Better::neither, false},
    {"actions_on_time", "actions possible on time", "count", Better::higher, false},
    {"actions_late", "actions late", "count", Better::lower, false},
    {"actions_missed", "actions missed", "count", Better::lower, false},
    {"actions_pending", "actions pending at the horizon", "count", Better::neither, false},
    // Staff time.
    {"staff_minutes", "staff time", "minutes", Better::lower, false},
    {"staff_minutes_per_1000_copies", "staff time per 1,000 copies", "minutes_per_1000_copies", Better::lower,
     false},
    {"staff_queue", "tasks waiting for staff", "count", Better::lower, false},  // daily series {pool}
    // Systems and resilience (also the daily `backlog` series and the hourly `backlog_hourly` one).
    {"items_processed", "items processed", "count", Better::neither, false},
    {"items_diverted", "items diverted to another system", "count", Better::neither, false},
    {"backlog", "backlog", "count", Better::lower, false},
    {"backlog_hourly", "backlog (hourly)", "count", Better::lower, false},
    {"backlog_max", "largest backlog", "count", Better::lower, false},
    {"backlog_clear_time", "time to clear a backlog", "hours", Better::lower, false},
    {"backlogs_not_cleared", "backlogs not cleared", "count", Better::lower, false},
    {"downtime_hours", "downtime", "hours", Better::lower, false},
    {"copies_back_entered", "copies keyed in after downtime", "count", Better::lower, false},
};

}  // namespace

std::span<const MetricInfo> metric_catalogue() {
  return kCatalogue;
}

const MetricInfo* metric_info(std::string_view name) {
  const auto* it = std::find_if(std::begin(kCatalogue), std::end(kCatalogue),
                                [&](const MetricInfo& m) { return m.name == name; });
  return it == std::end(kCatalogue) ? nullptr : it;
}

std::string_view metric_unit(std::string_view name) {
  const MetricInfo* info = metric_info(name);
  return info ? info->unit : std::string_view();
}

std::vector<std::string> headline_metrics() {
  std::vector<std::string> names;
  for (const auto& m : kCatalogue)
    if (m.headline) names.emplace_back(m.name);
  return names;
}

}  // namespace recordflow
