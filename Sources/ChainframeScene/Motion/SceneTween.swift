
/// The motion from one step's scene to the next: a pure function of the two scenes and a
/// progress t in [0, 1] that yields the in-between scene.
///
/// Both scenes are flattened to their drawn leaves (shapes, paths, texts, each with the opacity
/// its groups give it). Leaves present in both stay put (fading if their opacity changes, as a
/// node does when its value becomes known); the rest move by what they are:
///
/// - a new or newly active edge or backward flow **grows** along its path from where it starts
///   (the consumer, for a gradient) to its arrowhead, which travels with the tip;
/// - the **highlight glides** from the previous step's node to the next;
/// - a gradient chip **fills** from left to right (a branch node's partial sum filling up);
/// - everything else that leaves fades out early, and what arrives (values, gradients, edge
///   labels, the caption) fades in after the arrows have arrived.
///
/// Each motion runs in its own window of t with an ease-in-out curve, so nothing is jerky.
/// Positions all come from the two scenes, i.e. from the one shared layout: nothing jumps.
public struct SceneTween: Sendable {
    /// How one leaf of the in-between scene changes with t.
    enum Motion: Sendable {
        /// In both scenes: opacity from `from` to `to`.
        case stay(from: Double, to: Double)
        /// Only in the first scene: fades out within `window`.
        case leave(Double, window: ClosedRange<Double>)
        /// Only in the second scene: fades in within `window`.
        case arrive(Double, window: ClosedRange<Double>)
        /// A path drawn progressively along `line`, its arrowhead (if any) riding the tip.
        case grow(line: [Point], stroke: StrokeStyle, role: SceneElement.Role, head: SceneElement?, opacity: Double)
        /// A highlight moving from one box to another; `emerges` when the box it leaves stays
        /// highlighted (it then appears as it moves off).
        case glide(from: Rect, to: Rect, SceneElement, opacity: Double, emerges: Bool)
        /// A chip filling from its left edge.
        case fill(Rect, SceneElement, opacity: Double)
    }

    struct Item: Sendable {
        var leaf: SceneElement
        var motion: Motion
    }

    public let size: Size
    public let background: RGBA?
    let items: [Item]

    /// When the arrows grow, the highlight glides, chips fill, and new text appears.
    static let growWindow = 0.0...0.6
    static let fillWindow = 0.45...0.85
    static let arriveWindow = 0.5...1.0
    static let captionWindow = 0.25...0.7
    static let crossWindow = 0.0...0.6
    static let captionLeave = 0.0...0.35
    static let leaveEarly = 0.0...0.3
    static let leaveLate = 0.55...0.9

    /// Plans the motion from `start` to `end`; `scene(at:)` then costs only the drawing data.
    public init(from start: Scene, to end: Scene) {
        size = end.size
        background = end.background
        let a = Self.leaves(start.elements), b = Self.leaves(end.elements)
        var pending: [SceneElement: [Int]] = [:]
        for (index, leaf) in a.enumerated() { pending[leaf.element, default: []].append(index) }
        var matchOfB = [Int?](repeating: nil, count: b.count)
        var matchedA = [Bool](repeating: false, count: a.count)
        for (index, leaf) in b.enumerated() {
            if let j = pending[leaf.element]?.first {
                pending[leaf.element]!.removeFirst()
                matchOfB[index] = j
                matchedA[j] = true
            }
        }
        let onlyA = a.indices.filter { !matchedA[$0] }, onlyB = b.indices.filter { matchOfB[$0] == nil }
        var motionOfB: [Int: Motion] = [:]
        var headsOfB = Set<Int>()
        var windowOfA: [Int: ClosedRange<Double>] = [:]
        var hiddenA = Set<Int>()
        // The first-scene leaf each changed leaf replaces: drawn in its place, so the drawing
        // order of both scenes is kept.
        var partnerOfB: [Int: Int] = [:]
        func isHead(_ leaves: [Leaf], _ index: Int) -> Bool {
            guard index < leaves.count, case .shape(.polygon, _, _, .arrowhead) = leaves[index].element else { return false }
            return true
        }
        /// The same thing drawn in another style: both fade over one window.
        func crossFade(_ i: Int, _ j: Int) {
            windowOfA[i] = Self.crossWindow
            motionOfB[j] = .arrive(b[j].opacity, window: Self.crossWindow)
            partnerOfB[j] = i
        }

        // Edges and flows: a path in the second scene only grows (its arrowhead riding the tip),
        // unless it is the same line made quieter (no longer active), which cross-fades. Lines of
        // the first scene are found by where they start.
        var linesOfA: [LineStart: [(index: Int, end: Point)]] = [:]
        for index in onlyA {
            guard case .path(let elements, _, let role) = a[index].element, role == .edge || role == .flow,
                  let start = LineStart(elements, role: role) else { continue }
            linesOfA[start, default: []].append((index, Self.polyline(elements).last ?? start.point))
        }
        for index in onlyB {
            guard case .path(let elements, let stroke, let role) = b[index].element, role == .edge || role == .flow else { continue }
            let line = Self.polyline(elements)
            guard line.count > 1 else { continue }
            let previous = LineStart(elements, role: role).flatMap { start in
                linesOfA[start]?.first { windowOfA[$0.index] == nil && Curves.distance($0.end, line.last!) < 12 }?.index
            }
            let head = index + 1 < b.count && matchOfB[index + 1] == nil && isHead(b, index + 1) ? index + 1 : nil
            let oldHead = previous.flatMap { $0 + 1 < a.count && !matchedA[$0 + 1] && isHead(a, $0 + 1) ? $0 + 1 : nil }
            if let previous, case .path(_, let old, _) = a[previous].element, old.width >= stroke.width {
                crossFade(previous, index)
                if let head, let oldHead { crossFade(oldHead, head) }
                continue
            }
            if let head { headsOfB.insert(head) }
            motionOfB[index] = .grow(line: line, stroke: stroke, role: role, head: head.map { b[$0].element }, opacity: b[index].opacity)
            if let previous {
                windowOfA[previous] = Self.leaveLate
                partnerOfB[index] = oldHead ?? previous
            }
            if let oldHead { windowOfA[oldHead] = Self.leaveLate }
        }
        // The highlight glides from the nearest node highlighted before (one that stays
        // highlighted, such as the node sending a gradient back, sends a copy out).
        let fromHighlights = a.indices.filter { a[$0].element.role == .highlight }
        for index in onlyB where b[index].element.role == .highlight {
            guard let box = b[index].element.box else { continue }
            let nearest = fromHighlights.compactMap { i in a[i].element.box.map { (i, $0) } }
                .min { Curves.distance($0.1.center, box.center) < Curves.distance($1.1.center, box.center) }
            guard let (source, old) = nearest else { continue }
            motionOfB[index] = .glide(from: old, to: box, b[index].element, opacity: b[index].opacity, emerges: matchedA[source])
            if !matchedA[source] { hiddenA.insert(source) }
            partnerOfB[index] = source
        }
        // Gradient chips (the only rounded boxes of a node that change) fill up; the chip they
        // replace (a partial sum) stays underneath until they are full.
        for index in onlyB where motionOfB[index] == nil {
            if case .shape(.roundedRect(let rect, _), .some, _, .node) = b[index].element {
                motionOfB[index] = .fill(rect, b[index].element, opacity: b[index].opacity)
            }
        }
        for index in onlyA where windowOfA[index] == nil {
            if case .shape(.roundedRect, .some, _, .node) = a[index].element { windowOfA[index] = Self.leaveLate }
        }
        // Any other shape or path drawn at the same place in a new style cross-fades.
        var sameGeometry: [SceneElement: [Int]] = [:]
        for index in onlyA where windowOfA[index] == nil && !hiddenA.contains(index) {
            if let key = a[index].element.geometry { sameGeometry[key, default: []].append(index) }
        }
        for index in onlyB where motionOfB[index] == nil && !headsOfB.contains(index) {
            if let key = b[index].element.geometry, let i = sameGeometry[key]?.first {
                sameGeometry[key]!.removeFirst()
                crossFade(i, index)
            }
        }
        // … and so does the same text or box moved a little by its new style (a label that is
        // no longer bold sits a point or two elsewhere, its chip a little smaller).
        var nearby: [Nearby: [Int]] = [:]
        let paired = Set(partnerOfB.values)
        for index in onlyA where windowOfA[index] == nil && !hiddenA.contains(index) && !paired.contains(index) {
            if let key = Nearby(a[index].element) { nearby[key, default: []].append(index) }
        }
        for index in onlyB where motionOfB[index] == nil && !headsOfB.contains(index) {
            guard let key = Nearby(b[index].element), let center = b[index].element.center else { continue }
            let candidates = key.neighbours.flatMap { nearby[$0] ?? [] }.filter { windowOfA[$0] == nil }
            let close = candidates.filter { i in
                guard let other = a[i].element.center else { return false }
                return Curves.distance(other, center) < Nearby.cell && a[i].element.isLike(b[index].element)
            }
            if let i = close.min() { crossFade(i, index) }
        }

        var items: [Item] = []
        var nextA = 0
        func flushA(upTo limit: Int) {
            while nextA < limit {
                if !matchedA[nextA] && !hiddenA.contains(nextA) {
                    let leaf = a[nextA]
                    let early = leaf.element.role == .band ? Self.captionLeave : Self.leaveEarly
                    items.append(Item(leaf: leaf.element, motion: .leave(leaf.opacity, window: windowOfA[nextA] ?? early)))
                }
                nextA += 1
            }
        }
        for (index, leaf) in b.enumerated() {
            if let j = matchOfB[index] {
                flushA(upTo: j)
                items.append(Item(leaf: leaf.element, motion: .stay(from: a[j].opacity, to: leaf.opacity)))
            } else if !headsOfB.contains(index) {
                if let partner = partnerOfB[index] { flushA(upTo: partner + 1) }
                let window = leaf.element.role == .band ? Self.captionWindow : Self.arriveWindow
                items.append(Item(leaf: leaf.element, motion: motionOfB[index] ?? .arrive(leaf.opacity, window: window)))
            }
        }
        flushA(upTo: a.count)
        self.items = items
    }

    /// The in-between scene at progress `t` (0: the first scene, 1: the second).
    public func scene(at t: Double) -> Scene {
        var elements: [SceneElement] = []
        elements.reserveCapacity(items.count)
        for item in items {
            switch item.motion {
            case .stay(let from, let to):
                Self.append(item.leaf, opacity: from + (to - from) * Easing.inOut(t, in: Self.growWindow), to: &elements)
            case .leave(let opacity, let window):
                Self.append(item.leaf, opacity: opacity * (1 - Easing.inOut(t, in: window)), to: &elements)
            case .arrive(let opacity, let window):
                Self.append(item.leaf, opacity: opacity * Easing.inOut(t, in: window), to: &elements)
            case .grow(let line, let stroke, let role, let head, let opacity):
                let f = Easing.inOut(t, in: Self.growWindow)
                guard f > 0 else { continue }
                guard f < 1 else {
                    Self.append(item.leaf, opacity: opacity, to: &elements)
                    if let head { Self.append(head, opacity: opacity, to: &elements) }
                    continue
                }
                let part = MotionPath.prefix(of: line, fraction: f)
                Self.append(.path(MotionPath.elements(part), stroke: stroke, role: role), opacity: opacity, to: &elements)
                if let head {
                    Self.append(MotionPath.carry(head, from: line, to: part), opacity: opacity, to: &elements)
                }
            case .glide(let from, let to, let leaf, let opacity, let emerges):
                let f = Easing.inOut(t, in: Self.growWindow)
                Self.append(f < 1 ? leaf.withBox(MotionPath.lerp(from, to, f)) : leaf,
                            opacity: opacity * (emerges ? min(1, f * 4) : 1), to: &elements)
            case .fill(let rect, let leaf, let opacity):
                let f = Easing.inOut(t, in: Self.fillWindow)
                guard f > 0 else { continue }
                guard f < 1 else {
                    Self.append(leaf, opacity: opacity, to: &elements)
                    continue
                }
                var grown = rect
                grown.width = max(rect.height, rect.width * f)
                Self.append(leaf.withBox(grown), opacity: opacity * min(1, f * 3), to: &elements)
            }
        }
        return Scene(size: size, background: background, elements: elements)
    }

    private static func append(_ leaf: SceneElement, opacity: Double, to elements: inout [SceneElement]) {
        guard opacity > 0.001 else { return }
        elements.append(opacity >= 0.999 ? leaf : .group(opacity: opacity, [leaf]))
    }

    /// A drawn leaf and the opacity its enclosing groups give it.
    struct Leaf {
        var element: SceneElement
        var opacity: Double
    }

    static func leaves(_ elements: [SceneElement], opacity: Double = 1) -> [Leaf] {
        var out: [Leaf] = []
        for element in elements {
            switch element {
            case .group(let groupOpacity, let children):
                out += leaves(children, opacity: opacity * groupOpacity)
            case .link(_, _, let children):
                out += leaves(children, opacity: opacity)
            case .shape, .path, .text, .clip:
                // A clipped view (the focus camera) moves as one piece.
                out.append(Leaf(element: element, opacity: opacity))
            }
        }
        return out
    }

    /// The polyline a path element list traces (cubics sampled).
    static func polyline(_ elements: [PathElement]) -> [Point] {
        var points: [Point] = []
        for element in elements {
            switch element {
            case .move(let p), .line(let p):
                points.append(p)
            case .cubic(let c1, let c2, let p):
                guard let p0 = points.last else { points.append(p); continue }
                points += Curves.sample([p0, c1, c2, p], perSegment: 16).dropFirst()
            case .close:
                if let first = points.first { points.append(first) }
            }
        }
        return points
    }

    /// Where a path starts, rounded to a hundredth of a point, and what it is: the key that
    /// finds the same edge or flow in another style.
    struct LineStart: Hashable {
        var x: Int
        var y: Int
        var role: SceneElement.Role
        var point: Point { Point(x: Double(x) / 100, y: Double(y) / 100) }

        init?(_ elements: [PathElement], role: SceneElement.Role) {
            guard case .move(let p)? = elements.first else { return nil }
            x = Int((p.x * 100).rounded())
            y = Int((p.y * 100).rounded())
            self.role = role
        }
    }

    /// A text or box, by role, words or shape, and the cell of a coarse grid its centre is in.
    struct Nearby: Hashable {
        static let cell = 24.0
        var role: SceneElement.Role
        var kind: String
        var x: Int
        var y: Int

        init?(_ element: SceneElement) {
            guard let center = element.center, let role = element.role else { return nil }
            switch element {
            case .text(let run): kind = "text " + run.text
            case .shape(.rect, _, _, _): kind = "rect"
            case .shape(.roundedRect, _, _, _): kind = "rounded"
            case .shape(.ellipse, _, _, _): kind = "ellipse"
            default: return nil
            }
            self.role = role
            x = Int((center.x / Self.cell).rounded(.down))
            y = Int((center.y / Self.cell).rounded(.down))
        }

        /// This cell and the eight around it.
        var neighbours: [Nearby] {
            (-1...1).flatMap { dx in (-1...1).map { dy in
                var key = self
                key.x += dx
                key.y += dy
                return key
            } }
        }
    }
}
