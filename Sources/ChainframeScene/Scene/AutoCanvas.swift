
/// The canvas of `--size auto`: the graph at full size with its margins and caption band,
/// unless that would exceed the pixel budget (`--max-pixels`) or cairo's largest surface
/// (32 767 pixels a side); then the graph is drawn smaller until it fits.
public enum AutoCanvas {
    /// cairo's largest image surface side, in pixels.
    static let maxSidePixels = 32_767.0
    /// The smallest graph scale tried before giving up.
    static let minimumScale = 0.05

    /// Why no canvas fits.
    public struct TooLarge: Error, CustomStringConvertible {
        public var description: String
    }

    /// Refuses a fitted canvas beyond `--max-pixels` or cairo's largest surface, before
    /// anything is drawn.
    static func check(_ canvas: Size, options: FrameOptions) throws {
        let w = canvas.width * options.scale, h = canvas.height * options.scale
        guard w <= maxSidePixels, h <= maxSidePixels, w * h <= Double(options.maxPixels) else {
            throw TooLarge(description: "the graph drawn to fit (--size auto) would need \(Int(w))×\(Int(h)) pixels, "
                           + "more than --max-pixels \(options.maxPixels) or cairo's \(Int(maxSidePixels)) pixels a side; "
                           + "use a fixed --size")
        }
    }

    /// The canvas size in points and the graph's scale.
    static func fit(graph: Size, margins: Theme.Margins, bandHeight: Double, minimumWidth: Double,
                    options: FrameOptions) throws -> (Size, Double) {
        func canvas(_ scale: Double) -> Size {
            Size(width: max(graph.width * scale + margins.left + margins.right, minimumWidth),
                 height: graph.height * scale + margins.top + margins.bottom + bandHeight)
        }
        func fits(_ size: Size) -> Bool {
            let w = size.width * options.scale, h = size.height * options.scale
            return w <= maxSidePixels && h <= maxSidePixels && w * h <= Double(options.maxPixels)
        }
        if fits(canvas(1)) { return (canvas(1), 1) }
        guard fits(canvas(minimumScale)) else {
            let size = canvas(1)
            throw TooLarge(description: "the graph drawn to fit (--size auto) would need "
                           + "\(Int(size.width * options.scale))×\(Int(size.height * options.scale)) pixels, and even at "
                           + "\(Int(minimumScale * 100))% it exceeds --max-pixels \(options.maxPixels) or cairo's "
                           + "\(Int(maxSidePixels)) pixels a side; use a fixed --size")
        }
        var low = minimumScale, high = 1.0
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if fits(canvas(middle)) { low = middle } else { high = middle }
        }
        return (canvas(low), low)
    }
}
