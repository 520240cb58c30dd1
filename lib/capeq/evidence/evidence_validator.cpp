// SPDX-License-Identifier: Apache-2.0
// validateEvidence: the content rules of SPEC section 6, applied after a file has been read.
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/evidence/reader_support.hpp>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace capeq {

namespace {

std::string show(double value) {
    std::ostringstream text;
    text.precision(15);
    text << value;
    return text.str();
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto star = text.find('*', start);
        parts.push_back(text.substr(start, star == std::string::npos ? std::string::npos : star - start));
        if (star == std::string::npos)
            return parts;
        start = star + 1;
    }
}

std::string codeList(const std::vector<Group>& groups) {
    std::string list;
    for (const Group& group : groups)
        list += (list.empty() ? "" : ", ") + group.code.str();
    return list;
}

std::string characteristicList(const Catalogue& catalogue) {
    std::string list = "all";
    for (const Characteristic& characteristic : catalogue.characteristics())
        list += ", " + characteristic.id.str();
    return list;
}

bool sameFigures(const EvidenceRow& a, const EvidenceRow& b) {
    return a.value == b.value && a.standardError == b.standardError && a.lowerCi == b.lowerCi &&
           a.upperCi == b.upperCi && a.numerator == b.numerator && a.denominator == b.denominator &&
           a.sampleSize == b.sampleSize && a.population == b.population;
}

// Allows for the rounding of published figures: a value and its limits often carry different decimals.
bool below(double a, double b) {
    return a < b - 1e-9 * std::max(1.0, std::fabs(b));
}

class Validator {
public:
    Validator(const EvidenceSet& evidence, const Catalogue& catalogue)
        : m_evidence(evidence)
        , m_catalogue(catalogue) {}

    DiagnosticList run() {
        std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>,
                 const EvidenceRow*>
            seen;
        for (const EvidenceRow& row : m_evidence.rows) {
            const Indicator* indicator = checkIndicator(row);
            checkCharacteristic(row);
            checkNumbers(row, indicator);
            const auto key = std::make_tuple(row.indicator.str(), row.area.str(), row.service.str(),
                                             row.period, row.characteristic.str(), row.group.str());
            const auto [it, inserted] = seen.emplace(key, &row);
            if (!inserted && sameFigures(*it->second, row))
                m_problems.warning(
                    at(row, "group"),
                    "row repeats line " + std::to_string(it->second->location.line) +
                        " with the same figures (the source lists it twice, e.g. under two names)",
                    "keep one of the two rows; an import keeps the first");
            else if (!inserted)
                m_problems.error(
                    at(row, "group"),
                    "duplicate row: same indicator, area, service, period, characteristic and group as "
                    "line " +
                        std::to_string(it->second->location.line),
                    "remove one of the two rows, or correct the period, area or group of one");
            auto& cell =
                m_cells[std::make_tuple(row.indicator.str(), row.area.str(), row.service.str(), row.period)];
            if (cell.first == nullptr)
                cell.first = &row;
            cell.second = cell.second || row.isWholePopulation();
        }
        // A user's own long-format file can be fixed; a published table cannot, so there the gap is a warning
        // (the assessment then shows the cell as lacking a whole-population value).
        const Severity missingSeverity =
            m_evidence.format == "capeq-long" ? Severity::Error : Severity::Warning;
        for (const auto& [key, cell] : m_cells)
            if (!cell.second)
                m_problems.add(
                    {missingSeverity, at(*cell.first, "characteristic"),
                     "no whole-population row (characteristic all, group all) for indicator '" +
                         std::get<0>(key) + "', area '" + std::get<1>(key) + "', service '" +
                         std::get<2>(key) + "', period '" + std::get<3>(key) + "'",
                     "add a row with characteristic all and group all giving the value for everyone"});
        return m_problems;
    }

private:
    SourceLocation at(const EvidenceRow& row, const std::string& field) const {
        SourceLocation where = row.location;
        const auto source = m_evidence.fieldSources.find(field);
        if (source != m_evidence.fieldSources.end()) {
            where.column = source->second.number;
            where.field = source->second.header;
        } else {
            where.field = field;
        }
        return where;
    }

    // Unknown ids are reported once, at their first row, rather than on every row that repeats them.
    bool firstTime(const std::string& key) { return m_reported.insert(key).second; }

    const Indicator* checkIndicator(const EvidenceRow& row) {
        const Indicator* indicator = m_catalogue.findIndicator(row.indicator);
        if (indicator == nullptr && firstTime("indicator\n" + row.indicator.str()))
            m_problems.error(
                at(row, "indicator_id"), "unknown indicator '" + row.indicator.str() + "'",
                "use an indicator id from the catalogue (capeq catalogue list), or map the source "
                "indicator in indicators/mappings/");
        return indicator;
    }

    void checkCharacteristic(const EvidenceRow& row) {
        if (row.characteristic == kAllCharacteristic || row.group == kAllGroup) {
            if (!row.isWholePopulation())
                m_problems.error(at(row, "group"),
                                 "characteristic '" + row.characteristic.str() + "' with group '" +
                                     row.group.str() + "': 'all' must appear in both or neither",
                                 "write characteristic all and group all for the whole population");
            return;
        }
        const std::vector<std::string> characteristics = split(row.characteristic.str());
        const std::vector<std::string> groups = split(row.group.str());
        if (characteristics.size() != groups.size()) {
            m_problems.error(at(row, "group"),
                             "intersection '" + row.characteristic.str() + "' has " +
                                 std::to_string(characteristics.size()) + " parts but group '" +
                                 row.group.str() + "' has " + std::to_string(groups.size()),
                             "give one group code per characteristic, joined by '*', e.g. sex*ethnicity with "
                             "female*black");
            return;
        }
        for (std::size_t i = 0; i < characteristics.size(); ++i) {
            bool open = false;
            const std::vector<Group>* list =
                findCodeList(m_catalogue, CharacteristicId{characteristics[i]}, open);
            if (list == nullptr) {
                if (firstTime("characteristic\n" + characteristics[i]))
                    m_problems.error(at(row, "characteristic"),
                                     "unknown characteristic '" + characteristics[i] + "'",
                                     "use one of: " + characteristicList(m_catalogue));
                continue;
            }
            if (open)
                continue;
            const bool known = std::any_of(list->begin(), list->end(),
                                           [&](const Group& group) { return group.code.str() == groups[i]; });
            if (!known && firstTime("group\n" + characteristics[i] + '\n' + groups[i]))
                m_problems.error(at(row, "group"),
                                 "unknown group '" + groups[i] + "' for characteristic '" +
                                     characteristics[i] + "'",
                                 "use one of: " + codeList(*list));
        }
    }

    void checkNumbers(const EvidenceRow& row, const Indicator* indicator) {
        if (indicator != nullptr && row.value) {
            const auto [lo, hi] = indicator->admissibleRange();
            if (*row.value < lo || *row.value > hi)
                m_problems.error(at(row, "value"),
                                 "value " + show(*row.value) + " is outside the range " + show(lo) + " to " +
                                     show(hi) + " of indicator '" + indicator->id.str() + "'",
                                 indicator->measureType == MeasureType::Proportion
                                     ? "give proportions in percent (0 to 100), as the catalogue does"
                                     : "check the unit and scale of the value against the catalogue");
        }
        checkInterval(row, row.lowerCi, row.upperCi, "95%", "lower_ci", "upper_ci");
        checkInterval(row, row.lowerCi998, row.upperCi998, "99.8%", "lower_ci_998", "upper_ci_998");
        if (row.standardError && *row.standardError < 0)
            m_problems.error(at(row, "standard_error"), "negative standard error " + show(*row.standardError),
                             "a standard error is never below 0; check the sign and the column");
        const std::pair<const std::optional<double>*, const char*> counts[] = {
            {&row.numerator, "numerator"},
            {&row.denominator, "denominator"},
            {&row.sampleSize, "sample_size"},
            {&row.population, "population"}};
        for (const auto& [count, field] : counts)
            if (*count && **count < 0)
                m_problems.error(at(row, field), std::string("negative ") + field + " " + show(**count),
                                 "counts cannot be below 0; check the sign and the column");
        if (row.numerator && row.denominator && *row.numerator > *row.denominator && indicator != nullptr &&
            indicator->measureType == MeasureType::Proportion)
            m_problems.error(
                at(row, "numerator"),
                "numerator " + show(*row.numerator) + " is larger than the denominator " +
                    show(*row.denominator),
                "the numerator counts the people in the denominator who meet the definition; check "
                "that the two columns are not swapped");
        if (row.populationShare && (*row.populationShare < 0 || *row.populationShare > 1))
            m_problems.error(at(row, "population_share"),
                             "population share " + show(*row.populationShare) + " is outside 0 to 1",
                             "give the share as a fraction, e.g. 0.25 for a quarter of the population");
    }

    void checkInterval(const EvidenceRow& row, const std::optional<double>& lower,
                       const std::optional<double>& upper, const std::string& level,
                       const std::string& lowerField, const std::string& upperField) {
        if (lower && upper && *lower > *upper) {
            m_problems.error(at(row, lowerField),
                             "lower " + level + " limit " + show(*lower) + " is above the upper limit " +
                                 show(*upper),
                             "check that the limits are not swapped");
            return;
        }
        if (!row.value)
            return;
        if (lower && below(*row.value, *lower))
            m_problems.error(
                at(row, lowerField),
                level + " CI lower limit " + show(*lower) + " is above the value " + show(*row.value),
                "check that the limits belong to this row and are on the same scale as the value");
        if (upper && below(*upper, *row.value))
            m_problems.error(
                at(row, upperField),
                level + " CI upper limit " + show(*upper) + " is below the value " + show(*row.value),
                "check that the limits belong to this row and are on the same scale as the value");
    }

    const EvidenceSet& m_evidence;
    const Catalogue& m_catalogue;
    DiagnosticList m_problems;
    std::set<std::string> m_reported;
    std::map<std::tuple<std::string, std::string, std::string, std::string>,
             std::pair<const EvidenceRow*, bool>>
        m_cells;
};

} // namespace

DiagnosticList validateEvidence(const EvidenceSet& evidence, const Catalogue& catalogue) {
    return Validator(evidence, catalogue).run();
}

std::size_t dropRepeatedRows(EvidenceSet& evidence) {
    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>,
             std::size_t>
        first;
    std::vector<EvidenceRow> kept;
    kept.reserve(evidence.rows.size());
    for (EvidenceRow& row : evidence.rows) {
        const auto key = std::make_tuple(row.indicator.str(), row.area.str(), row.service.str(), row.period,
                                         row.characteristic.str(), row.group.str());
        const auto found = first.find(key);
        if (found != first.end() && sameFigures(kept[found->second], row))
            continue;
        first.emplace(key, kept.size());
        kept.push_back(std::move(row));
    }
    const std::size_t removed = evidence.rows.size() - kept.size();
    evidence.rows = std::move(kept);
    return removed;
}

} // namespace capeq
