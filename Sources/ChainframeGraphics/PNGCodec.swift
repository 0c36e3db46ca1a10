import CChainframe

/// Why a PNG could not be encoded or decoded (libpng's message, never a crash or longjmp).
public struct PNGError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "PNG: \(message)" }
}

/// Row filtering before compression.
public enum PNGFilter: Sendable, Hashable {
    /// No filtering: fastest, and usually smallest for flat diagram frames.
    case none
    /// libpng's adaptive choice among all filters per row (best for photos and gradients).
    case adaptive
}

/// A text chunk of a PNG file.
public struct PNGTextChunk: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    /// True for iTXt (UTF-8), false for tEXt/zTXt (Latin-1).
    public var isInternational: Bool

    public init(key: String, value: String, isInternational: Bool) {
        self.key = key
        self.value = value
        self.isInternational = isInternational
    }
}

/// Encodes cairo ARGB32 bitmaps as 8-bit PNG with libpng. Output is deterministic
/// (no timestamp), so identical pixels and text give identical bytes.
public enum PNGEncoder {
    /// The deflate level of frames: libdeflate's level 4. On these flat diagrams it deflates
    /// in 7–12 % less time than level 6 for files 4–5 % larger (levels 2–4 are equally fast,
    /// 1 is slower; the README's speed section has the table).
    public static let defaultCompressionLevel = 4

    /// Encodes an image canvas. `transparent` writes RGBA (un-premultiplied), otherwise RGB.
    /// `text` values may be any Unicode: Latin-1 ones go into tEXt, others into iTXt.
    public static func encode(_ canvas: CairoCanvas, transparent: Bool = false,
                              text: [(key: String, value: String)] = [],
                              filter: PNGFilter = .none, compressionLevel: Int = PNGEncoder.defaultCompressionLevel) throws -> [UInt8] {
        try PNGFrameEncoder().encode(canvas, transparent: transparent, text: text, filter: filter,
                                     compressionLevel: compressionLevel) { Array($0) }
    }

    /// Encodes raw cairo ARGB32 pixels (native-endian premultiplied words, `stride` bytes per row).
    public static func encode(argb32 pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int,
                              transparent: Bool = false, text: [(key: String, value: String)] = [],
                              filter: PNGFilter = .none, compressionLevel: Int = PNGEncoder.defaultCompressionLevel) throws -> [UInt8] {
        try PNGFrameEncoder().encode(argb32: pixels, width: width, height: height, stride: stride,
                                     transparent: transparent, text: text, filter: filter,
                                     compressionLevel: compressionLevel) { Array($0) }
    }
}

/// A PNG encoder that keeps its buffers between frames: the filtered rows (6 MB for a
/// 1920×1080 frame), the deflated data and the file bytes are allocated once per encoder,
/// not once per frame. With no row filter, libdeflate deflates the image data and libpng
/// writes the chunks. Not thread-safe: one encoder per thread.
public final class PNGFrameEncoder {
    private let encoder: OpaquePointer

    public init() {
        guard let made = cf_png_encoder_new() else { fatalError("out of memory creating a PNG encoder") }
        encoder = made
    }

    deinit { cf_png_encoder_free(encoder) }

    /// Encodes an image canvas and hands the file's bytes to `body`; they are valid only
    /// inside `body` (the next frame reuses the buffer).
    ///
    /// With `consumingPixels` the canvas's pixels are used up: opaque frames are converted to
    /// PNG rows in the canvas's own memory (no second 6 MB buffer at 1920×1080), so the canvas
    /// holds no picture afterwards until it is drawn on from a clear.
    public func encode<Result>(_ canvas: CairoCanvas, transparent: Bool = false,
                               text: [(key: String, value: String)] = [],
                               filter: PNGFilter = .none, compressionLevel: Int = PNGEncoder.defaultCompressionLevel, consumingPixels: Bool = false,
                               _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        let encodePixels = { (pixels: PixelBuffer) in
            try self.encode(argb32: pixels.base, width: pixels.width, height: pixels.height, stride: pixels.stride,
                            transparent: transparent, text: text, filter: filter, compressionLevel: compressionLevel,
                            pixelsReusable: consumingPixels, body)
        }
        let result = consumingPixels ? try canvas.consumePixelData(encodePixels) : try canvas.withPixelData(encodePixels)
        guard let result else { throw PNGError("only image canvases have pixels to encode") }
        return result
    }

    /// Encodes raw cairo ARGB32 pixels and hands the file's bytes to `body` (valid only inside it).
    /// With `pixelsReusable` the pixels may be overwritten (they must be writable memory).
    public func encode<Result>(argb32 pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int,
                               transparent: Bool = false, text: [(key: String, value: String)] = [],
                               filter: PNGFilter = .none, compressionLevel: Int = PNGEncoder.defaultCompressionLevel, pixelsReusable: Bool = false,
                               _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        for (key, _) in text { try Self.validate(key: key) }
        let keys = text.map { cStringCopy($0.key) }, values = text.map { cStringCopy($0.value) }
        defer { (keys + values).forEach { $0.deallocate() } }
        let chunks = zip(keys, values).map { cf_png_text(key: $0, value: $1) }

        var output: UnsafePointer<UInt8>?
        var length = 0
        var error = [CChar](repeating: 0, count: 256)
        let status = chunks.withUnsafeBufferPointer { chunkBuffer in
            cf_png_encoder_encode(encoder, pixels.assumingMemoryBound(to: UInt8.self), Int32(width), Int32(height),
                                  Int32(stride), transparent ? 1 : 0, pixelsReusable ? 1 : 0, chunkBuffer.baseAddress,
                                  Int32(chunkBuffer.count),
                                  filter == .none ? Int32(CF_PNG_FILTER_NONE) : Int32(CF_PNG_FILTER_ADAPTIVE),
                                  Int32(compressionLevel), &output, &length, &error, error.count)
        }
        guard status == 0, let output else { throw PNGError(messageText(error)) }
        return try body(UnsafeRawBufferPointer(start: output, count: length))
    }

    /// PNG keywords are 1-79 printable Latin-1 characters without leading/trailing spaces;
    /// ASCII is required here.
    private static func validate(key: String) throws {
        let bytes = Array(key.utf8)
        guard (1...79).contains(bytes.count), bytes.allSatisfy({ (0x20...0x7E).contains($0) }),
              bytes.first != 0x20, bytes.last != 0x20 else {
            throw PNGError("invalid text key \"\(key)\" (need 1-79 printable ASCII characters)")
        }
    }
}

/// A decoded PNG: straight-alpha RGBA8 pixels, row-major, and its text chunks.
public struct DecodedImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    /// `width * height * 4` bytes: r, g, b, a per pixel.
    public var rgba: [UInt8]
    public var text: [PNGTextChunk]

    /// The (r, g, b, a) bytes of one pixel.
    public func pixel(x: Int, y: Int) -> [UInt8] {
        let start = (y * width + x) * 4
        return Array(rgba[start..<start + 4])
    }
}

/// Decodes PNG files (any colour type and bit depth) to RGBA8, mainly for tests and checks.
public enum PNGDecoder {
    /// Decodes `bytes` to straight-alpha RGBA8 plus text chunks; throws `PNGError` on bad data.
    public static func decode(_ bytes: [UInt8]) throws -> DecodedImage {
        var image = cf_png_image()
        var error = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer {
            cf_png_decode_rgba8($0.baseAddress, $0.count, &image, &error, error.count)
        }
        guard status == 0 else { throw PNGError(messageText(error)) }
        defer { cf_png_image_free(&image) }
        let width = Int(image.width), height = Int(image.height)
        let rgba = Array(UnsafeBufferPointer(start: image.rgba, count: width * height * 4))
        var text: [PNGTextChunk] = []
        for i in 0..<Int(image.text_count) {
            text.append(PNGTextChunk(key: String(cString: image.keys[i]!), value: String(cString: image.values[i]!),
                                     isInternational: image.international[i] != 0))
        }
        return DecodedImage(width: width, height: height, rgba: rgba, text: text)
    }
}

/// A heap copy of `string` as a NUL-terminated C string; the caller deallocates it.
private func cStringCopy(_ string: String) -> UnsafeMutablePointer<CChar> {
    let bytes = string.utf8CString
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
    bytes.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: $0.count) }
    return copy
}

/// The text of a NUL-terminated error buffer filled in by C.
private func messageText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
