import ChainframeGraphics

/// Draws a scene onto a cairo canvas (image, PDF or SVG surface).
public enum CairoSceneRenderer {
    /// Draws every element of `scene` in order; clears to the background first.
    package static func draw(_ scene: Scene, on canvas: CairoCanvas) {
        canvas.clear(to: scene.background)
        for element in scene.elements { draw(element, opacity: 1, on: canvas) }
    }

    /// Draws one element. A group's opacity is applied by fading each of its elements'
    /// colours rather than through an offscreen layer: frames are drawn in bulk, and a
    /// full-canvas layer per quiet node cost more than everything else together.
    static func draw(_ element: SceneElement, opacity: Double, on canvas: CairoCanvas) {
        switch element {
        case .shape(let shape, let fill, let stroke, _):
            if let fill { canvas.fill(shape, color: fill.faded(opacity)) }
            if let stroke { canvas.stroke(shape, style: stroke.faded(opacity)) }
        case .path(let elements, let stroke, _):
            canvas.stroke(path: elements, style: stroke.faded(opacity))
        case .text(let run):
            canvas.drawText(run.text, font: run.font, at: run.position, anchor: run.anchor, color: run.color.faded(opacity))
        case .group(let groupOpacity, let children):
            for child in children { draw(child, opacity: opacity * groupOpacity, on: canvas) }
        case .link(_, _, let children):
            for child in children { draw(child, opacity: opacity, on: canvas) }
        case .clip(let rect, let children):
            canvas.withSavedState {
                canvas.clip(to: rect)
                for child in children { draw(child, opacity: opacity, on: canvas) }
            }
        }
    }
}

extension RGBA {
    /// The colour with its alpha multiplied by `opacity`.
    func faded(_ opacity: Double) -> RGBA {
        opacity >= 1 ? self : withAlpha(a * opacity)
    }
}

extension StrokeStyle {
    /// The style with its colour faded by `opacity`.
    func faded(_ opacity: Double) -> StrokeStyle {
        guard opacity < 1 else { return self }
        var style = self
        style.color = color.faded(opacity)
        return style
    }
}
