#pragma once
// Dear ImGui's frame as one draw list, so that its OpenGL 3 backend uploads the vertices once a
// frame. The backend writes each window's list into the same buffer with glBufferSubData; a
// software renderer (llvmpipe) must first finish every draw that still reads that buffer, so a
// desk of eight panels stopped the frame's rendering seven times (about half the frame's time
// in a 1920x1080 window). The commands, their order, clip rectangles and textures are unchanged:
// the same pixels.
#include <imgui.h>

namespace idlib {

class ImGuiOneUpload {
 public:
  ImGuiOneUpload() : list_(nullptr) {}
  ImGuiOneUpload(const ImGuiOneUpload&) = delete;
  ImGuiOneUpload& operator=(const ImGuiOneUpload&) = delete;

  // `frame` (ImGui::GetDrawData()) with its lists joined into one; valid until the next call.
  // Given back as it is where the renderer cannot offset vertices (no
  // ImGuiBackendFlags_RendererHasVtxOffset): its 16-bit indices then need a list each.
  ImDrawData* join(ImDrawData* frame, bool rendererHasVtxOffset);

 private:
  ImDrawList list_;
  ImDrawList* lists_[1] = {&list_};
  ImDrawData joined_;
};

}  // namespace idlib
