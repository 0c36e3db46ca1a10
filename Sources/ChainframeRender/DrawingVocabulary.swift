// The plain-data drawing types that ChainframeRender's public API uses (themes, scenes, frame
// options), re-exported so that `import ChainframeRender` is enough: ChainframeGraphics, which
// wraps the C libraries, is not a product of the package. Only value types are re-exported;
// the C wrappers (cairo canvas, Pango, Graphviz, libpng) stay inside the package.
@_exported import struct ChainframeGraphics.RGBA
@_exported import struct ChainframeGraphics.Size
@_exported import struct ChainframeGraphics.Point
@_exported import struct ChainframeGraphics.Rect
@_exported import enum ChainframeGraphics.RankDirection
@_exported import struct ChainframeGraphics.FontSpec
@_exported import struct ChainframeGraphics.TextAnchor
@_exported import struct ChainframeGraphics.TextMetrics
@_exported import struct ChainframeGraphics.StrokeStyle
@_exported import enum ChainframeGraphics.CanvasShape
@_exported import enum ChainframeGraphics.PathElement
