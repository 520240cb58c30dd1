// SPDX-License-Identifier: Apache-2.0
// The benchmark's floor: read the file in 4 MiB blocks and split every record into fields (count commas
// and line ends, sum field lengths so nothing is optimised away), on one thread. No number is parsed and
// nothing is aggregated, so no tool that reads the file can be faster than this by much.
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: parse_floor FILE\n");
        return 2;
    }
    std::FILE* file = std::fopen(argv[1], "rb");
    if (file == nullptr) {
        std::perror(argv[1]);
        return 2;
    }
    std::vector<char> buffer(4U << 20);
    unsigned long long records = 0;
    unsigned long long fields = 0;
    unsigned long long fieldBytes = 0;
    unsigned long long current = 0;
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
        for (std::size_t i = 0; i < got; ++i) {
            const char c = buffer[i];
            if (c == ',' || c == '\n') {
                ++fields;
                fieldBytes += current;
                current = 0;
                records += c == '\n';
            } else {
                ++current;
            }
        }
    }
    std::fclose(file);
    std::printf("%llu records, %llu fields, %llu field bytes\n", records, fields, fieldBytes);
    return 0;
}
