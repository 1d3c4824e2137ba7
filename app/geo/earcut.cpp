#include "geo/earcut.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

namespace idlib {
namespace {

struct Node {
  Node(std::uint32_t index, double px, double py) : i(index), x(px), y(py) {}
  std::uint32_t i;  // index of the vertex in the input
  double x, y;
  Node* prev = nullptr;
  Node* next = nullptr;
  std::int32_t z = 0;  // z-order curve value
  Node* prevZ = nullptr;
  Node* nextZ = nullptr;
  bool steiner = false;
};

// Splitting recursion deeper than this is a pathological ring: give up rather than overflow.
constexpr int kMaxSplitDepth = 96;
// Work allowed per vertex (z-order walks, diagonal searches): far above what valid rings need.
constexpr std::size_t kStepsPerVertex = 4000, kMinSteps = 1u << 22;

class Earcut {
 public:
  explicit Earcut(std::span<const std::vector<Vec2>> rings) : rings_(rings) {}

  EarcutResult run() {
    std::size_t total = 0;
    for (const auto& ring : rings_)
      total += ring.size();
    if (rings_.empty() || total > std::numeric_limits<std::uint32_t>::max() / 2) return result_;
    result_.indices.reserve(total * 3);
    budget_ = kStepsPerVertex * total + kMinSteps;
    Node* outer = linkedList(0, 0, true);
    if (!outer || outer->next == outer->prev) return result_;
    std::uint32_t offset = static_cast<std::uint32_t>(rings_[0].size());
    if (rings_.size() > 1) outer = eliminateHoles(outer, offset);
    if (total > 80) {
      minX_ = maxX_ = rings_[0][0].x;
      minY_ = maxY_ = rings_[0][0].y;
      for (const Vec2& p : rings_[0]) {
        minX_ = std::min(minX_, p.x);
        minY_ = std::min(minY_, p.y);
        maxX_ = std::max(maxX_, p.x);
        maxY_ = std::max(maxY_, p.y);
      }
      const double size = std::max(maxX_ - minX_, maxY_ - minY_);
      invSize_ = size != 0 ? 32767.0 / size : 0;
    }
    earcutLinked(outer, 0, 0);
    return std::move(result_);
  }

 private:
  static double area(const Node* p, const Node* q, const Node* r) {
    return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y);
  }
  static bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }
  static int sign(double v) { return (v > 0) - (v < 0); }
  static bool pointInTriangle(double ax, double ay, double bx, double by, double cx, double cy,
                              double px, double py) {
    return (cx - px) * (ay - py) >= (ax - px) * (cy - py) &&
           (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
           (bx - px) * (cy - py) >= (cx - px) * (by - py);
  }
  static bool onSegment(const Node* p, const Node* q, const Node* r) {
    return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) &&
           q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
  }
  static bool intersects(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
    const int o1 = sign(area(p1, q1, p2)), o2 = sign(area(p1, q1, q2));
    const int o3 = sign(area(p2, q2, p1)), o4 = sign(area(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    return (o1 == 0 && onSegment(p1, p2, q1)) || (o2 == 0 && onSegment(p1, q2, q1)) ||
           (o3 == 0 && onSegment(p2, p1, q2)) || (o4 == 0 && onSegment(p2, q1, q2));
  }
  static bool locallyInside(const Node* a, const Node* b) {
    return area(a->prev, a, a->next) < 0 ? area(a, b, a->next) >= 0 && area(a, a->prev, b) >= 0
                                         : area(a, b, a->prev) < 0 || area(a, a->next, b) < 0;
  }
  bool intersectsPolygon(const Node* a, const Node* b) {
    const Node* p = a;
    do {
      if (!step()) return true;
      if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
          intersects(p, p->next, a, b))
        return true;
      p = p->next;
    } while (p != a);
    return false;
  }
  static bool middleInside(const Node* a, const Node* b) {
    const Node* p = a;
    bool inside = false;
    const double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
    do {
      if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y &&
          (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
        inside = !inside;
      p = p->next;
    } while (p != a);
    return inside;
  }
  bool isValidDiagonal(const Node* a, const Node* b) {
    return a->next->i != b->i && a->prev->i != b->i && !intersectsPolygon(a, b) &&
           ((locallyInside(a, b) && locallyInside(b, a) && middleInside(a, b) &&
             (area(a->prev, a, b->prev) != 0 || area(a, b->prev, b) != 0)) ||
            (equals(a, b) && area(a->prev, a, a->next) > 0 && area(b->prev, b, b->next) > 0));
  }
  static bool sectorContainsSector(const Node* m, const Node* p) {
    return area(m->prev, m, p->prev) < 0 && area(p->next, m, m->next) < 0;
  }
  static void removeNode(Node* p) {
    p->next->prev = p->prev;
    p->prev->next = p->next;
    if (p->prevZ) p->prevZ->nextZ = p->nextZ;
    if (p->nextZ) p->nextZ->prevZ = p->prevZ;
  }

  Node* insertNode(std::uint32_t i, Vec2 v, Node* last) {
    Node* p = &nodes_.emplace_back(i, v.x, v.y);
    if (!last) {
      p->prev = p->next = p;
    } else {
      p->next = last->next;
      p->prev = last;
      last->next->prev = p;
      last->next = p;
    }
    return p;
  }

  // A circular list of one ring in the winding earcut wants (clockwise for the shell).
  Node* linkedList(std::size_t ring, std::uint32_t offset, bool clockwise) {
    const std::vector<Vec2>& points = rings_[ring];
    if (points.empty()) return nullptr;
    double sum = 0;
    for (std::size_t i = 0, j = points.size() - 1; i < points.size(); j = i++)
      sum += (points[j].x - points[i].x) * (points[i].y + points[j].y);
    Node* last = nullptr;
    if (clockwise == (sum > 0)) {
      for (std::size_t i = 0; i < points.size(); ++i)
        last = insertNode(offset + static_cast<std::uint32_t>(i), points[i], last);
    } else {
      for (std::size_t i = points.size(); i-- > 0;)
        last = insertNode(offset + static_cast<std::uint32_t>(i), points[i], last);
    }
    if (last && equals(last, last->next)) {
      removeNode(last);
      last = last->next;
    }
    return last;
  }

  // Drops duplicate and collinear points.
  static Node* filterPoints(Node* start, Node* end = nullptr) {
    if (!start) return start;
    if (!end) end = start;
    Node* p = start;
    bool again = false;
    do {
      again = false;
      if (!p->steiner && (equals(p, p->next) || area(p->prev, p, p->next) == 0)) {
        removeNode(p);
        p = end = p->prev;
        if (p == p->next) break;
        again = true;
      } else {
        p = p->next;
      }
    } while (again || p != end);
    return end;
  }

  std::int32_t zOrder(double px, double py) const {
    auto x = static_cast<std::uint32_t>((px - minX_) * invSize_);
    auto y = static_cast<std::uint32_t>((py - minY_) * invSize_);
    x = (x | (x << 8)) & 0x00FF00FF;
    x = (x | (x << 4)) & 0x0F0F0F0F;
    x = (x | (x << 2)) & 0x33333333;
    x = (x | (x << 1)) & 0x55555555;
    y = (y | (y << 8)) & 0x00FF00FF;
    y = (y | (y << 4)) & 0x0F0F0F0F;
    y = (y | (y << 2)) & 0x33333333;
    y = (y | (y << 1)) & 0x55555555;
    return static_cast<std::int32_t>(x | (y << 1));
  }

  // Simon Tatham's merge sort of the z-linked list.
  static Node* sortLinked(Node* list) {
    int inSize = 1, numMerges = 0;
    do {
      Node* p = list;
      list = nullptr;
      Node* tail = nullptr;
      numMerges = 0;
      while (p) {
        ++numMerges;
        Node* q = p;
        int pSize = 0;
        for (int i = 0; i < inSize; ++i) {
          ++pSize;
          q = q->nextZ;
          if (!q) break;
        }
        int qSize = inSize;
        while (pSize > 0 || (qSize > 0 && q)) {
          Node* e = nullptr;
          if (pSize != 0 && (qSize == 0 || !q || p->z <= q->z)) {
            e = p;
            p = p->nextZ;
            --pSize;
          } else {
            e = q;
            q = q->nextZ;
            --qSize;
          }
          if (tail)
            tail->nextZ = e;
          else
            list = e;
          e->prevZ = tail;
          tail = e;
        }
        p = q;
      }
      tail->nextZ = nullptr;
      inSize *= 2;
    } while (numMerges > 1);
    return list;
  }

  void indexCurve(Node* start) {
    Node* p = start;
    do {
      if (p->z == 0) p->z = zOrder(p->x, p->y);
      p->prevZ = p->prev;
      p->nextZ = p->next;
      p = p->next;
    } while (p != start);
    p->prevZ->nextZ = nullptr;
    p->prevZ = nullptr;
    sortLinked(p);
  }

  // Whether `p` lies in the ear a-b-c (and is not a reflex point on its edge).
  static bool inEar(const Node* p, const Node* a, const Node* b, const Node* c,
                    const double box[4]) {
    return p->x >= box[0] && p->x <= box[2] && p->y >= box[1] && p->y <= box[3] && p != a &&
           p != c && pointInTriangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) &&
           area(p->prev, p, p->next) >= 0;
  }

  bool isEar(const Node* ear) {
    const Node *a = ear->prev, *c = ear->next;
    if (area(a, ear, c) >= 0) return false;  // reflex
    const double box[4] = {std::min({a->x, ear->x, c->x}), std::min({a->y, ear->y, c->y}),
                           std::max({a->x, ear->x, c->x}), std::max({a->y, ear->y, c->y})};
    for (const Node* p = c->next; p != a; p = p->next)
      if (!step() || inEar(p, a, ear, c, box)) return false;
    return true;
  }

  bool isEarHashed(const Node* ear) {
    const Node *a = ear->prev, *c = ear->next;
    if (area(a, ear, c) >= 0) return false;
    const double box[4] = {std::min({a->x, ear->x, c->x}), std::min({a->y, ear->y, c->y}),
                           std::max({a->x, ear->x, c->x}), std::max({a->y, ear->y, c->y})};
    const std::int32_t minZ = zOrder(box[0], box[1]), maxZ = zOrder(box[2], box[3]);
    const Node *p = ear->prevZ, *n = ear->nextZ;
    while (p && p->z >= minZ && n && n->z <= maxZ) {
      if (!step() || inEar(p, a, ear, c, box)) return false;
      p = p->prevZ;
      if (inEar(n, a, ear, c, box)) return false;
      n = n->nextZ;
    }
    for (; p && p->z >= minZ; p = p->prevZ)
      if (!step() || inEar(p, a, ear, c, box)) return false;
    for (; n && n->z <= maxZ; n = n->nextZ)
      if (!step() || inEar(n, a, ear, c, box)) return false;
    return true;
  }

  void emit(const Node* a, const Node* b, const Node* c) {
    result_.indices.insert(result_.indices.end(), {a->i, b->i, c->i});
  }

  void earcutLinked(Node* ear, int pass, int depth) {
    if (!ear) return;
    if (depth > kMaxSplitDepth || aborted_) {
      result_.complete = false;
      return;
    }
    if (pass == 0 && invSize_ != 0) indexCurve(ear);
    Node* stop = ear;
    while (ear->prev != ear->next) {
      if (aborted_) {
        result_.complete = false;
        return;
      }
      Node *prev = ear->prev, *next = ear->next;
      if (invSize_ != 0 ? isEarHashed(ear) : isEar(ear)) {
        emit(prev, ear, next);
        removeNode(ear);
        ear = next->next;
        stop = next->next;
        continue;
      }
      ear = next;
      if (ear == stop) {
        if (pass == 0) {
          earcutLinked(filterPoints(ear), 1, depth);
        } else if (pass == 1) {
          earcutLinked(cureLocalIntersections(filterPoints(ear)), 2, depth);
        } else {
          splitEarcut(ear, depth);
        }
        break;
      }
    }
  }

  // Clips the small loops a self-touching ring makes, as triangles.
  Node* cureLocalIntersections(Node* start) {
    Node* p = start;
    do {
      Node *a = p->prev, *b = p->next->next;
      if (!equals(a, b) && intersects(a, p, p->next, b) && locallyInside(a, b) &&
          locallyInside(b, a)) {
        emit(a, p, b);
        removeNode(p);
        removeNode(p->next);
        p = start = b;
      }
      p = p->next;
    } while (p != start);
    return filterPoints(p);
  }

  Node* splitPolygon(Node* a, Node* b) {
    Node* a2 = &nodes_.emplace_back(a->i, a->x, a->y);
    Node* b2 = &nodes_.emplace_back(b->i, b->x, b->y);
    Node *an = a->next, *bp = b->prev;
    a->next = b;
    b->prev = a;
    a2->next = an;
    an->prev = a2;
    b2->next = a2;
    a2->prev = b2;
    bp->next = b2;
    b2->prev = bp;
    return b2;
  }

  // No ear left: split the polygon along a valid diagonal and go on with both halves.
  void splitEarcut(Node* start, int depth) {
    Node* a = start;
    do {
      for (Node* b = a->next->next; b != a->prev; b = b->next) {
        if (aborted_) {
          result_.complete = false;
          return;
        }
        if (a->i != b->i && isValidDiagonal(a, b)) {
          Node* c = splitPolygon(a, b);
          a = filterPoints(a, a->next);
          c = filterPoints(c, c->next);
          earcutLinked(a, 0, depth + 1);
          earcutLinked(c, 0, depth + 1);
          return;
        }
      }
      a = a->next;
    } while (a != start);
    result_.complete = false;
  }

  static Node* leftmost(Node* start) {
    Node *p = start, *left = start;
    do {
      if (p->x < left->x || (p->x == left->x && p->y < left->y)) left = p;
      p = p->next;
    } while (p != start);
    return left;
  }

  Node* eliminateHoles(Node* outer, std::uint32_t offset) {
    std::vector<Node*> queue;
    for (std::size_t r = 1; r < rings_.size(); ++r) {
      Node* list = linkedList(r, offset, false);
      offset += static_cast<std::uint32_t>(rings_[r].size());
      if (!list) continue;
      if (list == list->next) list->steiner = true;
      queue.push_back(leftmost(list));
    }
    std::sort(queue.begin(), queue.end(), [](const Node* a, const Node* b) { return a->x < b->x; });
    for (Node* hole : queue)
      outer = eliminateHole(hole, outer);
    return outer;
  }

  Node* eliminateHole(Node* hole, Node* outer) {
    Node* bridge = findHoleBridge(hole, outer);
    if (!bridge) return outer;
    Node* bridgeReverse = splitPolygon(bridge, hole);
    filterPoints(bridgeReverse, bridgeReverse->next);
    return filterPoints(bridge, bridge->next);
  }

  // David Eberly's algorithm: the shell's vertex a hole can be joined to without crossing.
  static Node* findHoleBridge(const Node* hole, Node* outer) {
    Node* p = outer;
    const double hx = hole->x, hy = hole->y;
    double qx = -std::numeric_limits<double>::infinity();
    Node* m = nullptr;
    do {
      if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
        const double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
        if (x <= hx && x > qx) {
          qx = x;
          m = p->x < p->next->x ? p : p->next;
          if (x == hx) return m;  // the hole touches the shell's segment
        }
      }
      p = p->next;
    } while (p != outer);
    if (!m) return nullptr;
    const Node* stop = m;
    const double mx = m->x, my = m->y;
    double tanMin = std::numeric_limits<double>::infinity();
    p = m;
    do {
      if (hx >= p->x && p->x >= mx && hx != p->x &&
          pointInTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
        const double tan = std::abs(hy - p->y) / (hx - p->x);
        if (locallyInside(p, hole) &&
            (tan < tanMin ||
             (tan == tanMin && (p->x > m->x || (p->x == m->x && sectorContainsSector(m, p)))))) {
          m = p;
          tanMin = tan;
        }
      }
      p = p->next;
    } while (p != stop);
    return m;
  }

  // Counts the inner steps; a degenerate ring can make ear clipping cubic, so past the budget it
  // stops (EarcutResult::complete false) rather than run for minutes.
  bool step() {
    if (steps_ >= budget_) aborted_ = true;
    ++steps_;
    return !aborted_;
  }

  std::span<const std::vector<Vec2>> rings_;
  std::deque<Node> nodes_;
  std::size_t steps_ = 0, budget_ = 0;
  bool aborted_ = false;
  EarcutResult result_;
  double minX_ = 0, minY_ = 0, maxX_ = 0, maxY_ = 0, invSize_ = 0;
};

}  // namespace

EarcutResult earcut(std::span<const std::vector<Vec2>> rings) {
  return Earcut(rings).run();
}

}  // namespace idlib
