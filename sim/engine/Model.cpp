#include "engine/Model.hpp"

#include <algorithm>
#include <stdexcept>

#include "scenario/Infrastructure.hpp"
#include "scenario/Routing.hpp"

namespace recordflow::engine {
namespace {

const Design& find_design(const Scenario& scenario) {
  for (const Design& d : scenario.designs)
    if (d.name == scenario.design) return d;
  if (scenario.design.empty() && scenario.designs.size() == 1) return scenario.designs.front();
  throw std::runtime_error("engine: design '" + scenario.design + "' is not in the scenario");
}

}  // namespace

Index OrgInfo::pool(const std::string& name) const {
  for (const auto& [pool_name, index] : pools)
    if (*pool_name == name) return index;
  return kNone;
}

Model::Model(const Scenario& scenario, int replication, EventSink& sink)
    : scenario_(scenario),
      design_(find_design(scenario)),
      sink_(sink),
      seed_(scenario.experiment.seed),
      replication_(replication),
      horizon_(scenario.experiment.horizon),
      agenda_(scenario.experiment.horizon),
      patient_root_(seed_, static_cast<std::uint64_t>(replication), "patient"),
      channel_root_(seed_, static_cast<std::uint64_t>(replication), "channel"),
      clinician_root_(seed_, static_cast<std::uint64_t>(replication), "clinician"),
      human_root_(seed_, static_cast<std::uint64_t>(replication), "human"),
      people_(scenario, replication) {
  index_scenario();
  routing_boundaries_ = routing_boundaries(design_);
  route_cache_.resize(routing_boundaries_.size() + 1);
  index_look_places();
  // Hosts change only at the instants of their profiles: the model never runs past one before SimGrid
  // has reported it.
  for (const SystemInfo& s : systems_)
    for (const AvailabilityChange& c : s.timeline.changes) lookahead_.add_sync_point(c.time);
  lookahead_.seal();
  for (Index s = 0; s < systems_.size(); ++s)
    for (std::size_t w = 0; w < systems_[s].timeline.silent.size(); ++w)
      agenda_.push(systems_[s].timeline.silent[w].detect, TieClass::release, EventKind::silent_release, s, w);
  for (Index p = 0; p < pools_.size(); ++p)
    for (const StaffShift& shift : pools_[p].pool->schedule)
      if (shift.from > 0)
        agenda_.push(shift.from, TieClass::availability, EventKind::pool_resize, p,
                     static_cast<std::uint64_t>(shift.count));
  if (scenario_.pathways.size() > 255) throw std::runtime_error("engine: at most 255 pathways");
  for (Index p = 0; p < scenario_.pathways.size(); ++p) schedule_next_arrival(p, 0.0);
  run_pre_history();
}

void Model::index_scenario() {
  const auto rep = static_cast<std::uint64_t>(replication_);
  for (const auto& [name, dt] : scenario_.document_types) {
    document_by_name_[name] = static_cast<Index>(document_names_.size());
    document_names_.push_back(&name);
    document_versioned_.push_back(dt.versioned);
    document_types_.push_back(&dt);
  }
  auto document_index = [this](const std::string& name) {
    auto it = document_by_name_.find(name);
    return it == document_by_name_.end() ? kNone : it->second;
  };
  for (const Pathway& pathway : scenario_.pathways) {
    auto& states = state_documents_.emplace_back();
    for (const State& state : pathway.states) {
      StateDocuments& docs = states.emplace_back();
      for (const DocumentCreation& cr : state.creates) docs.creates.push_back(document_index(cr.document));
      for (const Need& need : state.needs) docs.needs.push_back(document_index(need.document));
    }
  }
  for (const auto& [name, sys] : scenario_.systems) {
    SystemInfo info;
    info.system = &sys;
    info.name = &name;
    auto ap = scenario_.access_profiles.find(sys.access_profile);
    info.access = ap == scenario_.access_profiles.end() ? nullptr : &ap->second;
    info.name_hash = stable_hash(name);
    info.capacity = sys.capacity_per_hour.value_or(0.0);
    info.in_service.assign(static_cast<std::size_t>(info.capacity > 0 ? sys.servers : 0), kNone);
    info.activities.assign(info.in_service.size(), 0);
    std::vector<Incident> hosting;
    std::vector<std::string> zones;
    for (const InfrastructureIncident& i : hosting_incidents(scenario_.infrastructure, name)) {
      hosting.push_back(i.incident);
      zones.push_back(i.zone);
    }
    info.timeline = build_timeline(sys, horizon_, RandomStream(seed_, rep, "system/" + name + "/failures"),
                                   hosting, zones);
    info.withheld.resize(info.timeline.silent.size());
    system_by_name_[name] = static_cast<Index>(systems_.size());
    systems_.push_back(std::move(info));
  }
  index_channels();
  index_organisations();
  index_pathways();
}

void Model::index_channels() {
  for (const auto& [name, ch] : scenario_.channels) {
    ChannelInfo info;
    info.channel = &ch;
    info.name = &name;
    info.query = ch.is_query();
    info.shared = ch.is_shared_store();
    for (const Step& step : ch.steps) {
      if (!step.access.empty()) {
        auto ap = scenario_.access_profiles.find(step.access);
        if (ap != scenario_.access_profiles.end()) info.access = &ap->second;
      }
      ResolvedStep rs;
      rs.step = &step;
      std::string sys = step.system;
      if (step.kind == StepKind::publish) sys = step.into.empty() ? "@destination" : step.into;
      if (step.kind == StepKind::shared_store && sys.empty()) sys = "@source";
      if (sys == "@source")
        rs.system = -1;
      else if (sys == "@destination")
        rs.system = -2;
      else if (!sys.empty())
        rs.system = static_cast<int>(system_index(sys));
      for (const std::string& p : step.path) rs.path.push_back(system_index(p));
      if (step.kind == StepKind::staff_task)
        rs.resource = &step.pool;
      else if (step.kind == StepKind::transit)
        rs.resource = &step.mode;
      else if (rs.system >= 0)
        rs.resource = systems_[static_cast<Index>(rs.system)].name;
      info.steps.push_back(std::move(rs));
    }
    channel_by_name_[name] = static_cast<Index>(channels_.size());
    channels_.push_back(std::move(info));
  }
}

void Model::index_organisations() {
  const auto rep = static_cast<std::uint64_t>(replication_);
  for (const Organisation& org : scenario_.organisations) {
    OrgInfo info;
    info.org = &org;
    info.system = system_index(org.system);
    auto cal = scenario_.calendars.find(org.calendar);
    info.calendar = cal == scenario_.calendars.end() ? nullptr : &cal->second;
    const auto org_index = static_cast<Index>(orgs_.size());
    for (const StaffPool& sp : org.staff) {
      PoolInfo pool;
      pool.pool = &sp;
      pool.org = org_index;
      auto pc = scenario_.calendars.find(sp.calendar);
      pool.calendar = pc == scenario_.calendars.end() ? nullptr : &pc->second;
      pool.queue_name = org.name + "/" + sp.name;
      pool.staff = std::max(1, sp.count);
      if (!sp.schedule.empty() && sp.schedule.front().from <= 0) pool.staff = sp.schedule.front().count;
      pool.free = pool.staff;
      info.pools.emplace_back(&sp.name, static_cast<Index>(pools_.size()));
      pools_.push_back(std::move(pool));
      if (sp.named) index_named_people(static_cast<Index>(pools_.size() - 1));
    }
    if (!org.downtime_channel.empty()) {
      auto it = channel_by_name_.find(org.downtime_channel);
      if (it == channel_by_name_.end())
        throw std::runtime_error("engine: unknown downtime channel '" + org.downtime_channel + "'");
      info.downtime_channel = it->second;
    }
    if (org.back_entry) info.back_entry_pool = info.pool(org.back_entry->pool);
    for (const Chase& chase : org.chasing) {
      auto doc = document_by_name_.find(chase.document);
      const Index pool = info.pool(chase.pool);
      if (doc == document_by_name_.end() || pool == kNone)
        throw std::runtime_error("engine: organisation '" + org.name +
                                 "' chases an unknown document or pool");
      info.chasing.push_back(OrgInfo::ChaseRule{doc->second, pool, &chase});
    }
    info.back_entry_rng = RandomStream(seed_, rep, "org/" + org.name + "/back_entry");
    orgs_.push_back(std::move(info));
  }
}

void Model::index_pathways() {
  const auto rep = static_cast<std::uint64_t>(replication_);
  for (const Pathway& p : scenario_.pathways) {
    arrival_streams_.emplace_back(seed_, rep, "arrivals/" + p.name);
    arrival_counts_.push_back(0);
    const bool flat_week =
        std::all_of(p.weekly_profile.begin(), p.weekly_profile.end(), [](double w) { return w <= 0; });
    const bool flat_day =
        std::all_of(p.daily_profile.begin(), p.daily_profile.end(), [](double w) { return w <= 0; });
    const double wmax = flat_week ? 1.0 : *std::max_element(p.weekly_profile.begin(), p.weekly_profile.end());
    const double dmax = flat_day ? 1.0 : *std::max_element(p.daily_profile.begin(), p.daily_profile.end());
    ArrivalProfile profile;  // a flat (all-zero) profile counts as all ones
    for (std::size_t d = 0; d < 7; ++d) profile.weekly[d] = flat_week ? 1.0 : p.weekly_profile[d];
    for (std::size_t h = 0; h < 24; ++h) profile.daily[h] = flat_day ? 1.0 : p.daily_profile[h];
    profile.scale = wmax * dmax;
    arrival_profiles_.push_back(profile);
    const double rate = people_.persist()
                            ? people_.arrival_rate(arrival_max_rate_.size())
                            : static_cast<double>(scenario_.population) / 1000.0 * p.rate_per_1000_per_hour;
    arrival_max_rate_.push_back(rate * wmax * dmax);
  }
}

Index Model::system_index(const std::string& name) const {
  auto it = system_by_name_.find(name);
  if (it == system_by_name_.end()) throw std::runtime_error("engine: unknown system '" + name + "'");
  return it->second;
}

Index Model::find_system(const std::string& name) const {
  auto it = system_by_name_.find(name);
  return it == system_by_name_.end() ? kNone : it->second;
}

Index Model::resolve_system(const ResolvedStep& step, const Copy& copy) const {
  if (step.system >= 0) return static_cast<Index>(step.system);
  if (step.system == -1) return orgs_[copy.source].system;
  if (step.system == -2) return orgs_[copy.destination].system;
  return kNone;
}

Hours Model::next_time() {
  if (agenda_.empty() || agenda_.top().time >= horizon_) return Calendar::kNever;
  return agenda_.top().time;
}

void Model::run_through(Hours limit) {
  while (!agenda_.empty() && agenda_.top().time <= limit && agenda_.top().time < horizon_ &&
         lookahead_.may_run(agenda_.top().time)) {
    if (agenda_.top().time >= next_audit_) {  // every copy counted at the end of the day before
      audit_copies(next_audit_);
      next_audit_ += kHoursPerDay;
      continue;
    }
    const Event e = agenda_.pop();
    const Hours t = e.time;
    ++counters_.logical_events;
    switch (e.kind) {
      case EventKind::system_change:
        on_system_change(e.a, static_cast<std::size_t>(e.b), t);
        break;
      case EventKind::silent_release:
        on_silent_release(e.a, static_cast<std::size_t>(e.b), t);
        break;
      case EventKind::arrival:
        on_arrival(e.a, t);
        break;
      case EventKind::encounter_start:
      case EventKind::encounter_end:
      case EventKind::create_document:
        on_journey_event(e.kind, e.a, t);
        break;
      case EventKind::step_resume:
        on_step_resume(e.a, t);
        break;
      case EventKind::staff_done:
        on_staff_done(e.a, static_cast<Index>(e.b), t);
        break;
      case EventKind::pool_open:
        pools_[e.a].open_pending = false;
        start_tasks(e.a, t);
        break;
      case EventKind::pool_resize:
        resize_pool(e.a, static_cast<int>(e.b), t);
        break;
      case EventKind::system_done:
        on_system_done(e.a, static_cast<Index>(e.b >> 1), (e.b & 1) != 0, t);
        break;
      case EventKind::batch_run:
        on_batch_run(e.a, t);
        break;
      case EventKind::retry:
        arrive_at_system(e.a, copies_[e.a].waiting_system, t);
        break;
      case EventKind::chase_due:
        on_chase_due(e.a, t);
        break;
      case EventKind::task_forget:
        forget_task(e.a, static_cast<std::uint16_t>(e.b), t);
        break;
      case EventKind::absence:
        on_absence(e.a, static_cast<Index>(e.b >> 1), (e.b & 1) != 0, t);
        break;
    }
  }
}

void Model::on_host_change(Index system, bool up, double share, Hours t) {
  SystemInfo& s = systems_[system];
  t = lookahead_.snap(t);
  if (s.pending_change != kNone && host_changes_[s.pending_change].time == t) {
    host_changes_[s.pending_change].up = up;  // a state and a speed change at one instant
    host_changes_[s.pending_change].share = share;
    return;
  }
  s.pending_change = static_cast<Index>(host_changes_.size());
  host_changes_.push_back(HostChange{up, share, t});
  agenda_.push(t, TieClass::availability, EventKind::system_change, system, s.pending_change);
}

void Model::on_service_end(Index system, Index server, bool failed, Hours t) {
  agenda_.push(t, TieClass::work, EventKind::system_done, system,
               (std::uint64_t{server} << 1) | (failed ? 1 : 0));
}

void Model::on_system_change(Index system, std::size_t change, Hours t) {
  SystemInfo& s = systems_[system];
  const HostChange& c = host_changes_[change];
  if (s.pending_change == change) s.pending_change = kNone;
  if (c.up == s.up && c.share == s.share) return;  // SimGrid reported what the model already knows
  const bool was_up = s.up;
  s.up = c.up;
  s.share = c.share;
  SystemState state{s.name, s.up, s.share, t};
  if (!s.up && was_up) {
    if (const AvailabilityChange* cause = s.timeline.down_change_at(t)) {
      state.cause = cause->cause;
      if (!cause->incident.empty()) state.incident = &cause->incident;
      if (!cause->zone.empty()) state.zone = &cause->zone;
    }
  }
  sink_.on(state);
  if (s.up && !was_up) on_system_up(system, t);
  if (s.up) serve_next(system, t);  // a capacity change takes effect with the next item
}

void Model::on_system_up(Index system, Hours t) {
  SystemInfo& s = systems_[system];
  std::vector<Index> sources;
  sources.swap(s.waiting_sources);
  for (Index c : sources) {
    Copy& copy = copies_[c];
    copy.waiting_system = kNone;
    if (channels_[copy.channel].shared) {
      make_available(c, system, t);
    } else {
      advance(c, t);
    }
  }
  if (s.capacity <= 0 && !s.queue.empty()) {
    std::deque<Index> drained;
    drained.swap(s.queue);
    emit_queue(s, t);
    for (Index c : drained) pass_system(c, system, t);
  }
  std::vector<Index> entries;
  entries.swap(s.back_entries);
  for (Index o : entries) {
    OrgInfo& org = orgs_[o];
    if (org.back_entry_pool == kNone) continue;
    Task task;
    task.back_entry = true;
    task.ref = o;
    task.duration = org.org->back_entry->duration.sample(org.back_entry_rng);
    task.priority = org.org->back_entry->priority;
    enqueue_task(org.back_entry_pool, task, t);
  }
}

void Model::on_silent_release(Index system, std::size_t window, Hours t) {
  std::vector<Index> held;
  held.swap(systems_[system].withheld[window]);
  for (Index c : held) {
    Copy& copy = copies_[c];
    copy.waiting_system = kNone;
    ++copy.step;
    advance(c, t);
  }
}

void Model::emit_queue(const SystemInfo& s, Hours t) {
  sink_.on(QueueLength{s.name, true, s.queue.size(), t});
}

void Model::emit_queue(const PoolInfo& p, Hours t) {
  sink_.on(QueueLength{&p.queue_name, false, p.queued, t});
}

}  // namespace recordflow::engine
