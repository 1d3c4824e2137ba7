#include "ui/imgui_one_upload.hpp"

#include <cstring>

namespace idlib {
namespace {

template <class T>
void append(ImVector<T>& to, const ImVector<T>& from) {
  const int at = to.Size;
  to.resize(at + from.Size);
  if (from.Size > 0) std::memcpy(to.Data + at, from.Data, sizeof(T) * from.Size);
}

}  // namespace

ImDrawData* ImGuiOneUpload::join(ImDrawData* frame, bool rendererHasVtxOffset) {
  if (!frame || frame->CmdListsCount <= 1 || !rendererHasVtxOffset) return frame;
  list_.CmdBuffer.resize(0);
  list_.IdxBuffer.resize(0);
  list_.VtxBuffer.resize(0);
  list_.Flags = frame->CmdLists[0]->Flags;
  for (int n = 0; n < frame->CmdListsCount; ++n) {
    const ImDrawList& from = *frame->CmdLists[n];
    // Each command reads its own list's vertices and indices, now further on in the joined ones.
    const auto vertexBase = static_cast<unsigned>(list_.VtxBuffer.Size);
    const auto indexBase = static_cast<unsigned>(list_.IdxBuffer.Size);
    append(list_.VtxBuffer, from.VtxBuffer);
    append(list_.IdxBuffer, from.IdxBuffer);
    for (const ImDrawCmd& command : from.CmdBuffer) {
      ImDrawCmd moved = command;
      moved.VtxOffset += vertexBase;
      moved.IdxOffset += indexBase;
      list_.CmdBuffer.push_back(moved);
    }
  }
  joined_ = *frame;
  joined_.CmdLists = lists_;
  joined_.CmdListsCount = 1;
  return &joined_;
}

}  // namespace idlib
