# Peer: R data.table, the usual fast R route: per indicator and breakdown, a grouped two-pass weighted mean
# and the survey SE formula (N = all rows).   Rscript peer_datatable.R DATA OUT
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
setDTthreads(2)
d <- fread(args[1], na.strings = "")
N <- nrow(d)
d[, `sex*ethnicity` := paste(sex, ethnicity, sep = "*")]
tabs <- c("sex", "age_band", "ethnicity", "disability", "religion", "sexual_orientation", "region", "sex*ethnicity")
out <- list()
for (ind in sprintf("ind%02d", 1:20)) {
  y <- d[[ind]]
  ok <- !is.na(y)
  t <- data.table(w = d$weight[ok], y = as.numeric(y[ok]))
  for (tab in tabs) {
    t[, g := d[[tab]][ok]]
    s <- t[, {sw <- sum(w); p <- sum(w * y) / sw
              list(n = .N, mean = p, se = sqrt(N / (N - 1) * sum((w * (y - p))^2)) / sw)}, by = g]
    out[[length(out) + 1]] <- data.table(indicator = ind, characteristic = tab, group = s$g, n = s$n,
                                         mean = sprintf("%.17g", s$mean), se = sprintf("%.17g", s$se))
  }
}
fwrite(rbindlist(out), args[2])
