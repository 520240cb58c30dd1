// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/assessment/assessment.hpp>

#include <QString>

#include <vector>

namespace capeq::gui {

/// A starting point for a new assessment: a name, a line saying when to use it, and pre-filled fields.
struct AssessmentTemplate {
    QString name;
    QString description;
    Assessment prefill;
};

/// The templates offered on the start page and in the wizard, the blank one first.
std::vector<AssessmentTemplate> assessmentTemplates();

} // namespace capeq::gui
