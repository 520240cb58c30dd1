// SPDX-License-Identifier: Apache-2.0
// The report's "Findings and action plan" section: per characteristic, the officer's judgement of impact
// with its evidence and reasoning, the mitigations, and the actions with owner, due date and status.
#include <algorithm>
#include <report/report_document.hpp>
#include <string>
#include <vector>

namespace capeq::report {

namespace {

std::string impactWords(Impact impact) {
    switch (impact) {
    case Impact::Positive:
        return "positive";
    case Impact::Neutral:
        return "neutral";
    case Impact::Negative:
        return "negative";
    case Impact::Unknown:
        break;
    }
    return "not known";
}

std::string statusWords(ActionStatus status) {
    switch (status) {
    case ActionStatus::Planned:
        return "planned";
    case ActionStatus::InProgress:
        return "in progress";
    case ActionStatus::Done:
        return "done";
    case ActionStatus::Cancelled:
        return "cancelled";
    }
    return "planned";
}

// Officers write paragraphs; keep their line breaks without letting any markup through.
std::string escapedParagraphs(const std::string& text) {
    const std::string escaped = escapeHtml(text);
    std::string withBreaks;
    for (const char c : escaped)
        withBreaks += c == '\n' ? std::string("<br/>") : std::string(1, c);
    return withBreaks;
}

std::string characteristicHeading(const Catalogue& catalogue, const std::string& id) {
    if (id.empty())
        return "All characteristics";
    const Characteristic* found = catalogue.findCharacteristic(CharacteristicId{id});
    return found != nullptr ? found->name : id;
}

// Characteristics in the order the officer recorded findings, then any named only by a mitigation or an
// action, and last the actions and mitigations that name none.
std::vector<std::string> characteristicsOf(const ReportFindings& judgement) {
    std::vector<std::string> ordered;
    const auto add = [&](const std::string& id) {
        if (!id.empty() && std::find(ordered.begin(), ordered.end(), id) == ordered.end())
            ordered.push_back(id);
    };
    for (const Finding& finding : judgement.findings)
        add(finding.characteristic);
    for (const Mitigation& mitigation : judgement.mitigations)
        add(mitigation.characteristic);
    for (const Action& action : judgement.actions)
        add(action.characteristic);
    const bool anyGeneral = std::any_of(judgement.mitigations.begin(), judgement.mitigations.end(),
                                        [](const Mitigation& m) { return m.characteristic.empty(); }) ||
                            std::any_of(judgement.actions.begin(), judgement.actions.end(),
                                        [](const Action& a) { return a.characteristic.empty(); });
    if (anyGeneral)
        ordered.emplace_back();
    return ordered;
}

std::string impactText(const Finding& finding) {
    if (finding.confirmed)
        return impactWords(finding.impact) + " (confirmed by the assessing officer)";
    if (finding.impact != Impact::Unknown)
        return impactWords(finding.impact) + " (not yet confirmed)";
    return "not yet judged; the evidence suggests " + impactWords(finding.suggestedImpact);
}

void findingTable(std::ostringstream& out, const ReportFindings& judgement, const std::string& id) {
    const auto finding = std::find_if(judgement.findings.begin(), judgement.findings.end(),
                                      [&](const Finding& f) { return f.characteristic == id; });
    out << "<table>";
    if (finding != judgement.findings.end()) {
        out << "<tr><th>Impact</th><td>" << escapeHtml(impactText(*finding)) << "</td></tr>"
            << "<tr><th>Evidence</th><td>"
            << (finding->evidence.empty() ? std::string("none recorded")
                                          : escapedParagraphs(finding->evidence))
            << "</td></tr>";
        if (!finding->narrative.empty())
            out << "<tr><th>Reasoning</th><td>" << escapedParagraphs(finding->narrative) << "</td></tr>";
    } else if (!id.empty()) {
        out << "<tr><th>Impact</th><td>no finding recorded</td></tr>";
    }
    // One line each, bulleted by hand: a list's indent wastes a third of the PDF's narrow cell.
    std::vector<std::string> mitigations;
    for (const Mitigation& mitigation : judgement.mitigations)
        if (mitigation.characteristic == id)
            mitigations.push_back(escapedParagraphs(mitigation.description));
    std::string cell = mitigations.empty() ? std::string("none recorded") : std::string();
    for (const std::string& mitigation : mitigations)
        cell += (cell.empty() ? "" : "<br/>") + (mitigations.size() > 1 ? "&#8226; " : std::string()) +
                mitigation;
    out << "<tr><th>Mitigation</th><td>" << cell << "</td></tr></table>\n";
}

void actionTable(std::ostringstream& out, const ReportFindings& judgement, const std::string& id) {
    std::vector<const Action*> actions;
    for (const Action& action : judgement.actions)
        if (action.characteristic == id)
            actions.push_back(&action);
    if (actions.empty()) {
        out << "<p>No actions planned.</p>\n";
        return;
    }
    // Fixed shares of the width: left to itself the PDF's layout squeezes the action's title into a narrow
    // column and splits it over several lines.
    out << "<table width=\"100%\"><tr><th width=\"34%\">Action</th><th width=\"22%\">Owner</th>"
           "<th width=\"16%\">Due</th><th width=\"14%\">Status</th><th width=\"14%\">Notes</th></tr>\n";
    for (const Action* action : actions)
        out << "<tr><td>" << escapeHtml(action->title) << "</td><td>"
            << (action->owner.empty() ? std::string("no owner yet") : escapeHtml(action->owner))
            << "</td><td>" << (action->dueDate.empty() ? std::string("no date") : escapeHtml(action->dueDate))
            << "</td><td>" << statusWords(action->status) << "</td><td>" << escapedParagraphs(action->notes)
            << "</td></tr>\n";
    out << "</table>\n";
}

} // namespace

void findingsSection(std::ostringstream& out, const ServiceReportInput& input) {
    out << "<h2>Findings and action plan</h2>\n";
    if (!input.assessment) {
        out << "<p>This report was made from the evidence alone, without an equality assessment, so it "
               "records no findings or action plan. The assessing officer's judgement of impact, the "
               "mitigations and the actions are recorded in an assessment and printed in its report.</p>\n";
        return;
    }
    const ReportFindings& judgement = *input.assessment;
    const std::vector<std::string> characteristics = characteristicsOf(judgement);
    if (characteristics.empty()) {
        out << "<p>No findings, mitigations or actions have been recorded in the assessment yet.</p>\n";
        return;
    }
    out << "<p class=\"note\">The impact on people with each characteristic as the assessing officer "
           "judges it, with the evidence it rests on, the steps that reduce a negative impact, and the "
           "actions with their owner, due date and status.</p>\n";
    for (const std::string& id : characteristics) {
        out << "<h3>" << escapeHtml(characteristicHeading(input.catalogue, id)) << "</h3>\n";
        findingTable(out, judgement, id);
        actionTable(out, judgement, id);
    }
}

} // namespace capeq::report
