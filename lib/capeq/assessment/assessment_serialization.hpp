// SPDX-License-Identifier: Apache-2.0
#pragma once
// Boost.Serialization of the assessment types. Private to assessment_file.cpp: include nowhere else, so
// Boost headers stay out of the public API. Every type is class-versioned; a new field bumps its version
// and is read only `if (version >= N)`, so older files always open.

#include <capeq/assessment/assessment.hpp>

#include <boost/archive/archive_exception.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/version.hpp>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace capeq::serialization {

/// Upper bound on any list's length in a file; a hostile count is refused before anything is allocated.
inline constexpr std::uint64_t kMaxListLength = 50'000'000;

/// Boost.Serialization does not itself refuse a class version newer than this build's (its check is
/// compiled out), so a newer file would be misread silently; every serialize() calls this first.
template <typename Archive, typename T>
void refuseNewerVersion(const T& /*object*/, unsigned int version, const char* name) {
    if constexpr (Archive::is_loading::value) {
        if (version > boost::serialization::version<T>::value)
            throw boost::archive::archive_exception(
                boost::archive::archive_exception::unsupported_class_version,
                (std::to_string(version) + " of '" + name + "'").c_str());
    }
}

template <typename Archive, typename T>
void list(Archive& archive, std::vector<T>& items) {
    std::uint64_t count = items.size();
    archive& boost::serialization::make_nvp("count", count);
    if constexpr (Archive::is_loading::value) {
        if (count > kMaxListLength)
            throw std::length_error("a list claims " + std::to_string(count) + " entries");
        items.clear();
        // No reserve(count): memory grows only with entries actually present in the file.
        for (std::uint64_t i = 0; i < count; ++i) {
            T item{};
            archive& boost::serialization::make_nvp("item", item);
            items.push_back(std::move(item));
        }
    } else {
        for (T& item : items)
            archive& boost::serialization::make_nvp("item", item);
    }
}

template <typename Archive>
void number(Archive& archive, const char* name, std::optional<double>& value) {
    bool present = value.has_value() && std::isfinite(*value);
    double stored = present ? *value : 0.0;
    // An absent number is written as <present>0</present> alone; a present one is followed by its value.
    archive& boost::serialization::make_nvp("present", present);
    if (present)
        archive& boost::serialization::make_nvp(name, stored);
    if constexpr (Archive::is_loading::value) {
        if (present && !std::isfinite(stored))
            throw std::domain_error(std::string("the number '") + name + "' is not finite");
        value = present ? std::optional<double>(stored) : std::nullopt;
    }
}

template <typename Archive, typename Enum>
void enumeration(Archive& archive, const char* name, Enum& value, int highest) {
    int stored = static_cast<int>(value);
    archive& boost::serialization::make_nvp(name, stored);
    if constexpr (Archive::is_loading::value) {
        if (stored < 0 || stored > highest)
            throw std::domain_error(std::string("the value of '") + name + "' is out of range");
        value = static_cast<Enum>(stored);
    }
}

template <typename Archive, typename Tag>
void id(Archive& archive, const char* name, StrongId<Tag>& value) {
    std::string text = value.str();
    archive& boost::serialization::make_nvp(name, text);
    if constexpr (Archive::is_loading::value)
        value = StrongId<Tag>(std::move(text));
}

} // namespace capeq::serialization

namespace boost::serialization {

template <typename Archive>
void serialize(Archive& a, capeq::EvidenceRow& r, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(r, version, "evidence row");
    using namespace capeq::serialization;
    id(a, "indicator", r.indicator);
    id(a, "area", r.area);
    id(a, "service", r.service);
    a& make_nvp("period", r.period);
    id(a, "characteristic", r.characteristic);
    id(a, "group", r.group);
    number(a, "value", r.value);
    number(a, "standard_error", r.standardError);
    number(a, "lower_ci", r.lowerCi);
    number(a, "upper_ci", r.upperCi);
    number(a, "lower_ci_998", r.lowerCi998);
    number(a, "upper_ci_998", r.upperCi998);
    number(a, "numerator", r.numerator);
    number(a, "denominator", r.denominator);
    number(a, "population_share", r.populationShare);
    number(a, "population", r.population);
    number(a, "sample_size", r.sampleSize);
    bool hasOrder = r.subgroupOrder.has_value();
    int order = r.subgroupOrder.value_or(0);
    a& make_nvp("has_subgroup_order", hasOrder);
    a& make_nvp("subgroup_order", order);
    r.subgroupOrder = hasOrder ? std::optional<int>(order) : std::nullopt;
    a& make_nvp("is_reference", r.isReference);
    a& make_nvp("note", r.note);
    a& make_nvp("source_file", r.location.file);
    std::uint64_t line = r.location.line;
    a& make_nvp("source_line", line);
    r.location.line = static_cast<std::size_t>(line);
}

template <typename Archive>
void serialize(Archive& a, capeq::AssessmentMetadata& m, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(m, version, "metadata");
    a& make_nvp("title", m.title);
    a& make_nvp("organisation", m.organisation);
    a& make_nvp("service", m.service);
    a& make_nvp("area", m.area);
    a& make_nvp("period", m.period);
    a& make_nvp("author", m.author);
    a& make_nvp("purpose", m.purpose);
    capeq::serialization::enumeration(a, "status", m.status, 3);
    a& make_nvp("created", m.created);
    a& make_nvp("modified", m.modified);
}

template <typename Archive>
void serialize(Archive& a, capeq::AssessmentScope& s, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(s, version, "scope");
    using capeq::serialization::list;
    list(a, s.characteristics);
    list(a, s.indicators);
    list(a, s.comparePeriods);
}

template <typename Archive>
void serialize(Archive& a, capeq::Finding& f, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(f, version, "finding");
    a& make_nvp("characteristic", f.characteristic);
    capeq::serialization::enumeration(a, "suggested_impact", f.suggestedImpact, 3);
    capeq::serialization::enumeration(a, "impact", f.impact, 3);
    a& make_nvp("confirmed", f.confirmed);
    a& make_nvp("evidence", f.evidence);
    a& make_nvp("narrative", f.narrative);
}

template <typename Archive>
void serialize(Archive& a, capeq::Mitigation& m, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(m, version, "mitigation");
    a& make_nvp("characteristic", m.characteristic);
    a& make_nvp("description", m.description);
}

template <typename Archive>
void serialize(Archive& a, capeq::Action& x, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(x, version, "action");
    a& make_nvp("title", x.title);
    a& make_nvp("characteristic", x.characteristic);
    a& make_nvp("owner", x.owner);
    a& make_nvp("due_date", x.dueDate);
    capeq::serialization::enumeration(a, "status", x.status, 3);
    a& make_nvp("notes", x.notes);
}

template <typename Archive>
void serialize(Archive& a, capeq::WeightProfile& w, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(w, version, "weights");
    a& make_nvp("name", w.name);
    for (auto* weights : {&w.domainWeights, &w.dimensionWeights}) {
        std::vector<std::string> keys;
        std::vector<double> values;
        for (const auto& [key, value] : *weights) {
            keys.push_back(key);
            values.push_back(value);
        }
        capeq::serialization::list(a, keys);
        capeq::serialization::list(a, values);
        if constexpr (Archive::is_loading::value) {
            if (keys.size() != values.size())
                throw std::length_error("a weight list has more names than weights");
            weights->clear();
            for (std::size_t i = 0; i < keys.size(); ++i)
                (*weights)[keys[i]] = values[i];
        }
    }
}

template <typename Archive>
void serialize(Archive& a, capeq::Assessment& x, const unsigned int version) {
    capeq::serialization::refuseNewerVersion<Archive>(x, version, "assessment");
    using capeq::serialization::list;
    a& make_nvp("metadata", x.metadata);
    a& make_nvp("scope", x.scope);
    list(a, x.evidence);
    list(a, x.findings);
    list(a, x.mitigations);
    list(a, x.actions);
    a& make_nvp("weights", x.weights);
    a& make_nvp("notes", x.notes);
}

} // namespace boost::serialization

BOOST_CLASS_VERSION(capeq::EvidenceRow, 1)
BOOST_CLASS_VERSION(capeq::AssessmentMetadata, 1)
BOOST_CLASS_VERSION(capeq::AssessmentScope, 1)
BOOST_CLASS_VERSION(capeq::Finding, 1)
BOOST_CLASS_VERSION(capeq::Mitigation, 1)
BOOST_CLASS_VERSION(capeq::Action, 1)
BOOST_CLASS_VERSION(capeq::WeightProfile, 1)
BOOST_CLASS_VERSION(capeq::Assessment, 1)
