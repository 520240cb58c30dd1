// SPDX-License-Identifier: Apache-2.0
// Every chart builder: the series and labels it makes, and a render that is not blank. Renders are kept
// in the test's temp dir and, when CAPEQ_KEEP_SCREENSHOTS names a directory, there for review.
#include "report_fixture.hpp"

#include <QAbstractSeries>
#include <QChart>
#include <QLegendMarker>
#include <QScatterSeries>

#include <gtest/gtest.h>
#include <report/chart_mapping.hpp>
#include <report/charts.hpp>
#include <support/test_support.hpp>

namespace capeq::report {
namespace {

class ReportCharts : public test::TempDirTest {
protected:
    // Renders the chart, keeps the PNG and checks that a good part of it is drawn.
    void expectDrawn(QChart& chart, const std::string& name) {
        const QImage image = renderChartImage(chart, QSize(760, 430), 1.0);
        test::keepImage(image, tempDir(), name);
        EXPECT_GT(test::nonBackgroundPixels(image), 760 * 430 / 50) << name << " looks blank";
    }
    static QStringList seriesNames(const QChart& chart) {
        QStringList names;
        for (const QAbstractSeries* series : chart.series())
            names << series->name();
        return names;
    }
    test::ReportCase m_case = test::makeReportCase();
};

TEST_F(ReportCharts, GapChartShowsClassesWhiskersReferenceAndASuppressedGap) {
    const auto it = std::find_if(m_case.score.indicators.begin(), m_case.score.indicators.end(),
                                 [](const IndicatorScore& s) { return s.indicator.str() == "good_health"; });
    ASSERT_NE(it, m_case.score.indicators.end());
    const SuppressionIndex index =
        indexSuppression(m_case.rows, applyDisclosureControl(m_case.rows, DisclosurePolicy{}));
    const GapChartData data = gapChartFor(*it, CharacteristicId{"ethnicity_5"}, m_case.catalogue, index);
    auto chart = buildGapChart(data);
    const QStringList names = seriesNames(*chart);
    EXPECT_TRUE(names.contains(QStringLiteral("Worse (triangle)")))
        << names.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(names.contains(QStringLiteral("95% confidence interval")));
    EXPECT_TRUE(names.filter(QStringLiteral("Reference (White)")).size() == 1);
    EXPECT_TRUE(names.contains(QStringLiteral("Reference group (star)")));
    EXPECT_TRUE(names.filter(QStringLiteral("Suppressed")).size() == 1);
    EXPECT_TRUE(names.filter(QStringLiteral("Minimum standard")).size() == 1);
    // Published groups get a marker; suppressed ones (black, and mixed by secondary suppression) none.
    const auto published = std::count_if(data.groups.begin(), data.groups.end(),
                                         [](const GapGroup& g) { return g.figure.value.has_value(); });
    EXPECT_EQ(published, 2);
    int markers = 0;
    for (QAbstractSeries* series : chart->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(series))
            markers += static_cast<int>(scatter->count());
    EXPECT_EQ(markers, published);
    const auto* worse =
        qobject_cast<QScatterSeries*>(chart->series().at(names.indexOf(QStringLiteral("Worse (triangle)"))));
    EXPECT_EQ(worse->pointLabelsFormat(), QStringLiteral("worse"));
    EXPECT_TRUE(worse->pointLabelsVisible());
    expectDrawn(*chart, "gap_chart");
}

TEST_F(ReportCharts, WheelHasAWedgePerCellAndDomainMarks) {
    auto chart = buildWheelChart(wheelFromScore(m_case.score, m_case.catalogue));
    // 3 domains x 3 dimensions wedges (scored or hatched) + the domain score marks.
    EXPECT_EQ(chart->series().size(), 10);
    EXPECT_TRUE(seriesNames(*chart).contains(QStringLiteral("No evidence")));
    EXPECT_EQ(chart->chartType(), QChart::ChartTypePolar);
    expectDrawn(*chart, "capability_wheel");
}

TEST_F(ReportCharts, HeatMapIntersectionAndCoverageDrawCellsWithALegend) {
    auto heat = buildHeatMapChart(heatMapFromScore(m_case.score, m_case.catalogue));
    EXPECT_TRUE(seriesNames(*heat).contains(QStringLiteral("worse: a significant gap")));
    expectDrawn(*heat, "heat_map");

    auto coverage = buildCoverageChart(coverageFromScore(m_case.score, m_case.catalogue));
    EXPECT_TRUE(seriesNames(*coverage).filter(QStringLiteral("No evidence")).size() == 1);
    expectDrawn(*coverage, "coverage_matrix");

    std::vector<EvidenceRow> crossed = m_case.rows;
    for (const auto& [group, n] : std::vector<std::pair<std::string, double>>{
             {"female*white", 500}, {"male*white", 480}, {"female*asian", 3}, {"male*asian", 90}}) {
        EvidenceRow r = crossed.front();
        r.characteristic = CharacteristicId{"sex*ethnicity_5"};
        r.group = GroupCode{group};
        r.sampleSize = n;
        r.value = 60.0 + n / 20.0;
        crossed.push_back(r);
    }
    auto intersection = buildIntersectionChart(
        intersectionFrom(crossed, m_case.catalogue, IndicatorId{"good_health"}, CharacteristicId{"sex"},
                         CharacteristicId{"ethnicity_5"}, DisclosurePolicy{}));
    EXPECT_TRUE(seriesNames(*intersection).filter(QStringLiteral("Suppressed")).size() == 1);
    expectDrawn(*intersection, "intersection");
}

TEST_F(ReportCharts, TrendSpineFunnelAndEquiplot) {
    auto trend = buildTrendChart(trendFromHistory(m_case.history, m_case.score, m_case.catalogue));
    EXPECT_TRUE(seriesNames(*trend).contains(QStringLiteral("Capability-equality index")));
    expectDrawn(*trend, "trend");

    const std::vector<ServiceScore> services = {m_case.history[0], m_case.history[1], m_case.score};
    const SpineData spineData = spineFrom(services, 2, m_case.catalogue);
    auto spine = buildSpineChart(spineData);
    int markers = 0;
    for (QAbstractSeries* series : spine->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(series))
            markers += static_cast<int>(scatter->count());
    EXPECT_EQ(markers, static_cast<int>(spineData.rows.size()));
    expectDrawn(*spine, "spine_chart");

    std::vector<EvidenceRow> areas;
    for (int i = 0; i < 12; ++i) {
        EvidenceRow r;
        r.indicator = IndicatorId{"good_health"};
        r.area = AreaCode{"E0" + std::to_string(i)};
        r.service = ServiceId{"svc" + std::to_string(i)};
        r.period = "2024/25";
        r.characteristic = kAllCharacteristic;
        r.group = kAllGroup;
        r.denominator = 150.0 * (i + 1);
        r.numerator = (0.74 + (i % 3 - 1) * 0.04) * *r.denominator;
        areas.push_back(r);
    }
    auto funnel = buildFunnelChart(funnelFrom(areas, m_case.catalogue, IndicatorId{"good_health"}, "2024/25",
                                              ServiceId{"svc4"}, DisclosurePolicy{}));
    const QStringList names = seriesNames(*funnel);
    EXPECT_TRUE(names.contains(QStringLiteral("95% limits (dashed)")));
    EXPECT_TRUE(names.contains(QStringLiteral("99.8% limits (dotted)")));
    EXPECT_TRUE(names.filter(QStringLiteral("Baseline")).size() == 1);
    expectDrawn(*funnel, "funnel_plot");

    auto equiplot =
        buildEquiplotChart(equiplotFrom(m_case.score, CharacteristicId{"disability"}, m_case.catalogue));
    EXPECT_TRUE(seriesNames(*equiplot).contains(QStringLiteral("Disabled")));
    expectDrawn(*equiplot, "equiplot");
}

TEST_F(ReportCharts, PngBytesAreAPngAndRenderingIsRepeatable) {
    auto chart = buildHeatMapChart(heatMapFromScore(m_case.score, m_case.catalogue));
    const QByteArray first = chartPng(*chart, QSize(400, 300), 2.0);
    const QByteArray second = chartPng(*chart, QSize(400, 300), 2.0);
    ASSERT_TRUE(first.startsWith("\x89PNG"));
    EXPECT_EQ(first, second);
    const QImage image = QImage::fromData(first, "PNG");
    EXPECT_EQ(image.width(), 800);
}

} // namespace
} // namespace capeq::report

namespace capeq::report {
namespace {

TEST_F(ReportCharts, HostileNamesAreDrawnAsTextNotMarkup) {
    GapChartData data;
    data.title = "<b>Title</b> & <script>";
    data.unit = "%";
    data.method = "<i>method</i>";
    data.referenceLabel = "<u>reference</u>";
    data.referenceValue = 50.0;
    GapGroup group;
    group.label = "<b>Group</b> & co";
    group.figure = ChartValue{40.0, 35.0, 45.0};
    group.significance = SignificanceClass::Worse;
    data.groups = {group};
    auto chart = buildGapChart(data);
    EXPECT_TRUE(chart->title().contains(QStringLiteral("&lt;script&gt;")));
    EXPECT_FALSE(chart->title().contains(QStringLiteral("<script>")));
    // Legends are rich text too: the reference line's name is escaped.
    EXPECT_TRUE(seriesNames(*chart).contains(QStringLiteral("&lt;u&gt;reference&lt;/u&gt;")));
    expectDrawn(*chart, "hostile_names");
}

} // namespace
} // namespace capeq::report
