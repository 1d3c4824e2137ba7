// The panels' places saved with the UI scale they were laid out at (issue 14: the Changes panel,
// saved on a 1280x720 screen, opened squeezed to a character a column on a 4K one).
#include "core/desk_settings.hpp"

#include <gtest/gtest.h>

namespace idlib {
namespace {

// As ImGui writes it: the Changes panel laid out on a 1280x720 desk at scale 1, and a table.
constexpr std::string_view kImguiIni =
    "[Window][Changes]\n"
    "Pos=792,89\n"
    "Size=480,365\n"
    "Collapsed=0\n"
    "\n"
    "[Table][0x1A2B3C4D,5]\n"
    "RefScale=15\n"
    "Column 0  Width=120\n";

TEST(DeskSettings, TheSameScaleGivesImguiBackWhatItWrote) {
  const std::string saved = deskSettingsToSave(kImguiIni, 1);
  EXPECT_TRUE(saved.starts_with("; ui scale 1\n")) << saved;
  EXPECT_EQ(deskSettingsToLoad(saved, 1), kImguiIni);
  EXPECT_EQ(deskSettingsToLoad(deskSettingsToSave(kImguiIni, 1.75f), 1.75f), kImguiIni);
}

TEST(DeskSettings, PanelsSavedAtScaleOneOpenTwiceAsLargeAtScaleTwo) {
  const std::string loaded = deskSettingsToLoad(deskSettingsToSave(kImguiIni, 1), 2);
  EXPECT_EQ(loaded,
            "[Window][Changes]\n"
            "Pos=1584,178\n"
            "Size=960,730\n"
            "Collapsed=0\n"
            "\n"
            "[Table][0x1A2B3C4D,5]\n"  // a table notes its own scale: left as it is
            "RefScale=15\n"
            "Column 0  Width=120\n");
  // And back: a 4K desk opened on a small screen is halved, not left too big for it.
  EXPECT_EQ(deskSettingsToLoad(deskSettingsToSave(loaded, 2), 1), kImguiIni);
}

TEST(DeskSettings, AFileWithoutItsScaleIsNotTrusted) {
  // Written before the scale was noted: its sizes may be from any screen.
  EXPECT_EQ(deskSettingsToLoad(kImguiIni, 2), "");
  EXPECT_EQ(deskSettingsToLoad("; ui scale none\n[Window][Story]\nPos=1,2\n", 1), "");
  EXPECT_EQ(deskSettingsToLoad("", 1), "");
}

TEST(DeskSettings, ALineItCannotReadIsKeptAsItIs) {
  EXPECT_EQ(deskSettingsToLoad("; ui scale 1\n[Window][A]\nPos=1,x\nSize=10\n", 2),
            "[Window][A]\nPos=1,x\nSize=10\n");
}

}  // namespace
}  // namespace idlib
