# Reference values for Verzuim.Hotspot statistics tests.
# Run from this folder: Rscript make_fixture.R   (Debian: r-base-core, r-cran-spdep)
suppressPackageStartupMessages(library(spdep))

f17 <- function(v) ifelse(is.na(v) & !is.nan(v), "NA", sprintf("%.17g", v))
write_table <- function(df, file) {
  out <- vapply(df, function(col) if (is.numeric(col)) f17(col) else as.character(col), character(nrow(df)))
  if (is.null(dim(out))) out <- matrix(out, nrow = 1)
  writeLines(c(paste(names(df), collapse = ","), apply(out, 1, paste, collapse = ",")), file)
}

set.seed(20250101)

# 7 x 7 queen grid plus one isolated area (index 49, 0-based).
grid <- cell2nb(7, 7, type = "queen")
n <- length(grid) + 1L
nb <- structure(c(unclass(grid), list(0L)), class = "nb", region.id = as.character(seq_len(n)))
attr(nb, "type") <- "queen"
attr(nb, "sym") <- TRUE

# A north-south trend plus noise so both hot and cold clusters appear.
row <- c(((seq_len(49) - 1) %/% 7), 3)
x <- 10 + 1.5 * row + rnorm(n, sd = 2)

lw_star <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
g <- localG(x, lw_star, zero.policy = TRUE, return_internals = TRUE)
gi <- attr(g, "internals")
z_g <- as.numeric(g)

lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
lm <- localmoran(x, lw, zero.policy = TRUE)
quadr <- as.character(attr(lm, "quadr")$mean)

areas <- data.frame(
  id = seq_len(n) - 1L,
  neighbours = vapply(seq_len(n), function(i) {
    v <- nb[[i]]
    if (length(v) == 1L && v == 0L) "" else paste(v - 1L, collapse = ";")
  }, ""),
  x = x,
  localG = z_g,
  G = gi[, 1], EG = gi[, 2], VG = gi[, 3],
  localG_p = gi[, 5],
  localG_p_greater = pnorm(z_g, lower.tail = FALSE),
  localG_p_less = pnorm(z_g),
  Ii = lm[, 1], E_Ii = lm[, 2], Var_Ii = lm[, 3], Z_Ii = lm[, 4], P_Ii = lm[, 5],
  quadr_mean = gsub("-", "", quadr)
)
write_table(areas, "areas.csv")

# BH: Local Moran p-values plus ties, exact values and a missing value.
p <- c(lm[seq_len(49), 5], 0.01, 0.01, 0.04, 1, 0, NA, 0.5)
write_table(data.frame(p = p, bh = p.adjust(p, "BH")), "padjust.csv")

# EBest: events n out of population x, some tiny populations.
pop <- c(sample(5:60, 10), sample(200:3000, 20))
events <- rpois(length(pop), pop * rgamma(length(pop), shape = 8, rate = 8 / 0.06))
eb <- EBest(events, pop)
write_table(data.frame(events = events, population = pop, raw = eb$raw, estmm = eb$estmm), "ebest.csv")

# Normal tails, for the port of R's pnorm.
zs <- c(-40, -38, -37.5, -20, -8.3, -6, -5.65, -3, -1.96, -0.7, -0.5, -1e-17, 0, 1e-10, 0.3, 0.67, 0.68,
        1, 1.6448536269514722, 2.5, 4, 5.66, 7, 8.3, 12, 37.4, 37.6, 40)
write_table(data.frame(z = zs, lower = pnorm(zs), upper = pnorm(zs, lower.tail = FALSE)), "pnorm.csv")

# Funnel plot (Spiegelhalter 2005) in base R, as an independent reference for the C# port:
# z = (O - E)/sqrt(E), winsorised at quantile(type 7) 10%/90%, phi = mean(zw^2),
# tau2 = max(0, (k phi - (k - 1)) / (sum w - sum w^2 / sum w)), w = E, when phi > 1.
students <- sample(40:4000, 60)
rate <- 0.08
lambda <- students * rate * exp(rnorm(length(students), sd = 0.25))
obs <- rpois(length(students), lambda)
obs[1] <- round(students[1] * rate * 3)
exp_ <- students * sum(obs) / sum(students)
zf <- (obs - exp_) / sqrt(exp_)
qz <- quantile(zf, c(0.1, 0.9), type = 7)
zw <- pmin(pmax(zf, qz[1]), qz[2])
k <- length(zf)
phi <- sum(zw^2) / k
tau2 <- if (phi > 1) max(0, (k * phi - (k - 1)) / (sum(exp_) - sum(exp_^2) / sum(exp_))) else 0
zadj <- (obs / exp_ - 1) / sqrt(1 / exp_ + tau2)
flag <- function(z, lim) ifelse(z > lim, "High", ifelse(z < -lim, "Low", "Normal"))
write_table(data.frame(students = students, observed = obs, expected = exp_, z = zf, z_adj = zadj,
                       flag95 = flag(zadj, qnorm(0.975)), flag998 = flag(zadj, qnorm(0.999))), "funnel.csv")

meta <- data.frame(
  key = c("r_version", "spdep_version", "ebest_a", "ebest_b", "funnel_phi", "funnel_tau2", "qnorm_975", "qnorm_999"),
  value = c(R.version.string, as.character(packageVersion("spdep")), f17(attr(eb, "parameters")$a),
            f17(attr(eb, "parameters")$b), f17(phi), f17(tau2), f17(qnorm(0.975)), f17(qnorm(0.999)))
)
writeLines(c("key,value", paste(meta$key, meta$value, sep = ",")), "meta.csv")
