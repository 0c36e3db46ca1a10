import ChainframeScene
import CPangoCairo
import Synchronization

/// Shapes, measures and draws text with Pango, caching font descriptions and layouts.
///
/// One instance can serve many canvases (e.g. every frame of a storyboard), so a label
/// is shaped once and redrawn cheaply. Metrics hinting and glyph-position rounding are
/// off and the resolution is 72 dpi, so a font size is in canvas points and measurements
/// do not depend on the canvas scale or surface type. Not thread-safe: use one instance
/// per thread (each keeps its own layouts).
///
/// cairo 1.16 shares one `cairo_scaled_font_t` between
/// threads that ask for the same face and size, and its glyph caches are not safe under
/// concurrent use: drawing a 2 922-node graph on two threads aborted in
/// `cairo_scaled_font_destroy` (`! scaled_font->cache_frozen`) when one thread released a
/// font the other was drawing with. So every call that shapes, draws or releases text holds
/// one process-wide lock (`fontLock`); filling, stroking and PNG encoding stay parallel.
///
/// Since no two threads are ever inside Pango at once, the instances share one font map:
/// the fonts, fontsets and fontconfig's sorted font lists a frame needs are made once, not
/// again on each drawing thread (a second thread drawing the lecture's frames used to repeat
/// about fifty fontconfig sorts before its first frame). But a font map keeps every font size
/// and scale it was ever asked for: one that lived as long as the process (or a thread's
/// default map) grew by about 0.3 MB per theme in `batch` and `watch` (600 themes: 295 MB).
/// So once no instance is alive and the map has served `fontMapServings` instances, it is
/// released and the next instance starts a new one.
public final class PangoText: TextMeasuring {
    /// Held by every call into Pango and cairo's font code, on any thread.
    static let fontLock = Mutex(())

    /// Instances one font map serves before it is renewed (when none of them is alive).
    static let fontMapServings = 16

    /// The shared font map and who uses it; only touched while holding `fontLock`.
    private struct SharedFontMap {
        var map: UnsafeMutablePointer<PangoFontMap>?
        var alive = 0
        var served = 0
    }
    nonisolated(unsafe) private static var shared = SharedFontMap()

    /// Makes the shared font map now. Pango then reads fontconfig's configuration and font
    /// caches (several milliseconds) on a thread of its own, so a command that will draw calls
    /// this first and the set-up overlaps reading its input instead of delaying the first text.
    public static func prepareFonts() {
        fontLock.withLock { _ in _ = sharedFontMap() }
    }

    /// The shared font map, made when there is none (call while holding `fontLock`).
    private static func sharedFontMap() -> UnsafeMutablePointer<PangoFontMap> {
        if let map = shared.map { return map }
        let map = pango_cairo_font_map_new()!
        shared = SharedFontMap(map: map)
        return map
    }

    /// The most layouts kept; the cache is emptied when it would grow beyond this.
    public var layoutCacheLimit = 4096

    private let context: OpaquePointer
    private var fontDescriptions: [FontSpec: OpaquePointer] = [:]
    private var layouts: [LayoutKey: OpaquePointer] = [:]

    private struct LayoutKey: Hashable {
        var text: String
        var font: FontSpec
        var markup: Bool
        var alignment: TextAnchor.Horizontal
    }

    public init() {
        context = Self.fontLock.withLock { _ in
            let map = Self.sharedFontMap()
            Self.shared.alive += 1
            Self.shared.served += 1
            let context = pango_font_map_create_context(map)!
            let options = cairo_font_options_create()
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
            pango_cairo_context_set_resolution(context, 72)
            pango_context_set_round_glyph_positions(context, 0)
            return context
        }
    }

    deinit {
        Self.fontLock.withLock { _ in release() }
    }

    private func release() {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        for description in fontDescriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        Self.shared.alive -= 1
        if Self.shared.alive == 0, Self.shared.served >= Self.fontMapServings, let map = Self.shared.map {
            g_object_unref(UnsafeMutableRawPointer(map))
            Self.shared = SharedFontMap()
        }
    }

    /// The logical size and baseline of `text` set in `font`.
    /// With `markup`, `text` is Pango markup (e.g. `x<sub>1</sub>`); invalid markup is shown literally.
    public func metrics(_ text: String, font: FontSpec, markup: Bool = false) -> TextMetrics {
        Self.fontLock.withLock { _ in metrics(of: layout(text, font: font, markup: markup, alignment: .left)) }
    }

    /// How many characters of `text` no font in `font.family` (nor any fallback) could show.
    public func unknownGlyphCount(in text: String, font: FontSpec, markup: Bool = false) -> Int {
        Self.fontLock.withLock { _ in
            Int(pango_layout_get_unknown_glyphs_count(layout(text, font: font, markup: markup, alignment: .left)))
        }
    }

    /// Whether some character of `text` would be drawn as a missing-glyph box.
    public func hasMissingGlyphs(in text: String, font: FontSpec, markup: Bool = false) -> Bool {
        unknownGlyphCount(in: text, font: font, markup: markup) > 0
    }

    /// Draws `text` so that the `anchor` point of its logical box lies at `point`.
    func draw(_ text: String, font: FontSpec, markup: Bool, at point: Point, anchor: TextAnchor,
              color: RGBA, on cairo: OpaquePointer) {
        Self.fontLock.withLock { _ in
            drawLocked(text, font: font, markup: markup, at: point, anchor: anchor, color: color, on: cairo)
        }
    }

    private func drawLocked(_ text: String, font: FontSpec, markup: Bool, at point: Point, anchor: TextAnchor,
                            color: RGBA, on cairo: OpaquePointer) {
        let layout = layout(text, font: font, markup: markup, alignment: anchor.horizontal)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let left = Double(logical.x) / scale, top = Double(logical.y) / scale
        let width = Double(logical.width) / scale, height = Double(logical.height) / scale
        let x: Double = switch anchor.horizontal {
        case .left: point.x - left
        case .center: point.x - left - width / 2
        case .right: point.x - left - width
        }
        let y: Double = switch anchor.vertical {
        case .top: point.y - top
        case .center: point.y - top - height / 2
        case .baseline: point.y - Double(pango_layout_get_baseline(layout)) / scale
        case .bottom: point.y - top - height
        }
        cairo_set_source_rgba(cairo, color.r, color.g, color.b, color.a)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
    }

    /// Escapes `&`, `<`, `>`, `'` and `"` so plain text can be embedded in markup.
    public static func escapeMarkup(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "'": escaped += "&apos;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Why `markup` is not valid Pango markup, or nil if it is.
    public static func markupError(_ markup: String) -> String? {
        var error: UnsafeMutablePointer<GError>?
        guard pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) == 0 else { return nil }
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "invalid markup"
        g_error_free(error)
        return message
    }

    // MARK: Cache

    private func metrics(of layout: OpaquePointer) -> TextMetrics {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        let baseline = Double(pango_layout_get_baseline(layout) - logical.y) / scale
        return TextMetrics(size: Size(width: Double(logical.width) / scale,
                                      height: Double(logical.height) / scale),
                           baseline: baseline)
    }

    private func layout(_ text: String, font: FontSpec, markup: Bool,
                        alignment: TextAnchor.Horizontal) -> OpaquePointer {
        let key = LayoutKey(text: text, font: font, markup: markup, alignment: alignment)
        if let cached = layouts[key] { return cached }
        if layouts.count >= layoutCacheLimit { evictLayouts() }
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, fontDescription(font))
        let pangoAlignment = switch alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(layout, pangoAlignment)
        if markup { setMarkup(text, on: layout) } else { pango_layout_set_text(layout, text, -1) }
        layouts[key] = layout
        return layout
    }

    /// Parses markup once; on failure shows the source text literally (nothing is logged).
    private func setMarkup(_ markup: String, on layout: OpaquePointer) {
        var attributes: OpaquePointer?
        var plain: UnsafeMutablePointer<CChar>?
        guard pango_parse_markup(markup, -1, 0, &attributes, &plain, nil, nil) != 0, let plain else {
            pango_layout_set_attributes(layout, nil)
            pango_layout_set_text(layout, markup, -1)
            return
        }
        pango_layout_set_text(layout, plain, -1)
        pango_layout_set_attributes(layout, attributes)
        pango_attr_list_unref(attributes)
        g_free(plain)
    }

    private func fontDescription(_ font: FontSpec) -> OpaquePointer {
        if let cached = fontDescriptions[font] { return cached }
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fontDescriptions[font] = description
        return description
    }

    private func evictLayouts() {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        layouts.removeAll(keepingCapacity: true)
    }
}
