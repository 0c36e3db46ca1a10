extension Phrasebook {
    /// 한국어: the words of the seed posts (순전파, 역전파, 연쇄법칙, 편미분, 기울기, 도함수).
    public static let korean = Phrasebook(
        code: "ko",
        inputs: "입력",
        forward: "순전파",
        backward: "역전파",
        summary: "정리",
        check: "수치 미분",
        nudge: "살짝 바꾸기",
        seedNote: "출력을 출력 자신으로 미분하면 1",
        branchSum: "분기 노드: {n}개 경로의 기울기를 더한다",
        partialArrival: "{n}개 경로 중 {k}개 도착",
        addRule: "덧셈 노드: 기울기를 그대로 흘려보낸다",
        multiplyRule: "곱셈 노드: 입력을 서로 바꾸어 기울기에 곱한다",
        matmulRule: "MatMul 노드: dX = dY·Wᵀ, dW = Xᵀ·dY",
        chainRule: "연쇄법칙: 상류 기울기 × 국소 도함수",
        node: "노드",
        kind: "종류",
        computes: "계산",
        shape: "형상",
        value: "값",
        gradient: "기울기",
        input: "입력",
        analytic: "해석적 편미분",
        numeric: "수치 미분 (중앙 차분, h={h})",
        relativeError: "상대 오차",
        allAgree: "{n}개 기울기 모두 {tolerance} 이내로 일치",
        someDiffer: "{n}개 중 {failed}개 기울기가 {tolerance}보다 크게 다름",
        notFinite: "유한하지 않음 (NaN 또는 ∞)"
    )
}
