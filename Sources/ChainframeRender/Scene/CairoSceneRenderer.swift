import ChainframeGraphics

/// Draws a scene onto a cairo canvas (image, PDF or SVG surface).
public enum CairoSceneRenderer {
    /// Draws every element of `scene` in order; clears to the background first.
    public static func draw(_ scene: Scene, on canvas: CairoCanvas) {
        canvas.clear(to: scene.background)
        for element in scene.elements { draw(element, on: canvas) }
    }

    static func draw(_ element: SceneElement, on canvas: CairoCanvas) {
        switch element {
        case .shape(let shape, let fill, let stroke, _):
            if let fill { canvas.fill(shape, color: fill) }
            if let stroke { canvas.stroke(shape, style: stroke) }
        case .path(let elements, let stroke, _):
            canvas.stroke(path: elements, style: stroke)
        case .text(let run):
            canvas.drawText(run.text, font: run.font, at: run.position, anchor: run.anchor, color: run.color)
        case .group(let opacity, let children):
            if opacity >= 1 {
                for child in children { draw(child, on: canvas) }
            } else {
                canvas.withOpacity(opacity) {
                    for child in children { draw(child, on: canvas) }
                }
            }
        }
    }
}
