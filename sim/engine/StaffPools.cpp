// StaffPools: a finite pool of c people at one organisation, working to its calendar (c may change over
// time by the pool's schedule). Work waits for a shift; a task started before the shift ends is finished;
// lower priority numbers go first, FIFO within a priority. A task is a copy's staff_task step, the
// back-entry of a downtime paper record, or a recipient chasing a copy that has not arrived (the copy
// itself stays where it is).
// A named pool (LANGUAGE.md, "Staff pools") has one queue per person: a copy's task waits for the person
// responsible for its patient's episode (drawn once per episode), other tasks for a person in turn; each
// person may be away (absences), finishing the task in hand first. A copy still waiting `forget_after`
// its queueing may be forgotten: taken out of the queue and lost.
#include <algorithm>
#include <stdexcept>

#include "engine/Model.hpp"

namespace recordflow::engine {
namespace {

// std heap is a max-heap: "less" means "runs later".
bool runs_later(const Task& x, const Task& y) {
  if (x.priority != y.priority) return x.priority > y.priority;
  return x.sequence > y.sequence;
}

void push(std::vector<Task>& heap, const Task& task) {
  heap.push_back(task);
  std::push_heap(heap.begin(), heap.end(), runs_later);
}

Task pop(std::vector<Task>& heap) {
  std::pop_heap(heap.begin(), heap.end(), runs_later);
  const Task task = heap.back();
  heap.pop_back();
  return task;
}

// Removes the waiting task of `copy` from `heap`; false when it is not there.
bool remove_copy_task(std::vector<Task>& heap, Index copy) {
  auto it = std::find_if(heap.begin(), heap.end(),
                         [copy](const Task& task) { return task.holds_copy() && task.ref == copy; });
  if (it == heap.end()) return false;
  heap.erase(it);
  std::make_heap(heap.begin(), heap.end(), runs_later);
  return true;
}

std::uint64_t absence_event(Index person, bool back) {
  return static_cast<std::uint64_t>(person) * 2 + (back ? 1 : 0);
}

}  // namespace

void Model::index_named_people(Index pool) {
  PoolInfo& p = pools_[pool];
  const StaffPool& sp = *p.pool;
  if (!sp.schedule.empty())
    throw std::runtime_error("engine: named pool '" + p.queue_name + "' has a schedule");
  p.people.resize(static_cast<std::size_t>(std::max(1, sp.count)));
  p.running.resize(p.people.size());
  const RandomStream root =
      RandomStream(seed_, static_cast<std::uint64_t>(replication_), "staff_absence").substream(p.queue_name);
  for (Index person = 0; person < p.people.size(); ++person) {
    p.people[person].absences = root.substream(person);
    if (sp.absence)
      agenda_.push(std::max(0.0, sp.absence->time_between.sample(p.people[person].absences)),
                   TieClass::availability, EventKind::absence, pool, absence_event(person, false));
  }
}

Index Model::named_person(const PoolInfo& p, const Task& task) const {
  if (!task.holds_copy()) return static_cast<Index>(task.sequence % p.people.size());
  const std::uint64_t episode = patients_[copies_[task.ref].patient].id;
  return static_cast<Index>(RandomStream(seed_, static_cast<std::uint64_t>(replication_), "named_staff")
                                .substream(episode)
                                .below(p.people.size()));
}

void Model::enqueue_task(Index pool, Task task, Hours t) {
  PoolInfo& p = pools_[pool];
  task.sequence = task_sequence_++;
  task.queued = t;
  ++p.queued;
  if (p.named()) {
    task.member = named_person(p, task);
    push(p.people[task.member].waiting, task);
    emit_queue(p, t);
    if (start_person(pool, task.member, t)) emit_queue(p, t);
    return;
  }
  push(p.waiting, task);
  emit_queue(p, t);
  start_tasks(pool, t);
}

// True when the pool's shift is closed at t; then its next opening is on the agenda.
bool Model::pool_closed(PoolInfo& p, Index pool, Hours t) {
  if (p.calendar == nullptr || p.calendar->is_open(t)) return false;
  if (!p.open_pending) {
    const Hours open = p.calendar->next_open(t);
    if (open < horizon_) {
      p.open_pending = true;
      agenda_.push(open, TieClass::work, EventKind::pool_open, pool);
    }
  }
  return true;
}

void Model::start_task(PoolInfo& p, Index pool, Index slot, const Task& task, Hours t) {
  --p.queued;
  if (task.holds_copy()) move(task.ref, CopyState::staff_service);
  p.running[slot] = task;
  agenda_.push(t + task.duration, TieClass::work, EventKind::staff_done, pool, slot);
}

void Model::start_tasks(Index pool, Hours t) {
  PoolInfo& p = pools_[pool];
  bool started = false;
  if (p.named()) {
    for (Index person = 0; person < p.people.size(); ++person) started |= start_person(pool, person, t);
  } else {
    while (p.free > 0 && !p.waiting.empty() && !pool_closed(p, pool, t)) {
      const Task task = pop(p.waiting);
      --p.free;
      Index slot;
      if (!p.free_slots.empty()) {
        slot = p.free_slots.back();
        p.free_slots.pop_back();
      } else {
        slot = static_cast<Index>(p.running.size());
        p.running.emplace_back();
      }
      start_task(p, pool, slot, task, t);
      started = true;
    }
  }
  if (started) emit_queue(p, t);
}

// A named person takes their next task when present, free, and the shift is open. True if one started.
bool Model::start_person(Index pool, Index person, Hours t) {
  PoolInfo& p = pools_[pool];
  PoolInfo::Person& who = p.people[person];
  if (who.busy || who.away || who.waiting.empty() || pool_closed(p, pool, t)) return false;
  who.busy = true;
  start_task(p, pool, person, pop(who.waiting), t);
  return true;
}

// A schedule change: new people start taking work at once; removed people finish the task in hand
// first (free goes negative until they have), and which of the busy people leaves does not matter.
void Model::resize_pool(Index pool, int staff, Hours t) {
  PoolInfo& p = pools_[pool];
  p.free += staff - p.staff;
  p.staff = staff;
  start_tasks(pool, t);
}

// A named person leaves (finishing the task in hand: they take no new one) or comes back.
void Model::on_absence(Index pool, Index person, bool back, Hours t) {
  PoolInfo& p = pools_[pool];
  PoolInfo::Person& who = p.people[person];
  const StaffAbsence& absence = *p.pool->absence;
  if (!back) {
    who.away = true;
    agenda_.push(t + std::max(0.0, absence.duration.sample(who.absences)), TieClass::availability,
                 EventKind::absence, pool, absence_event(person, true));
    return;
  }
  who.away = false;
  agenda_.push(t + std::max(0.0, absence.time_between.sample(who.absences)), TieClass::availability,
               EventKind::absence, pool, absence_event(person, false));
  if (start_person(pool, person, t)) emit_queue(p, t);
}

// The forget decision made when the copy queued at `step` falls due: forgotten if it still waits there.
void Model::forget_task(Index copy, std::uint16_t step, Hours t) {
  Copy& c = copies_[copy];
  if (c.state != CopyState::staff_waiting || c.step != step) return;
  const Step& s = *channels_[c.channel].steps[c.step].step;
  const Index pool = orgs_[s.at == Side::source ? c.source : c.destination].pool(s.pool);
  PoolInfo& p = pools_[pool];
  bool removed = false;
  if (p.named()) {
    for (PoolInfo::Person& who : p.people) removed = removed || remove_copy_task(who.waiting, copy);
  } else {
    removed = remove_copy_task(p.waiting, copy);
  }
  if (!removed) throw std::logic_error("engine: a waiting copy is not in its pool's queue");
  --p.queued;
  sink_.on(CopyHandled{c.id, Handling::forgotten, t});
  lose(copy, "forgotten", t);
  emit_queue(p, t);
}

void Model::on_staff_done(Index pool, Index slot, Hours t) {
  PoolInfo& p = pools_[pool];
  const Task task = p.running[slot];
  if (p.named()) {
    p.people[slot].busy = false;
  } else {
    p.free_slots.push_back(slot);
    ++p.free;
  }
  const Organisation* org = orgs_[p.org].org;
  if (task.back_entry) {
    sink_.on(StaffWork{org, "back_entry", task.duration * 60.0, t});
    sink_.on(BackEntered{org, t});
  } else if (task.chase) {
    on_chase_done(task, p.org, t);
  } else {
    Copy& c = copies_[task.ref];
    const ResolvedStep& rs = channels_[c.channel].steps[c.step];
    sink_.on(StaffWork{org, rs.step->task.empty() ? "staff_task" : rs.step->task.c_str(),
                       task.duration * 60.0, t});
    step_done(c, rs, p.org, task.queued, t);
    ++c.step;
    advance(task.ref, t);
  }
  if (!p.named())
    start_tasks(pool, t);
  else if (start_person(pool, slot, t))
    emit_queue(p, t);
}

}  // namespace recordflow::engine
