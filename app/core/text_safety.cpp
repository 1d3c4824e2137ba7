#include "core/text_safety.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/utf8_text.hpp"

namespace idlib {
namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) {
           return std::tolower(static_cast<unsigned char>(t)) == p;
         });
}

// Length of a conninfo value at the start of `text`: up to white space outside quotes, so a
// quoted part ('se cret') and anything stuck to it are hidden together. A value may hold ; and &
// (libpq allows them): better to hide a little more than to show part of a password.
std::size_t valueLength(std::string_view text) {
  auto endsHere = [&](std::size_t i) {
    return std::isspace(static_cast<unsigned char>(text[i])) ||
           // "password=x: cannot connect": the colon is the message's, not the password's
           (text[i] == ':' &&
            (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))));
  };
  char quote = 0;
  std::size_t n = 0;
  for (; n < text.size(); ++n) {
    if (quote) {
      if (text[n] == '\\')
        ++n;
      else if (text[n] == quote)
        quote = 0;
    } else if (text[n] == '\'' || text[n] == '"') {
      quote = text[n];
    } else if (endsHere(n)) {
      break;
    }
  }
  return std::min(n, text.size());
}

// A character of a URL's user:password part (RFC 3986 userinfo, ':' aside).
bool userinfoCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("-._~%!$&'()*+,;=").find(c) != std::string_view::npos;
}

// After "://": the offset and length of the password in "user:password@", if there is one.
std::optional<std::pair<std::size_t, std::size_t>> urlPassword(std::string_view text) {
  std::size_t colon = 0;
  while (colon < text.size() && userinfoCharacter(text[colon]))
    ++colon;
  if (colon == text.size() || text[colon] != ':') return std::nullopt;
  std::size_t at = colon + 1;
  while (at < text.size() && (userinfoCharacter(text[at]) || text[at] == ':'))
    ++at;
  if (at == text.size() || text[at] != '@' || at == colon + 1) return std::nullopt;
  return std::pair{colon + 1, at - colon - 1};
}

// Copies `text` with each password replaced by `hidden`; a removed one (`hidden` empty) takes
// its key (or a URL's ':') and the space before it along.
std::string replaceSecrets(std::string_view text, std::string_view hidden) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    std::size_t key = 0;
    for (std::string_view k : {"password=", "pwd=", "passwd="})
      if (startsWithNoCase(rest, k) &&
          (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))
        key = k.size();
    if (key > 0) {
      if (hidden.empty())
        while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
          out.pop_back();
      else
        out.append(rest.substr(0, key)).append(hidden);
      i += key + valueLength(rest.substr(key));
      continue;
    }
    if (rest.starts_with("://")) {
      // scheme://user:password@host: keep the user, hide the password.
      if (const auto password = urlPassword(rest.substr(3))) {
        out.append(rest.substr(0, 3 + password->first - (hidden.empty() ? 1 : 0))).append(hidden);
        i += 3 + password->first + password->second;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

std::string redactSecrets(std::string_view text) {
  return replaceSecrets(text, "***");
}

std::string removeSecrets(std::string_view text) {
  return replaceSecrets(text, "");
}

std::string oneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c));
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string escapeControlCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8SequenceLength(text.substr(i));
    const bool c1Control = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (n == 1 && c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
    } else if (n > 1 && !c1Control) {
      out.append(text.substr(i, n));
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    } else {
      for (std::size_t k = 0; k < std::max<std::size_t>(n, 1); ++k)
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i + k]));
    }
    i += std::max<std::size_t>(n, 1);
  }
  return out;
}

}  // namespace idlib
