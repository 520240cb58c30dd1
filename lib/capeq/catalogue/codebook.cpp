// SPDX-License-Identifier: Apache-2.0
#include <capeq/catalogue/codebook.hpp>
#include <capeq/catalogue/field_reader.hpp>

#include <ostream>

namespace capeq {

namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (const std::string& item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

std::string characteristicList(const Indicator& indicator) {
    std::vector<std::string> ids;
    for (const CharacteristicId& id : indicator.characteristics)
        ids.push_back(id.str());
    return joined(ids, ", ");
}

std::string counted(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// Markdown table cells must not contain a bare '|'.
std::string cell(const std::string& text) {
    std::string escaped;
    for (char c : text) {
        if (c == '|')
            escaped += '\\';
        escaped += c;
    }
    return escaped.empty() ? "-" : escaped;
}

void writeIndicatorMarkdown(std::ostream& out, const Indicator& indicator, const Catalogue& catalogue) {
    const Dimension* dimension = catalogue.findDimension(indicator.dimension);
    out << "### `" << indicator.id.str() << "` " << indicator.title << "\n\n";
    out << indicator.plainLanguage << "\n\n";
    out << "| field | value |\n|---|---|\n";
    out << "| dimension | " << (dimension ? dimension->name : indicator.dimension.str()) << " |\n";
    out << "| definition | " << cell(indicator.description) << " |\n";
    out << "| polarity | " << toString(indicator.polarity) << " |\n";
    out << "| measure | " << toString(indicator.measureType);
    if (indicator.measureType == MeasureType::Rate || indicator.measureType == MeasureType::Proportion)
        out << " (multiplier " << formatNumber(indicator.multiplier) << ")";
    if (indicator.measureType == MeasureType::Score)
        out << " (scale " << indicator.scale << ")";
    out << " |\n";
    out << "| unit | " << cell(indicator.unit) << " |\n";
    out << "| numerator | " << cell(indicator.numerator) << " |\n";
    out << "| denominator | " << cell(indicator.denominator) << " |\n";
    out << "| population | " << cell(indicator.population) << " |\n";
    out << "| goalposts | " << goalpostsText(indicator) << " |\n";
    out << "| minimum standard | " << cell(minimumStandardText(indicator)) << " |\n";
    out << "| reference group | " << referenceText(indicator) << " |\n";
    out << "| source | " << cell(indicator.source) << " |\n";
    out << "| characteristics | " << cell(characteristicList(indicator)) << " |\n";
    out << "| references | " << cell(joined(indicator.references, "; ")) << " |\n\n";
}

} // namespace

std::string goalpostsText(const Indicator& indicator) {
    return formatNumber(indicator.goalposts.lo) + " to " + formatNumber(indicator.goalposts.hi);
}

std::string minimumStandardText(const Indicator& indicator) {
    return indicator.minimumStandard ? formatNumber(*indicator.minimumStandard) : std::string();
}

std::string referenceText(const Indicator& indicator) {
    if (indicator.referenceRule == ReferenceRule::Named)
        return "named:" + indicator.referenceGroup;
    return toString(indicator.referenceRule);
}

void writeCodebookMarkdown(std::ostream& out, const Catalogue& catalogue) {
    out << "# Codebook: " << catalogue.frameworkName() << "\n\n";
    out << counted(catalogue.indicators().size(), "indicator") << " in "
        << counted(catalogue.domains().size(), "domain") << " and "
        << counted(catalogue.dimensions().size(), "dimension")
        << ". Proportions are in percent (0-100); rates are per the stated multiplier.\n\n";
    for (const Domain& domain : catalogue.domains()) {
        out << "## " << domain.name << " (`" << domain.id.str() << "`)\n\n";
        out << "The freedom to " << domain.capability << ".\n\n";
        for (const Indicator* indicator : catalogue.select(domain.id, DimensionId()))
            writeIndicatorMarkdown(out, *indicator, catalogue);
    }
    out << "## Characteristics and groups\n\n";
    for (const Characteristic& characteristic : catalogue.characteristics()) {
        out << "### `" << characteristic.id.str() << "` " << characteristic.name << "\n\n";
        out << (characteristic.ordered ? "Ordered" : "Unordered") << "; code list "
            << characteristic.codeListVersion << ".\n\n";
        if (characteristic.openCodeList) {
            out << "Open code list: any code is accepted.\n\n";
            continue;
        }
        out << "| order | code | label |\n|---|---|---|\n";
        for (const Group& group : characteristic.groups)
            out << "| " << group.order << " | `" << group.code.str() << "` | " << cell(group.label) << " |\n";
        out << "\n";
    }
}

void writeCodebookCsv(std::ostream& out, const Catalogue& catalogue) {
    out << "id,title,description,plain_language,domain,dimension,polarity,measure,multiplier,scale,unit,"
           "numerator,denominator,population,goalpost_lo,goalpost_hi,minimum_standard,reference,source,"
           "characteristics,references\n";
    for (const Indicator& i : catalogue.indicators()) {
        const std::vector<std::string> fields{i.id.str(),
                                              i.title,
                                              i.description,
                                              i.plainLanguage,
                                              i.domain.str(),
                                              i.dimension.str(),
                                              toString(i.polarity),
                                              toString(i.measureType),
                                              formatNumber(i.multiplier),
                                              i.scale,
                                              i.unit,
                                              i.numerator,
                                              i.denominator,
                                              i.population,
                                              formatNumber(i.goalposts.lo),
                                              formatNumber(i.goalposts.hi),
                                              minimumStandardText(i),
                                              referenceText(i),
                                              i.source,
                                              characteristicList(i),
                                              joined(i.references, "; ")};
        for (std::size_t f = 0; f < fields.size(); ++f)
            out << (f == 0 ? "" : ",") << csvField(fields[f]);
        out << "\n";
    }
}

} // namespace capeq
