import ChainframeGraphics
import ChainframeScene
import Foundation
import SnapshotTesting

/// A PNG picture to compare with a golden image.
struct PNGImage {
    var bytes: [UInt8]
}

extension Snapshotting where Value == PNGImage, Format == Data {
    /// Compares PNG images pixel by pixel: at most `maxDifferingFraction` of the pixels may
    /// differ by more than `channelTolerance` (0…255) in some channel. On failure a difference
    /// image (differing pixels in red over a faded copy) is written next to the failed snapshot
    /// in `SNAPSHOT_ARTIFACTS` (or the temporary directory).
    static func png(channelTolerance: Int = 24, maxDifferingFraction: Double = 0.002) -> Snapshotting {
        Snapshotting(pathExtension: "png", diffing: .pngImage(channelTolerance: channelTolerance,
                                                             maxDifferingFraction: maxDifferingFraction)) { Data($0.bytes) }
    }
}

extension Diffing where Value == Data {
    static func pngImage(channelTolerance: Int, maxDifferingFraction: Double) -> Diffing {
        Diffing(toData: { $0 }, fromData: { $0 }) { old, new in
            guard let a = try? PNGDecoder.decode([UInt8](old)), let b = try? PNGDecoder.decode([UInt8](new)) else {
                return ("one of the images is not a readable PNG", [])
            }
            guard a.width == b.width, a.height == b.height else {
                return ("size differs: golden \(a.width)×\(a.height), new \(b.width)×\(b.height)", [])
            }
            var differing = 0
            var diff = [UInt8](repeating: 0, count: a.rgba.count)
            for i in stride(from: 0, to: a.rgba.count, by: 4) {
                var worst = 0
                for c in 0..<4 { worst = max(worst, abs(Int(a.rgba[i + c]) - Int(b.rgba[i + c]))) }
                if worst > channelTolerance {
                    differing += 1
                    diff[i] = 230; diff[i + 1] = 0; diff[i + 2] = 0; diff[i + 3] = 255
                } else {
                    let gray = UInt8(200 + Int(b.rgba[i]) * 55 / 255)
                    diff[i] = gray; diff[i + 1] = gray; diff[i + 2] = gray; diff[i + 3] = 255
                }
            }
            let fraction = Double(differing) / Double(a.width * a.height)
            guard fraction > maxDifferingFraction else { return nil }
            let path = writeDifferenceImage(diff, width: a.width, height: a.height)
            return ("\(differing) pixels (\(String(format: "%.3f", fraction * 100))%) differ by more than \(channelTolerance); difference image: \(path)", [])
        }
    }

    private static func writeDifferenceImage(_ rgba: [UInt8], width: Int, height: Int) -> String {
        let directory = ProcessInfo.processInfo.environment["SNAPSHOT_ARTIFACTS"] ?? NSTemporaryDirectory()
        let url = URL(fileURLWithPath: directory).appendingPathComponent("difference-\(UUID().uuidString).png")
        // Convert RGBA to cairo's ARGB32 (opaque, so premultiplication is the identity).
        var argb = [UInt8](repeating: 0, count: rgba.count)
        for i in stride(from: 0, to: rgba.count, by: 4) {
            let value = UInt32(rgba[i + 3]) << 24 | UInt32(rgba[i]) << 16 | UInt32(rgba[i + 1]) << 8 | UInt32(rgba[i + 2])
            withUnsafeBytes(of: value.littleEndian) { bytes in for k in 0..<4 { argb[i + k] = bytes[k] } }
        }
        let png = argb.withUnsafeBytes { raw in
            try? PNGEncoder.encode(argb32: raw.baseAddress!, width: width, height: height, stride: width * 4)
        }
        try? Data(png ?? []).write(to: url)
        return url.path
    }
}
