// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/disclosure/disclosure_policy.hpp>
#include <capeq/evidence/evidence.hpp>

#include <QTabWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <report/chart_data.hpp>
#include <report/chart_mapping.hpp>
#include <string>
#include <vector>

class QComboBox;
class QLabel;

namespace capeq::gui {

struct AnalysisCharts;
class CoverageChartView;
class EquiplotChartView;
class FunnelChartView;
class GapChartView;
class HeatMapChartView;
class IntersectionChartView;
class SpineChartView;
class TrendChartView;
class WheelChartView;

/// What the views that compare services or cross two characteristics need besides the score: the
/// evidence of every service and area for the scored period, and which service and area is in focus.
struct ComparisonEvidence {
    std::shared_ptr<const Catalogue> catalogue;
    std::vector<EvidenceRow> rows; ///< every service and area in the assessment, the scored period only
    ServiceId service;
    AreaCode area;
    std::string period;
    DisclosurePolicy disclosure;
    std::vector<std::string> scope; ///< characteristics in scope; empty = all
};

/// The analysis charts as tabs: capability wheel, heat map, gap chart of the selected indicator, trend,
/// intersection (two crossed characteristics), coverage, spine chart and funnel plot (this service against
/// the other services and areas of the evidence) and equiplot. Reads only lib/report's plain chart data.
///
/// Charts are drawn lazily: new data marks every chart stale and only the current tab's chart is drawn;
/// another tab's chart is drawn with the newest data when its tab is shown. Drawing
/// a chart (QChart layout, axes, thousands of points) is most of the studio's cost of taking in a new
/// score, and a reader looks at one tab at a time. The comparison evidence (every area's rows of the
/// period) is likewise fetched only when the intersection, spine or funnel tab is shown.
class ChartPanel : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { Wheel, HeatMap, Gap, Trend, Intersection, Coverage, Spine, Funnel, Equiplot, ChartCount };
    /// Gives the comparison evidence of the current score; called at most once per score, when needed.
    using ComparisonSource = std::function<ComparisonEvidence()>;

    explicit ChartPanel(QWidget* parent = nullptr);
    ~ChartPanel() override;

    /// The score's charts (shared with the scoring result, not copied).
    void setCharts(std::shared_ptr<const AnalysisCharts> charts);
    void setGapChart(report::GapChartData gap);
    /// Where the intersection, spine and funnel views get their evidence; they are redrawn when next shown.
    void setComparisonSource(ComparisonSource source);
    void clearCharts();
    /// The tab names in order (Ctrl+Tab moves between them).
    QStringList tabNames() const;
    /// The choices offered for the funnel plot and the intersection view (their combo boxes' texts);
    /// fetches the comparison evidence if no comparison tab has been shown since the last score.
    QStringList funnelChoices();
    QStringList intersectionChoices();

private:
    /// Draws the current tab's chart if it is stale.
    void showCurrentTab();
    void drawChart(int tab);
    /// Fetches the comparison evidence from the source if it has not been since the last score.
    void prepareComparison();
    void clearComparison();
    void showCurrentComparison();
    void showSpine();
    void showFunnel(int index);
    void showIntersection(int index);
    void showEquiplot(int index);

    WheelChartView* m_wheel = nullptr;
    HeatMapChartView* m_heatMap = nullptr;
    GapChartView* m_gap = nullptr;
    TrendChartView* m_trend = nullptr;
    IntersectionChartView* m_intersection = nullptr;
    CoverageChartView* m_coverage = nullptr;
    SpineChartView* m_spine = nullptr;
    FunnelChartView* m_funnel = nullptr;
    EquiplotChartView* m_equiplot = nullptr;
    QComboBox* m_intersectionChoice = nullptr;
    QComboBox* m_funnelChoice = nullptr;
    QComboBox* m_equiplotChoice = nullptr;
    QLabel* m_intersectionHint = nullptr;
    QLabel* m_spineHint = nullptr;
    QLabel* m_funnelHint = nullptr;
    std::shared_ptr<const AnalysisCharts> m_charts;
    std::optional<report::GapChartData> m_gapData;
    std::array<bool, ChartCount> m_stale{}; ///< the tab's chart does not show the newest data yet
    ComparisonSource m_comparisonSource;    ///< empty once used, until the next score
    std::unique_ptr<ComparisonEvidence> m_evidence;
    std::vector<IndicatorId> m_funnelIndicators;
    std::vector<report::IntersectionChoice> m_intersections;
    bool m_spineCurrent = false; ///< the spine view shows m_evidence
    int m_funnelShown = -1;      ///< the funnel choice drawn from m_evidence, -1 for none yet
    int m_intersectionShown = -1;
};

} // namespace capeq::gui
