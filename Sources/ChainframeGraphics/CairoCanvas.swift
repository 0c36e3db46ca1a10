import ChainframeScene
import CPangoCairo
#if canImport(Glibc)
import Glibc
#endif

/// Why a canvas could not be created or finished.
public struct CanvasError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "canvas: \(message)" }
}

/// A read-only view of an image canvas's pixels, valid only inside `withPixelData`.
///
/// Pixels are cairo `ARGB32`: native-endian 32-bit words, premultiplied alpha,
/// `stride` bytes per row.
public struct PixelBuffer {
    public let base: UnsafeRawPointer
    public let width: Int
    public let height: Int
    public let stride: Int

    /// The un-premultiplied (r, g, b, a) bytes of one pixel.
    public func rgba(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let word = base.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
        let a = word >> 24
        func channel(_ shift: UInt32) -> UInt8 {
            let c = word >> shift & 0xFF
            return a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
        }
        return (channel(16), channel(8), channel(0), UInt8(a))
    }
}

/// Draws shapes and text in points (y down) onto one cairo surface:
/// a bitmap (`image`), a multi-page PDF file (`pdf`) or an SVG file (`svg`).
///
/// Not thread-safe; use each canvas (and its `PangoText`) from one thread at a time.
public final class CairoCanvas {
    /// The drawing area in points (for PDF, the current page's size).
    public private(set) var size: Size
    /// Bitmap size in pixels (image canvases), otherwise nil.
    public let pixelSize: (width: Int, height: Int)?
    /// The text engine; pass one shared instance to many canvases to reuse shaped text.
    public let text: PangoText

    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let isPDF: Bool
    private var finished = false
    /// The pixels of an image canvas, when mapped by the canvas itself (see `PixelMemory`).
    private let pixels: PixelMemory?

    private init(surface: OpaquePointer, size: Size, pixelSize: (Int, Int)?, isPDF: Bool,
                 text: PangoText?, pixels: PixelMemory? = nil) throws {
        if let failure = Self.statusText(cairo_surface_status(surface)) {
            cairo_surface_destroy(surface)
            pixels?.release()
            throw CanvasError("cannot create surface: \(failure)")
        }
        self.pixels = pixels
        self.surface = surface
        self.cairo = cairo_create(surface)
        self.size = size
        self.pixelSize = pixelSize
        self.isPDF = isPDF
        self.text = text ?? PangoText()
    }

    deinit {
        // The context holds the last scaled font drawn with: release it under the font lock.
        PangoText.fontLock.withLock { _ in
            cairo_destroy(cairo)
            if !finished { cairo_surface_finish(surface) }
            cairo_surface_destroy(surface)
        }
        pixels?.release()
    }

    /// A transparent bitmap canvas `width` × `height` points large with `scale` pixels per point,
    /// i.e. round(width·scale) × round(height·scale) pixels.
    public static func image(width: Double, height: Double, scale: Double = 1,
                             text: PangoText? = nil) throws -> CairoCanvas {
        // cairo's image surfaces are at most 32 767 pixels a side; check before converting to Int.
        guard (width * scale).rounded() <= 32_767, (height * scale).rounded() <= 32_767 else {
            throw CanvasError("an image of \(width * scale)×\(height * scale) pixels is larger than the "
                              + "32767 pixels a side an image can have")
        }
        let pixelWidth = Int((width * scale).rounded()), pixelHeight = Int((height * scale).rounded())
        guard pixelWidth > 0, pixelHeight > 0, scale > 0 else {
            throw CanvasError("image size must be positive (got \(pixelWidth)×\(pixelHeight) pixels)")
        }
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(pixelWidth)))
        let pixels = stride > 0 ? PixelMemory(bytes: stride * pixelHeight) : nil
        let surface = if let pixels {
            cairo_image_surface_create_for_data(pixels.base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                Int32(pixelWidth), Int32(pixelHeight), Int32(stride))!
        } else {
            cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))!
        }
        let canvas = try CairoCanvas(surface: surface, size: Size(width: width, height: height),
                                     pixelSize: (pixelWidth, pixelHeight), isPDF: false, text: text, pixels: pixels)
        cairo_scale(canvas.cairo, scale, scale)
        return canvas
    }

    /// A PDF file canvas; the first page is `pageSize` points. Call `endPage()` after each
    /// page (and `beginPage(size:)` to change the next page's size), then `finish()`.
    /// `creationDate` (ISO 8601, e.g. `"2024-01-01T00:00:00Z"`) replaces the current time,
    /// which cairo otherwise writes, making the file reproducible.
    public static func pdf(path: String, pageSize: Size, title: String? = nil, creationDate: String? = nil,
                           text: PangoText? = nil) throws -> CairoCanvas {
        let surface = cairo_pdf_surface_create(path, pageSize.width, pageSize.height)!
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let creationDate {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Chainframe")
        return try CairoCanvas(surface: surface, size: pageSize, pixelSize: nil, isPDF: true, text: text)
    }

    /// A single-page SVG file canvas of `size` points; call `finish()` when done.
    public static func svg(path: String, size: Size, text: PangoText? = nil) throws -> CairoCanvas {
        let surface = cairo_svg_surface_create(path, size.width, size.height)!
        return try CairoCanvas(surface: surface, size: size, pixelSize: nil, isPDF: false, text: text)
    }

    // MARK: Pages and lifetime

    /// Sets the size of the page about to be drawn (PDF only; must precede drawing on it).
    public func beginPage(size: Size) {
        guard isPDF else { return }
        cairo_pdf_surface_set_size(surface, size.width, size.height)
        self.size = size
    }

    /// Emits the current page and starts a blank one (PDF: a new page).
    public func endPage() {
        cairo_show_page(cairo)
    }

    /// Flushes and closes a file-backed surface; reports any write error. Idempotent.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        // A PDF surface writes its font subsets now.
        PangoText.fontLock.withLock { _ in cairo_surface_finish(surface) }
        if let failure = Self.statusText(cairo_surface_status(surface)) {
            throw CanvasError("cannot write: \(failure)")
        }
    }

    // MARK: Drawing

    /// Paints the whole canvas with `color`, replacing what is there (nil: transparent).
    public func clear(to color: RGBA?) {
        cairo_save(cairo)
        cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE)
        let c = color ?? .clear
        cairo_set_source_rgba(cairo, c.r, c.g, c.b, c.a)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }

    /// Fills `shape` with `color`.
    public func fill(_ shape: CanvasShape, color: RGBA) {
        addPath(shape)
        cairo_set_source_rgba(cairo, color.r, color.g, color.b, color.a)
        cairo_fill(cairo)
    }

    /// Strokes the outline of `shape`.
    public func stroke(_ shape: CanvasShape, style: StrokeStyle) {
        addPath(shape)
        apply(style)
        cairo_stroke(cairo)
    }

    /// Strokes a path of line and cubic segments.
    public func stroke(path elements: [PathElement], style: StrokeStyle) {
        stroke(.path(elements), style: style)
    }

    /// Runs `body` and then restores the transform, clip and other state it changed.
    public func withSavedState<Result>(_ body: () throws -> Result) rethrows -> Result {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        return try body()
    }

    /// Moves the origin by (`dx`, `dy`) points (combine with `withSavedState`).
    public func translate(dx: Double, dy: Double) {
        cairo_translate(cairo, dx, dy)
    }

    /// Restricts later drawing to `rect` (combine with `withSavedState`).
    public func clip(to rect: Rect) {
        cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cairo)
    }

    // MARK: Text

    /// The logical size of `text` in `font` (markup when `markup` is true).
    public func measureText(_ text: String, font: FontSpec, markup: Bool = false) -> Size {
        self.text.metrics(text, font: font, markup: markup).size
    }

    /// Draws `text` with its `anchor` point at `point`. Plain text is shown verbatim;
    /// with `markup`, `text` is Pango markup such as `x<sub>1</sub>`.
    public func drawText(_ text: String, font: FontSpec, at point: Point, anchor: TextAnchor = .center,
                         color: RGBA = .black, markup: Bool = false) {
        self.text.draw(text, font: font, markup: markup, at: point, anchor: anchor, color: color, on: cairo)
    }

    /// Whether `text` contains characters no installed font can show.
    public func missingGlyphs(in text: String, font: FontSpec, markup: Bool = false) -> Bool {
        self.text.hasMissingGlyphs(in: text, font: font, markup: markup)
    }

    // MARK: Pixels

    /// Gives `body` direct access to the bitmap (image canvases only; nil otherwise).
    public func withPixelData<Result>(_ body: (PixelBuffer) throws -> Result) rethrows -> Result? {
        guard pixelSize != nil else { return nil }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let buffer = PixelBuffer(base: UnsafeRawPointer(data),
                                 width: Int(cairo_image_surface_get_width(surface)),
                                 height: Int(cairo_image_surface_get_height(surface)),
                                 stride: Int(cairo_image_surface_get_stride(surface)))
        return try body(buffer)
    }

    // MARK: Private

    private func addPath(_ shape: CanvasShape) {
        cairo_new_path(cairo)
        switch shape {
        case .rect(let r):
            cairo_rectangle(cairo, r.x, r.y, r.width, r.height)
        case .roundedRect(let r, let radius):
            addRoundedRect(r, radius: radius)
        case .ellipse(let r):
            guard r.width > 0, r.height > 0 else { return }
            cairo_save(cairo)
            cairo_translate(cairo, r.midX, r.midY)
            cairo_scale(cairo, r.width / 2, r.height / 2)
            cairo_arc(cairo, 0, 0, 1, 0, 2 * Double.pi)
            cairo_restore(cairo)
        case .circle(let center, let radius):
            cairo_arc(cairo, center.x, center.y, radius, 0, 2 * Double.pi)
        case .polygon(let points):
            guard let first = points.first else { return }
            cairo_move_to(cairo, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cairo, p.x, p.y) }
            cairo_close_path(cairo)
        case .path(let elements):
            for element in elements {
                switch element {
                case .move(let p): cairo_move_to(cairo, p.x, p.y)
                case .line(let p): cairo_line_to(cairo, p.x, p.y)
                case .cubic(let c1, let c2, let p): cairo_curve_to(cairo, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                case .close: cairo_close_path(cairo)
                }
            }
        }
    }

    private func addRoundedRect(_ r: Rect, radius: Double) {
        let radius = max(0, min(radius, r.width / 2, r.height / 2))
        guard radius > 0 else { return cairo_rectangle(cairo, r.x, r.y, r.width, r.height) }
        let half = Double.pi / 2
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, r.maxX - radius, r.minY + radius, radius, -half, 0)
        cairo_arc(cairo, r.maxX - radius, r.maxY - radius, radius, 0, half)
        cairo_arc(cairo, r.minX + radius, r.maxY - radius, radius, half, 2 * half)
        cairo_arc(cairo, r.minX + radius, r.minY + radius, radius, 2 * half, 3 * half)
        cairo_close_path(cairo)
    }

    private func apply(_ style: StrokeStyle) {
        cairo_set_source_rgba(cairo, style.color.r, style.color.g, style.color.b, style.color.a)
        cairo_set_line_width(cairo, style.width)
        let cap = switch style.lineCap {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
        let join = switch style.lineJoin {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
        cairo_set_line_cap(cairo, cap)
        cairo_set_line_join(cairo, join)
        style.dash.withUnsafeBufferPointer { cairo_set_dash(cairo, $0.baseAddress, Int32($0.count), 0) }
    }

    private static func statusText(_ status: cairo_status_t) -> String? {
        status == CAIRO_STATUS_SUCCESS ? nil : String(cString: cairo_status_to_string(status))
    }
}

/// Zeroed memory for an image canvas's pixels, mapped on a 2 MB boundary with transparent huge
/// pages where the kernel offers them: the first frame drawn on a 1920×1080 canvas then takes 4
/// page faults instead of 2 000 (most of a one-frame render's time in the kernel).
private struct PixelMemory {
    let base: UnsafeMutableRawPointer
    let length: Int

    /// Maps `bytes` bytes (rounded up to whole huge pages), or nil if the kernel refuses.
    init?(bytes: Int) {
        let huge = 2 << 20
        let length = (bytes + huge - 1) / huge * huge
        guard let mapped = mmap(nil, length + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapped != MAP_FAILED else { return nil }
        // Unmap the ends of the larger mapping so what is left starts on a huge-page boundary.
        let start = Int(bitPattern: mapped), end = start + length + huge
        let aligned = (start + huge - 1) & ~(huge - 1)
        if aligned > start { munmap(mapped, aligned - start) }
        if aligned + length < end { munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), end - aligned - length) }
        base = UnsafeMutableRawPointer(bitPattern: aligned)!
        self.length = length
        _ = madvise(base, length, Int32(MADV_HUGEPAGE))
    }

    func release() { munmap(base, length) }
}
