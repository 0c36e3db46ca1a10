import Foundation

/// What an exporter reads in pixels from its ``ExportContext``: PNG bytes and raw pixels of
/// each step, drawn by the context's renderer (the plain-data picture is ``ExportContext/picture``).
extension ExportContext {
    /// The PNG of step `index`, encoded exactly as `png-frames` encodes it, with `metadata`
    /// as text chunks (``pngMetadata(step:)`` gives the frames' own).
    public func pngBytes(step index: Int, metadata: [(key: String, value: String)] = []) throws -> [UInt8] {
        try renderer.png(index, metadata: metadata)
    }

    /// The pixels of step `index`: un-premultiplied 8-bit RGBA rows, as a video encoder reads them.
    public func pixels(step index: Int) throws -> FramePixels {
        try renderer.pixels(index)
    }
}

/// The pixels of one frame: `height` rows of `width` un-premultiplied RGBA bytes.
public struct FramePixels: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 4` bytes, row by row, top row first.
    public var rgba: [UInt8]
}
