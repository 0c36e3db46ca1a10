import CChainframe
// Imported for its module map's `link "z"`: `cf_crc32` calls zlib, which libpng's
// pkg-config flags do not put on the link line.
import CPNG

/// One chunk of a PNG file: its four-letter type and its data.
struct PNGChunk {
    var type: String
    var data: ArraySlice<UInt8>
}

/// Reads and writes the chunk structure of PNG files (not the image data inside).
enum PNGChunks {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The chunks of a PNG file, in order, with their CRCs checked.
    static func read(_ bytes: [UInt8]) throws -> [PNGChunk] {
        guard bytes.starts(with: signature) else { throw ExportError("not a PNG file") }
        var chunks: [PNGChunk] = []
        var offset = signature.count
        while offset < bytes.count {
            guard bytes.count - offset >= 12 else { throw ExportError("truncated PNG chunk") }
            let length = Int(bigEndian32(bytes, at: offset))
            guard length <= Int(Int32.max), bytes.count - offset - 12 >= length else {
                throw ExportError("truncated PNG chunk")
            }
            let typeBytes = bytes[(offset + 4)..<(offset + 8)]
            let data = bytes[(offset + 8)..<(offset + 8 + length)]
            guard crc(typeBytes, data) == bigEndian32(bytes, at: offset + 8 + length) else {
                throw ExportError("PNG chunk with a bad CRC")
            }
            chunks.append(PNGChunk(type: String(decoding: typeBytes, as: UTF8.self), data: data))
            offset += 12 + length
        }
        return chunks
    }

    /// Appends a chunk (length, type, data, CRC) to `output`.
    static func append(_ type: String, _ data: some Collection<UInt8>, to output: inout [UInt8]) throws {
        let typeBytes = Array(type.utf8)
        precondition(typeBytes.count == 4, "a PNG chunk type has four letters")
        guard data.count <= Int(Int32.max) else { throw ExportError("PNG chunk too large") }
        appendBigEndian32(UInt32(data.count), to: &output)
        output += typeBytes
        output += data
        appendBigEndian32(crc(typeBytes, data), to: &output)
    }

    /// The CRC-32 of a chunk's type and data (zlib's `crc32`).
    static func crc(_ type: some Collection<UInt8>, _ data: some Collection<UInt8>) -> UInt32 {
        func update(_ crc: UInt32, _ bytes: some Collection<UInt8>) -> UInt32 {
            bytes.withContiguousStorageIfAvailable { cf_crc32(crc, $0.baseAddress, $0.count) }
                ?? Array(bytes).withUnsafeBufferPointer { cf_crc32(crc, $0.baseAddress, $0.count) }
        }
        return update(update(0, type), data)
    }

    static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func appendBigEndian32(_ value: UInt32, to output: inout [UInt8]) {
        output += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func appendBigEndian16(_ value: UInt16, to output: inout [UInt8]) {
        output += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
}
