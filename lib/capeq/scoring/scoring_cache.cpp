// SPDX-License-Identifier: Apache-2.0
#include <capeq/scoring/scoring_cache.hpp>

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace capeq {

namespace {

// Appends values in an unambiguous form: fixed-width numbers, length-prefixed strings, a presence byte
// before optionals. Two fingerprints are equal only if every value written was equal (bit for bit).
class FingerprintWriter {
public:
    explicit FingerprintWriter(std::string& out)
        : m_out(out) {}

    void add(const std::string& text) {
        add(text.size());
        m_out.append(text);
    }
    template <typename Tag>
    void add(const StrongId<Tag>& id) {
        add(id.str());
    }
    void add(double value) { addBytes(value); }
    void add(std::size_t value) { addBytes(value); }
    void add(int value) { addBytes(value); }
    void add(bool value) { m_out.push_back(value ? '\1' : '\0'); }
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void add(Enum value) { add(static_cast<int>(value)); }
    template <typename T>
    void add(const std::optional<T>& value) {
        add(value.has_value());
        if (value)
            add(*value);
    }

private:
    template <typename T>
    void addBytes(T value) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        m_out.append(bytes, sizeof(T));
    }
    std::string& m_out;
};

void addSettings(FingerprintWriter& out, const ScoreInput& input) {
    const ScoringProfile& profile = input.profile;
    out.add(profile.id);
    out.add(profile.name);
    out.add(profile.description);
    out.add(profile.equality);
    out.add(profile.gaps);
    out.add(profile.significanceLevel);
    out.add(profile.aggregation);
    out.add(profile.floor);
    out.add(profile.partialBelowDomains);
    out.add(profile.reliability.lowBelow);
    out.add(profile.reliability.excludeBelow);

    const RuleSet& rules = input.rules;
    out.add(rules.id);
    out.add(rules.name);
    out.add(rules.description);
    out.add(rules.breachFlags.size());
    for (const FlagKind kind : rules.breachFlags)
        out.add(kind);
    out.add(rules.largeGapThreshold);
    out.add(rules.grading.has_value());
    if (rules.grading) {
        for (const std::string& label : rules.grading->labels)
            out.add(label);
        for (const double threshold : rules.grading->scoreThresholds)
            out.add(threshold);
        out.add(rules.grading->capAtDevelopingOnWorseGap);
        for (const double fraction : rules.grading->bandFractions)
            out.add(fraction);
    }

    const DisclosurePolicy& disclosure = input.disclosure;
    out.add(disclosure.enabled);
    out.add(disclosure.minimumBase);
    out.add(disclosure.smallCountLow);
    out.add(disclosure.smallCountHigh);
    out.add(disclosure.secondary);

    // No per-indicator step reads the weights today; they are included so that one that does stays correct.
    out.add(input.weights.name);
    for (const auto* weights : {&input.weights.domainWeights, &input.weights.dimensionWeights}) {
        out.add(weights->size());
        for (const auto& [id, weight] : *weights) {
            out.add(id);
            out.add(weight);
        }
    }
}

void addIndicator(FingerprintWriter& out, const Indicator* indicator) {
    out.add(indicator != nullptr);
    if (indicator == nullptr)
        return;
    // Every field but where it was defined: texts are cheap to compare and keep this safe if a flag
    // message ever quotes one.
    out.add(indicator->id);
    out.add(indicator->title);
    out.add(indicator->description);
    out.add(indicator->plainLanguage);
    out.add(indicator->domain);
    out.add(indicator->dimension);
    out.add(indicator->polarity);
    out.add(indicator->measureType);
    out.add(indicator->multiplier);
    out.add(indicator->scale);
    out.add(indicator->unit);
    out.add(indicator->numerator);
    out.add(indicator->denominator);
    out.add(indicator->population);
    out.add(indicator->goalposts.lo);
    out.add(indicator->goalposts.hi);
    out.add(indicator->minimumStandard);
    out.add(indicator->referenceRule);
    out.add(indicator->referenceGroup);
    out.add(indicator->source);
    out.add(indicator->characteristics.size());
    for (const CharacteristicId& characteristic : indicator->characteristics)
        out.add(characteristic);
    out.add(indicator->references.size());
    for (const std::string& reference : indicator->references)
        out.add(reference);
}

// Every field of a row but its source location, which nothing in scoring reads.
void addRow(FingerprintWriter& out, const EvidenceRow& row) {
    out.add(row.indicator);
    out.add(row.area);
    out.add(row.service);
    out.add(row.period);
    out.add(row.characteristic);
    out.add(row.group);
    out.add(row.value);
    out.add(row.standardError);
    out.add(row.lowerCi);
    out.add(row.upperCi);
    out.add(row.lowerCi998);
    out.add(row.upperCi998);
    out.add(row.numerator);
    out.add(row.denominator);
    out.add(row.populationShare);
    out.add(row.population);
    out.add(row.sampleSize);
    out.add(row.subgroupOrder);
    out.add(row.isReference);
    out.add(row.note);
}

void addRows(FingerprintWriter& out, const std::vector<const EvidenceRow*>& rows) {
    out.add(rows.size());
    for (const EvidenceRow* row : rows)
        addRow(out, *row);
}

// A 128-bit digest of bytes: two independent 64-bit lanes over 8-byte words, each finished with
// MurmurHash3's fmix64. Not cryptographic (nobody gains from forging evidence to hit a stale score);
// an accidental collision between two versions of one indicator's rows has odds of about 2^-128.
std::string digest128(const std::string& bytes) {
    const auto mix = [](std::uint64_t x) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ULL;
        x ^= x >> 33;
        return x;
    };
    std::uint64_t first = 0x9e3779b97f4a7c15ULL ^ bytes.size();
    std::uint64_t second = 0x6a09e667f3bcc909ULL + bytes.size();
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, 8);
        first = (std::rotl(first ^ word, 31) * 0x87c37b91114253d5ULL) + 0x52dce729ULL;
        second = (std::rotl(second + word, 27) ^ first) * 0x4cf5ad432745937fULL;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    first = mix(first ^ tail);
    second = mix(second + std::rotl(tail, 17) + first);
    std::string out(16, '\0');
    std::memcpy(out.data(), &first, 8);
    std::memcpy(out.data() + 8, &second, 8);
    return out;
}

} // namespace

std::string indicatorFingerprint(const ScoreInput& input, const std::string& indicatorId,
                                 const Indicator* indicator, const IndicatorEvidence& evidence) {
    // The serialised content is hashed rather than kept: a studio assessment's would be megabytes.
    std::string bytes;
    bytes.reserve(
        1024 + 192 * (evidence.rows.size() + evidence.previousRows.size() + evidence.benchmarkRows.size()));
    FingerprintWriter out(bytes);
    addSettings(out, input);
    out.add(input.service);
    out.add(input.area);
    out.add(input.period);
    out.add(indicatorId);
    addIndicator(out, indicator);
    addRows(out, evidence.rows);
    addRows(out, evidence.previousRows);
    addRows(out, evidence.benchmarkRows);
    return digest128(bytes);
}

const IndicatorOutcome* ScoringCache::find(const ServiceId& service, const AreaCode& area,
                                           const std::string& period, const std::string& indicatorId,
                                           const std::string& fingerprint) {
    const auto found = m_entries.find(Slot{service.str(), area.str(), period, indicatorId});
    if (found == m_entries.end() || found->second.fingerprint != fingerprint) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    found->second.used = true;
    return &found->second.outcome;
}

const IndicatorOutcome& ScoringCache::store(const ServiceId& service, const AreaCode& area,
                                            const std::string& period, const std::string& indicatorId,
                                            std::string fingerprint, IndicatorOutcome outcome) {
    Entry& entry = m_entries[Slot{service.str(), area.str(), period, indicatorId}];
    entry.fingerprint = std::move(fingerprint);
    entry.outcome = std::move(outcome);
    entry.used = true;
    return entry.outcome;
}

void ScoringCache::forgetUnused() {
    std::erase_if(m_entries, [](const auto& slotAndEntry) { return !slotAndEntry.second.used; });
    for (auto& [slot, entry] : m_entries)
        entry.used = false;
}

void ScoringCache::clear() noexcept {
    m_entries.clear();
}

} // namespace capeq
