// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <report/chart_data.hpp>

namespace capeq::gui {

// Plain-language explanations of each chart and of one mark on it, for tooltips: what the measure is, how
// to read it, and what the colours and shapes mean. Kept apart from the views so tests can read them.

QString wheelExplanation();
QString gapChartExplanation(const report::GapChartData& data);
QString heatMapExplanation();
QString trendExplanation(const report::TrendData& data);
QString intersectionExplanation();
QString coverageExplanation(const report::CoverageData& data);
QString spineExplanation(const report::SpineData& data);
QString funnelExplanation(const report::FunnelData& data);
QString equiplotExplanation();

/// One group of a gap chart in words: its value and interval, or why it is not shown.
QString gapGroupInWords(const report::GapGroup& group, const std::string& unit);

} // namespace capeq::gui
