// SPDX-License-Identifier: Apache-2.0
#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cmath>
#include <gui/models/plain_language.hpp>

namespace capeq::gui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("capeq::gui::PlainLanguage", text);
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString orNotStated(const std::string& text) {
    return text.empty() ? tr("Not stated") : qs(text).toHtmlEscaped();
}

// English digit grouping ("100,000") whatever the machine's locale, to match the catalogue's own wording.
QString grouped(double value) {
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        return english.toString(static_cast<qlonglong>(value));
    return english.toString(value, 'g', 10);
}

QString row(const QString& label, const QString& htmlValue) {
    return QStringLiteral("<tr><th align=\"left\" valign=\"top\">%1</th><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), htmlValue);
}

} // namespace

QString indicatorCountInWords(int count) {
    if (count == 0)
        return tr("no indicators");
    if (count == 1)
        return tr("1 indicator");
    return tr("%1 indicators").arg(count);
}

QString capabilityInWords(const Domain& domain) {
    QString text = qs(domain.capability).trimmed();
    if (text.isEmpty())
        return qs(domain.name);
    if (text.startsWith(QStringLiteral("the freedom to"), Qt::CaseInsensitive))
        return text.left(1).toUpper() + text.mid(1);
    return tr("The freedom to %1").arg(text);
}

QString polarityInWords(Polarity polarity) {
    switch (polarity) {
    case Polarity::HigherIsBetter:
        return tr("Higher values are better");
    case Polarity::LowerIsBetter:
        return tr("Lower values are better");
    case Polarity::NoJudgement:
        return tr("Shown for context only: neither higher nor lower counts as better, so it is not scored");
    }
    return {};
}

QString measureInWords(const Indicator& indicator) {
    switch (indicator.measureType) {
    case MeasureType::Proportion:
        return indicator.unit == "%" || indicator.multiplier == 100.0 ? tr("A percentage of people")
                                                                      : tr("A proportion of people");
    case MeasureType::Rate:
        // The unit usually names the base already ("per 1,000 live births"); people are the fallback.
        if (QString::fromStdString(indicator.unit).startsWith(QStringLiteral("per ")))
            return tr("A rate, %1").arg(qs(indicator.unit));
        return tr("A rate per %1 people").arg(grouped(indicator.multiplier));
    case MeasureType::Mean:
        return tr("An average (mean)");
    case MeasureType::Median:
        return tr("A median (the middle value when everyone is lined up)");
    case MeasureType::Ratio:
        return tr("A ratio of two quantities");
    case MeasureType::Score:
        return indicator.scale.empty() ? tr("A score")
                                       : tr("A score on a scale of %1").arg(qs(indicator.scale));
    }
    return {};
}

QString valueWithUnit(double value, const std::string& unit) {
    if (unit.empty())
        return grouped(value);
    if (unit == "%")
        return grouped(value) + QLatin1Char('%');
    return grouped(value) + QLatin1Char(' ') + qs(unit);
}

QString goalpostsInWords(const Indicator& indicator) {
    const QString lo = valueWithUnit(indicator.goalposts.lo, indicator.unit);
    const QString hi = valueWithUnit(indicator.goalposts.hi, indicator.unit);
    switch (indicator.polarity) {
    case Polarity::HigherIsBetter:
        return tr("%1 or less scores 0 and %2 or more scores 100 on achievement").arg(lo, hi);
    case Polarity::LowerIsBetter:
        return tr("%1 or more scores 0 and %2 or less scores 100 on achievement").arg(hi, lo);
    case Polarity::NoJudgement:
        return tr("From %1 to %2; used only to draw charts, because this indicator is not scored")
            .arg(lo, hi);
    }
    return {};
}

QString minimumStandardInWords(const Indicator& indicator) {
    if (!indicator.minimumStandard)
        return tr("None set");
    const QString floorValue = valueWithUnit(*indicator.minimumStandard, indicator.unit);
    if (indicator.polarity == Polarity::LowerIsBetter)
        return tr("No group should be above %1").arg(floorValue);
    return tr("Every group should reach at least %1").arg(floorValue);
}

QString referenceRuleInWords(const Indicator& indicator) {
    switch (indicator.referenceRule) {
    case ReferenceRule::BestGroup:
        return tr("The best-off group");
    case ReferenceRule::WholePopulation:
        return tr("The whole population");
    case ReferenceRule::LargestGroup:
        return tr("The largest group");
    case ReferenceRule::Named:
        return tr("The group \u201c%1\u201d").arg(qs(indicator.referenceGroup));
    }
    return {};
}

QString indicatorToolTip(const Indicator& indicator) {
    const QString text =
        indicator.plainLanguage.empty() ? qs(indicator.description) : qs(indicator.plainLanguage);
    return tr("%1\n%2.").arg(text, polarityInWords(indicator.polarity));
}

QString indicatorDetailsHtml(const Indicator& indicator, const Catalogue& catalogue) {
    const Domain* domain = catalogue.findDomain(indicator.domain);
    const Dimension* dimension = catalogue.findDimension(indicator.dimension);
    QStringList characteristics;
    for (const auto& id : indicator.characteristics) {
        const Characteristic* characteristic = catalogue.findCharacteristic(id);
        characteristics
            << (characteristic != nullptr ? qs(characteristic->name) : qs(id.str())).toHtmlEscaped();
    }
    QString references;
    for (const auto& reference : indicator.references)
        references += QStringLiteral("<li>%1</li>").arg(qs(reference).toHtmlEscaped());

    QString html = QStringLiteral("<h2>%1</h2>").arg(qs(indicator.title).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(orNotStated(indicator.plainLanguage));
    html += QStringLiteral("<table cellspacing=\"4\">");
    html += row(tr("Which way is better"), polarityInWords(indicator.polarity).toHtmlEscaped());
    html += row(tr("Life domain"),
                domain != nullptr ? qs(domain->name).toHtmlEscaped() : orNotStated(indicator.domain.str()));
    html += row(tr("Aspect"), dimension != nullptr ? qs(dimension->name).toHtmlEscaped()
                                                   : orNotStated(indicator.dimension.str()));
    html += row(tr("Kind of number"), measureInWords(indicator).toHtmlEscaped());
    html += row(tr("Unit"), orNotStated(indicator.unit));
    html += row(tr("Who is counted (numerator)"), orNotStated(indicator.numerator));
    html += row(tr("Out of whom (denominator)"), orNotStated(indicator.denominator));
    html += row(tr("Population covered"), orNotStated(indicator.population));
    html += row(tr("Goalposts for scoring"), goalpostsInWords(indicator).toHtmlEscaped());
    html += row(tr("Minimum standard"), minimumStandardInWords(indicator).toHtmlEscaped());
    html += row(tr("Groups are compared with"), referenceRuleInWords(indicator).toHtmlEscaped());
    html += row(tr("Technical definition"), orNotStated(indicator.description));
    html += row(tr("Usual source"), orNotStated(indicator.source));
    html += row(tr("Usually available by"),
                characteristics.isEmpty() ? tr("Not stated") : characteristics.join(QStringLiteral(", ")));
    html += row(tr("References"),
                references.isEmpty() ? tr("None listed") : QStringLiteral("<ul>%1</ul>").arg(references));
    html +=
        row(tr("Identifier"), QStringLiteral("<code>%1</code>").arg(qs(indicator.id.str()).toHtmlEscaped()));
    if (!indicator.definedAt.file.empty())
        html += row(tr("Defined in"), QStringLiteral("%1:%2")
                                          .arg(qs(indicator.definedAt.file).toHtmlEscaped())
                                          .arg(indicator.definedAt.line));
    html += QStringLiteral("</table>");
    return html;
}

} // namespace capeq::gui
