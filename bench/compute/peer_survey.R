# Peer: R survey, the reference implementation (Lumley). Very slow: the run script uses it only up to 100k rows.
#   Rscript peer_survey.R DATA OUT
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = "")
d$`sex*ethnicity` <- paste(d$sex, d$ethnicity, sep = "*")
des <- svydesign(ids = ~1, weights = ~weight, data = d)
tabs <- c("sex", "age_band", "ethnicity", "disability", "religion", "sexual_orientation", "region", "sex*ethnicity")
out <- list()
for (ind in sprintf("ind%02d", 1:20)) {
  for (tab in tabs) {
    r <- svyby(as.formula(paste0("~", ind)), as.formula(paste0("~`", tab, "`")), des, svymean, na.rm = TRUE)
    n <- tapply(!is.na(d[[ind]]), d[[tab]], sum)
    out[[length(out) + 1]] <- data.frame(indicator = ind, characteristic = tab, group = r[[1]],
      n = as.vector(n[as.character(r[[1]])]), mean = sprintf("%.17g", r[[2]]), se = sprintf("%.17g", r[[3]]))
  }
}
write.csv(do.call(rbind, out), args[2], row.names = FALSE, quote = FALSE)
