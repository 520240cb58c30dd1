# SPDX-License-Identifier: Apache-2.0
# Reference numbers for CapEq's statistics tests, computed with base R and the survey package.
# Run once:  Rscript tools/reference/stats_reference.R > tests/data/stats/r_reference.csv
# Output columns: case,quantity,value (value printed with 17 significant digits).
# Each case names the R expression that produced it, so the test can quote it.
suppressMessages(library(survey))
options(digits = 17)
out <- data.frame(case = character(), quantity = character(), value = numeric())
put <- function(case, quantity, value) {
  out <<- rbind(out, data.frame(case = case, quantity = quantity, value = sprintf("%.17g", value)))
}

# Quantile functions.
for (p in c(1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-7))
  put(sprintf("qnorm(%.10g)", p), "value", qnorm(p))
for (df in c(1, 2, 3, 5, 7, 17, 30, 120)) for (p in c(0.001, 0.025, 0.975, 0.999))
  put(sprintf("qt(%g,%g)", p, df), "value", qt(p, df))
for (df in c(0.5, 2, 3, 10, 20, 21, 200, 20000)) for (p in c(0.001, 0.025, 0.5, 0.975, 0.999))
  put(sprintf("qchisq(%g,%g)", p, df), "value", qchisq(p, df))
for (t in c(-3, -0.5, 1.2, 4)) for (df in c(1, 4, 29))
  put(sprintf("pt(%g,%g)", t, df), "value", pt(t, df))

# Exact Poisson limits as poisson.test gives them (conf.level 0.95 and 0.998).
for (x in c(0, 1, 4, 9, 25)) for (lev in c(0.95, 0.998)) {
  ci <- poisson.test(x, conf.level = lev)$conf.int
  put(sprintf("poisson.test(%d,conf.level=%g)", x, lev), "lower", ci[1])
  put(sprintf("poisson.test(%d,conf.level=%g)", x, lev), "upper", ci[2])
}

# Wilson score limits as prop.test(correct = FALSE) gives them.
for (xn in list(c(0, 20), c(20, 20), c(3, 7), c(1, 1000000))) for (lev in c(0.95, 0.998)) {
  ci <- prop.test(xn[1], xn[2], conf.level = lev, correct = FALSE)$conf.int
  put(sprintf("prop.test(%g,%g,conf.level=%g,correct=FALSE)", xn[1], xn[2], lev), "lower", ci[1])
  put(sprintf("prop.test(%g,%g,conf.level=%g,correct=FALSE)", xn[1], xn[2], lev), "upper", ci[2])
}

# Student t interval of a sample.
s <- c(12.1, 9.8, 11.4, 10.9, 13.3)
for (lev in c(0.95, 0.998)) {
  ci <- t.test(s, conf.level = lev)$conf.int
  put(sprintf("t.test(c(12.1,9.8,11.4,10.9,13.3),conf.level=%g)", lev), "lower", ci[1])
  put(sprintf("t.test(c(12.1,9.8,11.4,10.9,13.3),conf.level=%g)", lev), "upper", ci[2])
}

# Chi-square test for trend in proportions.
pt1 <- prop.trend.test(c(15, 22, 31, 40), c(100, 105, 98, 110), score = c(2019, 2020, 2021, 2022))
put("prop.trend.test(c(15,22,31,40),c(100,105,98,110),score=2019:2022)", "statistic", unname(pt1$statistic))
put("prop.trend.test(c(15,22,31,40),c(100,105,98,110),score=2019:2022)", "p.value", pt1$p.value)
pt2 <- prop.trend.test(c(30, 29, 31), c(100, 100, 100), score = c(1, 2, 3))
put("prop.trend.test(c(30,29,31),c(100,100,100),score=1:3)", "statistic", unname(pt2$statistic))

# Weighted-least-squares slope with known variances: lm(weights = 1/se^2), SE rescaled by the sigma.
yv <- c(60.1, 61.5, 61.9, 63.4, 64.0); sev <- c(0.8, 0.7, 0.9, 0.6, 0.75); tv <- 2018:2022
fit <- summary(lm(yv ~ tv, weights = 1 / sev^2))
put("wls(yv~tv,w=1/se^2)", "slope", fit$coefficients[2, 1])
put("wls(yv~tv,w=1/se^2)", "se_known_variance", fit$coefficients[2, 2] / fit$sigma)

# Weights-only survey design: domain means and SEs, quantiles.
micro <- read.csv("tests/data/stats/microdata_small.csv")
des <- svydesign(ids = ~1, weights = ~w, data = micro)
by <- svyby(~y, ~group, des, svymean)
for (g in rownames(by)) {
  put(sprintf("svyby(~y,~group,svymean)[%s]", g), "mean", by[g, "y"])
  put(sprintf("svyby(~y,~group,svymean)[%s]", g), "se", by[g, "se"])
}
bb <- svyby(~b, ~group, des, svymean)
for (g in rownames(bb)) {
  put(sprintf("svyby(~b,~group,svymean)[%s]", g), "mean", bb[g, "b"])
  put(sprintf("svyby(~b,~group,svymean)[%s]", g), "se", bb[g, "se"])
}
all <- svymean(~y, des)
put("svymean(~y)", "mean", coef(all)[[1]]); put("svymean(~y)", "se", SE(all)[[1]])
below <- svymean(~I(as.numeric(y < 20)), des)
put("svymean(~I(y<20))", "mean", coef(below)[[1]]); put("svymean(~I(y<20))", "se", SE(below)[[1]])
for (q in c(0.1, 0.5, 0.9)) {
  v <- svyquantile(~y, des, q, qrule = "math", ci = FALSE)
  put(sprintf("svyquantile(~y,%g,qrule='math')", q), "value", as.numeric(coef(v)))
}

# Inequality of the microdata y, from the textbook definitions (pairwise Gini, Atkinson by power means,
# Palma from the interpolated Lorenz curve).
w <- micro$w; y <- micro$y; mu <- sum(w * y) / sum(w)
gini <- sum(outer(w, w) * abs(outer(y, y, "-"))) / (2 * sum(w)^2 * mu)
put("gini_pairwise(y,w)", "value", gini)
for (eps in c(0.5, 2)) put(sprintf("atkinson(y,w,%g)", eps), "value",
  1 - (sum(w * y^(1 - eps)) / sum(w))^(1 / (1 - eps)) / mu)
put("atkinson(y,w,1)", "value", 1 - exp(sum(w * log(y)) / sum(w)) / mu)
o <- order(y); cw <- c(0, cumsum(w[o])) / sum(w); cy <- c(0, cumsum(w[o] * y[o])) / sum(w * y)
L <- function(p) approx(cw, cy, xout = p, ties = "ordered")$y
put("palma_lorenz(y,w)", "value", (1 - L(0.9)) / L(0.4))

write.csv(out, stdout(), row.names = FALSE)
