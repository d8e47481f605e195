// HumanFailures: the failures people make with documents (DESIGN.md "human failure modes"): a document
// written but never sent, the recipient chasing what has not arrived, and documents that need action by
// the recipient (on time, late or missed). Misdirection belongs to the transit step (Channels.cpp). Every
// draw here comes from the stream `human` -> (patient id) -> (creation number x 16 + 15) for a document,
// or (creation number x 16 + destination index) for a copy, so all designs of a replication share them.
#include <algorithm>

#include "engine/Model.hpp"

namespace recordflow::engine {

const OrgInfo::ChaseRule* OrgInfo::chase_rule(Index document) const {
  for (const ChaseRule& rule : chasing)
    if (rule.document == document) return &rule;
  return nullptr;
}

// One draw per document, and only when its type can go unsent from this type of organisation.
bool Model::never_sent(const PendingCreation& pc, Index document, std::uint64_t patient_id) const {
  const double p =
      document_types_[document]->never_sent[static_cast<std::size_t>(orgs_[pc.source].org->type)];
  if (!(p > 0)) return false;
  RandomStream rng = human_root_.substream(patient_id).substream(std::uint64_t{pc.sequence} * 16 + 15);
  return rng.uniform01() < p;
}

// A copy's draws, always in this order: needs action (u), chase staff time, chase success (u).
RandomStream Model::human_stream(const Copy& c) const {
  return human_root_.substream(patients_[c.patient].id).substream(c.human_key);
}

// Before its first step: whether the recipient must act on it, when the recipient will chase it, and
// whether it is never sent. Query and shared-store copies are never sent ahead, so neither unsent nor
// chased: the document is in the source's system, which the reader opens at the need.
void Model::prepare_copy(Index copy, const PendingCreation& pc, bool unsent, Hours t) {
  Copy& c = copies_[copy];
  const double action_share = document_types_[c.document]->action_share;
  if (action_share > 0 && human_stream(c).uniform01() < action_share) c.human |= kNeedsAction;
  const ChannelInfo& ch = channels_[c.channel];
  if (ch.query || ch.shared) return;
  if (const OrgInfo::ChaseRule* rule = orgs_[c.destination].chase_rule(c.document))
    agenda_.push(std::max(t, pc.event + rule->chase->after), TieClass::work, EventKind::chase_due, copy);
  if (unsent) {
    c.human |= kNeverSent;
    sink_.on(CopyHandled{c.id, Handling::never_sent, t});
    lose(copy, "never_sent", t);
  }
}

// Not arrived by now: a chase task for the recipient's pool (the copy stays where it is).
void Model::on_chase_due(Index copy, Hours t) {
  const Copy& c = copies_[copy];
  if (c.state == CopyState::available || (c.human & kObtained) != 0) return;
  const OrgInfo::ChaseRule* rule = orgs_[c.destination].chase_rule(c.document);
  RandomStream rng = human_stream(c);
  rng.uniform01();  // the action draw
  Task task;
  task.chase = true;
  task.ref = copy;
  task.duration = std::max(0.0, rule->chase->duration.sample(rng));
  enqueue_task(rule->pool, task, t);
}

// The chase ends: staff time, and with the rule's probability the information is obtained, unless the
// copy arrived while the chase waited for staff.
void Model::on_chase_done(const Task& task, Index org, Hours t) {
  Copy& c = copies_[task.ref];
  const OrgInfo::ChaseRule* rule = orgs_[org].chase_rule(c.document);
  RandomStream rng = human_stream(c);
  rng.uniform01();
  rule->chase->duration.sample(rng);
  const double u_success = rng.uniform01();
  sink_.on(StaffWork{orgs_[org].org, "chase", task.duration * 60.0, t});
  sink_.on(CopyHandled{c.id, Handling::chased, t});
  if (c.state == CopyState::available || (c.human & kObtained) != 0) return;
  if (!(u_success < rule->chase->success_probability)) return;
  c.human |= kObtained;
  sink_.on(CopyHandled{c.id, Handling::chase_obtained, t});
  resolve_action(task.ref, t);
}

// The first time a copy that needs action is at the destination (published, read, or obtained by a chase).
void Model::resolve_action(Index copy, Hours t) {
  Copy& c = copies_[copy];
  if ((c.human & (kNeedsAction | kActionResolved)) != kNeedsAction) return;
  c.human |= kActionResolved;
  const bool late = t - c.created > document_types_[c.document]->action_within + 1e-9;
  sink_.on(CopyHandled{c.id, late ? Handling::action_late : Handling::action_on_time, t});
}

void Model::report_action_at_horizon(const Copy& c) {
  if ((c.human & (kNeedsAction | kActionResolved)) != kNeedsAction) return;
  sink_.on(CopyHandled{c.id, c.state == CopyState::lost ? Handling::action_missed : Handling::action_pending,
                       horizon_});
}

}  // namespace recordflow::engine
