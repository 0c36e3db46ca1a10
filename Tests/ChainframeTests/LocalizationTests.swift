import Testing
@testable import Chainframe

/// Captions in every language, and the node rules of "Deep Learning from Scratch".
@Suite struct LocalizationTests {
    /// Every phrase of a phrasebook, by name (Mirror keeps this in step with the type).
    func phrases(_ book: Phrasebook) -> [(String, String)] {
        Mirror(reflecting: book).children.compactMap { child in
            (child.value as? String).map { (child.label ?? "?", $0) }
        }
    }

    @Test func everyLanguageHasEveryPhrase() {
        let english = phrases(.english)
        #expect(english.count >= 25)
        for (code, book) in Phrasebook.all {
            let these = phrases(book)
            #expect(these.map(\.0) == english.map(\.0), "\(code)")
            for (name, text) in these { #expect(!text.isEmpty, "\(code).\(name) is empty") }
            // Placeholders survive translation.
            for ((name, en), (_, other)) in zip(english, these) {
                for placeholder in ["{n}", "{k}", "{h}", "{failed}", "{tolerance}"] where en.contains(placeholder) {
                    #expect(other.contains(placeholder), "\(code).\(name) lacks \(placeholder)")
                }
            }
        }
    }

    @Test func koreanUsesTheLecturesWords() {
        let ko = Phrasebook.korean
        #expect(ko.forward == "순전파")
        #expect(ko.backward == "역전파")
        #expect(ko.chainRule.contains("연쇄법칙"))
        #expect(ko.analytic.contains("편미분"))
        #expect(ko.gradient == "기울기")
        #expect(ko.chainRule.contains("도함수"))
    }

    @Test func koreanCaptionsForTheLecture() throws {
        var options = Storyboard.Options()
        options.phrases = .korean
        let steps = try Storyboard(try evaluate("a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v"), options: options).steps
        #expect(steps[1].caption.title == "순전파 1/3")
        #expect(steps[4].caption.title == "역전파 1/4")
        #expect(steps[6].caption.rule == "덧셈 노드: 기울기를 그대로 흘려보낸다")
        #expect(steps[7].caption.rule == "곱셈 노드: 입력을 서로 바꾸어 곱한다".replacingOccurrences(of: "곱한다", with: "기울기에 곱한다"))
        #expect(steps[8].caption.title == "정리")
    }

    @Test func nodeRulesOnTheBooksExamples() throws {
        let lecture = try Storyboard(try evaluate("a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v")).steps
        let rules = lecture.filter { $0.phase == .backward }.map(\.caption.rule)
        #expect(rules == [nil, Phrasebook.english.multiplyRule, Phrasebook.english.addRule, Phrasebook.english.multiplyRule])
        let affine = try Storyboard(try evaluate("X = [[1, 2]]\nW = [[1], [2]]\nY = X @ W\nL = sum(Y)")).steps
        #expect(affine.contains { $0.caption.rule == "MatMul node: dX = dY·Wᵀ, dW = Xᵀ·dY" })
        let sigmoid = try Storyboard(try evaluate("z = 0\na = sigmoid(z)")).steps
        #expect(sigmoid.contains { $0.caption.rule == Phrasebook.english.chainRule })
        // The branch node's sum is named when the last path arrives.
        let branch = try Storyboard(try evaluate("x = 1\ny = 2 * x\nz = 3 * x\nf = y + z")).steps
        #expect(branch.contains { $0.caption.headline.contains("branch node: the 2 paths add up") })
    }

    @Test func reportsSpeakKorean() throws {
        let e = try evaluate("x = 2\nf = x^2 + 3*x + 5")
        #expect(EvaluationReport.text(e, phrases: .korean).hasPrefix("노드"))
        let check = try NumericalCheck(e)
        let text = CheckReport.text(check, graph: e.graph, phrases: .korean)
        #expect(text.contains("수치 미분 (중앙 차분, h=0.0001)"))
        #expect(text.contains("7.000000000019213"))
        #expect(text.contains("1개 기울기 모두 1e-06 이내로 일치"))
    }
}
