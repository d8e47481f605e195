// ChannelWalk: where one channel takes a document between one source and one destination organisation,
// read from its steps without simulating. The document starts in the source's record system; each
// system-bearing step (system, batch with a system, publish) it reaches from another system is an
// electronic hop; a post, courier or fax transit (or any transit with `paper`) and re-keying at the
// destination are manual crossings. A query channel links the destination's system through its `path`
// to the queried system; a shared-store channel links both organisations to the shared system.
// "@source" / "@destination" resolve to the record systems given. Pure function of its arguments.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenario/Scenario.hpp"

namespace recordflow {

struct ChannelWalk {
  std::vector<std::string> systems;  // systems the channel needs, in order of first use, each once
  std::vector<std::pair<std::string, std::string>> electronic;  // system -> system hops, in order
  int manual_crossings = 0;                   // hand-carried crossings between the two organisations
  std::vector<std::string> source_uses;       // systems the source uses for this channel besides its own
  std::vector<std::string> destination_uses;  // systems the destination reads from besides its own
  int hops() const { return static_cast<int>(electronic.size()) + manual_crossings; }
};

// True for a transit that moves a physical item or a fax between organisations.
bool is_manual_transit(const Step& step);

ChannelWalk walk_channel(const Channel& channel, const std::string& source_system,
                         const std::string& destination_system);

}  // namespace recordflow
