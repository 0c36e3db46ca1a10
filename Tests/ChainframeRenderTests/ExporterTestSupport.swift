import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An independent PNG chunk reader for tests, with its own CRC-32 (not zlib's).
enum TestPNGChunks {
    struct Chunk {
        var type: String
        var data: [UInt8]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The chunks of `bytes`; throws on a bad signature, truncation or a wrong CRC.
    static func read(_ bytes: [UInt8]) throws -> [Chunk] {
        guard bytes.starts(with: signature) else { throw Failure(description: "bad signature") }
        var offset = 8, chunks: [Chunk] = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "truncated at \(offset)") }
            let length = Int(uint32(bytes, offset))
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "truncated chunk at \(offset)") }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard crc(typeAndData) == uint32(bytes, offset + 8 + length) else {
                throw Failure(description: "bad CRC in \(type) at \(offset)")
            }
            chunks.append(Chunk(type: type, data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        return chunks
    }

    /// A standalone PNG of one frame: signature, IHDR, one IDAT, IEND.
    static func png(header: [UInt8], imageData: [UInt8]) -> [UInt8] {
        signature + chunk("IHDR", header) + chunk("IDAT", imageData) + chunk("IEND", [])
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(crc(typeAndData))
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// CRC-32 (polynomial 0xEDB88320), bit by bit: slow and obviously right.
    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Parses an SVG as XML and collects its root element, `<text>` contents and class names.
final class SVGTexts: NSObject, XMLParserDelegate {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var root: String?
    private(set) var texts: [String] = []
    private(set) var classes: Set<String> = []
    private var currentText: String?

    /// The parsed document; throws if it is not well-formed XML.
    static func parse(_ data: Data) throws -> SVGTexts {
        let parser = XMLParser(data: data)
        let collector = SVGTexts()
        parser.delegate = collector
        guard parser.parse() else {
            throw Failure(description: "not XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") "
                + "at line \(parser.lineNumber)")
        }
        return collector
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = elementName }
        if let name = attributes["class"] { classes.insert(name) }
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        if elementName == "text", let text = currentText {
            texts.append(text)
            currentText = nil
        }
    }
}
