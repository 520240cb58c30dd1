// SPDX-License-Identifier: Apache-2.0
// `capeq measures FILE`: every group's estimate with its CI and every applicable summary measure of
// inequality with its CI, per indicator x area x service x period x characteristic.
#include <capeq/catalogue/catalogue_loader.hpp>
#include <capeq/core/paths.hpp>
#include <capeq/evidence/evidence_reader.hpp>
#include <capeq/stats/evidence_estimates.hpp>
#include <capeq/stats/summary_measures.hpp>

#include <CLI/CLI.hpp>
#include <cli/command.hpp>
#include <cli/run.hpp>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <tuple>

namespace capeq::cli {

namespace {

// Groups with an unweighted base below this are shown but kept out of summary measures (SPEC section 3).
constexpr double kMinimumBase = 10.0;

struct MeasuresOptions {
    std::string file;
    std::string characteristic;
    std::string reference;
    std::string confidence = "0.95,0.998";
    std::string format = "table";
    std::string catalogueDirectory;
};

using SliceKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;

struct OutputRow {
    SliceKey key;
    std::string kind; ///< "group" or "measure"
    std::string name;
    std::string note;
    std::optional<stats::Estimate> estimate;
};

std::vector<double> parseLevels(const std::string& text) {
    std::vector<double> levels;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        double level = std::stod(item);
        if (level > 1.0)
            level /= 100.0; // accept 95 and 99.8 as well as 0.95 and 0.998
        if (!(level > 0.0 && level < 1.0))
            throw std::invalid_argument("confidence levels must be in (0, 1) or (0, 100): " + item);
        levels.push_back(level);
    }
    return levels;
}

stats::IndicatorStatsInfo infoFor(const IndicatorId& id, const Catalogue& catalogue, const EvidenceSet& set) {
    stats::IndicatorStatsInfo info;
    if (const Indicator* indicator = catalogue.findIndicator(id)) {
        info.polarity = indicator->polarity;
        info.measureType = indicator->measureType;
        info.multiplier = indicator->multiplier;
    }
    if (const auto hints = set.indicatorHints.find(id); hints != set.indicatorHints.end()) {
        if (hints->second.polarity)
            info.polarity = *hints->second.polarity;
        if (hints->second.scale)
            info.multiplier = *hints->second.scale;
    }
    return info;
}

std::string number(std::optional<double> value) {
    if (!value)
        return "";
    std::ostringstream out;
    out << std::setprecision(10) << *value;
    return out.str();
}

void print(const std::vector<OutputRow>& rows, const std::string& format, std::ostream& out) {
    if (format == "json") {
        nlohmann::json array = nlohmann::json::array();
        for (const OutputRow& row : rows) {
            const auto& [indicator, area, service, period, characteristic] = row.key;
            nlohmann::json item = {{"indicator", indicator},
                                   {"area", area},
                                   {"service", service},
                                   {"period", period},
                                   {"characteristic", characteristic},
                                   {"kind", row.kind},
                                   {"name", row.name},
                                   {"note", row.note}};
            if (row.estimate) {
                const stats::Estimate& e = *row.estimate;
                item["value"] = e.value;
                item["se"] = e.se ? nlohmann::json(*e.se) : nlohmann::json(nullptr);
                item["level"] = e.level;
                item["lower"] = e.lower ? nlohmann::json(*e.lower) : nlohmann::json(nullptr);
                item["upper"] = e.upper ? nlohmann::json(*e.upper) : nlohmann::json(nullptr);
                item["ci_method"] = stats::toString(e.ciMethod);
                item["ci_unavailable"] = e.unavailableReason;
            }
            array.push_back(item);
        }
        out << array.dump(2) << '\n';
        return;
    }
    const bool csv = format == "csv";
    const char* sep = csv ? "," : "\t";
    auto quoted = [csv](const std::string& text) {
        if (!csv || text.find_first_of(",\"") == std::string::npos)
            return text;
        std::string q = "\"";
        for (char ch : text)
            q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        return q + "\"";
    };
    out << "indicator" << sep << "area" << sep << "service" << sep << "period" << sep << "characteristic"
        << sep << "kind" << sep << "name" << sep << "value" << sep << "se" << sep << "level" << sep << "lower"
        << sep << "upper" << sep << "ci_method" << sep << "note\n";
    for (const OutputRow& row : rows) {
        const auto& [indicator, area, service, period, characteristic] = row.key;
        out << quoted(indicator) << sep << quoted(area) << sep << quoted(service) << sep << quoted(period)
            << sep << quoted(characteristic) << sep << row.kind << sep << quoted(row.name) << sep;
        std::string note = row.note;
        if (row.estimate) {
            const stats::Estimate& e = *row.estimate;
            out << number(e.value) << sep << number(e.se) << sep << number(e.level) << sep << number(e.lower)
                << sep << number(e.upper) << sep << stats::toString(e.ciMethod) << sep;
            if (!e.unavailableReason.empty())
                note += (note.empty() ? "" : "; ") + ("no CI: " + e.unavailableReason);
        } else {
            out << sep << sep << sep << sep << sep << "none" << sep;
        }
        out << quoted(note) << '\n';
    }
}

void runMeasures(const MeasuresOptions& options, CommandContext& context) {
    const std::filesystem::path directory = options.catalogueDirectory.empty()
                                                ? defaultCatalogueDirectory()
                                                : std::filesystem::path(options.catalogueDirectory);
    const Catalogue catalogue = loadCatalogue(directory);
    const EvidenceSet set = readEvidenceFile(options.file, catalogue);
    const std::vector<double> levels = parseLevels(options.confidence);

    std::map<SliceKey, std::vector<const EvidenceRow*>> slices;
    std::map<std::tuple<std::string, std::string, std::string, std::string>, const EvidenceRow*>
        wholePopulation;
    for (const EvidenceRow& row : set.rows) {
        if (row.isWholePopulation()) {
            wholePopulation[{row.indicator.str(), row.area.str(), row.service.str(), row.period}] = &row;
            continue;
        }
        if (!options.characteristic.empty() && row.characteristic.str() != options.characteristic)
            continue;
        slices[{row.indicator.str(), row.area.str(), row.service.str(), row.period, row.characteristic.str()}]
            .push_back(&row);
    }

    std::vector<OutputRow> output;
    for (const auto& [key, rows] : slices) {
        const auto& [indicatorId, area, service, period, characteristicId] = key;
        const stats::IndicatorStatsInfo info = infoFor(IndicatorId{indicatorId}, catalogue, set);
        const Characteristic* characteristic =
            catalogue.findCharacteristic(CharacteristicId{characteristicId});
        bool ordered = characteristic && characteristic->ordered;
        if (const auto it = set.characteristicOrdered.find(CharacteristicId{characteristicId});
            it != set.characteristicOrdered.end())
            ordered = it->second;
        for (const double level : levels) {
            std::vector<stats::GroupValue> groups;
            for (const EvidenceRow* row : rows) {
                const std::optional<stats::Estimate> estimate = stats::estimateForRow(*row, info, level);
                const std::optional<double> base = stats::unweightedBase(*row);
                std::string note;
                if (base && *base < kMinimumBase)
                    note = "base below 10: shown, not used in summary measures";
                else if (base && *base < 50.0)
                    note = "low reliability (base below 50)";
                output.push_back({key, "group", row->group.str(), note, estimate});
                if (!estimate || (base && *base < kMinimumBase))
                    continue;
                stats::GroupValue g;
                g.code = row->group.str();
                g.value = estimate->value;
                g.se = estimate->se;
                g.population = row->population        ? row->population
                               : row->populationShare ? row->populationShare
                                                      : row->denominator;
                const Group* group = characteristic ? characteristic->findGroup(row->group) : nullptr;
                g.order = row->subgroupOrder ? *row->subgroupOrder : group ? group->order : 0;
                g.isReference = options.reference.empty() ? row->isReference : g.code == options.reference;
                groups.push_back(g);
            }
            stats::MeasureOptions measureOptions;
            measureOptions.polarity = info.polarity;
            measureOptions.ordered = ordered;
            measureOptions.level = level;
            measureOptions.scale = info.multiplier;
            measureOptions.countBased =
                info.measureType == MeasureType::Proportion || info.measureType == MeasureType::Rate;
            if (info.measureType == MeasureType::Proportion)
                measureOptions.upperBound = info.multiplier;
            if (const auto whole = wholePopulation.find({indicatorId, area, service, period});
                whole != wholePopulation.end() && whole->second->value)
                measureOptions.settingAverage = whole->second->value;
            for (stats::SummaryMeasure& m : stats::summaryMeasures(groups, measureOptions)) {
                std::string note = m.note;
                if (m.estimate && !m.estimate->hasCi() && m.estimate->level != level)
                    m.estimate->level = level;
                if (m.estimate && m.estimate->ciMethod == stats::CiMethod::Simulation)
                    note += (note.empty() ? "" : "; ") + ("seed " + std::to_string(measureOptions.seed));
                output.push_back({key, "measure", m.id, note, m.estimate});
            }
        }
    }
    print(output, options.format, context.out);
    if (!set.unmapped.empty())
        context.err << "capeq measures: " << set.unmapped.size()
                    << " unmapped items were not used (see capeq validate " << options.file << ")\n";
}

} // namespace

void addMeasuresCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<MeasuresOptions>();
    auto* command = app.add_subcommand(
        "measures", "Per-group estimates with CIs and summary measures of inequality for an evidence file");
    command
        ->add_option("file", options->file, "Evidence file (CapEq long format, WHO HEAT Plus, Fingertips...)")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--characteristic", options->characteristic, "Only this characteristic (e.g. sex)");
    command->add_option("--reference", options->reference, "Reference group code for D, R and MDR*");
    command->add_option("--confidence", options->confidence, "Confidence levels, comma-separated")
        ->default_val("0.95,0.998");
    command->add_option("--format", options->format, "table, json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->default_val("table");
    command->add_option("--catalogue", options->catalogueDirectory, "Catalogue directory (default: shipped)");
    command->callback([options, &context] {
        try {
            runMeasures(*options, context);
        } catch (const std::invalid_argument& error) {
            context.err << "capeq measures: " << error.what() << '\n';
            context.exitCode = kExitBadInput;
        }
    });
}

} // namespace capeq::cli
