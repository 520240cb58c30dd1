// SPDX-License-Identifier: Apache-2.0
#include <capeq/audit/gpg_reader.hpp>
#include <capeq/catalogue/catalogue_parts.hpp>
#include <capeq/catalogue/ini_reader.hpp>
#include <capeq/io/csv_reader.hpp>
#include <capeq/io/number_parser.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace capeq::audit {

namespace {

const std::array<const char*, 8> kQuartileColumns{"MaleLowerQuartile",       "FemaleLowerQuartile",
                                                  "MaleLowerMiddleQuartile", "FemaleLowerMiddleQuartile",
                                                  "MaleUpperMiddleQuartile", "FemaleUpperMiddleQuartile",
                                                  "MaleTopQuartile",         "FemaleTopQuartile"};

std::string figure(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// Two numbers written "a, b".
bool parsePair(const std::string& text, double& a, double& b) {
    const auto comma = text.find(',');
    if (comma == std::string::npos)
        return false;
    const ParsedNumber first = parseNumber(text.substr(0, comma));
    const ParsedNumber second = parseNumber(text.substr(comma + 1));
    if (!first.value || !second.value)
        return false;
    a = *first.value;
    b = *second.value;
    return a < b;
}

class RowMaker {
public:
    RowMaker(const GpgMapping& mapping, EvidenceSet& out)
        : m_mapping(mapping)
        , m_out(out) {}

    void add(const IndicatorId& indicator, const std::string& area, const std::string& period,
             const std::string& characteristic, const std::string& group, double value,
             std::optional<double> share, std::string note, const SourceLocation& where) {
        EvidenceRow row;
        row.indicator = indicator;
        row.area = AreaCode{area};
        row.service = m_mapping.service;
        row.period = period;
        row.characteristic = CharacteristicId{characteristic};
        row.group = GroupCode{group};
        row.value = value;
        row.populationShare = share;
        row.note = std::move(note);
        row.location = where;
        m_out.rows.push_back(std::move(row));
    }

private:
    const GpgMapping& m_mapping;
    EvidenceSet& m_out;
};

} // namespace

GpgMapping loadGpgMapping(const std::filesystem::path& file, const Catalogue& catalogue) {
    DiagnosticList diagnostics;
    const IniDocument document = readIniFile(file, diagnostics);
    diagnostics.throwIfErrors();
    GpgMapping mapping;
    mapping.file = file.string();
    IniDocument indicatorPart{document.file, {}};
    bool sawSettings = false;
    for (const IniSection& section : document.sections) {
        if (section.type == "indicator") {
            indicatorPart.sections.push_back(section);
            continue;
        }
        if (section.type != "gpg") {
            diagnostics.error({document.file, section.line, section.nameColumn, section.type},
                              "unknown section [" + section.type + "]",
                              "a GPG mapping has one [gpg] section and [indicator id] sections");
            continue;
        }
        sawSettings = true;
        for (const IniEntry& entry : section.entries) {
            const SourceLocation at{document.file, entry.line, entry.valueColumn, entry.key};
            if (entry.key == "service")
                mapping.service = ServiceId{entry.value};
            else if (entry.key == "median_hourly_indicator")
                mapping.medianIndicator = IndicatorId{entry.value};
            else if (entry.key == "mean_hourly_indicator")
                mapping.meanIndicator = IndicatorId{entry.value};
            else if (entry.key == "top_quartile_indicator")
                mapping.topQuartileIndicator = IndicatorId{entry.value};
            else if (entry.key == "plausible_gap") {
                if (!parsePair(entry.value, mapping.plausibleLow, mapping.plausibleHigh))
                    diagnostics.error(at, "plausible_gap is not 'low, high' with low below high",
                                      "write e.g. 'plausible_gap = -100, 100'");
            } else if (entry.key == "quartile_sum_tolerance") {
                const ParsedNumber n = parseNumber(entry.value);
                if (!n.value || *n.value < 0.0)
                    diagnostics.error(at, "quartile_sum_tolerance must be a number >= 0", "write e.g. 2");
                else
                    mapping.quartileSumTolerance = *n.value;
            } else {
                diagnostics.error(at, "unknown key '" + entry.key + "' in [gpg]",
                                  "use service, median_hourly_indicator, mean_hourly_indicator, "
                                  "top_quartile_indicator, plausible_gap or quartile_sum_tolerance");
            }
        }
    }
    if (!sawSettings)
        diagnostics.error({document.file, 0, 0, ""}, "no [gpg] section",
                          "add a [gpg] section (see docs/AUDIT.md)");
    const FrameworkPart framework{catalogue.frameworkName(), catalogue.domains(), catalogue.dimensions()};
    mapping.indicators = readIndicators(indicatorPart, framework, catalogue.characteristics(), diagnostics);
    for (const IndicatorId* id :
         {&mapping.medianIndicator, &mapping.meanIndicator, &mapping.topQuartileIndicator}) {
        bool defined = id->empty();
        for (const Indicator& indicator : mapping.indicators)
            defined = defined || indicator.id == *id;
        if (!defined)
            diagnostics.error({document.file, 0, 0, ""}, "indicator '" + id->str() + "' is not defined here",
                              "add an [indicator " + id->str() + "] section");
    }
    diagnostics.throwIfErrors();
    return mapping;
}

Catalogue withIndicators(const Catalogue& catalogue, const std::vector<Indicator>& extra) {
    std::vector<Indicator> indicators = catalogue.indicators();
    for (const Indicator& indicator : extra) {
        if (catalogue.findIndicator(indicator.id) != nullptr)
            throw InputError(Diagnostic{Severity::Error, indicator.definedAt,
                                        "indicator '" + indicator.id.str() + "' is already in the catalogue",
                                        "give the mapping's indicator another id"});
        indicators.push_back(indicator);
    }
    return Catalogue(catalogue.frameworkName(), catalogue.domains(), catalogue.dimensions(),
                     catalogue.characteristics(), catalogue.rollups(), std::move(indicators));
}

EvidenceSet readGpgFile(const std::filesystem::path& file, const GpgMapping& mapping,
                        std::map<AreaCode, std::string>* employerNames) {
    EvidenceSet out;
    out.sourceFile = file.string();
    out.format = "gpg";
    CsvReader reader(file);
    if (!reader.next())
        throw InputError(Diagnostic{Severity::Error,
                                    {file.string(), 0, 0, ""},
                                    "the file is empty",
                                    "use a download from the GOV.UK gender pay gap service"});
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < reader.size(); ++i)
        columns[std::string(reader[i])] = i;
    const std::size_t width = reader.size();
    DiagnosticList problems;
    std::vector<std::string> needed{"EmployerId", "DueDate", "DiffMeanHourlyPercent",
                                    "DiffMedianHourlyPercent"};
    needed.insert(needed.end(), kQuartileColumns.begin(), kQuartileColumns.end());
    for (const std::string& name : needed)
        if (columns.count(name) == 0)
            problems.error({file.string(), 1, 0, name}, "column '" + name + "' is missing",
                           "use the GOV.UK download as it is, with its header row");
    problems.throwIfErrors();
    out.columnsUsed = needed;

    RowMaker maker(mapping, out);
    while (reader.next()) {
        if (!reader.checkFieldCount(width) || reader.recordHasErrors())
            continue;
        const auto field = [&](const std::string& name) { return std::string(reader[columns[name]]); };
        const auto where = [&](const std::string& name) {
            return SourceLocation{file.string(), reader.line(), columns[name] + 1, name};
        };
        const std::string employer = field("EmployerId");
        const std::string due = field("DueDate");
        int dueYear = 0;
        if (employer.empty() || due.size() < 4 || std::sscanf(due.c_str(), "%4d", &dueYear) != 1) {
            out.warnings.push_back({Severity::Warning, where("DueDate"),
                                    "return without an employer id or due date; left out", ""});
            continue;
        }
        const auto nameColumn = columns.find("EmployerName");
        if (employerNames != nullptr && nameColumn != columns.end() && !reader[nameColumn->second].empty())
            (*employerNames)[AreaCode{employer}] = std::string(reader[nameColumn->second]);
        char period[16];
        std::snprintf(period, sizeof period, "%d/%02d", dueYear - 1, dueYear % 100);

        // Each sex's share of the workforce: the quartiles hold equal numbers of employees.
        std::array<std::optional<double>, 8> quartiles;
        bool quartilesComplete = true;
        for (std::size_t q = 0; q < 8; ++q) {
            quartiles[q] = parseNumber(field(kQuartileColumns[q])).value;
            quartilesComplete = quartilesComplete && quartiles[q].has_value();
        }
        std::string quartileProblem = quartilesComplete ? "" : "quartile shares blank";
        double femaleSum = 0.0;
        double maleSum = 0.0;
        for (std::size_t q = 0; quartilesComplete && q < 8; q += 2) {
            maleSum += *quartiles[q];
            femaleSum += *quartiles[q + 1];
            if (std::fabs(*quartiles[q] + *quartiles[q + 1] - 100.0) > mapping.quartileSumTolerance ||
                *quartiles[q] < 0.0 || *quartiles[q + 1] < 0.0)
                quartileProblem = "quartile shares of men and women do not add up to 100";
        }
        const bool quartilesUsable = quartileProblem.empty() && femaleSum + maleSum > 0.0;
        const std::optional<double> femaleShare =
            quartilesUsable ? std::optional<double>(femaleSum / (femaleSum + maleSum)) : std::nullopt;

        const auto payRows = [&](const IndicatorId& indicator, const std::string& column) {
            if (indicator.empty())
                return;
            const ParsedNumber gap = parseNumber(field(column));
            if (!gap.value) {
                out.warnings.push_back({Severity::Warning, where(column),
                                        "employer " + employer + ": " + column + " is blank; left out", ""});
                return;
            }
            if (!(*gap.value > mapping.plausibleLow && *gap.value < mapping.plausibleHigh)) {
                out.warnings.push_back({Severity::Warning, where(column),
                                        "employer " + employer + ": " + column + " = " + figure(*gap.value) +
                                            " is implausible (outside " + figure(mapping.plausibleLow) +
                                            " to " + figure(mapping.plausibleHigh) + "); left out",
                                        ""});
                return;
            }
            const double women = 100.0 - *gap.value;
            const double f = femaleShare.value_or(0.5);
            maker.add(indicator, employer, period, "all", "all", f * women + (1.0 - f) * 100.0, 1.0,
                      femaleShare ? "" : "workforce shares unknown: 50% each assumed for this figure",
                      where(column));
            maker.add(indicator, employer, period, "sex", "female", women, femaleShare, "", where(column));
            maker.add(indicator, employer, period, "sex", "male", 100.0,
                      femaleShare ? std::optional<double>(1.0 - *femaleShare) : std::nullopt, "",
                      where(column));
        };
        payRows(mapping.medianIndicator, "DiffMedianHourlyPercent");
        payRows(mapping.meanIndicator, "DiffMeanHourlyPercent");

        if (mapping.topQuartileIndicator.empty())
            continue;
        if (!quartilesUsable) {
            out.warnings.push_back(
                {Severity::Warning, where("FemaleTopQuartile"),
                 "employer " + employer + ": " +
                     (quartileProblem.empty() ? "no employees in the quartiles" : quartileProblem) +
                     "; top-quartile shares left out",
                 ""});
            continue;
        }
        const IndicatorId& top = mapping.topQuartileIndicator;
        maker.add(top, employer, period, "all", "all", 25.0, 1.0, "", where("FemaleTopQuartile"));
        if (femaleSum > 0.0)
            maker.add(top, employer, period, "sex", "female", 100.0 * *quartiles[7] / femaleSum, femaleShare,
                      "", where("FemaleTopQuartile"));
        if (maleSum > 0.0)
            maker.add(top, employer, period, "sex", "male", 100.0 * *quartiles[6] / maleSum,
                      1.0 - *femaleShare, "", where("MaleTopQuartile"));
    }
    if (reader.errorCount() > 0)
        throw InputError(reader.diagnostics());
    return out;
}

} // namespace capeq::audit
