import Foundation
public enum TraceMark {
    nonisolated(unsafe) static var t0: timespec = { var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return t }()
    public static func mark(_ s: String) {
        guard getenv("CF_TRACE") != nil else { return }
        var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t)
        var st = stat(); _ = st
        let ms = Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
        FileHandle.standardError.write(Data("TRACE \(String(format: "%.2f", ms)) \(s)\n".utf8))
    }
}
