#include "scenario/PopulationValidator.hpp"

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "scenario/Composition.hpp"
#include "scenario/Quantities.hpp"
#include "scenario/Scenario.hpp"

namespace recordflow {
namespace {

using nlohmann::json;

const char* const kPeopleSection = "(LANGUAGE.md, People)";

// Keys any object may carry for readers; they are not band, type or organisation names.
bool prose(const std::string& key) {
  return key == "description" || key == "source" || key == "remarks";
}

bool object_at(const json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_object();
}

std::string quoted(const std::string& name) {
  return "'" + name + "'";
}

class PopulationChecker {
 public:
  PopulationChecker(const json& doc, ValidationReport& report) : doc_(doc), r_(report) {
    if (object_at(doc, "organisations"))
      for (const auto& [name, o] : doc["organisations"].items()) {
        if (!o.is_object()) continue;
        OrgEntry org;
        org.type = o.contains("type") && o["type"].is_string() ? o["type"].get<std::string>() : "";
        org.count =
            o.contains("count") && o["count"].is_number_integer() ? o["count"].get<std::int64_t>() : 1;
        organisations_[name] = org;
        if (!org.type.empty()) types_in_use_.insert(org.type);
      }
    const json population = doc.value("population", json());
    has_places_ = population.is_object();
    if (has_places_ && population.contains("age_bands") && population["age_bands"].is_array())
      for (const auto& band : population["age_bands"])
        if (band.is_string()) bands_.push_back(band.get<std::string>());
  }

  void run() {
    version();
    if (has_places_) places(doc_["population"]);
    if (!object_at(doc_, "pathways")) return;
    for (const auto& [name, pathway] : doc_["pathways"].items()) {
      if (!pathway.is_object()) continue;
      const std::string p = pointer_append("/pathways", name);
      if (object_at(pathway, "arrivals")) arrivals(pointer_append(p, "arrivals"), pathway["arrivals"]);
      if (object_at(pathway, "states"))
        for (const auto& [state, s] : pathway["states"].items())
          needs(pointer_append(pointer_append(p, "states"), state), s);
    }
  }

 private:
  struct OrgEntry {
    std::string type;
    std::int64_t count = 1;
  };

  // A population object and language version 2 go together.
  void version() {
    const json v = doc_.value("recordflow", json(1));
    const bool version2 = v.is_number_integer() && v.get<std::int64_t>() == 2;
    if (has_places_ && !version2)
      r_.add("/recordflow",
             "\"population\" declares people by place, which is language version 2: change \"recordflow\": " +
                 v.dump() + " to \"recordflow\": 2 " + kPeopleSection,
             "or give \"population\" as a number of people to keep version 1, where every arrival is a new "
             "person");
    if (version2 && doc_.contains("population") && doc_["population"].is_number())
      r_.add("/population",
             "language version 2 declares people by place: replace \"population\": " +
                 doc_["population"].dump() + " by {\"age_bands\": [...], \"places\": {...}} " +
                 kPeopleSection,
             "or write \"recordflow\": 1 to keep one new person per arrival");
  }

  void places(const json& population) {
    if (population.contains("age_bands") && population["age_bands"].is_array())
      for (std::size_t i = 0; i < population["age_bands"].size(); ++i) {
        const json& band = population["age_bands"][i];
        if (band.is_string() && prose(band.get<std::string>()))
          r_.add("/population/age_bands/" + std::to_string(i),
                 "age band \"" + band.get<std::string>() + "\" is a reserved key (prose for readers)",
                 "name the band by its ages, e.g. \"65-84\"");
      }
    if (!object_at(population, "places")) return;
    double people = 0;
    for (const auto& [name, place] : population["places"].items()) {
      if (!place.is_object()) continue;
      const std::string p = pointer_append("/population/places", name);
      if (place.contains("people") && place["people"].is_number()) people += place["people"].get<double>();
      if (object_at(place, "age")) age(name, pointer_append(p, "age"), place["age"]);
      served_by(name, p, place);
    }
    if (people > static_cast<double>(kMaxPopulation))
      r_.add("/population/places",
             "the places hold " + format_number(people) + " people in all, more than the limit of " +
                 std::to_string(kMaxPopulation),
             "a scenario has at most 100,000,000 people over all its places");
  }

  void age(const std::string& place, const std::string& p, const json& shares) {
    double total = 0;
    for (const auto& [band, share] : shares.items()) {
      if (prose(band)) continue;
      r_.reference(pointer_append(p, band), "age band", band, bands_);
      if (share.is_number()) total += share.get<double>();
    }
    if (std::fabs(total - 1.0) > kPopulationShareTolerance)
      r_.add(p, "the age shares of place " + quoted(place) + " sum to " + format_number(total) + ", not 1",
             "the shares of a place's age bands must sum to 1");
  }

  void served_by(const std::string& place, const std::string& place_pointer, const json& o) {
    const std::string p = pointer_append(place_pointer, "served_by");
    std::set<std::string> served;
    if (object_at(o, "served_by"))
      for (const auto& [type, services] : o["served_by"].items()) {
        if (prose(type)) continue;
        const std::string q = pointer_append(p, type);
        if (!org_type_from_string(type)) {
          std::vector<std::string> known;
          for (OrgType t : kAllOrgTypes) known.push_back(to_string(t));
          r_.reference(q, "organisation type", type, known);
          continue;
        }
        served.insert(type);
        if (services.is_object()) service_shares(place, type, q, services);
      }
    if (!o.contains("served_by")) return;  // the schema reports the missing key
    for (const std::string& type : types_in_use_)
      if (!served.count(type))
        r_.add(p, "place " + quoted(place) + " is served by no organisation of type " + type,
               "add \"" + type + "\": {\"" + first_of_type(type) +
                   "\": 1} to its served_by, or several with shares summing to 1");
  }

  void service_shares(const std::string& place, const std::string& type, const std::string& q,
                      const json& services) {
    double total = 0;
    for (const auto& [name, share] : services.items()) {
      if (prose(name)) continue;
      if (share.is_number()) total += share.get<double>();
      const std::string at = pointer_append(q, name);
      const OrgEntry* org = find(name);
      if (!org) {
        r_.reference(at, type + " organisation", name, templates_of_type(type));
      } else if (!org->type.empty() && org->type != type) {
        r_.add(at, "organisation \"" + name + "\" is of type " + org->type + ", not " + type,
               "list it under \"" + org->type + "\"");
      }
    }
    if (std::fabs(total - 1.0) > kPopulationShareTolerance)
      r_.add(
          q,
          "the " + type + " shares of place " + quoted(place) + " sum to " + format_number(total) + ", not 1",
          "the shares of the organisations serving a place must sum to 1 for each type");
  }

  // An organisation template by its name, or an instance "name#i" of a template with a count.
  const OrgEntry* find(const std::string& name) const {
    if (auto it = organisations_.find(name); it != organisations_.end()) return &it->second;
    const auto hash = name.rfind('#');
    if (hash == std::string::npos || hash + 1 >= name.size() || name.size() - hash > 10 ||
        name.find_first_not_of("0123456789", hash + 1) != std::string::npos)
      return nullptr;
    const auto it = organisations_.find(name.substr(0, hash));
    const std::int64_t index = std::stoll(name.substr(hash + 1));
    if (it == organisations_.end() || it->second.count < 2 || index < 1 || index > it->second.count)
      return nullptr;
    return &it->second;
  }

  std::vector<std::string> templates_of_type(const std::string& type) const {
    std::vector<std::string> names;
    for (const auto& [name, org] : organisations_)
      if (org.type == type) names.push_back(name);
    return names;
  }

  std::string first_of_type(const std::string& type) const {
    const auto names = templates_of_type(type);
    return names.empty() ? "<organisation>" : names.front();
  }

  void arrivals(const std::string& p, const json& a) {
    if (!object_at(a, "rate_per_1000_by_age")) return;
    const std::string q = pointer_append(p, "rate_per_1000_by_age");
    if (!has_places_)
      r_.add(q,
             "rates by age band need people by place: declare \"population\" as {\"age_bands\": [...], "
             "\"places\": {...}} with \"recordflow\": 2, or give \"rate_per_1000\" instead " +
                 std::string(kPeopleSection));
    if (a.contains("rate_per_1000"))
      r_.add(
          pointer_append(p, "rate_per_1000"),
          "\"rate_per_1000\" and \"rate_per_1000_by_age\" are given together: remove \"rate_per_1000\"",
          "rate_per_1000_by_age gives the rate of every age band; bands it does not name have no arrivals");
    int positive = 0, unreadable = 0;
    for (const auto& [band, rate] : a["rate_per_1000_by_age"].items()) {
      if (prose(band)) continue;
      if (has_places_ && !r_.reference(pointer_append(q, band), "age band", band, bands_)) continue;
      const auto value = read_rate(rate);
      if (!value)
        ++unreadable;
      else if (*value > 0)
        ++positive;
    }
    if (positive == 0 && unreadable == 0)
      r_.add(q, "every arrival rate by age band is zero: nobody would ever arrive",
             "remove the pathway or give an age band a positive rate");
  }

  void needs(const std::string& state_pointer, const json& state) {
    if (!state.is_object() || !state.contains("needs") || !state["needs"].is_array()) return;
    for (std::size_t i = 0; i < state["needs"].size(); ++i) {
      const json& need = state["needs"][i];
      if (need.is_object() && need.contains("within"))
        r_.duration(state_pointer + "/needs/" + std::to_string(i) + "/within", need["within"], 0, false,
                    "a need's recency window");
    }
  }

  const json& doc_;
  ValidationReport& r_;
  std::map<std::string, OrgEntry> organisations_;
  std::set<std::string> types_in_use_;
  bool has_places_ = false;
  std::vector<std::string> bands_;
};

}  // namespace

void validate_population(const json& document, ValidationReport& report) {
  if (!document.is_object()) return;
  PopulationChecker(document, report).run();
}

}  // namespace recordflow
