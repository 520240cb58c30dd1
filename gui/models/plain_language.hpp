// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>

#include <QString>

namespace capeq::gui {

// Plain-language wording of catalogue fields for an equality officer who is not a statistician. Kept
// apart from the widgets so the same sentences appear in tooltips, the details pane and reports, and so
// tests can check them without a window.

/// "no indicators", "1 indicator", "12 indicators".
QString indicatorCountInWords(int count);
/// "The freedom to be alive; avoid premature death", whether or not the data already says "the freedom to".
QString capabilityInWords(const Domain& domain);
/// "Higher values are better", "Lower values are better" or "Shown for context; not scored".
QString polarityInWords(Polarity polarity);
/// The kind of number, e.g. "A percentage of people", "A rate per 100,000 people", "A score on 0-10".
QString measureInWords(const Indicator& indicator);
/// A value followed by its unit: "12.5%", "81.2 years".
QString valueWithUnit(double value, const std::string& unit);
/// What the goalposts mean for the score, taking polarity into account.
QString goalpostsInWords(const Indicator& indicator);
/// The minimum standard as a sentence, or "None set".
QString minimumStandardInWords(const Indicator& indicator);
/// Which group others are compared with by default.
QString referenceRuleInWords(const Indicator& indicator);
/// A short tooltip: plain-language text plus which way is better.
QString indicatorToolTip(const Indicator& indicator);
/// Every field of the indicator as an HTML fragment (escaped) for the details pane; names of the domain,
/// dimension and characteristics are looked up in catalogue.
QString indicatorDetailsHtml(const Indicator& indicator, const Catalogue& catalogue);

} // namespace capeq::gui
