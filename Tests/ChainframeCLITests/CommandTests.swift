import Foundation
import Testing
@testable import Chainframe

/// The commands run as processes on the bundled examples.
@Suite struct CommandTests {
    @Test func evalPrintsTheLectureTable() throws {
        let result = try ChainframeProcess.run(["eval", "examples/lecture.cg"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let row = { (id: String) in lines.first { $0.first.map(String.init) == id } }
        #expect(row("u")?.suffix(2) == ["6", "3"])
        #expect(row("v")?.suffix(2) == ["11", "3"])
        #expect(row("J")?.suffix(2) == ["33", "1"])
        #expect(row("b")?.suffix(2) == ["3", "6"])
        #expect(row("c")?.suffix(2) == ["2", "9"])
        #expect(result.stdout.contains("output J = 33"))
    }

    @Test func evalJSONHasTheDocumentedShape() throws {
        let result = try ChainframeProcess.run(["eval", "examples/lecture.cg", "--format", "json"])
        #expect(result.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(document["output"] as? String == "J")
        let nodes = document["nodes"] as! [[String: Any]]
        #expect(nodes.map { $0["id"] as! String } == ["a", "b", "c", "u", "v", "J"])
        let a = nodes[0]
        #expect(Set(a.keys) == ["id", "label", "display", "kind", "op", "symbol", "inputs", "shape", "value", "grad"])
        #expect(a["kind"] as? String == "input")
        #expect(a["op"] is NSNull)
        #expect(a["value"] as? Double == 5)
        #expect(a["grad"] as? Double == 3)
        #expect(nodes[5]["op"] as? String == "3 * v")
        #expect(nodes[5]["symbol"] as? String == "×3" && a["symbol"] is NSNull)
        #expect(nodes[3]["inputs"] as? [String] == ["b", "c"])
        let edges = document["edges"] as! [[String: Any]]
        let bu = edges.first { $0["from"] as? String == "b" && $0["to"] as? String == "u" }!
        #expect(bu["local"] as? Double == 2)
        #expect(bu["grad"] as? Double == 6)
        // Keys come in the documented order.
        #expect(result.stdout.contains("\"id\": \"a\",\n      \"label\": \"a\",\n      \"display\": \"a\",\n      \"kind\": \"input\",\n      \"op\": null,"))
    }

    @Test func evalJSONWritesTensorsAsNestedArraysAndNonFiniteAsStrings() throws {
        let affine = try ChainframeProcess.run(["eval", "examples/affine.cg", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(affine.stdout.utf8)) as! [String: Any]
        let w = (document["nodes"] as! [[String: Any]]).first { $0["id"] as? String == "W" }!
        #expect(w["shape"] as? [Int] == [2, 3])
        #expect(w["grad"] as? [[Double]] == [[4, 4, 4], [6, 6, 6]])
        let edges = document["edges"] as! [[String: Any]]
        #expect(edges.allSatisfy { $0["local"] is NSNull })   // tensor edges have no scalar local derivative

        let nan = try ChainframeProcess.run(["eval", "-", "--format", "json"], stdin: Data("x = 0\nf = log(x)\n".utf8))
        #expect(nan.status == 0)
        #expect(nan.stdout.contains("\"value\": \"-Infinity\""))
    }

    @Test func checkPassesOnEveryExample() throws {
        for example in ["lecture", "derivative", "central-difference", "gradient", "logistic-regression", "affine", "shopping", "branch"] {
            let result = try ChainframeProcess.run(["check", "examples/\(example).cg"])
            #expect(result.status == 0, "\(example): \(result.stdout)\(result.stderr)")
        }
    }

    @Test func checkShowsTheCentralDifferenceInFull() throws {
        let result = try ChainframeProcess.run(["check", "examples/central-difference.cg", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"numeric\": 7.000000000019213"))
        #expect(result.stdout.contains("\"analytic\": 7,"))
        let text = try ChainframeProcess.run(["check", "examples/central-difference.cg"])
        #expect(text.stdout.contains("7.000000000019213"))
    }

    @Test func failedCheckExitsWithOne() throws {
        // relu has no derivative at 0: the central difference gives 0.5, the analytic rule 0.
        let result = try ChainframeProcess.run(["check", "-"], stdin: Data("x = 0\nf = relu(x)\n".utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAILED"))
    }

    @Test func outputOptionChoosesAnotherNode() throws {
        let result = try ChainframeProcess.run(["eval", "examples/derivative.cg", "--output", "g", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{\n  \"output\": \"g\""))
        #expect(result.stdout.contains("\"grad\": 4"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try ChainframeProcess.run(["eval"]).status == 2)
        #expect(try ChainframeProcess.run(["eval", "examples/lecture.cg", "--format", "xml"]).status == 2)
        #expect(try ChainframeProcess.run(["frobnicate"]).status == 2)
        #expect(try ChainframeProcess.run(["check", "examples/lecture.cg", "--h", "-1"]).status == 2)
    }

    @Test func missingFileIsARunTimeFailure() throws {
        let result = try ChainframeProcess.run(["eval", "no-such-file.cg"])
        #expect(result.status == 1)
        #expect(result.stderr == "chainframe: error: cannot read 'no-such-file.cg': no such file\n")
    }

    @Test func helpAndVersion() throws {
        let help = try ChainframeProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("eval"))
        #expect(help.stdout.contains("check"))
        #expect(try ChainframeProcess.run(["--version"]).stdout.hasPrefix("0."))
    }
}
