library(testthat)
library(zhijiao)

test_check("zhijiao")
