import Foundation

/// What `watch` compares to notice a save: each file's modification time, size and inode
/// (editors that save by writing a new file and renaming it change the inode).
struct FileStamps: Equatable {
    private var stamps: [String: Stamp?]

    private struct Stamp: Equatable {
        var modified: Date
        var size: UInt64
        var inode: UInt64
    }

    /// The current stamps of `paths` (a missing file has none).
    init(_ paths: [String]) {
        var stamps: [String: Stamp?] = [:]
        for path in paths {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            stamps[path] = attributes.flatMap { attributes in
                (attributes[.modificationDate] as? Date).map { modified in
                    Stamp(modified: modified, size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                          inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0)
                }
            }
        }
        self.stamps = stamps
    }
}
