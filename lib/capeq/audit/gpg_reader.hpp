// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <capeq/catalogue/catalogue.hpp>
#include <capeq/evidence/evidence.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace capeq::audit {

/// How UK gender pay gap returns map onto CapEq (indicators/mappings/gpg.ini): the service id, the
/// indicators (defined in the mapping itself) and the plausibility rules.
struct GpgMapping {
    std::string file;
    ServiceId service{"gender_pay_gap"};
    IndicatorId medianIndicator;
    IndicatorId meanIndicator;
    IndicatorId topQuartileIndicator;
    double plausibleLow = -100.0; ///< gaps (percent of men's pay) must lie strictly inside (low, high)
    double plausibleHigh = 100.0;
    double quartileSumTolerance = 2.0; ///< |Male% + Female% - 100| allowed per quartile
    std::vector<Indicator> indicators;
};

/// Reads a GPG mapping file; the indicators are checked against catalogue's framework and
/// characteristics. Throws InputError listing every problem with file and line.
GpgMapping loadGpgMapping(const std::filesystem::path& file, const Catalogue& catalogue);

/// catalogue with extra indicators appended (ids must be new; throws InputError otherwise).
Catalogue withIndicators(const Catalogue& catalogue, const std::vector<Indicator>& extra);

/// Reads a GPG download (RFC 4180, embedded newlines allowed) into CapEq rows: per employer (area =
/// EmployerId, period from DueDate: due in 2022 -> "2021/22") women's and men's pay relative to men's and
/// each sex's share in the top quartile, with whole-workforce rows. Blank, incomplete or implausible
/// figures are left out with a warning naming the line (EvidenceSet::warnings). Throws InputError when the
/// header lacks a needed column or the CSV is malformed. When employerNames is given and the file has an
/// EmployerName column, each employer's name as filed is put there under its area code (EmployerId), for
/// titles and league tables: ids alone mean nothing to a reader.
EvidenceSet readGpgFile(const std::filesystem::path& file, const GpgMapping& mapping,
                        std::map<AreaCode, std::string>* employerNames = nullptr);

} // namespace capeq::audit
