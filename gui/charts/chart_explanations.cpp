// SPDX-License-Identifier: Apache-2.0
#include "chart_explanations.hpp"

namespace capeq::gui {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

const QString kCues = QStringLiteral(
    "Colours and shapes: blue circle = significantly better, grey square = no significant difference, orange "
    "triangle = significantly worse; each significant mark is also labelled in words.");

} // namespace

QString wheelExplanation() {
    return QStringLiteral(
        "The capability wheel shows how the service does in each of the ten life domains. Each "
        "domain's slice is split into three wedges: outcomes (what people achieve), treatment (how "
        "they are treated) and autonomy (how much choice and control they have). A longer wedge "
        "means a higher score out of 100, after allowing for gaps between groups. Hatched wedges "
        "have no evidence; the black dot is the domain's score.");
}

QString gapChartExplanation(const report::GapChartData& data) {
    return QStringLiteral(
               "Each mark is one group's figure for this indicator; the whiskers show the 95% confidence "
               "interval, the range the true value probably lies in. The dashed line is what groups are "
               "compared with (") +
           qs(data.referenceLabel).toHtmlEscaped() +
           QStringLiteral(
               "). A group is called worse or better only when the difference is larger than chance "
               "would explain. ") +
           kCues +
           QStringLiteral(
               " Groups too small to publish are named but not drawn, so nobody can be identified.");
}

QString heatMapExplanation() {
    return QStringLiteral(
        "Each square shows, for one life domain and one protected characteristic, the most serious "
        "finding among the domain's indicators: orange 'worse' where some group is significantly "
        "worse off than the best-off group, grey 'unclear' where a gap could be chance, 'no gap' "
        "where groups are alike, and hatched where there is no evidence.");
}

QString trendExplanation(const report::TrendData& data) {
    return QStringLiteral("How the figures changed from one period to the next") +
           (data.series.size() > 1 ? QStringLiteral(", one line per series") : QString()) +
           QStringLiteral(
               ". Vertical whiskers are 95% confidence intervals where the data has them; a break in a "
               "line is a period with no figure or a suppressed one.");
}

QString intersectionExplanation() {
    return QStringLiteral(
        "People belong to several groups at once. Each square is one combination (for example "
        "women from one ethnic group), compared with everyone: blue better, orange worse, grey no "
        "significant difference. Hatched squares were suppressed because too few people are in them "
        "(their figure is never shown), or have no figure at all.");
}

QString coverageExplanation(const report::CoverageData& data) {
    return QStringLiteral(
               "How much of the framework the evidence covers: for each domain and aspect, how many of "
               "the catalogue's indicators have usable evidence. Missing evidence is itself a finding. ") +
           qs(data.summary).toHtmlEscaped() + QStringLiteral(".");
}

QString spineExplanation(const report::SpineData& data) {
    return QStringLiteral("Each row compares ") + qs(data.subjectLabel).toHtmlEscaped() +
           QStringLiteral(
               " with the other services and areas in the evidence. The light bar runs from the lowest to "
               "the highest of them, the dark bar covers the middle half, and the black line is the ") +
           qs(data.benchmarkLabel).toHtmlEscaped() + QStringLiteral(". Better is always to the right. ") +
           kCues;
}

QString funnelExplanation(const report::FunnelData& data) {
    return QStringLiteral(
               "Each dot is an area or service, placed by how many people it counted (across) and its "
               "figure (up). Small services vary more by chance, so the control limits fan out like a "
               "funnel. A dot outside the dashed 95% lines is unusual; outside the dotted 99.8% lines it "
               "is very unlikely to be chance. The solid line is the overall figure, ") +
           QString::number(data.baseline, 'f', 1) + QStringLiteral(".");
}

QString equiplotExplanation() {
    return QStringLiteral(
        "One line per indicator: each dot is a group, and the line joins the lowest to the highest "
        "group, so a long line means a wide gap between groups. Colours and shapes tell the "
        "groups apart.");
}

QString gapGroupInWords(const report::GapGroup& group, const std::string& unit) {
    const QString name = qs(group.label).toHtmlEscaped();
    if (group.suppression.suppressed)
        return name + QStringLiteral(": not shown (") + qs(group.suppression.text).toHtmlEscaped() +
               QStringLiteral(")");
    if (!group.figure.value)
        return name + QStringLiteral(": no figure");
    QString text = name + QStringLiteral(": ") + QString::number(*group.figure.value, 'f', 1) +
                   QStringLiteral(" ") + qs(unit).toHtmlEscaped();
    if (group.figure.lower && group.figure.upper)
        text += QStringLiteral(" (95% CI ") + QString::number(*group.figure.lower, 'f', 1) +
                QStringLiteral(" to ") + QString::number(*group.figure.upper, 'f', 1) + QStringLiteral(")");
    const std::string_view word = report::significanceText(group.significance);
    text += group.isReference
                ? QStringLiteral(", the reference group")
                : QStringLiteral(", ") + QString::fromUtf8(word.data(), static_cast<qsizetype>(word.size()));
    if (group.lowReliability)
        text += QStringLiteral("; based on fewer than 50 people, so treat with caution");
    return text;
}

} // namespace capeq::gui
