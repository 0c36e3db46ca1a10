import Foundation
import Testing
@testable import ChainframeScene

extension ThemeTests {
    /// The shipped themes keep their promises: grayscale print, readable text everywhere.
    @Suite struct Palettes {
        /// Every colour of a theme, by its key path in the file.
        static func colours(of theme: Theme) -> [(String, RGBA)] {
            var out: [(String, RGBA)] = [("background", theme.background)]
            for kind in NodeKindStyle.allCases {
                let style = theme.style(for: kind)
                out += [("nodes.\(kind).fill", style.fill), ("nodes.\(kind).stroke", style.stroke),
                        ("nodes.\(kind).text", style.text)]
            }
            out += [("colors.forward", theme.forward), ("colors.backward", theme.backward),
                    ("colors.muted", theme.muted), ("colors.highlight", theme.highlight),
                    ("colors.label-fill", theme.labelFill), ("caption-band.fill", theme.captionBand.fill),
                    ("caption-band.title", theme.captionBand.title), ("caption-band.text", theme.captionBand.text)]
            return out
        }

        /// WCAG relative luminance of an opaque colour.
        static func luminance(_ c: RGBA) -> Double {
            func linear(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
        }

        /// WCAG contrast ratio of `a` drawn on `b` (both opaque).
        static func contrast(_ a: RGBA, _ b: RGBA) -> Double {
            let (x, y) = (luminance(a), luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }

        /// `top` composited over an opaque `bottom`.
        static func over(_ top: RGBA, _ bottom: RGBA) -> RGBA {
            RGBA(r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                 b: top.b * top.a + bottom.b * (1 - top.a))
        }

        static func shipped() throws -> [Theme] {
            try ThemeTests.themeFiles().map { try ThemeFile.load(path: $0, catalog: ThemeTests.catalog) }
        }

        @Test func printUsesGreysOnlyAndDashesTheBackwardFlow() throws {
            let theme = try ThemeTests.catalog.resolve("print")
            for (key, c) in Self.colours(of: theme) {
                #expect(abs(c.r - c.g) < 0.01 && abs(c.g - c.b) < 0.01, "\(key) is \(c.hexString), not a grey")
            }
            #expect(!theme.backwardDash.isEmpty && theme.backwardDash.contains { $0 > 0 })
            #expect(theme.highlightWidth > theme.output.strokeWidth)
            let looks = NodeKindStyle.allCases.map { kind in
                let style = theme.style(for: kind)
                return "\(style.shape) \(style.dash) \(style.strokeWidth)"
            }
            #expect(Set(looks).count == 4, "each node kind needs its own shape or outline: \(looks)")
        }

        @Test func colorblindUsesOkabeIto() throws {
            let theme = try ThemeTests.catalog.resolve("colorblind")
            #expect(theme.forward.hexString == "#0072B2")
            #expect(theme.backward.hexString == "#D55E00")
            #expect(theme.highlight.hexString == "#E69F00")
        }

        @Test func chalkboardIsDark() throws {
            let theme = try ThemeTests.catalog.resolve("chalkboard")
            #expect(Self.luminance(theme.background) < 0.05)
        }

        /// Node and caption text need 4.5:1 (AA); values and gradients, drawn large, need 3:1.
        @Test(arguments: ["chalkboard", "classroom", "colorblind", "print"])
        func textIsReadable(_ name: String) throws {
            let theme = try ThemeTests.catalog.resolve(name)
            for kind in NodeKindStyle.allCases {
                let style = theme.style(for: kind)
                let fill = Self.over(style.fill, theme.background)
                #expect(Self.contrast(style.text, fill) >= 4.5, "\(name): \(kind) text on its fill")
            }
            let band = Self.over(theme.captionBand.fill, theme.background)
            #expect(Self.contrast(theme.captionBand.text, band) >= 4.5, "\(name): caption text")
            #expect(Self.contrast(theme.captionBand.title, band) >= 4.5, "\(name): caption title")
            let chip = Self.over(theme.labelFill, theme.background)
            #expect(Self.contrast(theme.forward, theme.background) >= 3, "\(name): values on the background")
            #expect(Self.contrast(theme.backward, chip) >= 3, "\(name): gradients on their chips")
            #expect(Self.contrast(theme.backward, theme.background) >= 3, "\(name): gradients on the background")
        }
    }
}
