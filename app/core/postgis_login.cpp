#include "core/postgis_login.hpp"

namespace idlib {
namespace {

// libpq's conninfo quoting: 'value' with \' and \\ escaped, so spaces and quotes stay inside it.
std::string quoted(std::string_view value) {
  std::string q = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') q += '\\';
    q += c;
  }
  return q + "'";
}

}  // namespace

std::string postgisConnection(const PostgisLogin& login, const std::vector<std::string>& tables) {
  std::string s = "PG:";
  auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (s.size() > 3) s += ' ';
    s += std::string(key) + "=" + quoted(value);
  };
  add("host", login.host);
  add("port", login.port);
  add("dbname", login.database);
  add("user", login.user);
  add("password", login.password);
  // GDAL reads tables= itself, up to the next space: names are joined by commas, unquoted.
  if (!tables.empty()) {
    s += " tables=";
    for (std::size_t i = 0; i < tables.size(); ++i)
      s += (i ? "," : "") + tables[i];
  }
  return s;
}

}  // namespace idlib
