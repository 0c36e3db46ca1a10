// The picture as plain data — geometry, colour, themes, scenes, the text writers — is the
// ChainframeScene product, re-exported so that `import ChainframeRender` is enough for a
// library user. ChainframeGraphics, which wraps the C libraries, is not a product: its
// types stay inside the package.
@_exported import ChainframeScene
