import Chainframe

/// Everything about how a lesson is told and drawn, as one value: the canvas, the phases,
/// the nudge, numbers and language.
///
/// The command line's `render` flags, a batch manifest's keys and library callers all fill
/// this one value; ``set(_:to:)`` reads the textual form both use (`size: 1280x720`).
public struct RenderOptions: Sendable, Equatable {
    /// The canvas size in points: fixed (a 16:9 slide by default) or fitted to the graph.
    public var size: FrameOptions.CanvasSize = .fixed(width: 1920, height: 1080)
    /// Pixels per point (2 for high-DPI images), greater than 0 and at most 8.
    public var scale: Double = 1
    /// The most pixels a frame may have (width × height × scale²).
    public var maxPixels: Int = FrameOptions().maxPixels
    /// Leave the background transparent (PNG with alpha).
    public var transparent = false
    /// Left to right, top to bottom, or nil: laid out both ways, the one with the larger text.
    public var direction: RankDirection?
    /// What frames show: the whole graph, each step's part (focus), or whole when readable (auto).
    public var camera: FrameOptions.Camera = .auto
    /// The phases to show, in lecture order.
    public var phases: Set<Step.Phase> = Step.Phase.standard
    /// The input to nudge after the backward pass (adds the nudge phase), by name.
    public var nudge: String?
    /// How far the nudge moves its input.
    public var nudgeH: Double = 0.001
    /// The step h of the check phase's central differences.
    public var checkH: Double = NumericalCheck.defaultH
    /// Significant digits of numbers in frames and captions (1–17).
    public var precision: Int = 4
    /// Fixed decimals for every number in frames and captions (0–12; 4 writes 0.5 as 0.5000, as
    /// micrograd's `%.4f`), instead of ``precision``'s significant digits.
    public var decimals: Int?
    /// How derivatives are written: ∂J/∂a, dJ/da or da.
    public var notation: Notation = .partial
    /// The language of captions, phase names and tables: a code of `Phrasebook.all` (`en`, `ko`).
    public var language: String = "en"
    /// One step per node, or per rank.
    public var granularity: Storyboard.Granularity = .auto
    /// Frames per second of videos (30 when nil); with `png-frames`, a number writes every
    /// frame of the animation at that rate.
    public var fps: Int?
    /// The width of GIFs in pixels.
    public var gifWidth: Int = 960

    /// The defaults of `chainframe render`.
    public init() {}

    /// The option names ``set(_:to:)`` knows, as batch manifests spell them.
    public static let keys = ["size", "scale", "max-pixels", "transparent", "rankdir", "camera", "steps", "nudge", "nudge-h",
                              "check-h", "precision", "decimals", "notation", "lang", "granularity", "fps", "gif-width"]

    /// Sets the option `key` (one of ``keys``) from its textual form, as on the command line.
    ///
    /// - Throws: a `ChainframeError` of kind `option` whose message starts with the key
    ///   (`scale must be …`).
    public mutating func set(_ key: String, to text: String) throws(ChainframeError) {
        func number() throws(ChainframeError) -> Double {
            guard let value = Double(text) else { throw ChainframeError.invalidOption(key, "must be a number, not '\(text)'") }
            return value
        }
        func integer() throws(ChainframeError) -> Int {
            guard let value = Int(text) else { throw ChainframeError.invalidOption(key, "must be a whole number, not '\(text)'") }
            return value
        }
        switch key {
        case "size":
            guard let size = FrameOptions.CanvasSize(parsing: text) else {
                throw ChainframeError.invalidOption("size", "must be WIDTHxHEIGHT (each 16 to 16384) or 'auto', not '\(text)'")
            }
            self.size = size
        case "scale": scale = try number()
        case "max-pixels": maxPixels = try integer()
        case "transparent":
            guard let value = ["true": true, "yes": true, "on": true, "false": false, "no": false, "off": false][text.lowercased()] else {
                throw ChainframeError.invalidOption("transparent", "must be true or false, not '\(text)'")
            }
            transparent = value
        case "rankdir":
            switch text.uppercased() {
            case "LR": direction = .leftToRight
            case "TB": direction = .topToBottom
            case "AUTO": direction = nil
            default: throw ChainframeError.invalidOption("rankdir", "must be LR, TB or auto")
            }
        case "camera":
            guard let camera = FrameOptions.Camera(rawValue: text.lowercased()) else {
                throw ChainframeError.invalidOption("camera", "must be auto, whole or focus")
            }
            self.camera = camera
        case "steps": phases = try Self.phases(text)
        case "nudge": nudge = text
        case "nudge-h": nudgeH = try number()
        case "check-h": checkH = try number()
        case "precision": precision = try integer()
        case "decimals": decimals = try integer()
        case "notation":
            guard let notation = Notation(rawValue: text) else {
                throw ChainframeError.invalidOption("notation", "must be partial, leibniz or code")
            }
            self.notation = notation
        case "lang":
            language = text
        case "granularity":
            guard let granularity = Storyboard.Granularity(rawValue: text) else {
                throw ChainframeError.invalidOption("granularity", "must be auto, node or rank")
            }
            self.granularity = granularity
        case "fps": fps = try integer()
        case "gif-width": gifWidth = try integer()
        default:
            throw ChainframeError(.option, "unknown option '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
    }

    /// `inputs,forward` → the phases; `all` is every phase.
    static func phases(_ text: String) throws(ChainframeError) -> Set<Step.Phase> {
        var result: Set<Step.Phase> = []
        for word in text.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "all" {
                result.formUnion(Step.Phase.allCases)
                continue
            }
            guard let phase = Step.Phase(rawValue: name) else {
                throw ChainframeError.invalidOption("steps", "has an unknown phase '\(name)'; use inputs, forward, backward, nudge, check, summary or all")
            }
            result.insert(phase)
        }
        guard !result.isEmpty else { throw ChainframeError.invalidOption("steps", "needs at least one phase") }
        return result
    }

    /// Checks every option; the message of the first problem starts with its key.
    public func validate() throws(ChainframeError) {
        if case .fixed(let w, let h) = size, !(FrameOptions.CanvasSize.sides.contains(w) && FrameOptions.CanvasSize.sides.contains(h)) {
            throw ChainframeError.invalidOption("size", "must be WIDTHxHEIGHT (each 16 to 16384) or 'auto'")
        }
        guard scale > 0, scale <= 8 else { throw ChainframeError.invalidOption("scale", "must be greater than 0 and at most 8") }
        guard maxPixels > 0 else { throw ChainframeError.invalidOption("max-pixels", "must be positive") }
        if case .fixed(let w, let h) = size, w * h * scale * scale > Double(maxPixels) {
            throw ChainframeError.invalidOption("size", "\(NumberFormat.full(w))x\(NumberFormat.full(h)) at scale \(NumberFormat.full(scale)) is \(Int(w * h * scale * scale)) pixels, more than the limit of \(maxPixels) (raise it with max-pixels)")
        }
        guard !phases.isEmpty else { throw ChainframeError.invalidOption("steps", "needs at least one phase") }
        guard (1...17).contains(precision) else { throw ChainframeError.invalidOption("precision", "must be from 1 to 17") }
        if let decimals, !(0...12).contains(decimals) { throw ChainframeError.invalidOption("decimals", "must be from 0 to 12") }
        guard nudgeH != 0, nudgeH.isFinite else { throw ChainframeError.invalidOption("nudge-h", "must be a non-zero number") }
        guard checkH > 0, checkH.isFinite else { throw ChainframeError.invalidOption("check-h", "must be a positive number") }
        if let fps, !(1...120).contains(fps) { throw ChainframeError.invalidOption("fps", "must be from 1 to 120") }
        guard (16...16384).contains(gifWidth) else { throw ChainframeError.invalidOption("gif-width", "must be from 16 to 16384") }
        guard Phrasebook.all[language] != nil else {
            throw ChainframeError.invalidOption("lang", "must be one of \(Phrasebook.all.keys.sorted().joined(separator: ", "))")
        }
    }

    /// The storyboard options for `graph`, resolving ``nudge`` to one of its inputs.
    public func storyboardOptions(for graph: Graph) throws(ChainframeError) -> Storyboard.Options {
        try validate()
        var options = Storyboard.Options()
        options.phases = phases
        options.checkH = checkH
        options.precision = precision
        options.decimals = decimals
        options.notation = notation
        options.phrases = Phrasebook.all[language] ?? .english
        options.granularity = granularity
        if let nudge {
            guard let index = graph.index(of: nudge), graph.nodes[index].kind == .input else {
                let inputs = graph.nodes.filter { $0.kind == .input }.map(\.id)
                throw ChainframeError.invalidOption("nudge", "'\(nudge)' is not an input of the graph (inputs: \(inputs.joined(separator: ", ")))")
            }
            options.nudge = (index, nudgeH)
            options.phases.insert(.nudge)
        } else if phases.contains(.nudge) && phases != Set(Step.Phase.allCases) {
            throw ChainframeError.invalidOption("steps", "nudge needs the input to nudge (nudge NAME)")
        }
        return options
    }

    /// The canvas options of the frames.
    public var frameOptions: FrameOptions {
        var options = FrameOptions()
        options.size = size
        options.scale = scale
        options.transparent = transparent
        options.maxPixels = maxPixels
        options.rankDirection = direction
        options.camera = camera
        return options
    }

    /// Every option as `key=value` lines in a fixed order: what an incremental build's stamp hashes.
    public var settings: [String] {
        let sizeText: String = switch size {
        case .auto: "auto"
        case .fixed(let w, let h): "\(NumberFormat.full(w))x\(NumberFormat.full(h))"
        }
        let order = Step.Phase.allCases.filter(phases.contains).map(\.rawValue).joined(separator: ",")
        return ["size=\(sizeText)", "scale=\(NumberFormat.full(scale))", "max-pixels=\(maxPixels)",
                "transparent=\(transparent)", "rankdir=\(direction.map { $0 == .topToBottom ? "TB" : "LR" } ?? "auto")", "camera=\(camera.rawValue)", "steps=\(order)",
                "nudge=\(nudge ?? "")", "nudge-h=\(NumberFormat.full(nudgeH))", "check-h=\(NumberFormat.full(checkH))",
                "precision=\(precision)", "decimals=\(decimals.map(String.init) ?? "")", "notation=\(notation.rawValue)", "lang=\(language)",
                "granularity=\(granularity.rawValue)", "fps=\(fps.map(String.init) ?? "")", "gif-width=\(gifWidth)"]
    }

    /// Frame rate and GIF width for videos and motion frames.
    public var videoOptions: VideoOptions {
        VideoOptions(fps: fps, gifWidth: gifWidth)
    }
}
