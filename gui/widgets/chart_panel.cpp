// SPDX-License-Identifier: Apache-2.0
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <gui/charts/chart_views.hpp>
#include <gui/widgets/chart_panel.hpp>
#include <gui/workers/scoring_worker.hpp>
#include <utility>

namespace capeq::gui {

namespace {

// A tab page: an optional chooser above the chart, and a hint that stands in for the chart when there is
// nothing to draw (an empty chart would leave the reader guessing why).
QWidget* chartPage(QWidget* parent, QWidget* view, QLabel* hint, QComboBox* choice,
                   const QString& choiceText) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    if (choice != nullptr) {
        auto* label = new QLabel(choiceText, page);
        label->setBuddy(choice);
        auto* row = new QHBoxLayout;
        row->addWidget(label);
        row->addWidget(choice, 1);
        layout->addLayout(row);
    }
    if (hint != nullptr) {
        hint->setWordWrap(true);
        hint->setAlignment(Qt::AlignCenter);
        hint->setMargin(24);
        layout->addWidget(hint, 1);
    }
    layout->addWidget(view, 1);
    return page;
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// Shows the hint instead of the view when there is nothing to draw (text empty: the view).
void showHint(QLabel* hint, QWidget* view, const QString& text) {
    hint->setText(text);
    hint->setVisible(!text.isEmpty());
    view->setVisible(text.isEmpty());
}

QString noScoresHint() {
    return ChartPanel::tr("No scores yet. Import evidence to see how the service compares.");
}

bool inScope(const std::vector<std::string>& scope, const CharacteristicId& characteristic) {
    return scope.empty() || std::find(scope.begin(), scope.end(), characteristic.str()) != scope.end();
}

} // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QTabWidget(parent)
    , m_wheel(new WheelChartView(this))
    , m_heatMap(new HeatMapChartView(this))
    , m_gap(new GapChartView(this))
    , m_trend(new TrendChartView(this))
    , m_intersection(new IntersectionChartView(this))
    , m_coverage(new CoverageChartView(this))
    , m_spine(new SpineChartView(this))
    , m_funnel(new FunnelChartView(this))
    , m_equiplot(new EquiplotChartView(this))
    , m_intersectionChoice(new QComboBox(this))
    , m_funnelChoice(new QComboBox(this))
    , m_equiplotChoice(new QComboBox(this))
    , m_intersectionHint(new QLabel(this))
    , m_spineHint(new QLabel(this))
    , m_funnelHint(new QLabel(this)) {
    m_intersectionChoice->setObjectName(QStringLiteral("intersectionChoice"));
    m_funnelChoice->setObjectName(QStringLiteral("funnelChoice"));
    m_equiplotChoice->setObjectName(QStringLiteral("equiplotChoice"));
    addTab(m_wheel, tr("Wheel")); // short tab names: ten tabs fit a 1366-pixel screen
    addTab(m_heatMap, tr("Heat map"));
    addTab(m_gap, tr("Gap chart"));
    addTab(m_trend, tr("Trend"));
    addTab(chartPage(this, m_intersection, m_intersectionHint, m_intersectionChoice, tr("&Breakdown:")),
           tr("Intersection"));
    addTab(m_coverage, tr("Coverage"));
    addTab(chartPage(this, m_spine, m_spineHint, nullptr, QString()), tr("Spine"));
    addTab(chartPage(this, m_funnel, m_funnelHint, m_funnelChoice, tr("&Indicator:")), tr("Funnel"));
    addTab(chartPage(this, m_equiplot, nullptr, m_equiplotChoice, tr("C&haracteristic:")), tr("Equiplot"));
    const QStringList tips{
        tr("Each slice is a life domain; rings are outcomes, treatment and autonomy. Bigger is better."),
        tr("Life domains against characteristics: where some group fares significantly worse."),
        tr("Each group's figure with its uncertainty, against the reference line. Select an indicator."),
        tr("The index and domain scores over the periods with evidence."),
        tr("People in two groups at once (for example sex and ethnicity), each combination against "
           "everyone."),
        tr("Which of the 30 domain-by-aspect cells have usable evidence."),
        tr("This service against the other services and areas in the evidence, one row per indicator."),
        tr("Every service or area by its size: dots outside the funnel differ by more than chance."),
        tr("Groups as dots on one line per indicator: the longer the line, the bigger the gap.")};
    for (int tab = 0; tab < ChartCount; ++tab)
        setTabToolTip(tab, tips[tab]);
    connect(m_equiplotChoice, &QComboBox::currentIndexChanged, this, &ChartPanel::showEquiplot);
    connect(m_funnelChoice, &QComboBox::currentIndexChanged, this, &ChartPanel::showFunnel);
    connect(m_intersectionChoice, &QComboBox::currentIndexChanged, this, &ChartPanel::showIntersection);
    connect(this, &QTabWidget::currentChanged, this, &ChartPanel::showCurrentTab);
    clearCharts();
}

ChartPanel::~ChartPanel() = default;

QStringList ChartPanel::tabNames() const {
    QStringList names;
    for (int tab = 0; tab < count(); ++tab)
        names << tabText(tab);
    return names;
}

QStringList ChartPanel::funnelChoices() {
    prepareComparison();
    QStringList choices;
    for (int i = 0; i < m_funnelChoice->count(); ++i)
        choices << m_funnelChoice->itemText(i);
    return choices;
}

QStringList ChartPanel::intersectionChoices() {
    prepareComparison();
    QStringList choices;
    for (int i = 0; i < m_intersectionChoice->count(); ++i)
        choices << m_intersectionChoice->itemText(i);
    return choices;
}

void ChartPanel::clearCharts() {
    // Drawn empty at once (not marked stale): there is no newer data to wait for.
    m_charts.reset();
    m_gapData.reset();
    m_stale.fill(false);
    m_wheel->setData({});
    m_heatMap->setData({});
    m_gap->setData({});
    m_trend->setData({});
    m_coverage->setData({});
    {
        const QSignalBlocker block(m_equiplotChoice);
        m_equiplotChoice->clear();
    }
    m_equiplot->setData({});
    clearComparison();
}

void ChartPanel::clearComparison() {
    m_comparisonSource = nullptr;
    m_evidence.reset();
    m_funnelIndicators.clear();
    m_intersections.clear();
    {
        const QSignalBlocker blockFunnel(m_funnelChoice);
        const QSignalBlocker blockIntersection(m_intersectionChoice);
        m_funnelChoice->clear();
        m_intersectionChoice->clear();
    }
    m_spineCurrent = false;
    m_funnelShown = -1;
    m_intersectionShown = -1;
    m_spine->setData({});
    m_funnel->setData({});
    m_intersection->setData({});
    showHint(m_spineHint, m_spine, noScoresHint());
    showHint(m_funnelHint, m_funnel, noScoresHint());
    showHint(m_intersectionHint, m_intersection, noScoresHint());
}

void ChartPanel::setCharts(std::shared_ptr<const AnalysisCharts> charts) {
    m_charts = std::move(charts);
    const int previous = m_equiplotChoice->currentIndex();
    {
        const QSignalBlocker block(m_equiplotChoice);
        m_equiplotChoice->clear();
        if (m_charts)
            for (const report::EquiplotData& plot : m_charts->equiplots)
                m_equiplotChoice->addItem(QString::fromStdString(plot.title));
        m_equiplotChoice->setCurrentIndex(previous >= 0 && previous < m_equiplotChoice->count() ? previous
                                                                                                : 0);
    }
    for (const Tab tab : {Wheel, HeatMap, Trend, Coverage, Equiplot})
        m_stale[tab] = true;
    showCurrentTab();
}

void ChartPanel::setGapChart(report::GapChartData gap) {
    m_gapData = std::move(gap);
    m_stale[Gap] = true;
    showCurrentTab();
}

void ChartPanel::setComparisonSource(ComparisonSource source) {
    m_comparisonSource = std::move(source);
    m_evidence.reset();
    m_spineCurrent = false;
    m_funnelShown = -1;
    m_intersectionShown = -1;
    showCurrentTab();
}

void ChartPanel::showCurrentTab() {
    const int tab = currentIndex();
    if (tab == Spine || tab == Funnel || tab == Intersection)
        showCurrentComparison();
    else if (tab >= 0 && tab < ChartCount && m_stale[static_cast<std::size_t>(tab)])
        drawChart(tab);
}

void ChartPanel::drawChart(int tab) {
    m_stale[static_cast<std::size_t>(tab)] = false;
    switch (tab) {
    case Wheel:
        m_wheel->setData(m_charts ? m_charts->wheel : report::WheelData{});
        break;
    case HeatMap:
        m_heatMap->setData(m_charts ? m_charts->heatMap : report::HeatMapData{});
        break;
    case Gap:
        m_gap->setData(m_gapData.value_or(report::GapChartData{}));
        break;
    case Trend:
        m_trend->setData(m_charts ? m_charts->trend : report::TrendData{});
        break;
    case Coverage:
        m_coverage->setData(m_charts ? m_charts->coverage : report::CoverageData{});
        break;
    case Equiplot:
        showEquiplot(m_equiplotChoice->currentIndex());
        break;
    default:
        break;
    }
}

void ChartPanel::prepareComparison() {
    if (!m_comparisonSource)
        return;
    // Taken out first: the source is used once per score, also when it throws.
    const ComparisonSource source = std::exchange(m_comparisonSource, nullptr);
    ComparisonEvidence evidence = source();
    if (!evidence.catalogue) {
        clearComparison();
        return;
    }
    m_evidence = std::make_unique<ComparisonEvidence>(std::move(evidence));
    const ComparisonEvidence& e = *m_evidence;
    m_funnelIndicators = report::funnelIndicators(e.rows, *e.catalogue, e.period);
    m_intersections.clear();
    for (const report::IntersectionChoice& choice :
         report::intersectionsIn(e.rows, e.service, e.area, e.period))
        if (inScope(e.scope, choice.rowCharacteristic) && inScope(e.scope, choice.columnCharacteristic))
            m_intersections.push_back(choice);
    // Repopulated without signals, keeping the reader's choice when it is still offered.
    const auto refill = [](QComboBox* box, const QStringList& items) {
        const QSignalBlocker block(box);
        const QString previous = box->currentText();
        box->clear();
        box->addItems(items);
        box->setCurrentIndex(std::max(0, static_cast<int>(items.indexOf(previous))));
    };
    QStringList funnelItems;
    for (const IndicatorId& indicator : m_funnelIndicators) {
        const Indicator* known = e.catalogue->findIndicator(indicator);
        funnelItems << qs(known != nullptr ? known->title : indicator.str());
    }
    refill(m_funnelChoice, funnelItems);
    QStringList intersectionItems;
    for (const report::IntersectionChoice& choice : m_intersections) {
        const auto name = [&](const CharacteristicId& id) {
            const Characteristic* known = e.catalogue->findCharacteristic(id);
            return qs(known != nullptr ? known->name : id.str());
        };
        const Indicator* known = e.catalogue->findIndicator(choice.indicator);
        intersectionItems << tr("%1 by %2 and %3")
                                 .arg(qs(known != nullptr ? known->title : choice.indicator.str()),
                                      name(choice.rowCharacteristic), name(choice.columnCharacteristic));
    }
    refill(m_intersectionChoice, intersectionItems);
    m_spineCurrent = false;
    m_funnelShown = -1;
    m_intersectionShown = -1;
}

void ChartPanel::showCurrentComparison() {
    // Mapped only when shown: a regulator's file holds hundreds of areas, and most readers never open
    // these tabs.
    prepareComparison();
    if (!m_evidence)
        return;
    switch (currentIndex()) {
    case Spine:
        if (!m_spineCurrent)
            showSpine();
        break;
    case Funnel:
        if (m_funnelShown != m_funnelChoice->currentIndex() || m_funnelShown < 0)
            showFunnel(m_funnelChoice->currentIndex());
        break;
    case Intersection:
        if (m_intersectionShown != m_intersectionChoice->currentIndex() || m_intersectionShown < 0)
            showIntersection(m_intersectionChoice->currentIndex());
        break;
    default:
        break;
    }
}

void ChartPanel::showSpine() {
    if (!m_evidence)
        return;
    const ComparisonEvidence& e = *m_evidence;
    m_spineCurrent = true;
    try {
        const report::SpineData spine =
            report::spineFromRows(e.rows, *e.catalogue, e.service, e.area, e.period, e.disclosure);
        if (spine.rows.empty()) {
            showHint(
                m_spineHint, m_spine,
                tr("No other service or area in this assessment's evidence has figures for the same "
                   "indicators in %1, so there is nothing to compare with. Import evidence that also "
                   "covers other areas (for example a regulator's or a benchmarking group's file) to see "
                   "where this service sits among them.")
                    .arg(qs(e.period)));
            return;
        }
        m_spine->setData(spine);
        showHint(m_spineHint, m_spine, QString());
    } catch (const std::exception& failure) {
        showHint(m_spineHint, m_spine,
                 tr("The spine chart could not be drawn: %1").arg(QString::fromUtf8(failure.what())));
    }
}

void ChartPanel::showFunnel(int index) {
    if (!m_evidence)
        return;
    const ComparisonEvidence& e = *m_evidence;
    m_funnelShown = index;
    if (index < 0 || static_cast<std::size_t>(index) >= m_funnelIndicators.size()) {
        showHint(
            m_funnelHint, m_funnel,
            tr("A funnel plot needs a proportion or rate with its numerator and denominator for at least "
               "two services or areas in %1. This assessment's evidence has none, so there is nothing "
               "to plot.")
                .arg(qs(e.period)));
        return;
    }
    try {
        m_funnel->setData(report::funnelFrom(e.rows, *e.catalogue,
                                             m_funnelIndicators[static_cast<std::size_t>(index)], e.period,
                                             e.service, e.disclosure, e.area));
        showHint(m_funnelHint, m_funnel, QString());
    } catch (const std::exception& failure) {
        showHint(m_funnelHint, m_funnel,
                 tr("The funnel plot could not be drawn: %1").arg(QString::fromUtf8(failure.what())));
    }
}

void ChartPanel::showIntersection(int index) {
    if (!m_evidence)
        return;
    const ComparisonEvidence& e = *m_evidence;
    m_intersectionShown = index;
    if (index < 0 || static_cast<std::size_t>(index) >= m_intersections.size()) {
        showHint(
            m_intersectionHint, m_intersection,
            tr("The evidence has no crossed breakdowns for this service in %1. Rows whose characteristic "
               "joins two characteristics with '*' (for example sex*ethnicity_5, with groups such as "
               "female*black) are shown here as a grid.")
                .arg(qs(e.period)));
        return;
    }
    const report::IntersectionChoice& choice = m_intersections[static_cast<std::size_t>(index)];
    // Only the service in focus: the view compares its crossed groups with its own whole population.
    std::vector<EvidenceRow> own;
    for (const EvidenceRow& row : e.rows)
        if (row.service == e.service && row.area == e.area && row.indicator == choice.indicator)
            own.push_back(row);
    try {
        m_intersection->setData(report::intersectionFrom(own, *e.catalogue, choice.indicator,
                                                         choice.rowCharacteristic,
                                                         choice.columnCharacteristic, e.disclosure));
        showHint(m_intersectionHint, m_intersection, QString());
    } catch (const std::exception& failure) {
        showHint(m_intersectionHint, m_intersection,
                 tr("The intersection view could not be drawn: %1").arg(QString::fromUtf8(failure.what())));
    }
}

void ChartPanel::showEquiplot(int index) {
    // Empty when the new score has no such characteristic: the previous score's plot would be stale.
    const bool known = m_charts && index >= 0 && static_cast<std::size_t>(index) < m_charts->equiplots.size();
    m_equiplot->setData(known ? m_charts->equiplots[static_cast<std::size_t>(index)]
                              : report::EquiplotData{});
}

} // namespace capeq::gui
