import Foundation

/// Writes files whole or not at all: a temporary file beside the target, then a rename.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes `bytes` to `url` atomically.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws {
        let data = Data(bytes)
        try replace(url) { temporary in
            do {
                try data.write(to: temporary)
            } catch {
                throw WriteError(path: url.path, reason: reason(error))
            }
        }
    }

    /// Lets `produce` write a temporary file beside `url` (for writers that need a path, such as
    /// cairo's PDF surface), then renames it into place. The temporary file is removed if
    /// `produce` throws, if the rename fails, or if the run is interrupted meanwhile.
    public static func replace(_ url: URL, producing produce: (URL) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        OutputGuard.register(temporary.path)
        defer { OutputGuard.unregister(temporary.path) }
        do {
            try produce(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: message)
        }
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }

    /// Creates `url` (and its parents) as a directory, with a clear error.
    public static func makeDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WriteError(path: url.path, reason: "it exists and is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: reason(error))
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        default: return ns.localizedDescription
        }
    }
}
