#include "core/format.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

TEST(EventListSummary, AnEmptyFilterSaysNoMatches) {
  EXPECT_EQ(eventListSummary(0, 412), "No events match the filter");
  EXPECT_EQ(eventListSummary(0, 0), "No events loaded");
  EXPECT_EQ(eventListSummary(12, 1412), "12 of 1,412 events");
  EXPECT_EQ(eventListSummary(412, 412), "412 events");
}

TEST(CitationFor, AnArticleFileBecomesItsNumberAndDate) {
  EXPECT_EQ(citationFor("seeds/004_e78f9370a36171e7.txt (2020-02-03) ; Reuters/AFP via National "
                        "Post, 'Syrian shelling kills four Turkish soldiers in Idlib', 2020-02-03"),
            "Article 004 (3 February 2020); Reuters/AFP via National Post, 'Syrian shelling kills "
            "four Turkish soldiers in Idlib', 2020-02-03");
  EXPECT_EQ(citationFor("seeds/001_0123456789abcdef.txt (undated, ~2020-02-24) (quoting Foreign "
                        "Policy)"),
            "Article 001 (undated, ~2020-02-24) (quoting Foreign Policy)");
}

TEST(CitationFor, PathsBecomeReadableNamesAndAddressesStay) {
  EXPECT_EQ(citationFor("shared/facts/reference-facts.csv"), "reference facts");
  EXPECT_EQ(citationFor("/work/main/build-c/geodata/events.csv"), "events");
  EXPECT_EQ(citationFor("SANA/SOHR via Xinhua, 2019-05-08 (via reference-facts.csv)"),
            "SANA/SOHR via Xinhua, 2019-05-08 (via reference facts)");
  EXPECT_EQ(citationFor("UN OCHA, Flash Update, https://reliefweb.int/report/a/b.pdf"),
            "UN OCHA, Flash Update, https://reliefweb.int/report/a/b.pdf");
  EXPECT_EQ(citationFor("SOHR/AFP, 2019-08-21"), "SOHR/AFP, 2019-08-21");
  EXPECT_EQ(citationFor(""), "");
}

// Article files anywhere in a source, and paths inside a sentence, never reach the audience.
TEST(CitationFor, NoFileNameSurvives) {
  for (const char* text :
       {"seeds/002_5b1d2c3e4f5a6b7c.txt (2020-01-28)", "x (shared/seeds/003_aa11bb22cc33dd44.txt)",
        "population: 2004 census as quoted in shared/facts/reference-facts.csv"}) {
    const std::string cited = citationFor(text);
    EXPECT_EQ(cited.find("seeds/"), std::string::npos) << cited;
    EXPECT_EQ(cited.find(".csv"), std::string::npos) << cited;
    EXPECT_EQ(cited.find(".txt"), std::string::npos) << cited;
  }
}

}  // namespace
}  // namespace idlib
