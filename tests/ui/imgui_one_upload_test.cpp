// The panels' draw lists joined into one (ui/imgui_one_upload): every command still draws the
// same triangles, with the same clip rectangle and texture, in the same order.
#include "ui/imgui_one_upload.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace idlib {
namespace {

struct Triangle {
  ImVec2 a, b, c;
  ImU32 colour;
  ImVec4 clip;
  ImTextureID texture;
};

// Every triangle the frame draws, in drawing order, as the renderer reads it.
std::vector<Triangle> trianglesOf(const ImDrawData& data) {
  std::vector<Triangle> out;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    for (const ImDrawCmd& command : list.CmdBuffer)
      for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
        const auto vertex = [&](unsigned k) {
          return list.VtxBuffer[static_cast<int>(
              command.VtxOffset + list.IdxBuffer[static_cast<int>(command.IdxOffset + i + k)])];
        };
        out.push_back({vertex(0).pos, vertex(1).pos, vertex(2).pos, vertex(0).col, command.ClipRect,
                       command.TextureId});
      }
  }
  return out;
}

bool same(const ImVec2& p, const ImVec2& q) {
  return p.x == q.x && p.y == q.y;
}

class ImGuiOneUploadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1280, 720};
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // A desk of a few panels, as the window draws it: text, buttons, a checkbox, a tooltip (its
  // second frame: ImGui hides a window that fits its contents on its first).
  static ImDrawData* drawDesk() {
    drawFrame();
    return drawFrame();
  }
  static ImDrawData* drawFrame() {
    ImGui::NewFrame();
    for (const char* name : {"Layers", "Events", "Timeline"}) {
      ImGui::Begin(name);
      for (int row = 0; row < 12; ++row)
        ImGui::Text("%s row %d", name, row);
      ImGui::Button("Play");
      static bool checked = true;
      ImGui::Checkbox("Areas of control", &checked);
      ImGui::End();
    }
    ImGui::BeginTooltip();
    ImGui::Text("Saraqib");
    ImGui::EndTooltip();
    ImGui::Render();
    return ImGui::GetDrawData();
  }
};

TEST_F(ImGuiOneUploadTest, OneListDrawsTheSameTrianglesInTheSameOrder) {
  ImDrawData* frame = drawDesk();
  ASSERT_GT(frame->CmdListsCount, 2) << "a desk of several panels has a list each";
  const std::vector<Triangle> separate = trianglesOf(*frame);
  ImGuiOneUpload joiner;
  const ImDrawData* joined = joiner.join(frame, true);
  ASSERT_EQ(joined->CmdListsCount, 1);
  EXPECT_EQ(joined->TotalVtxCount, frame->TotalVtxCount);
  EXPECT_EQ(joined->TotalIdxCount, frame->TotalIdxCount);
  const std::vector<Triangle> together = trianglesOf(*joined);
  ASSERT_EQ(together.size(), separate.size());
  for (std::size_t i = 0; i < separate.size(); ++i) {
    const Triangle &s = separate[i], &t = together[i];
    ASSERT_TRUE(same(s.a, t.a) && same(s.b, t.b) && same(s.c, t.c)) << "triangle " << i;
    ASSERT_EQ(s.colour, t.colour) << "triangle " << i;
    ASSERT_TRUE(s.clip.x == t.clip.x && s.clip.y == t.clip.y && s.clip.z == t.clip.z &&
                s.clip.w == t.clip.w)
        << "triangle " << i;
    ASSERT_EQ(s.texture, t.texture) << "triangle " << i;
  }
}

TEST_F(ImGuiOneUploadTest, ARendererWithoutVertexOffsetsGetsTheListsAsTheyAre) {
  ImDrawData* frame = drawDesk();
  ImGuiOneUpload joiner;
  EXPECT_EQ(joiner.join(frame, false), frame);
}

TEST_F(ImGuiOneUploadTest, TheNextFrameReplacesTheLastOnesVertices) {
  ImGuiOneUpload joiner;
  joiner.join(drawDesk(), true);
  ImDrawData* next = drawFrame();
  EXPECT_EQ(joiner.join(next, true)->CmdLists[0]->VtxBuffer.Size, next->TotalVtxCount)
      << "last frame's vertices were kept";
}

}  // namespace
}  // namespace idlib
