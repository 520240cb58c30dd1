// SPDX-License-Identifier: Apache-2.0
// Slope and concentration measures for ordered characteristics. SII/RII follow Low & Low (2004) and
// PHEindicatormethods (weighted least squares of the value on the ridit), with the analytic variance that
// propagates the groups' sampling errors through the linear fit; ACI/RCI are the closed forms of WHO HEAT
// with the delta-method variance in the groups' SEs. docs/METHOD.md gives the reasons.
#include <capeq/stats/distributions.hpp>
#include <capeq/stats/summary_measures.hpp>

#include <Eigen/Dense>
#include <cmath>

namespace capeq::stats {

namespace {

SummaryMeasure skipped(const std::string& id, const std::string& name, const std::string& reason) {
    return {id, name, std::nullopt, reason};
}

} // namespace

void appendOrderedMeasures(std::span<const GroupValue> groups, const MeasureOptions& options,
                           std::vector<SummaryMeasure>& out) {
    const std::vector<std::pair<std::string, std::string>> ids = {{"ACI", "Absolute concentration index"},
                                                                  {"RCI", "Relative concentration index"},
                                                                  {"SII", "Slope index of inequality"},
                                                                  {"RII", "Relative index of inequality"}};
    const std::vector<double> shares = populationShares(groups);
    std::string reason;
    if (groups.size() <= 2)
        reason = "needs more than 2 groups";
    else if (shares.empty())
        reason = "needs group populations";
    if (!reason.empty()) {
        for (const auto& [id, name] : ids)
            out.push_back(skipped(id, name, reason));
        return;
    }
    const auto count = static_cast<Eigen::Index>(groups.size());
    // Ridits: cumulative share below each group plus half its own (groups are sorted by order, 1 first).
    Eigen::VectorXd x(count), y(count), p(count), sigma2(count);
    double cumulative = 0.0;
    bool allSe = true;
    for (Eigen::Index j = 0; j < count; ++j) {
        const auto& g = groups[static_cast<std::size_t>(j)];
        p[j] = shares[static_cast<std::size_t>(j)];
        x[j] = cumulative + 0.5 * p[j];
        cumulative += p[j];
        y[j] = g.value;
        allSe = allSe && g.se.has_value();
        sigma2[j] = g.se ? *g.se * *g.se : 0.0;
    }
    const double level = options.level;
    const double z = zForLevel(level);
    const double mu = p.dot(y);
    const std::string noSe = "a group has no standard error";

    // ACI = sum p_j (2 X_j - 1) y_j; Var = sum p_j^2 (2 X_j - 1)^2 se_j^2 (shares taken as fixed).
    const Eigen::VectorXd c = (p.array() * (2.0 * x.array() - 1.0)).matrix();
    const double aci = c.dot(y);
    out.push_back({"ACI",
                   ids[0].second,
                   allSe ? estimateFromSe(aci, std::sqrt((c.array().square() * sigma2.array()).sum()), level,
                                          CiMethod::DeltaMethod)
                         : estimateWithoutCi(aci, noSe, level),
                   {}});
    // RCI = ACI / mu (a fraction in [-1, 1] for non-negative values); d RCI / d y_j = p_j (2X_j - 1 - RCI) /
    // mu.
    if (mu != 0.0) {
        const double rci = aci / mu;
        const Eigen::VectorXd g = (p.array() * (2.0 * x.array() - 1.0 - rci)).matrix() / mu;
        out.push_back({"RCI",
                       ids[1].second,
                       allSe ? estimateFromSe(rci, std::sqrt((g.array().square() * sigma2.array()).sum()),
                                              level, CiMethod::DeltaMethod)
                             : estimateWithoutCi(rci, noSe, level),
                       {}});
    } else {
        out.push_back(skipped("RCI", ids[1].second, "the mean is 0"));
    }

    // WLS of y on [1, x] with weights p: theta = A y, A = (X'PX)^-1 X'P; Var(theta) = A diag(se^2) A'.
    Eigen::MatrixXd design(count, 2);
    design.col(0).setOnes();
    design.col(1) = x;
    const Eigen::MatrixXd weightedT = design.transpose() * p.asDiagonal();
    const Eigen::Matrix2d normal = weightedT * design;
    const Eigen::MatrixXd a = normal.ldlt().solve(weightedT);
    const Eigen::Vector2d theta = a * y;
    const Eigen::Matrix2d covariance = a * sigma2.asDiagonal() * a.transpose();
    const double intercept = theta[0]; // fitted value at the most disadvantaged end (ridit 0)
    const double sii = theta[1];
    out.push_back({"SII", ids[2].second,
                   allSe ? estimateFromSe(sii, std::sqrt(covariance(1, 1)), level, CiMethod::DeltaMethod)
                         : estimateWithoutCi(sii, noSe, level),
                   "fitted value at the most advantaged end minus the most disadvantaged end"});
    const double top = intercept + sii;
    if (intercept > 0.0 && top > 0.0) {
        const double rii = top / intercept;
        if (allSe) {
            // ln RII = ln(a + b) - ln a; gradient in (a, b).
            const Eigen::Vector2d grad(1.0 / top - 1.0 / intercept, 1.0 / top);
            const double logSe = std::sqrt(grad.dot(covariance * grad));
            Estimate e;
            e.value = rii;
            e.logSe = logSe;
            e.se = rii * logSe;
            e.level = level;
            e.lower = rii * std::exp(-z * logSe);
            e.upper = rii * std::exp(z * logSe);
            e.ciMethod = CiMethod::DeltaMethod;
            out.push_back({"RII", ids[3].second, e, "most advantaged / most disadvantaged (fitted)"});
        } else {
            out.push_back({"RII", ids[3].second, estimateWithoutCi(rii, noSe, level), {}});
        }
    } else {
        out.push_back(skipped("RII", ids[3].second, "a fitted end value is not positive"));
    }
}

} // namespace capeq::stats
