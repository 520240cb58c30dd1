// SPDX-License-Identifier: Apache-2.0
#include <cmath>
#include <cstdio>
#include <support/small_cells.hpp>

namespace capeq::test {

namespace {
const std::string kRowStart = "control_over_daily_life,E10999999,adult_social_care,2024/25,";
} // namespace

const std::string kSmallCellsCsv =
    "indicator_id,area_code,service_id,period,characteristic,group,value,standard_error,lower_ci,upper_ci,"
    "population_share,sample_size\n" +
    kRowStart + "all,all,69.461,1.254,66.952,71.864,1,1349\n" + kRowStart +
    "sex,female,71.103,1.614,67.843,74.162,0.585,789\n" + kRowStart +
    "sex,male,67.144,1.985,63.152,70.903,0.415,560\n" + kRowStart +
    "disability,disabled,37.123,4.567,29.876,44.321,0.006,8\n" + kRowStart +
    "disability,not_disabled,69.649,1.256,67.133,72.057,0.994,1341\n" + kRowStart +
    "ethnicity_5,asian,66.672,3.849,58.791,73.685,0.111,150\n" + kRowStart +
    "ethnicity_5,black,41.234,5.678,30.111,52.468,0.007,9\n" + kRowStart +
    "ethnicity_5,mixed,65.918,5.001,55.512,75.346,0.067,90\n" + kRowStart +
    "ethnicity_5,other,71.428,5.402,59.917,80.754,0.052,70\n" + kRowStart +
    "ethnicity_5,white,70.194,1.426,67.328,72.897,0.763,1030\n";

std::string fixedDecimals(double number, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, std::fabs(number));
    return text;
}

std::size_t findNumber(const std::string& text, const std::string& needle) {
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        const std::size_t end = at + needle.size();
        if ((at == 0 || !isDigit(text[at - 1]) || !isDigit(needle.front())) &&
            (end == text.size() || !isDigit(text[end]) || !isDigit(needle.back())))
            return at;
    }
    return std::string::npos;
}

namespace {
// Whether other is in suppressed's table: the same characteristic, or the whole population.
bool sameTable(const EvidenceRow& suppressed, const EvidenceRow& other) {
    return other.characteristic == suppressed.characteristic || other.isWholePopulation();
}
} // namespace

std::vector<double> secretNumbers(const std::vector<EvidenceRow>& suppressed,
                                  const std::vector<EvidenceRow>& rows) {
    std::vector<double> numbers;
    for (const EvidenceRow& row : suppressed) {
        const double margin = 1.959964 * *row.standardError;
        numbers.insert(numbers.end(), {*row.value, *row.standardError, *row.lowerCi, *row.upperCi,
                                       *row.value - margin, *row.value + margin});
        for (const EvidenceRow& other : rows)
            if (sameTable(row, other) && std::fabs(*row.value - *other.value) > 1e-9)
                numbers.push_back(*row.value - *other.value);
    }
    return numbers;
}

std::vector<std::string> secretTexts(const std::vector<EvidenceRow>& suppressed,
                                     const std::vector<EvidenceRow>& rows) {
    std::vector<std::string> texts;
    for (const EvidenceRow& row : suppressed) {
        const double margin = 1.959964 * *row.standardError;
        for (const double figure : {*row.value, *row.standardError, *row.lowerCi, *row.upperCi,
                                    *row.value - margin, *row.value + margin})
            for (const int decimals : {3, 2})
                texts.push_back(fixedDecimals(figure, decimals));
        texts.push_back(fixedDecimals(*row.value, 1));
        const std::string base = fixedDecimals(*row.sampleSize, 0);
        texts.insert(texts.end(), {"n = " + base, "n=" + base, ">" + base + "<"});
        for (const EvidenceRow& other : rows)
            if (sameTable(row, other) && std::fabs(*row.value - *other.value) > 10)
                texts.push_back(fixedDecimals(*row.value - *other.value, 2));
    }
    return texts;
}

} // namespace capeq::test
