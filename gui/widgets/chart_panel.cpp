// SPDX-License-Identifier: Apache-2.0
#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

#include <gui/charts/chart_views.hpp>
#include <gui/widgets/chart_panel.hpp>
#include <gui/workers/scoring_worker.hpp>

namespace capeq::gui {

ChartPanel::ChartPanel(QWidget* parent)
    : QTabWidget(parent)
    , m_wheel(new WheelChartView(this))
    , m_heatMap(new HeatMapChartView(this))
    , m_gap(new GapChartView(this))
    , m_trend(new TrendChartView(this))
    , m_coverage(new CoverageChartView(this))
    , m_equiplot(new EquiplotChartView(this))
    , m_equiplotChoice(new QComboBox(this)) {
    auto* equiplotPage = new QWidget(this);
    auto* equiplotLayout = new QVBoxLayout(equiplotPage);
    equiplotLayout->setContentsMargins(0, 0, 0, 0);
    auto* choiceLabel = new QLabel(tr("C&haracteristic:"), equiplotPage);
    choiceLabel->setBuddy(m_equiplotChoice);
    auto* row = new QHBoxLayout;
    row->addWidget(choiceLabel);
    row->addWidget(m_equiplotChoice, 1);
    equiplotLayout->addLayout(row);
    equiplotLayout->addWidget(m_equiplot, 1);

    addTab(m_wheel, tr("Capability wheel"));
    addTab(m_heatMap, tr("Heat map"));
    addTab(m_gap, tr("Gap chart"));
    addTab(m_trend, tr("Trend"));
    addTab(m_coverage, tr("Coverage"));
    addTab(equiplotPage, tr("Equiplot"));
    const QStringList tips{
        tr("Each slice is a life domain; rings are outcomes, treatment and autonomy. Bigger is better."),
        tr("Life domains against characteristics: where some group fares significantly worse."),
        tr("Each group's figure with its uncertainty, against the reference line. Select an indicator."),
        tr("The index and domain scores over the periods with evidence."),
        tr("Which of the 30 domain-by-aspect cells have usable evidence."),
        tr("Groups as dots on one line per indicator: the longer the line, the bigger the gap.")};
    for (int tab = 0; tab < ChartCount; ++tab)
        setTabToolTip(tab, tips[tab]);
    connect(m_equiplotChoice, &QComboBox::currentIndexChanged, this, &ChartPanel::showEquiplot);
    clearCharts();
}

QStringList ChartPanel::tabNames() const {
    QStringList names;
    for (int tab = 0; tab < count(); ++tab)
        names << tabText(tab);
    return names;
}

void ChartPanel::clearCharts() {
    m_wheel->setData({});
    m_heatMap->setData({});
    m_gap->setData({});
    m_trend->setData({});
    m_coverage->setData({});
    m_equiplots.clear();
    m_equiplotChoice->clear();
    m_equiplot->setData({});
}

void ChartPanel::setCharts(const AnalysisCharts& charts) {
    m_wheel->setData(charts.wheel);
    m_heatMap->setData(charts.heatMap);
    m_trend->setData(charts.trend);
    m_coverage->setData(charts.coverage);
    const int previous = m_equiplotChoice->currentIndex();
    m_equiplots = charts.equiplots;
    {
        const QSignalBlocker block(m_equiplotChoice);
        m_equiplotChoice->clear();
        for (const report::EquiplotData& plot : m_equiplots)
            m_equiplotChoice->addItem(QString::fromStdString(plot.title));
        m_equiplotChoice->setCurrentIndex(previous >= 0 && previous < m_equiplotChoice->count() ? previous
                                                                                                : 0);
    }
    showEquiplot(m_equiplotChoice->currentIndex());
}

void ChartPanel::showEquiplot(int index) {
    if (index >= 0 && static_cast<std::size_t>(index) < m_equiplots.size())
        m_equiplot->setData(m_equiplots[static_cast<std::size_t>(index)]);
}

void ChartPanel::setGapChart(const report::GapChartData& gap) {
    m_gap->setData(gap);
}

} // namespace capeq::gui
