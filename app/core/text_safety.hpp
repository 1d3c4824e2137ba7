#pragma once
// Text from files and connection strings, made safe to show: a password never printed, a control
// character never sent raw to a terminal, a message always one line.
#include <string>
#include <string_view>

namespace idlib {

// "PG:host=db password='s3cret' dbname=x" -> "PG:host=db password=*** dbname=x"; also pwd= and
// the password of a URL's user part (postgresql://user:s3cret@host -> postgresql://user:***@host).
std::string redactSecrets(std::string_view text);
// The same passwords left out, key and all: "PG:host=db password='s3cret' dbname=x" ->
// "PG:host=db dbname=x", postgresql://user:s3cret@host -> postgresql://user@host. What is saved
// (a workspace) is reopened with libpq's PGPASSWORD or ~/.pgpass.
std::string removeSecrets(std::string_view text);

// Control characters (ESC, newlines, C1 controls) and bytes that are not UTF-8 written as escapes
// (\x1b, \n, \xff); everything else, Arabic included, as it is.
std::string escapeControlCharacters(std::string_view text);

// White space runs (new lines, tabs) as one space, none at either end: a library's multi-line
// reason inside a one-line message.
std::string oneLine(std::string_view text);

// Both: what may be printed to a terminal or shown in a panel.
inline std::string displayable(std::string_view text) {
  return escapeControlCharacters(redactSecrets(text));
}

}  // namespace idlib
