// Channels: the pipeline of one copy, step by step (DESIGN.md "Channels"). Each step draws its numbers
// from the copy's own stream in a fixed order (one draw per parameter, used or not), so a copy's fate
// depends only on its channel and the state of the systems and pools it meets.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/Model.hpp"

namespace recordflow::engine {
namespace {

// The activity name of a step in the event log: the task of a staff task, else the step's kind.
const char* step_activity(const Step& step) {
  if (step.kind == StepKind::staff_task && !step.task.empty()) return step.task.c_str();
  return to_string(step.kind);
}

// The first run of the feed at or after t (runs at offset + k * every).
Hours next_batch_run(const Step& step, Hours t) {
  const Hours every = step.batch_every > 0 ? step.batch_every : kHoursPerDay;
  const double k = std::ceil((t - step.batch_offset) / every - 1e-9);
  return std::max(t, step.batch_offset + k * every);
}

}  // namespace

// A staff task draws (abandon, duration); a transit (loss, latency, misdirection, its extra delay); other
// steps draw nothing here. Always every draw, in this order, used or not.
StepDraw draw_step(const Step& step, RandomStream& rng) {
  StepDraw d;
  if (step.kind == StepKind::staff_task) {
    const double u = rng.uniform01();
    d.time = std::max(0.0, step.duration.sample(rng));
    if (u < step.abandon_probability) d.lost = "abandoned";
  } else if (step.kind == StepKind::transit) {
    const double u_loss = rng.uniform01();
    const Hours latency = step.latency.sample(rng);
    const double u_misdirected = rng.uniform01();
    const Hours extra = step.misdirection_delay.sample(rng);
    // Misdirected: never returned (lost) for the first `misdirection_lost_share` of the misdirected draws,
    // else returned and re-sent after the extra delay. One draw decides both.
    // A copy lost in transit is not misdirected as well.
    d.misdirected = !(u_loss < step.loss_probability) && u_misdirected < step.misdirection_probability;
    if (u_loss < step.loss_probability)
      d.lost = "transit_loss";
    else if (d.misdirected && u_misdirected < step.misdirection_probability * step.misdirection_lost_share)
      d.lost = "misdirected";
    d.time = std::max(0.0, latency) + (d.misdirected ? extra : 0.0);
  }
  return d;
}

void Model::start_pipeline(Index copy, Hours t) {
  Copy& c = copies_[copy];
  const ChannelInfo& ch = channels_[c.channel];
  if (ch.query) {
    move(copy, CopyState::query);
    c.place = resolve_system(ch.steps.front(), c);
    return;
  }
  if (ch.shared) {
    const Index system = resolve_system(ch.steps.front(), c);
    c.place = system;
    if (systems_[system].up) {
      make_available(copy, system, t);
    } else {
      move(copy, CopyState::waiting_source);
      c.waiting_system = system;
      systems_[system].waiting_sources.push_back(copy);
    }
    return;
  }
  const Index source_system = orgs_[c.source].system;
  if (!systems_[source_system].up && orgs_[c.source].downtime_channel == kNone) {
    // No downtime procedure: the document waits in the source system until it is back.
    move(copy, CopyState::waiting_source);
    c.waiting_system = source_system;
    systems_[source_system].waiting_sources.push_back(copy);
    return;
  }
  advance(copy, t);
}

void Model::advance(Index copy, Hours t) {
  while (true) {
    Copy& c = copies_[copy];
    const ChannelInfo& ch = channels_[c.channel];
    if (c.step >= ch.steps.size()) {  // a channel without publish ends in the destination's record
      make_available(copy, orgs_[c.destination].system, t);
      return;
    }
    const ResolvedStep& rs = ch.steps[c.step];
    const Step& step = *rs.step;
    c.step_start = t;
    switch (step.kind) {
      case StepKind::publish: {
        step_done(c, rs, c.destination, t, t);
        make_available(copy, resolve_system(rs, c), t);
        return;
      }
      case StepKind::staff_task: {
        const Index org = step.at == Side::source ? c.source : c.destination;
        const StepDraw d = draw_step(step, stream_of(c));
        if (d.lost != nullptr) {
          lose(copy, d.lost, t);
          return;
        }
        const Index pool = orgs_[org].pool(step.pool);
        if (pool == kNone)
          throw std::runtime_error("engine: organisation '" + orgs_[org].org->name + "' has no staff pool '" +
                                   step.pool + "'");
        move(copy, CopyState::staff_waiting);
        // Only steps that can forget draw (other channels' streams are unchanged by the option).
        if (step.forget_probability > 0 && stream_of(c).uniform01() < step.forget_probability)
          agenda_.push(t + step.forget_after, TieClass::work, EventKind::task_forget, copy, c.step);
        Task task;
        task.priority = step.priority;
        task.ref = copy;
        task.duration = d.time;
        enqueue_task(pool, task, t);
        return;
      }
      case StepKind::transit: {
        const StepDraw d = draw_step(step, stream_of(c));
        if (d.lost != nullptr) {
          if (d.misdirected) sink_.on(CopyHandled{c.id, Handling::misdirected_lost, t});
          lose(copy, d.lost, t);
          return;
        }
        if (d.misdirected) sink_.on(CopyHandled{c.id, Handling::misdirected, t});
        move(copy, CopyState::in_transfer);
        agenda_.push(t + d.time, TieClass::work, EventKind::step_resume, copy);
        return;
      }
      case StepKind::system: {
        c.attempts = 0;
        arrive_at_system(copy, resolve_system(rs, c), t);
        return;
      }
      case StepKind::batch: {
        move(copy, CopyState::batch_wait);
        c.waiting_system = resolve_system(rs, c);
        agenda_.push(next_batch_run(step, t), TieClass::work, EventKind::batch_run, copy);
        return;
      }
      case StepKind::query:
      case StepKind::shared_store:
        ++c.step;  // only meaningful as the whole channel
        continue;
    }
  }
}

void Model::on_step_resume(Index copy, Hours t) {
  Copy& c = copies_[copy];
  const ResolvedStep& rs = channels_[c.channel].steps[c.step];
  step_done(c, rs, c.source, c.step_start, t);
  if (rs.step->paper) c.paper = true;
  ++c.step;
  advance(copy, t);
}

void Model::arrive_at_system(Index copy, Index system, Hours t) {
  Copy& c = copies_[copy];
  const Step& step = *channels_[c.channel].steps[c.step].step;
  if (!step.divert_to.empty()) {
    const SystemInfo& here = systems_[system];
    const bool cannot_start =
        !here.up || (here.capacity > 0 && std::find(here.in_service.begin(), here.in_service.end(), kNone) ==
                                              here.in_service.end());
    const Index alternative = system_index(step.divert_to);
    if (alternative != system && cannot_start &&
        here.queue.size() >= static_cast<std::size_t>(std::max(0, step.divert_when_waiting))) {
      sink_.on(ItemDiverted{here.name, systems_[alternative].name, t});
      system = alternative;
    }
  }
  SystemInfo& s = systems_[system];
  c.waiting_system = system;
  if (!s.up) {
    if (step.fail_when_down) {
      if (c.attempts >= step.retry_attempts) {
        lose(copy, "retries_exhausted", t);
        return;
      }
      ++c.attempts;
      move(copy, CopyState::retry_wait);
      agenda_.push(t + std::max(0.0, step.retry_interval), TieClass::work, EventKind::retry, copy);
      return;
    }
    move(copy, CopyState::system_queue);
    queue_at_system(s, copy);
    emit_queue(s, t);
    return;
  }
  if (s.capacity > 0) {
    move(copy, CopyState::system_queue);
    queue_at_system(s, copy);
    emit_queue(s, t);
    serve_next(system, t);
    return;
  }
  pass_system(copy, system, t);
}

// Waiting items are ordered by their step's priority (lower first), in turn within a priority: the new
// item goes behind every item of its priority or a lower one (with every priority 0: at the back).
void Model::queue_at_system(SystemInfo& s, Index copy) {
  auto priority = [this](Index c) {
    const Copy& q = copies_[c];
    return channels_[q.channel].steps[q.step].step->priority;
  };
  const int p = priority(copy);
  auto it = s.queue.end();
  while (it != s.queue.begin() && priority(*std::prev(it)) > p) --it;
  s.queue.insert(it, copy);
}

void Model::pass_system(Index copy, Index system, Hours t) {
  Copy& c = copies_[copy];
  SystemInfo& s = systems_[system];
  sink_.on(ItemProcessed{s.name, t});
  step_done(c, channels_[c.channel].steps[c.step], c.source, c.step_start, t);
  c.waiting_system = kNone;
  for (std::size_t w = 0; w < s.timeline.silent.size(); ++w) {
    const SilentWindow& win = s.timeline.silent[w];
    if (win.start <= t && t < win.detect) {
      if (stream_of(c).uniform01() < win.share) {
        move(copy, CopyState::withheld);
        s.withheld[w].push_back(copy);
        return;
      }
      break;
    }
  }
  ++c.step;
  advance(copy, t);
}

void Model::serve_next(Index system, Hours t) {
  SystemInfo& s = systems_[system];
  if (!s.up || s.capacity <= 0) return;
  // Every idle server takes the next item, lowest server first.
  for (Index server = 0; server < s.in_service.size() && !s.queue.empty(); ++server) {
    if (s.in_service[server] != kNone) continue;
    const Index copy = s.queue.front();
    s.queue.pop_front();
    emit_queue(s, t);
    move(copy, CopyState::system_service);
    s.in_service[server] = copy;
    s.service_order.push_back(server);
    // SimGrid runs the work on one core; at full speed it takes 1 / capacity hours, and never less.
    s.activities[server] = lookahead_.start_activity(t + 1.0 / s.capacity);
    service_requests_.push_back(ServiceRequest{system, server, t});
  }
}

void Model::on_system_done(Index system, Index server, bool failed, Hours t) {
  SystemInfo& s = systems_[system];
  if (s.in_service[server] == kNone) return;  // a failure whose item went back with an earlier one
  if (failed) {
    // The host failed under its items: all their work is lost, and they go back to the head of the
    // queue in the order they had started (SimGrid fails every execution on a host that goes down).
    for (auto it = s.service_order.rbegin(); it != s.service_order.rend(); ++it) {
      const Index copy = s.in_service[*it];
      lookahead_.end_activity(s.activities[*it]);
      s.in_service[*it] = kNone;
      move(copy, CopyState::system_queue);
      s.queue.push_front(copy);
    }
    s.service_order.clear();
    emit_queue(s, t);
    return;
  }
  const Index copy = s.in_service[server];
  s.in_service[server] = kNone;
  std::erase(s.service_order, server);
  lookahead_.end_activity(s.activities[server]);
  pass_system(copy, system, t);
  serve_next(system, t);
}

void Model::on_batch_run(Index copy, Hours t) {
  Copy& c = copies_[copy];
  const ResolvedStep& rs = channels_[c.channel].steps[c.step];
  if (c.waiting_system != kNone && !systems_[c.waiting_system].up) {
    const Hours every = rs.step->batch_every > 0 ? rs.step->batch_every : kHoursPerDay;
    agenda_.push(t + every, TieClass::work, EventKind::batch_run, copy);
    return;
  }
  step_done(c, rs, c.source, c.step_start, t);
  c.waiting_system = kNone;
  ++c.step;
  advance(copy, t);
}

void Model::move(Index copy, CopyState to) {
  Copy& c = copies_[copy];
  copy_states_.move(c.state, to);
  if (to == CopyState::available || to == CopyState::lost || to == CopyState::query)
    copy_streams_.release(c.stream);
}

void Model::make_available(Index copy, Index place, Hours t) {
  Copy& c = copies_[copy];
  move(copy, CopyState::available);
  ++counters_.copies_available;
  c.place = place;
  c.paper = false;
  c.waiting_system = kNone;
  sink_.on(CopyAvailable{c.id, t});
  resolve_action(copy, t);
}

void Model::lose(Index copy, const char* reason, Hours t) {
  Copy& c = copies_[copy];
  move(copy, CopyState::lost);
  ++counters_.copies_lost;
  c.waiting_system = kNone;
  sink_.on(CopyLost{c.id, reason, t});
}

void Model::step_done(const Copy& c, const ResolvedStep& rs, Index org, Hours start, Hours end) {
  const std::string* resource = rs.resource;
  if (resource == nullptr) {
    const Index system = resolve_system(rs, c);
    if (system != kNone) resource = systems_[system].name;
  }
  sink_.on(StepDone{c.id, step_activity(*rs.step), resource, orgs_[org].org, start, end});
}

}  // namespace recordflow::engine
