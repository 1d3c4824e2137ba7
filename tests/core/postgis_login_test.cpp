#include "core/postgis_login.hpp"

#include <gtest/gtest.h>

#include "core/text_safety.hpp"

namespace idlib {
namespace {

TEST(PostgisLogin, WritesGdalsConnectionString) {
  const PostgisLogin login{"/tmp/pg socket", "5433", "atlas", "analyst", ""};
  EXPECT_EQ(postgisConnection(login, {"public.towns", "events"}),
            "PG:host='/tmp/pg socket' port='5433' dbname='atlas' user='analyst' "
            "tables=public.towns,events");
}

TEST(PostgisLogin, AnEmptyPasswordIsLeftToLibpq) {
  const PostgisLogin login{"db", "5432", "atlas", "", ""};
  EXPECT_EQ(postgisConnection(login), "PG:host='db' port='5432' dbname='atlas'");
}

TEST(PostgisLogin, APasswordWithQuotesAndSpacesIsQuotedAndNeverShown) {
  const PostgisLogin login{"db", "5432", "atlas", "me", "it's a \\secret"};
  const std::string connection = postgisConnection(login, {"towns"});
  EXPECT_NE(connection.find(R"(password='it\'s a \\secret')"), std::string::npos) << connection;
  const std::string shown = displayable(connection + ": password authentication failed");
  EXPECT_EQ(shown.find("secret"), std::string::npos) << shown;
  EXPECT_NE(shown.find("host='db'"), std::string::npos) << shown;
  EXPECT_NE(shown.find("dbname='atlas'"), std::string::npos) << shown;
}

}  // namespace
}  // namespace idlib
