
/// How frames are sized and laid out.
public struct FrameOptions: Sendable, Equatable {
    /// The canvas size in points: fixed (a 16:9 slide by default) or fitted to the graph.
    public enum CanvasSize: Sendable, Equatable {
        case fixed(width: Double, height: Double)
        case auto

        /// The widths and heights a fixed canvas may have, in points.
        public static let sides: ClosedRange<Double> = 16...16384

        /// Parses `1920x1080` or `auto`.
        public init?(parsing text: String) {
            if text.lowercased() == "auto" { self = .auto; return }
            let parts = text.lowercased().split(separator: "x")
            guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]),
                  Self.sides.contains(w), Self.sides.contains(h) else { return nil }
            self = .fixed(width: w, height: h)
        }
    }

    public var size: CanvasSize = .fixed(width: 1920, height: 1080)
    /// Pixels per point (2 for high-DPI images).
    public var scale: Double = 1
    /// Leave the background transparent (PNG with alpha).
    public var transparent = false
    /// The direction ranks progress in; nil lays the graph out both ways and keeps the one
    /// with the larger text (`--rankdir auto`).
    public var rankDirection: RankDirection?
    /// What each frame shows of the graph.
    public var camera: Camera = .auto
    /// The most pixels a canvas may have (width × height × scale²): `auto` sizes shrink the
    /// graph to fit it.
    public var maxPixels = 40_000_000

    /// What each frame shows of the graph.
    public enum Camera: String, Sendable, Equatable, CaseIterable {
        /// The whole graph when every text reaches the readable sizes, else `focus`.
        case auto
        /// The whole graph in every frame.
        case whole
        /// Each step's active nodes and their neighbours, with an overview in a corner.
        case focus
    }

    public init() {}
}
