import Testing
@testable import Chainframe

/// Tensor gradients: matmul, broadcasting and reductions, with shapes.
@Suite struct TensorTests {
    @Test func affineLayerFollowsTheBooksMatMulRule() throws {
        let e = try evaluate("""
        X = [[1, 2], [3, 4]]
        W = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]
        B = [0.1, 0.2, 0.3]
        Y = X @ W + B
        L = sum(Y)
        """)
        let dY = Tensor(repeating: 1, shape: [2, 3])
        #expect(e.grad("Y") == dY)
        // dW = Xᵀ·dY, with the shape of W.
        #expect(e.grad("W") == Tensor(rows: [[4, 4, 4], [6, 6, 6]]))
        // dX = dY·Wᵀ, with the shape of X.
        let dX = try Primitive.matmul(dY, Primitive.transposed(e.value("W")))
        #expect(e.grad("X") == dX)
        #expect(e.grad("X")?.shape == [2, 2])
        // The bias was broadcast over the rows; its gradient sums them.
        #expect(e.grad("B") == Tensor(vector: [2, 2, 2]))
        #expect(try NumericalCheck(e).passed)
    }

    @Test func broadcastingScalarRowAndColumn() throws {
        let e = try evaluate("M = [[1, 2], [3, 4]]\nr = [10, 20]\ns = 2\nf = sum(M * r + s)")
        #expect(e.outputValue == 168)   // 1·10 + 2·20 + 3·10 + 4·20 + 4·2
        #expect(e.grad("r") == Tensor(vector: [4, 6]))
        #expect(e.grad("s") == Tensor(4))
        #expect(e.grad("M") == Tensor(rows: [[10, 20], [10, 20]]))
        let column = try evaluate("M = [[1, 2], [3, 4]]\nc = [[1], [2]]\nf = sum(M * c)")
        #expect(column.grad("c") == Tensor(rows: [[3], [7]]))
    }

    @Test func vectorProductsFollowNumPyShapes() throws {
        let e = try evaluate("v = [1, 2]\nM = [[1, 2], [3, 4]]\nw = v @ M\nf = dot(w, v)")
        #expect(e.value("w") == Tensor(vector: [7, 10]))
        #expect(e.outputValue == 27)
        #expect(try NumericalCheck(e).passed)
        #expect(try evaluate("a = [1, 2, 3]\nf = mean(a)").outputValue == 2)
    }

    @Test func transposeAndMean() throws {
        let e = try evaluate("M = [[1, 2, 3], [4, 5, 6]]\nT = transpose(M)\nf = mean(T)")
        #expect(e.value("T").shape == [3, 2])
        #expect(e.grad("M") == Tensor(repeating: 1.0 / 6, shape: [2, 3]))
    }

    @Test func gradientsHaveTheShapeOfTheirValues() throws {
        let e = try evaluate("X = [[1, 2], [3, 4], [5, 6]]\nW = [[1], [2]]\nb = 0.5\nL = mean(sigmoid(X @ W + b))")
        for index in e.graph.nodes.indices {
            #expect(e.gradients[index]?.shape == e.values[index].shape)
        }
        #expect(try NumericalCheck(e).passed)
    }
}
