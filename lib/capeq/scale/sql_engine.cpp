// SPDX-License-Identifier: Apache-2.0
#include <capeq/scale/sql_engine.hpp>

#include <algorithm>
#include <stdexcept>

namespace capeq::scale {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view text) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            decoded += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

// Takes "table=..." out of a query string; the other parameters belong to the engine's driver.
std::string takeTable(std::string& query) {
    std::string table;
    std::string kept;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos)
            end = query.size();
        const std::string item = query.substr(start, end - start);
        if (item.rfind("table=", 0) == 0)
            table = percentDecode(item.substr(6));
        else if (!item.empty())
            kept += (kept.empty() ? "" : "&") + item;
        start = end + 1;
    }
    query = kept;
    return table;
}

std::string hidePassword(const std::string& url) {
    const std::size_t scheme = url.find("://");
    const std::size_t at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos)
        return url;
    const std::size_t colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

} // namespace

std::optional<std::size_t> ResultTable::find(std::string_view column) const {
    const auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

EngineUrl parseEngineUrl(std::string_view text) {
    const std::string url(text);
    const std::size_t question = url.find('?');
    std::string base = url.substr(0, question);
    std::string query = question == std::string::npos ? std::string() : url.substr(question + 1);
    EngineUrl result;
    result.table = takeTable(query);
    result.display = hidePassword(url);
    if (base.rfind("sqlite:", 0) == 0) {
        result.dialect = SqlDialect::SQLite;
        std::string path = base.substr(7);
        if (path.rfind("//", 0) == 0)
            path = path.substr(2); // sqlite:///abs/path keeps its leading slash
        result.connection = percentDecode(path);
        if (result.connection.empty())
            throw std::invalid_argument("the engine URL '" + result.display +
                                        "' names no database file: write sqlite:///path/to.db?table=NAME");
    } else if (base.rfind("postgresql://", 0) == 0 || base.rfind("postgres://", 0) == 0) {
        result.dialect = SqlDialect::PostgreSQL;
        result.connection = base + (query.empty() ? "" : "?" + query);
    } else {
        throw std::invalid_argument("the engine URL '" + result.display +
                                    "' is not sqlite:///FILE?table=NAME or postgresql://.../DB?table=NAME "
                                    "(for Spark SQL, Trino or BigQuery use --emit-sql and run it there)");
    }
    if (result.table.empty())
        throw std::invalid_argument("the engine URL '" + result.display +
                                    "' names no table: add ?table=NAME (the table holding the microdata)");
    return result;
}

std::unique_ptr<SqlEngine> openSqlEngine(const EngineUrl& url) {
    if (url.dialect == SqlDialect::SQLite)
        return openSqliteEngine(url.connection);
    return openPostgresEngine(url.connection, url.display);
}

} // namespace capeq::scale
