/// Builds an animated PNG from ordinary PNG files of the same size and format, one per frame.
///
/// The layout (APNG 1.0): signature, IHDR of the first frame, acTL, the first frame's text
/// chunks, then per frame an fcTL followed by its image data: IDAT for the first frame (so
/// viewers without APNG support show it), fdAT for the others. fcTL and fdAT chunks share
/// one sequence number counting from 0. Only the image data of each frame is kept.
struct APNGAssembler {
    /// The file so far.
    private(set) var bytes: [UInt8] = []
    private let frameCount: Int
    private let plays: UInt32
    private var header: ArraySlice<UInt8>?
    private var framesAdded = 0
    private var sequenceNumber: UInt32 = 0

    /// An animation of `frameCount` frames played `plays` times (0: forever).
    init(frameCount: Int, plays: UInt32 = 0) {
        self.frameCount = frameCount
        self.plays = plays
    }

    /// Adds the next frame, a complete PNG file, shown for `milliseconds`.
    mutating func add(png: [UInt8], milliseconds: Int) throws {
        guard framesAdded < frameCount else { throw ExportError("APNG: more frames than announced") }
        let chunks = try PNGChunks.read(png)
        guard let ihdr = chunks.first, ihdr.type == "IHDR", ihdr.data.count == 13 else {
            throw ExportError("APNG: frame \(framesAdded) has no IHDR")
        }
        let imageChunks = chunks.filter { $0.type == "IDAT" }
        let imageLength = imageChunks.reduce(0) { $0 + $1.data.count }
        guard imageLength > 0 else { throw ExportError("APNG: frame \(framesAdded) has no image data") }
        if let header {
            guard header == ihdr.data else { throw ExportError("APNG: frame \(framesAdded) differs in size or format") }
        } else {
            header = ihdr.data
            bytes += PNGChunks.signature
            try PNGChunks.append("IHDR", ihdr.data, to: &bytes)
            var actl: [UInt8] = []
            PNGChunks.appendBigEndian32(UInt32(frameCount), to: &actl)
            PNGChunks.appendBigEndian32(plays, to: &actl)
            try PNGChunks.append("acTL", actl, to: &bytes)
            for chunk in chunks where ["tEXt", "iTXt", "zTXt"].contains(chunk.type) {
                try PNGChunks.append(chunk.type, chunk.data, to: &bytes)
            }
        }
        try appendFrameControl(header: ihdr.data, milliseconds: milliseconds)
        // The frame's image data in one chunk: IDAT for the first frame, else fdAT (sequence
        // number, then the data).
        var data: [UInt8] = []
        data.reserveCapacity(imageLength + 4)
        if framesAdded > 0 { PNGChunks.appendBigEndian32(nextSequenceNumber(), to: &data) }
        for chunk in imageChunks { data += chunk.data }
        try PNGChunks.append(framesAdded == 0 ? "IDAT" : "fdAT", data, to: &bytes)
        framesAdded += 1
    }

    /// The finished file; throws if fewer frames were added than announced.
    mutating func finish() throws -> [UInt8] {
        guard framesAdded == frameCount, frameCount > 0 else {
            throw ExportError("APNG: \(framesAdded) of \(frameCount) frames added")
        }
        try PNGChunks.append("IEND", [], to: &bytes)
        return bytes
    }

    /// fcTL: sequence number, the full canvas (width, height from IHDR; offset 0, 0), the delay as
    /// a fraction of a second, dispose none and blend source (each frame replaces the last).
    private mutating func appendFrameControl(header: ArraySlice<UInt8>, milliseconds: Int) throws {
        var fctl: [UInt8] = []
        PNGChunks.appendBigEndian32(nextSequenceNumber(), to: &fctl)
        fctl += header.prefix(8)
        PNGChunks.appendBigEndian32(0, to: &fctl)
        PNGChunks.appendBigEndian32(0, to: &fctl)
        let delay = Self.delay(milliseconds: milliseconds)
        PNGChunks.appendBigEndian16(delay.numerator, to: &fctl)
        PNGChunks.appendBigEndian16(delay.denominator, to: &fctl)
        fctl += [0, 0]
        try PNGChunks.append("fcTL", fctl, to: &bytes)
    }

    private mutating func nextSequenceNumber() -> UInt32 {
        defer { sequenceNumber += 1 }
        return sequenceNumber
    }

    /// `milliseconds`/1000 as 16-bit numerator and denominator (whole seconds when too long).
    static func delay(milliseconds: Int) -> (numerator: UInt16, denominator: UInt16) {
        let milliseconds = max(0, milliseconds)
        if milliseconds <= Int(UInt16.max) { return (UInt16(milliseconds), 1000) }
        return (UInt16(min(Int(UInt16.max), (milliseconds + 500) / 1000)), 1)
    }
}
