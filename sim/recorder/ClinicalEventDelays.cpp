#include "recorder/ClinicalEventDelays.hpp"

#include <algorithm>
#include <cstring>

#include "recorder/Quantiles.hpp"

namespace recordflow {
namespace {

bool leaves_source(const char* activity) {
  for (const char* kind : {"transit", "system", "batch", "query", "shared_store", "publish"})
    if (std::strcmp(activity, kind) == 0) return true;
  return false;
}

void add_sample(ReplicationResult& result, const char* prefix, const Dimensions& dims,
                const std::vector<double>& sorted) {
  if (sorted.empty()) return;
  const std::string name(prefix);
  result.add(name + "_mean", dims, mean_of(sorted));
  result.add(name + "_p50", dims, quantile_type7(sorted, 0.5));
  result.add(name + "_p90", dims, quantile_type7(sorted, 0.9));
}

}  // namespace

ClinicalEventDelays::ClinicalEventDelays(const Scenario& scenario) {
  for (const Pathway& pathway : scenario.pathways)
    for (const State& state : pathway.states)
      for (const DocumentCreation& creation : state.creates)
        documents_.intern(std::string_view{creation.document});
  per_document_.resize(documents_.size());
}

void ClinicalEventDelays::created(const CopyCreated& event) {
  const std::uint32_t document = documents_.intern(event.document);
  if (document >= per_document_.size()) per_document_.resize(document + 1);
  CopyTimes& times = copies_.emplace(event.copy_id);
  times.event = event.event_time >= 0 ? event.event_time : event.time;
  times.document = document;
  times.state = 1;
}

void ClinicalEventDelays::available(std::uint64_t copy_id, Hours time) {
  const CopyTimes* times = copies_.find(copy_id);
  if (times == nullptr || times->state == 0) return;
  per_document_[times->document].from_event.push_back(time - times->event);
}

void ClinicalEventDelays::step(const StepDone& event, Hours created) {
  CopyTimes* times = copies_.find(event.copy_id);
  if (times == nullptr || times->state != 1 || event.activity == nullptr || !leaves_source(event.activity))
    return;
  times->state = 2;
  per_document_[times->document].send.push_back(event.start - created);
}

void ClinicalEventDelays::report(ReplicationResult& result) {
  std::vector<double> all_from_event, all_send;
  for (std::uint32_t document = 0; document < per_document_.size(); ++document) {
    PerDocument& d = per_document_[document];
    std::sort(d.from_event.begin(), d.from_event.end());
    std::sort(d.send.begin(), d.send.end());
    const Dimensions dims{{"document", documents_.name(document)}};
    result.add("copies_sent", dims, static_cast<double>(d.send.size()));
    add_sample(result, "delay_from_event", dims, d.from_event);
    add_sample(result, "send_delay", dims, d.send);
    all_from_event.insert(all_from_event.end(), d.from_event.begin(), d.from_event.end());
    all_send.insert(all_send.end(), d.send.begin(), d.send.end());
  }
  std::sort(all_from_event.begin(), all_from_event.end());
  std::sort(all_send.begin(), all_send.end());
  result.add("copies_sent", {}, static_cast<double>(all_send.size()));
  add_sample(result, "delay_from_event", {}, all_from_event);
  add_sample(result, "send_delay", {}, all_send);
}

}  // namespace recordflow
