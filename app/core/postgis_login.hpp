#pragma once
// What the PostGIS dialog asks for, written as GDAL's "PG:" connection string. The password is
// kept only in memory: the string that carries it is redacted (redactSecrets) wherever shown.
#include <string>
#include <string_view>
#include <vector>

namespace idlib {

struct PostgisLogin {
  std::string host;  // a name, an address or a unix socket's folder ("/var/run/postgresql")
  std::string port;  // empty: libpq's default (PGPORT or 5432)
  std::string database;
  std::string user;
  std::string password;  // empty: libpq's PGPASSWORD or ~/.pgpass
};

// "PG:host='db' port='5432' dbname='atlas' user='me' password='…' tables=public.towns"; each value
// quoted as libpq wants, empty ones left out; `tables` (GDAL's own key) only when given.
std::string postgisConnection(const PostgisLogin& login,
                              const std::vector<std::string>& tables = {});

}  // namespace idlib
