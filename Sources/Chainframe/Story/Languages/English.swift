extension Phrasebook {
    /// English.
    public static let english = Phrasebook(
        code: "en",
        inputs: "Inputs",
        forward: "Forward",
        backward: "Backward",
        summary: "Summary",
        check: "Numerical gradient",
        nudge: "Nudge",
        seedNote: "the output's derivative with respect to itself",
        branchSum: "branch node: the {n} paths add up",
        partialArrival: "{k} of {n} paths so far",
        addRule: "add node: the gradient passes through unchanged",
        multiplyRule: "multiply node: each input gets the gradient times the other input",
        matmulRule: "MatMul node: dX = dY·Wᵀ, dW = Xᵀ·dY",
        chainRule: "chain rule: upstream gradient × local derivative",
        node: "node",
        kind: "kind",
        computes: "computes",
        shape: "shape",
        value: "value",
        gradient: "gradient",
        input: "input",
        analytic: "analytic",
        numeric: "numeric (central, h={h})",
        relativeError: "relative error",
        allAgree: "all {n} gradients agree within {tolerance}",
        someDiffer: "{failed} of {n} gradients differ by more than {tolerance}",
        notFinite: "not finite (NaN or ∞)"
    )
}
