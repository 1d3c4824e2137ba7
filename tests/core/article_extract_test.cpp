// The article extractor on short texts written for these tests (never the seed articles' words).
#include "core/article_extract.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

std::vector<Word> allWords(std::string_view text) {
  return wordsOf(text, {0, text.size()});
}

std::vector<DateMention> datesIn(std::string_view text, std::optional<Day> published = std::nullopt,
                                 NumericDateOrder order = NumericDateOrder::DayFirst) {
  DateContext c;
  c.published = published;
  c.publishedAs = "dateline";
  c.order = order;
  return findDates(text, allWords(text), c);
}

std::string quoted(std::string_view text, TextSpan s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

// --- text ---------------------------------------------------------------------------------

TEST(ArticleText, SentencesAndWordsAreByteSpansOfTheUtf8) {
  const std::string text =
      "The convoy reached Ma’arrat al-Nu’mān. Then it left!\n\nA heading\nNext line.";
  const auto sentences = sentencesOf(text);
  ASSERT_GE(sentences.size(), 3u);
  EXPECT_EQ(quoted(text, sentences[0]), "The convoy reached Ma’arrat al-Nu’mān.");
  EXPECT_EQ(quoted(text, sentences[1]), "Then it left!");
  const auto words = wordsOf(text, sentences[0]);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(quoted(text, words[3].span), "Ma’arrat");
  EXPECT_EQ(quoted(text, words[5].span), "Nu’mān");
  EXPECT_TRUE(words[3].capital);
}

TEST(ArticleText, HtmlTagsGoAndOffsetsPointIntoTheFile) {
  const std::string html =
      "<html><body><p>Shelling hit <b>Saraqib</b> &amp; "
      "Sarmin.</p><script>x=1</script></body></html>";
  ASSERT_TRUE(looksLikeHtml(html));
  const ArticleText a = htmlArticle(html);
  const std::size_t at = a.text.find("Saraqib");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(html.substr(a.fileOffset(at), 7), "Saraqib");
  EXPECT_NE(a.text.find("& Sarmin"), std::string::npos);
  EXPECT_EQ(a.text.find("x=1"), std::string::npos);
  EXPECT_FALSE(looksLikeHtml("A plain text about 3 < 4 and more."));
}

// --- dates --------------------------------------------------------------------------------

TEST(ArticleDates, AbsoluteDatesInEachWrittenForm) {
  const Day pub = makeDay(2021, 3, 10);
  auto one = [&](std::string_view text) {
    const auto d = datesIn(text, pub);
    EXPECT_EQ(d.size(), 1u) << text;
    return d.empty() ? DateMention{} : d[0];
  };
  EXPECT_EQ(one("Troops moved on 4 March 2019 at dawn.").first, makeDay(2019, 3, 4));
  EXPECT_EQ(one("Troops moved on March 4, 2019 at dawn.").first, makeDay(2019, 3, 4));
  EXPECT_EQ(one("Troops moved on Monday, March 4, 2019.").first, makeDay(2019, 3, 4));
  EXPECT_EQ(one("Troops moved on 2019-03-04.").first, makeDay(2019, 3, 4));
  // No year: the latest such day on or before publication.
  const DateMention noYear = one("The talks opened on 2 December.");
  EXPECT_EQ(noYear.first, makeDay(2020, 12, 2));
  EXPECT_NE(noYear.basis.find("on or before the dateline 10 Mar 2021"), std::string::npos)
      << noYear.basis;
  const DateMention month = one("Fighting grew in August 2019.");
  EXPECT_EQ(month.precision, MentionPrecision::Month);
  EXPECT_EQ(month.first, makeDay(2019, 8, 1));
  EXPECT_EQ(month.last, makeDay(2019, 8, 31));
  EXPECT_EQ(one("A truce was agreed in 2017.").precision, MentionPrecision::Year);
}

TEST(ArticleDates, NumericDatesFollowTheStatedOrder) {
  const auto dayFirst =
      datesIn("Reported 6/2/2020 by the council.", std::nullopt, NumericDateOrder::DayFirst);
  ASSERT_EQ(dayFirst.size(), 1u);
  EXPECT_EQ(dayFirst[0].first, makeDay(2020, 2, 6));
  EXPECT_NE(dayFirst[0].basis.find("day/month/year"), std::string::npos);
  const auto monthFirst =
      datesIn("Reported 6/2/2020 by the council.", std::nullopt, NumericDateOrder::MonthFirst);
  ASSERT_EQ(monthFirst.size(), 1u);
  EXPECT_EQ(monthFirst[0].first, makeDay(2020, 6, 2));
  for (const DateMention& d : datesIn("Reported 31/31/2020 by the council."))
    EXPECT_NE(d.precision, MentionPrecision::Day);  // no such day; the year alone remains
}

// Two-digit years pivot as core/date reads them; a relative date no events file can hold is no
// date at all.
TEST(ArticleDates, TwoDigitYearsAndUnreachableDays) {
  const auto nineties = datesIn("Reported 6/2/98 by the council.");
  ASSERT_EQ(nineties.size(), 1u);
  EXPECT_EQ(nineties[0].first, makeDay(1998, 2, 6));
  EXPECT_TRUE(datesIn("The market was built 150 years ago.", makeDay(2021, 3, 15)).empty());
}

TEST(ArticleDates, RelativeDatesResolveAgainstThePublicationWithTheirBasis) {
  const Day monday = makeDay(2021, 3, 15);  // a Monday
  auto one = [&](std::string_view text) {
    const auto d = datesIn(text, monday);
    EXPECT_EQ(d.size(), 1u) << text;
    return d.empty() ? DateMention{} : d[0];
  };
  const DateMention lastFriday = one("Delegates met last Friday in the capital.");
  EXPECT_EQ(lastFriday.first, makeDay(2021, 3, 12));
  EXPECT_TRUE(lastFriday.relative);
  EXPECT_EQ(lastFriday.basis, "'last Friday' before the dateline 15 Mar 2021 -> 12 Mar 2021");
  EXPECT_EQ(one("Delegates met on Wednesday.").first, makeDay(2021, 3, 10));
  EXPECT_EQ(one("Delegates met yesterday.").first, makeDay(2021, 3, 14));
  EXPECT_EQ(one("Delegates meet today.").first, monday);
  const DateMention lastWeek = one("Delegates met last week.");
  EXPECT_EQ(lastWeek.precision, MentionPrecision::Week);
  EXPECT_EQ(lastWeek.first, makeDay(2021, 3, 8));
  EXPECT_EQ(lastWeek.last, makeDay(2021, 3, 14));
  const DateMention pastMonths = one("Shops closed in the past two months.");
  EXPECT_EQ(pastMonths.precision, MentionPrecision::Period);
  EXPECT_EQ(pastMonths.first, monday - 60);
  EXPECT_EQ(pastMonths.last, monday);
  const DateMention since = one("Shops closed since October.");
  EXPECT_EQ(since.first, makeDay(2020, 10, 1));
  EXPECT_EQ(since.last, monday);
  const DateMention sinceLast = one("Shops closed since last March.");
  EXPECT_EQ(sinceLast.first, makeDay(2020, 3, 1));
  const DateMention ago = one("Shops closed three days ago.");
  EXPECT_EQ(ago.first, makeDay(2021, 3, 12));
  // Without a publication date a relative date is not guessed.
  EXPECT_TRUE(datesIn("Delegates met last Friday.").empty());
}

TEST(ArticleDates, RangesAreOnePeriod) {
  const auto d = datesIn("Strikes continued 3-7 May 2020 and between 9 and 11 May 2020.");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].precision, MentionPrecision::Period);
  EXPECT_EQ(d[0].first, makeDay(2020, 5, 3));
  EXPECT_EQ(d[0].last, makeDay(2020, 5, 7));
  EXPECT_EQ(d[1].first, makeDay(2020, 5, 9));
  EXPECT_EQ(d[1].last, makeDay(2020, 5, 11));
}

TEST(ArticleDates, DatelineOpensTheText) {
  const std::string text = " date 2021-03-15 Delegates met on 2 March 2021.";
  const auto dateline = findDateline(text, allWords(text));
  ASSERT_TRUE(dateline.has_value());
  EXPECT_EQ(dateline->first, makeDay(2021, 3, 15));
  EXPECT_EQ(quoted(text, dateline->span), "date 2021-03-15");
  const std::string none = "Delegates met on 2 March 2021.";
  EXPECT_FALSE(findDateline(none, allWords(none)).has_value());
  // A wire dateline names its place first, on the date's own line.
  const std::string wire = "AZAZ, Syria, 4 April 2021\nMarkets reopened on Monday.";
  const auto placed = findDateline(wire, allWords(wire));
  ASSERT_TRUE(placed.has_value());
  EXPECT_EQ(placed->first, makeDay(2021, 4, 4));
  const std::string later = "Markets\nreopened 4 April 2021.";
  EXPECT_FALSE(findDateline(later, allWords(later)).has_value());
}

// --- places -------------------------------------------------------------------------------

Gazetteer smallGazetteer() {
  return Gazetteer(
      {{"Saraqib", {"Saraqib", "Saraqeb"}, PlaceKind::Town, "Idlib", 36.80, 35.86, 32000},
       {"Ma'arrat al-Nu'man",
        {"Ma'arrat al-Nu'man", "Ma‘arrat an Nu‘mān", "Maarat al-Numan"},
        PlaceKind::Town,
        "Idlib",
        36.67,
        35.64,
        58000},
       {"Khan Shaykhun",
        {"Khan Shaykhun", "Khan Sheikhoun"},
        PlaceKind::Town,
        "Idlib",
        36.64,
        35.44,
        50000},
       {"Idlib", {"Idlib"}, PlaceKind::Town, "Idlib", 36.63, 35.93, 160000},
       {"Idlib", {"Idlib"}, PlaceKind::Province, "Idlib", 36.6, 35.8, 0},
       {"Turkey", {"Turkey", "Türkiye"}, PlaceKind::Country, "", 35.0, 39.0, 0},
       {"Tall Rif'at", {"Tall Rif'at"}, PlaceKind::Town, "Aleppo", 37.1, 36.5, 20000},
       {"Tall Rif'at", {"Tall Rif'at"}, PlaceKind::Town, "Hama", 36.9, 35.1, 900}});
}

std::vector<std::string> placeNames(std::string_view text, const Gazetteer& g) {
  std::vector<std::string> out;
  for (const PlaceMention& m : findPlaces(text, allWords(text), g)) {
    const GazetteerPlace& p = g.places()[m.places.front()];
    out.push_back(p.name + "/" + std::string(geoPrecisionName(p.kind)) +
                  (m.places.size() > 1 ? "/ambiguous" : ""));
  }
  return out;
}

TEST(ArticlePlaces, EverySpellingAndTransliterationFindsTheTown) {
  const Gazetteer g = smallGazetteer();
  for (const char* text : {"Families left Maarat al-Numan.", "Families left Ma’arat al-Nu’man.",
                           "Families left Ma'arrat an-Nu'man.", "Families left Maaret al-Noman."}) {
    const auto names = placeNames(text, g);
    ASSERT_EQ(names.size(), 1u) << text;
    EXPECT_EQ(names[0], "Ma'arrat al-Nu'man/town") << text;
  }
  EXPECT_EQ(placeNames("Guns fired near Saraqeb and Khan Sheikhoun.", g),
            (std::vector<std::string>{"Saraqib/town", "Khan Shaykhun/town"}));
  EXPECT_EQ(placeNames("Aid crossed from Türkiye.", g),
            (std::vector<std::string>{"Turkey/country"}));
  // Arabic script, transliterated by ICU: سراقب is Saraqib by its consonants.
  EXPECT_EQ(placeNames("Shells hit سراقب again.", g), (std::vector<std::string>{"Saraqib/town"}));
  // Lower-case words are not names: "saraqib" in a sentence is not taken.
  EXPECT_TRUE(placeNames("a word like saraqib in lower case", g).empty());
}

TEST(ArticlePlaces, ProvincesAndAmbiguousNames) {
  const Gazetteer g = smallGazetteer();
  EXPECT_EQ(placeNames("Strikes across Idlib province.", g),
            (std::vector<std::string>{"Idlib/region"}));
  EXPECT_EQ(placeNames("Strikes in the city of Idlib.", g),
            (std::vector<std::string>{"Idlib/town"}));
  EXPECT_EQ(placeNames("Strikes in Idlib.", g),
            (std::vector<std::string>{"Idlib/region/ambiguous"}));
  const std::string text = "Shells fell on Tall Rif'at.";
  const auto m = findPlaces(text, allWords(text), g);
  ASSERT_EQ(m.size(), 1u);
  ASSERT_EQ(m[0].places.size(), 2u);
  EXPECT_EQ(g.places()[m[0].places[0]].admin1, "Aleppo");  // the bigger town first
}

// --- actors and figures ---------------------------------------------------------------------

TEST(ArticleActors, LexiconNamesTheActors) {
  const std::string text =
      "Regime forces and Russian jets hit HTS positions; the U.N. and us watched.";
  std::vector<std::string> actors;
  for (const auto& a : findActors(text, allWords(text)))
    actors.push_back(a.actor);
  EXPECT_EQ(actors, (std::vector<std::string>{"Syrian government forces", "Russia", "HTS", "UN"}));
}

std::vector<FigureMention> figuresIn(std::string_view text) {
  return findFigures(text, allWords(text), {});
}

TEST(ArticleFigures, NumbersInWordsAndDigitsWithWhatTheyCount) {
  struct Case {
    const char* text;
    double value;
    Counted counts;
    const char* amount;
  };
  for (const Case& c : {
           Case{"The shelling displaced close to two hundred thousand people.", 200000,
                Counted::Displaced, "two hundred thousand"},
           Case{"Nearly two million people fled the valley.", 2000000, Counted::Displaced,
                "Nearly two million"},
           Case{"Half a million people fled north.", 500000, Counted::Displaced, "Half a million"},
           Case{"Officials counted more than 40 attacks on clinics.", 40, Counted::Attacks,
                "more than 40"},
           Case{"The raid killed at least 12 soldiers.", 12, Counted::SoldiersKilled,
                "at least 12"},
           Case{"Gunfire killed 9 civilians near the school.", 9, Counted::Killed, "9"},
           Case{"The town hosts some 2.5 million refugees.", 2500000, Counted::Refugees,
                "some 2.5 million"},
           Case{"The camp's population of 45,000 grew.", 45000, Counted::Population, "45,000"},
       }) {
    const auto f = figuresIn(c.text);
    ASSERT_EQ(f.size(), 1u) << c.text;
    EXPECT_EQ(f[0].value, c.value) << c.text;
    EXPECT_EQ(f[0].counts, c.counts) << c.text << " counts " << countedName(f[0].counts);
    EXPECT_EQ(f[0].amount, c.amount) << c.text;
  }
  const auto vague = figuresIn("Hundreds of families fled the shelling.");
  ASSERT_EQ(vague.size(), 1u);
  EXPECT_EQ(vague[0].value, 0);
  EXPECT_EQ(vague[0].counts, Counted::Displaced);
  // Not counts: spans of time, lone small words.
  EXPECT_TRUE(figuresIn("After five long years of war, one way remains.").empty());
  EXPECT_TRUE(figuresIn("The siege lasted 40 days.").empty());
}

// --- candidates -------------------------------------------------------------------------------

TEST(ArticleExtract, CandidateCombinesTheSentenceWithItsProvenance) {
  const std::string text =
      " date 2021-03-15 Regime artillery shelled Saraqeb last Friday, killing 4 civilians.\n"
      "The weather was mild.\n"
      "Some 30,000 people have fled Khan Sheikhoun in the past two weeks.";
  const ArticleText a = plainArticle(text);
  const Extraction ex = extractArticle(a, smallGazetteer(), {}, {});
  EXPECT_EQ(ex.publishedAs, "dateline");
  ASSERT_EQ(ex.candidates.size(), 2u);
  const Candidate& shelling = ex.candidates[0];
  EXPECT_EQ(shelling.type, "Explosions/Remote violence");
  EXPECT_EQ(shelling.actor1, "Syrian government forces");
  EXPECT_EQ(shelling.location, "Saraqib");
  EXPECT_EQ(shelling.first, makeDay(2021, 3, 12));
  EXPECT_EQ(shelling.fatalities, 4);
  EXPECT_EQ(text.substr(shelling.spanStart, shelling.spanEnd - shelling.spanStart),
            "Regime artillery shelled Saraqeb last Friday, killing 4 civilians");
  const Candidate& flight = ex.candidates[1];
  EXPECT_EQ(flight.type, "Displacement");
  EXPECT_EQ(flight.displaced, 30000);
  EXPECT_EQ(flight.location, "Khan Shaykhun");
  EXPECT_EQ(flight.precision, MentionPrecision::Period);
  EXPECT_EQ(flight.first, makeDay(2021, 3, 1));
}

TEST(ArticleExtract, AKnownEventOnAnotherDateIsAConflict) {
  const std::string text = " date 2021-03-15 Turkish guns shelled Saraqib last Friday.";
  const std::vector<KnownEvent> known = {
      {"k-1", makeDay(2021, 3, 5), "shelling/air strike", "Turkey", "", "Saraqib", "Idlib"}};
  const Extraction ex = extractArticle(plainArticle(text), smallGazetteer(), known, {});
  ASSERT_EQ(ex.candidates.size(), 1u);
  EXPECT_EQ(ex.candidates[0].conflict, "k-1 2021-03-05");
  // The same event on the candidate's date: no conflict.
  const std::vector<KnownEvent> agreeing = {
      {"k-2", makeDay(2021, 3, 12), "shelling/air strike", "Turkey", "", "Saraqib", "Idlib"}};
  EXPECT_EQ(
      extractArticle(plainArticle(text), smallGazetteer(), agreeing, {}).candidates[0].conflict,
      "");
}

TEST(ArticleExtract, PublicationFromOptionThenDatelineThenLatestDate) {
  const std::string text =
      "Guns shelled Saraqib on 3 May 2020. Talks began on 9 June 2020 in Idlib.";
  ExtractOptions given;
  given.published = makeDay(2020, 7, 1);
  EXPECT_EQ(extractArticle(plainArticle(text), smallGazetteer(), {}, given).publishedAs,
            "--published");
  const Extraction inferred = extractArticle(plainArticle(text), smallGazetteer(), {}, {});
  EXPECT_EQ(inferred.publishedAs, "inferred latest date");
  EXPECT_EQ(inferred.published, makeDay(2020, 6, 9));
}

}  // namespace
}  // namespace idlib
