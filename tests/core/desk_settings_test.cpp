// The panels' places saved with the UI scale and the window they were laid out in (issue 14: the
// Changes panel, saved on a 1280x720 screen, opened squeezed to a character a column on a 4K one).
#include "core/desk_settings.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

// As ImGui writes it on a 1280x720 window at scale 1: the Find panel at the top left, the
// Changes panel at the right, and a table.
constexpr std::string_view kImguiIni =
    "[Window][Find a town]\n"
    "Pos=8,29\n"
    "Size=330,250\n"
    "Collapsed=0\n"
    "\n"
    "[Window][Changes]\n"
    "Pos=792,89\n"
    "Size=480,365\n"
    "Collapsed=0\n"
    "\n"
    "[Table][0x1A2B3C4D,5]\n"
    "RefScale=15\n"
    "Column 0  Width=120\n";
constexpr DeskScreen kSmall{1, 1280, 720}, kLarge{2, 3072, 1728};

TEST(DeskSettings, TheSameScreenGivesImguiBackWhatItWrote) {
  const std::string saved = deskSettingsToSave(kImguiIni, kSmall);
  EXPECT_TRUE(saved.starts_with("; ui scale 1, window 1280x720\n")) << saved;
  EXPECT_EQ(deskSettingsToLoad(saved, kSmall), kImguiIni);
  const DeskScreen fractional{1.75f, 2560, 1440};
  EXPECT_EQ(deskSettingsToLoad(deskSettingsToSave(kImguiIni, fractional), fractional), kImguiIni);
}

TEST(DeskSettings, PanelsSavedAtScaleOneOpenTwiceAsLargeAtScaleTwo) {
  const std::string loaded = deskSettingsToLoad(deskSettingsToSave(kImguiIni, kSmall), kLarge);
  EXPECT_EQ(loaded,
            "[Window][Find a town]\n"
            "Pos=16,58\n"  // from the top left corner
            "Size=660,500\n"
            "Collapsed=0\n"
            "\n"
            "[Window][Changes]\n"
            "Pos=2096,178\n"  // 16 points from the right edge (8 at scale 1), 178 from the top
            "Size=960,730\n"
            "Collapsed=0\n"
            "\n"
            "[Table][0x1A2B3C4D,5]\n"  // a table notes its own scale: left as it is
            "RefScale=15\n"
            "Column 0  Width=120\n");
  // And back: a 4K desk opened on a small screen is halved, not left too big for it.
  EXPECT_EQ(deskSettingsToLoad(deskSettingsToSave(loaded, kLarge), kSmall), kImguiIni);
}

TEST(DeskSettings, WithoutTheWindowsPlacesScaleFromTheCorner) {
  const std::string loaded =
      deskSettingsToLoad("; ui scale 1\n[Window][Changes]\nPos=792,89\nSize=480,365\n", kLarge);
  EXPECT_EQ(loaded, "[Window][Changes]\nPos=1584,178\nSize=960,730\n");
}

TEST(DeskSettings, AFileWithoutItsScaleIsNotTrusted) {
  // Written before the scale was noted: its sizes may be from any screen.
  EXPECT_EQ(deskSettingsToLoad(kImguiIni, kLarge), "");
  EXPECT_EQ(deskSettingsToLoad("; ui scale none\n[Window][Story]\nPos=1,2\n", kSmall), "");
  EXPECT_EQ(deskSettingsToLoad("; ui scale 1, window big\n[Window][Story]\nPos=1,2\n", kSmall), "");
  EXPECT_EQ(deskSettingsToLoad("", kSmall), "");
  // Numbers no screen has are not scaled by.
  for (const char* note : {"; ui scale inf", "; ui scale nan", "; ui scale 1e-30", "; ui scale -2",
                           "; ui scale 1, window 1e9x720", "; ui scale 1, window infxinf"})
    EXPECT_EQ(deskSettingsToLoad(std::string(note) + "\n[Window][Story]\nPos=1,2\n", kSmall), "")
        << note;
}

TEST(DeskSettings, ALineItCannotReadIsKeptAsItIs) {
  EXPECT_EQ(deskSettingsToLoad("; ui scale 1\n[Window][A]\nPos=1,x\nSize=10\n", kLarge),
            "[Window][A]\nPos=1,x\nSize=10\n");
}

}  // namespace
}  // namespace idlib
