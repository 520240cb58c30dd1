// SPDX-License-Identifier: Apache-2.0
#pragma once

// Plain value structs describing every chart CapEq draws. They hold display-ready labels and numbers only
// (no core types, no Qt types), so the studio can build them on a worker thread, hand them to the GUI
// thread, and the chart builders and views never reach back into scoring code. A figure that disclosure
// control suppressed is never given a value here: its value is std::nullopt and it carries a reason code.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capeq::report {

/// The comparison class a mark is coloured and labelled by. Better/Similar/Worse need a polarity;
/// Lower/Higher are used for no-judgement indicators; NotCompared when no test was possible.
enum class SignificanceClass { NotCompared, Better, Similar, Worse, Lower, Higher };

/// Plain words for a class, used in labels and legends: "better", "similar", "worse", "lower", "higher",
/// "not compared".
constexpr std::string_view significanceText(SignificanceClass significance) {
    switch (significance) {
    case SignificanceClass::Better:
        return "better";
    case SignificanceClass::Similar:
        return "similar";
    case SignificanceClass::Worse:
        return "worse";
    case SignificanceClass::Lower:
        return "lower";
    case SignificanceClass::Higher:
        return "higher";
    case SignificanceClass::NotCompared:
        break;
    }
    return "not compared";
}

/// Which direction is good for an indicator (mirrors the catalogue's polarity without depending on it).
enum class ChartPolarity { HigherIsBetter, LowerIsBetter, NoJudgement };

/// A value with an optional confidence interval. Absent value = no figure (missing or suppressed).
struct ChartValue {
    std::optional<double> value;
    std::optional<double> lower; ///< CI limits at the chart's stated level (95% unless said otherwise)
    std::optional<double> upper;
};

/// Why a figure is not shown: a stable code ("P-base", "P-count", "S", "S-table") and plain words.
struct Suppression {
    bool suppressed = false;
    std::string code;
    std::string text;
};

/// Capability wheel: domains around the circle, the three dimensions as rings, scores 0..100.
struct WheelData {
    std::string title;
    std::vector<std::string> domainLabels;    ///< display order
    std::vector<std::string> dimensionLabels; ///< inner to outer ring
    /// scores[domain][dimension], 0..100; nullopt when the cell has no usable evidence.
    std::vector<std::vector<std::optional<double>>> scores;
    std::vector<std::optional<double>> domainScores; ///< parallel to domainLabels
};

/// One group's bar in a gap chart.
struct GapGroup {
    std::string code;
    std::string label;
    ChartValue figure; ///< empty when suppressed or unusable
    SignificanceClass significance = SignificanceClass::NotCompared;
    Suppression suppression;
    bool isReference = false;
    bool lowReliability = false; ///< unweighted base below 50
    std::string note;            ///< why the group was left out of the score, if it was
};

/// Gap chart: each group's value with CI whiskers against a reference line, one indicator x characteristic.
struct GapChartData {
    std::string title;
    std::string unit;
    ChartPolarity polarity = ChartPolarity::HigherIsBetter;
    std::vector<GapGroup> groups;
    std::optional<double> referenceValue; ///< the line the groups are compared with
    std::string referenceLabel;           ///< e.g. "Everyone: 71.2" or "Best group (white)"
    std::optional<double> minimumStandard;
    std::string method; ///< legend wording: CI level and method, what "worse" is tested against
};

/// One heat-map cell: the worst comparison found in a domain for a characteristic.
struct HeatMapCell {
    std::optional<SignificanceClass> significance; ///< nullopt = no data for this domain x characteristic
    std::string label;                             ///< short text drawn in the cell, e.g. "worse"
    std::string detail;                            ///< tooltip: which indicators, how many gaps counted
};

/// Heat map: domains (rows) x characteristics (columns) coloured by significance.
struct HeatMapData {
    std::string title;
    std::vector<std::string> rowLabels;
    std::vector<std::string> columnLabels;
    std::vector<std::vector<HeatMapCell>> cells; ///< cells[row][column]
    std::string method;
};

/// One series of a trend chart; points are parallel to TrendData::periods (absent value = no figure).
struct TrendSeries {
    std::string name;
    std::vector<ChartValue> points;
};

/// Trend: values with CIs across periods, one line per series.
struct TrendData {
    std::string title;
    std::string unit;
    std::vector<std::string> periods; ///< oldest first
    std::vector<TrendSeries> series;
    std::optional<double> yMinimum; ///< fixed axis range (e.g. 0..100 for scores), else automatic
    std::optional<double> yMaximum;
    std::string method;
};

/// One cell of an intersection view (e.g. a sex x ethnicity group).
struct IntersectionCell {
    ChartValue figure;
    SignificanceClass significance = SignificanceClass::NotCompared;
    Suppression suppression;
};

/// Intersection view: row groups x column groups of two crossed characteristics.
struct IntersectionData {
    std::string title;
    std::string unit;
    std::string rowCharacteristic;
    std::string columnCharacteristic;
    std::vector<std::string> rowLabels;
    std::vector<std::string> columnLabels;
    std::vector<std::vector<IntersectionCell>> cells; ///< cells[row][column]
    std::string method;
};

/// One domain x dimension cell of the coverage matrix.
struct CoverageCell {
    int indicatorsInCatalogue = 0;
    int indicatorsWithEvidence = 0;
    std::optional<double> score; ///< the cell score, where there was evidence
};

/// Coverage matrix: which of the framework's cells have usable evidence.
struct CoverageData {
    std::string title;
    std::vector<std::string> domainLabels;
    std::vector<std::string> dimensionLabels;
    std::vector<std::vector<CoverageCell>> cells; ///< cells[domain][dimension]
    std::string summary;                          ///< e.g. "22 of 30 cells, 9 of 10 domains"
    bool partial = false;
};

/// One indicator row of a spine chart (Fingertips area-profile style).
struct SpineRow {
    std::string label;
    std::string unit;
    std::optional<double> value; ///< the service's value (absent: no figure)
    double benchmark = 0.0;      ///< centre line: the benchmark (e.g. national or median) value
    double minimum = 0.0;        ///< of all services compared
    double p25 = 0.0;
    double p75 = 0.0;
    double maximum = 0.0;
    ChartPolarity polarity = ChartPolarity::HigherIsBetter;
    SignificanceClass significance = SignificanceClass::NotCompared;
    int servicesCompared = 0;
};

/// Spine chart: one service's indicator values against the range of all services.
struct SpineData {
    std::string title;
    std::string subjectLabel;   ///< the service shown as the marker
    std::string benchmarkLabel; ///< what the centre line is
    std::vector<SpineRow> rows;
    std::string method;
};

/// One point of a funnel plot: an area or service.
struct FunnelPoint {
    std::string label;
    double n = 0.0; ///< denominator (x axis)
    double value = 0.0;
    SignificanceClass significance = SignificanceClass::NotCompared;
    bool highlighted = false; ///< the area the reader is looking at
};

/// The control limits at one denominator.
struct FunnelLimitPoint {
    double n = 0.0;
    double lower95 = 0.0;
    double upper95 = 0.0;
    double lower998 = 0.0;
    double upper998 = 0.0;
};

/// Funnel plot: values against denominators with 95% and 99.8% control limits around a baseline.
struct FunnelData {
    std::string title;
    std::string unit;
    std::string xLabel;
    double baseline = 0.0;
    std::vector<FunnelPoint> points;
    std::vector<FunnelLimitPoint> limits; ///< increasing n
    std::string method;
};

/// One group's dot on an equiplot line.
struct EquiplotDot {
    std::size_t group = 0; ///< index into EquiplotData::groupLabels (sets its colour and shape)
    std::optional<double> value;
    Suppression suppression;
};

/// One line of an equiplot: an indicator (or period) with its groups as dots.
struct EquiplotRow {
    std::string label;
    std::vector<EquiplotDot> dots;
};

/// Equiplot (HEAT horizontal line graph): one line per indicator from the lowest to the highest group.
struct EquiplotData {
    std::string title;
    std::string unit;
    std::vector<std::string> groupLabels;
    std::vector<EquiplotRow> rows;
    std::string method;
};

} // namespace capeq::report
