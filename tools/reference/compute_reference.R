# Reference numbers for CapEq's compute engine, from R's survey package (Lumley), run once:
#   Rscript tools/reference/compute_reference.R tests/data/compute/microdata_3k.csv \
#       tests/data/compute/reference_3k.csv
# Mirrors tests/data/compute/example.spec: weights-only design, svymean with na.rm = TRUE on each domain
# (subset() keeps the whole design, so the SE uses the file's N as survey does for domains).
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], na.strings = c("", "-9"), colClasses = "character")
d$weight <- as.numeric(d$weight)
num <- function(x) as.numeric(x)

# Indicators (proportions on the 0-1 scale here; CapEq writes percent).
d$ind01_yes <- num(d$ind01)
d$ind17_high <- as.numeric(num(d$ind17) >= 8)
d$ind17_high[!is.na(d$age_band) & d$age_band == "16-24"] <- NA   # filter age_band != 16-24
d$ind17_high[is.na(d$age_band)] <- NA
d$ind16_income <- num(d$ind16)
d$ind18_score_disabled <- num(d$ind18)
d$ind18_score_disabled[is.na(d$disability) | d$disability != "disabled"] <- NA

# Characteristics: sex as is, age rolled up (unmapped 'unknown' -> NA), ethnicity and religion as is.
rollup <- c("16-24" = "16-34", "25-34" = "16-34", "35-44" = "35-54", "45-54" = "35-54",
            "55-64" = "55+", "65-74" = "55+", "75+" = "55+")
d$age <- unname(rollup[d$age_band])
d$`sex*ethnicity` <- ifelse(is.na(d$sex) | is.na(d$ethnicity), NA, paste(d$sex, d$ethnicity, sep = "*"))

des <- svydesign(ids = ~1, weights = ~weight, data = d)
indicators <- c("ind01_yes", "ind17_high", "ind16_income", "ind18_score_disabled")
tables <- c("sex", "age", "ethnicity", "religion", "sex*ethnicity")
out <- list()
for (ind in indicators) {
  f <- as.formula(paste0("~`", ind, "`"))
  m <- svymean(f, des, na.rm = TRUE)
  out[[length(out) + 1]] <- data.frame(indicator = ind, characteristic = "all", group = "all",
    n = sum(!is.na(d[[ind]])), mean = coef(m)[[1]], se = SE(m)[[1]])
  for (tab in tables) {
    for (g in sort(unique(na.omit(d[[tab]])))) {
      keep <- !is.na(d[[tab]]) & d[[tab]] == g
      n <- sum(keep & !is.na(d[[ind]]))
      if (n == 0) next
      m <- svymean(f, subset(des, keep), na.rm = TRUE)
      out[[length(out) + 1]] <- data.frame(indicator = ind, characteristic = tab, group = g, n = n,
        mean = coef(m)[[1]], se = SE(m)[[1]])
    }
  }
}
res <- do.call(rbind, out)
res$mean <- sprintf("%.17g", res$mean)
res$se <- sprintf("%.17g", res$se)
write.csv(res, args[2], row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "rows to", args[2], "\n")
