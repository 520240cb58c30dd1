// SPDX-License-Identifier: Apache-2.0
// capeq_fuzz_replay TARGET DIR...: runs every file in each DIR through TARGET's entry point, as the
// fuzzer would, in the ordinary build (so a fixed crash stays fixed without a fuzzing toolchain).
// Exits 1 when any file escapes with something other than InputError.
#include "fuzz_targets.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    if (argc < 3) {
        std::cerr << "usage: capeq_fuzz_replay TARGET DIR...\n";
        return 2;
    }
    const capeq::fuzz::FuzzTarget* target = capeq::fuzz::findFuzzTarget(argv[1]);
    if (target == nullptr) {
        std::cerr << "no fuzz target called " << argv[1] << '\n';
        return 2;
    }
    std::vector<fs::path> files;
    for (int i = 2; i < argc; ++i) {
        if (!fs::is_directory(argv[i]))
            continue; // a target may have no regression inputs yet
        for (const auto& entry : fs::directory_iterator(argv[i]))
            if (entry.is_regular_file())
                files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    int failures = 0;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::string bytes(static_cast<std::size_t>(fs::file_size(file)), '\0');
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        try {
            target->run(bytes);
        } catch (const std::exception& error) {
            std::cerr << file.string() << ": escaped: " << error.what() << '\n';
            ++failures;
        }
    }
    std::cout << target->name << ": " << files.size() << " inputs replayed, " << failures << " failed\n";
    return failures == 0 ? 0 : 1;
}
