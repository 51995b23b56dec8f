# Generates N synthetic 贯通 applicants (deterministic): the input of
# `make bench`.  Usage: awk -v n=1000000 -f gen-candidates.awk > file.csv
# The mix covers every outcome: eligible, each failed condition, missing
# and unparseable values, and scores beyond the year's scale.
BEGIN {
    seed = 20240417
    print "id,jurisdiction,year,has_qualification,beijing_hukou,score"
    for (i = 1; i <= n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = seed % 1000
        year = (r % 2) ? 2024 : 2023
        q = (r % 17 == 0) ? "否" : ((r % 53 == 0) ? "" : "是")
        h = (r % 13 == 0) ? "否" : ((r % 5 == 0) ? "1" : "是")
        s = 380 + (seed % 300)
        if (r == 999) s = "缺考"
        else if (r % 97 == 0) s = s + 0.5
        printf "B%07d,%s,%d,%s,%s,%s\n", i, (r % 11 == 0) ? "北京" : "beijing", year, q, h, s
    }
}
