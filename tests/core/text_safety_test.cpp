#include "core/text_safety.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(RedactSecrets, HidesAConnectionStringsPassword) {
  EXPECT_EQ(redactSecrets("PG:host=db user=u password=SECRET123 dbname=x"),
            "PG:host=db user=u password=*** dbname=x");
  EXPECT_EQ(redactSecrets("PG:host=db password='se cret' dbname=x"),
            "PG:host=db password=*** dbname=x");
  EXPECT_EQ(redactSecrets("PG:dbname=x PASSWORD=abc"), "PG:dbname=x PASSWORD=***");
  EXPECT_EQ(redactSecrets("Driver=x;Pwd=abc;Uid=u"), "Driver=x;Pwd=***");  // to the next space
}

// Found by fuzz_text_safety: a quoted part with more stuck to it left that part visible.
TEST(RedactSecrets, HidesAQuotedPasswordAndWhatIsStuckToIt) {
  EXPECT_EQ(redactSecrets("PG:hostbu password='s3 cretet nb'dWme=x"), "PG:hostbu password=***");
  EXPECT_EQ(redactSecrets("PG:password=ab'c d'ef dbname=x"), "PG:password=*** dbname=x");
}

TEST(RedactSecrets, KeepsTheMessageAfterThePassword) {
  EXPECT_EQ(redactSecrets("PG:dbname=x password=SECRET123: connection refused"),
            "PG:dbname=x password=***: connection refused");
}

TEST(RedactSecrets, HidesAUrlsPasswordButKeepsTheUser) {
  EXPECT_EQ(redactSecrets("postgresql://analyst:hunter2@db.example.org:5432/acled"),
            "postgresql://analyst:***@db.example.org:5432/acled");
  EXPECT_EQ(redactSecrets("https://example.org:8080/data.geojson"),
            "https://example.org:8080/data.geojson");
}

// What a workspace saves: the connection without its password, which libpq then takes from
// PGPASSWORD or ~/.pgpass.
TEST(RemoveSecrets, LeavesThePasswordOutKeyAndAll) {
  EXPECT_EQ(removeSecrets("PG:host=db password='se cret' dbname=x"), "PG:host=db dbname=x");
  EXPECT_EQ(removeSecrets("PG:host=db dbname=x password=***"), "PG:host=db dbname=x");
  EXPECT_EQ(removeSecrets("postgresql://analyst:hunter2@db:5432/acled"),
            "postgresql://analyst@db:5432/acled");
  EXPECT_EQ(removeSecrets("PG:host=db dbname=x"), "PG:host=db dbname=x");
}

TEST(RedactSecrets, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(redactSecrets("events.csv line 4: notes mention a password reset"),
            "events.csv line 4: notes mention a password reset");
}

TEST(EscapeControlCharacters, KeepsAMessageOnOneLineAndTheTerminalSafe) {
  EXPECT_EQ(escapeControlCharacters("a\nb\tc\r"), "a\\nb\\tc\\r");
  EXPECT_EQ(escapeControlCharacters("\x1b]0;owned\x07title"), "\\x1b]0;owned\\x07title");
  EXPECT_EQ(escapeControlCharacters("\xc2\x9b"
                                    "31m"),
            "\\xc2\\x9b31m");                                 // C1 CSI
  EXPECT_EQ(escapeControlCharacters("caf\xe9"), "caf\\xe9");  // not UTF-8
}

TEST(EscapeControlCharacters, KeepsArabicAndAccents) {
  EXPECT_EQ(escapeControlCharacters("سراقب Ma‘arrat café"), "سراقب Ma‘arrat café");
}

TEST(OneLine, JoinsALibrarysMultiLineReason) {
  EXPECT_EQ(oneLine("connection failed:\n\tIs the server running?\n"),
            "connection failed: Is the server running?");
}

}  // namespace
}  // namespace idlib
