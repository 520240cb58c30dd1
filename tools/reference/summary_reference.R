# SPDX-License-Identifier: Apache-2.0
# Reference values for CapEq's summary measures, written from the published formulas (WHO HEAT technical
# notes; healthequal's regression form of ACI; Low & Low 2004 for SII/RII; Walter 1978 for PAF) with
# R's own arithmetic: lm() for the regressions, explicit sums elsewhere.
# Run once:  Rscript tools/reference/summary_reference.R > tests/data/stats/summary_reference.csv
options(digits = 17)
out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, quantity, value) out <<- rbind(out, data.frame(case = case, quantity = quantity, value = sprintf("%.17g", value)))
z <- qnorm(0.975)

# Non-ordered: four regions, a percentage, favourable (higher is better); region "b" is the reference.
y <- c(72.0, 65.5, 80.2, 58.9); se <- c(1.2, 2.0, 0.9, 2.6); pop <- c(12000, 8000, 15000, 5000)
p <- pop / sum(pop); mu <- sum(p * y); J <- length(y)
put("unordered", "mu", mu)
put("unordered", "D", max(y) - min(y)); put("unordered", "D_se", sqrt(se[3]^2 + se[4]^2))
put("unordered", "R", max(y) / min(y))
Rv <- max(y) / min(y); put("unordered", "R_lower", exp(log(Rv) - z * sqrt((se[3] / y[3])^2 + (se[4] / y[4])^2)))
bgv <- sum(p * (y - mu)^2); put("unordered", "BGV", bgv)
vbgv <- 4 * sum(p^2 * se^2 * (y - mu)^2) + 2 * ((sum(p^2 * se^2))^2 - sum(p^4 * se^4) + sum(p^2 * (1 - p)^2 * se^4))
put("unordered", "BGV_se", sqrt(vbgv))
put("unordered", "BGSD", sqrt(bgv)); put("unordered", "COV", 100 * sqrt(bgv) / mu)
best <- max(y)
put("unordered", "MDBU", mean(abs(y - best))); put("unordered", "MDBW", sum(p * abs(y - best)))
put("unordered", "MDMU", mean(abs(y - mu))); put("unordered", "MDMW", sum(p * abs(y - mu)))
put("unordered", "MDRU", mean(abs(y - y[2]))); put("unordered", "MDRW", sum(p * abs(y - y[2])))
put("unordered", "IDISU", 100 * mean(abs(y - mu)) / mu); put("unordered", "IDISW", 100 * sum(p * abs(y - mu)) / mu)
r <- y / mu
ti <- sum(p * r * log(r)); put("unordered", "TI", 1000 * ti)
put("unordered", "TI_se", 1000 * sqrt(sum(p^2 * se^2 * ((1 + log(r)) - sum(p * r * (1 + log(r))))^2) / mu^2))
put("unordered", "MLD", 1000 * sum(p * -log(r)))
put("unordered", "MLD_se", 1000 * sqrt(sum((p^2 * se^2 / mu^2) * (1 - 1 / r)^2)))
# PAF against the best group (non-ordered, favourable): region "c".
s <- 100; N <- sum(pop); cc <- y[3] / s * pop[3]; dd <- pop[3] - cc; aa <- mu / s * N - cc; bb <- N - aa - pop[3]
vpaf <- cc * N * (aa * dd * (N - cc) + bb * cc^2) / ((aa + cc)^3 * (cc + dd)^3)
put("unordered", "PAF", 100 * (y[3] - mu) / mu); put("unordered", "PAF_se_percent", 100 * sqrt(vpaf))
put("unordered", "PAR", y[3] - mu); put("unordered", "PAR_se", mu * sqrt(vpaf))

# Ordered: five deprivation quintiles (1 = most deprived), a rate per 1,000 that is adverse.
yo <- c(42.0, 36.5, 31.2, 27.9, 22.4); seo <- c(2.1, 1.8, 1.7, 1.5, 1.4); popo <- c(21000, 20500, 19800, 19000, 18700)
po <- popo / sum(popo); muo <- sum(po * yo); X <- cumsum(po) - 0.5 * po
put("ordered", "mu", muo)
# ACI by healthequal's convenient regression (OLS, no intercept, sqrt(N) weights): the slope is the index.
sig2 <- sum(po * (X - 0.5)^2)
lhs <- 2 * sig2 * yo * sqrt(popo); fit <- lm(lhs ~ 0 + I(X * sqrt(popo)) + sqrt(popo))
put("ordered", "ACI", unname(coef(fit)[1]))
put("ordered", "ACI_se_sigma", sqrt(sum(po^2 * seo^2 * (2 * X - 1)^2)))
rci <- unname(coef(lm(I(lhs / muo) ~ 0 + I(X * sqrt(popo)) + sqrt(popo)))[1]); put("ordered", "RCI", rci)
put("ordered", "RCI_se_sigma", sqrt(sum(seo^2 * (po * (2 * X - 1 - rci) / muo)^2)))
# SII/RII: WLS of y on the ridit with weights = shares; variance from the group SEs through the linear fit.
w <- lm(yo ~ X, weights = po); b <- coef(w)
put("ordered", "SII", unname(b[2])); put("ordered", "RII", unname((b[1] + b[2]) / b[1]))
Xm <- cbind(1, X); A <- solve(t(Xm) %*% diag(po) %*% Xm) %*% t(Xm) %*% diag(po)
V <- A %*% diag(seo^2) %*% t(A)
put("ordered", "SII_se", sqrt(V[2, 2]))
g <- c(1 / (b[1] + b[2]) - 1 / b[1], 1 / (b[1] + b[2]))
put("ordered", "RII_logse", sqrt(drop(t(g) %*% V %*% g)))
# PAF for an ordered, adverse indicator: reference = most advantaged quintile (order 5).
ccc <- yo[5] / 1000 * popo[5]; ddd <- popo[5] - ccc; Nn <- sum(popo); aaa <- muo / 1000 * Nn - ccc; bbb <- Nn - aaa - popo[5]
v2 <- ccc * Nn * (aaa * ddd * (Nn - ccc) + bbb * ccc^2) / ((aaa + ccc)^3 * (ccc + ddd)^3)
put("ordered", "PAF", 100 * (yo[5] - muo) / muo); put("ordered", "PAF_se_percent", 100 * sqrt(v2))
put("ordered", "D", yo[1] - yo[5])
write.csv(out, stdout(), row.names = FALSE)
