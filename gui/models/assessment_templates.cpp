// SPDX-License-Identifier: Apache-2.0
#include <QCoreApplication>

#include <gui/models/assessment_templates.hpp>

namespace capeq::gui {

namespace {

// The nine protected characteristics of the Equality Act 2010 (as the catalogue names them, with the
// 5-group ethnicity roll-up most local data uses) and socio-economic position.
const std::vector<std::string> kProtected{"age",
                                          "disability",
                                          "gender_reassignment",
                                          "marriage_civil_partnership",
                                          "pregnancy_maternity",
                                          "ethnicity_5",
                                          "religion",
                                          "sex",
                                          "sexual_orientation"};

QString tr(const char* text) {
    return QCoreApplication::translate("capeq::gui::AssessmentTemplates", text);
}

} // namespace

std::vector<AssessmentTemplate> assessmentTemplates() {
    std::vector<AssessmentTemplate> templates;
    templates.push_back(
        {tr("Blank assessment"), tr("Start from nothing and choose everything yourself."), {}});

    Assessment annual;
    annual.metadata.purpose = "Annual review of how fairly the service treats the people it serves, as "
                              "required by the Public Sector Equality Duty (Equality Act 2010, s.149).";
    annual.scope.characteristics = kProtected;
    annual.scope.characteristics.push_back("imd_quintile");
    templates.push_back(
        {tr("Annual service review"),
         tr("Every protected characteristic and deprivation, for the yearly equality report."), annual});

    Assessment change;
    change.metadata.purpose = "Assessment of a proposed change to the service: who would be affected, "
                              "whether any group would be disadvantaged, and what would reduce that.";
    change.scope.characteristics = kProtected;
    templates.push_back(
        {tr("Proposed service change"),
         tr("Before a decision: the protected characteristics, with mitigations and actions."), change});
    return templates;
}

} // namespace capeq::gui
