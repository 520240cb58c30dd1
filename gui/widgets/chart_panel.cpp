// SPDX-License-Identifier: Apache-2.0
#include <QLabel>

#include <gui/widgets/chart_panel.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

namespace {

enum Tab { Wheel, HeatMap, Gap, Trend, Coverage, Equiplot, TabCount };

} // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QTabWidget(parent) {
    const QStringList names{tr("Capability wheel"), tr("Heat map"), tr("Gap chart"), tr("Trend"),
                            tr("Coverage"),         tr("Equiplot")};
    const QStringList tips{
        tr("Each slice is a life domain; rings are outcomes, treatment and autonomy. Bigger is better."),
        tr("Life domains against characteristics: where some group fares significantly worse."),
        tr("Each group's figure with its uncertainty, against the reference line. Pick an indicator."),
        tr("The index and domain scores over the periods with evidence."),
        tr("Which of the 30 domain-by-aspect cells have usable evidence."),
        tr("Groups as dots on one line per indicator: the longer the line, the bigger the gap.")};
    for (int tab = 0; tab < TabCount; ++tab) {
        auto* label = new QLabel(this);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        addTab(label, names[tab]);
        setTabToolTip(tab, tips[tab]);
    }
    clearCharts();
}

QStringList ChartPanel::tabNames() const {
    QStringList names;
    for (int tab = 0; tab < count(); ++tab)
        names << tabText(tab);
    return names;
}

void ChartPanel::setPanel(int tab, const QString& title, const QString& summary) {
    auto* label = qobject_cast<QLabel*>(widget(tab));
    if (label)
        label->setText(
            QStringLiteral("<h3>%1</h3><p>%2</p>").arg(title.toHtmlEscaped(), summary.toHtmlEscaped()));
}

void ChartPanel::clearCharts() {
    for (int tab = 0; tab < count(); ++tab)
        setPanel(tab, tabText(tab), tr("Import evidence to see this chart."));
}

void ChartPanel::setCharts(const AnalysisCharts& charts) {
    setPanel(Wheel, QString::fromStdString(charts.wheel.title),
             tr("%1 domains x %2 aspects")
                 .arg(charts.wheel.domainLabels.size())
                 .arg(charts.wheel.dimensionLabels.size()));
    setPanel(HeatMap, QString::fromStdString(charts.heatMap.title),
             QString::fromStdString(charts.heatMap.method));
    setPanel(Trend, QString::fromStdString(charts.trend.title),
             tr("%n period(s)", nullptr, static_cast<int>(charts.trend.periods.size())));
    setPanel(Coverage, QString::fromStdString(charts.coverage.title),
             QString::fromStdString(charts.coverage.summary));
    setPanel(Equiplot,
             charts.equiplots.empty() ? tabText(Equiplot)
                                      : QString::fromStdString(charts.equiplots.front().title),
             tr("%n characteristic(s)", nullptr, static_cast<int>(charts.equiplots.size())));
}

void ChartPanel::setGapChart(const report::GapChartData& gap) {
    setPanel(Gap, QString::fromStdString(gap.title), QString::fromStdString(gap.method));
}

} // namespace capeq::gui
