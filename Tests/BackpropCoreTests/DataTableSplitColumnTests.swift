import BackpropCore
import Foundation
import Testing

/// A CSV column named `split` fixes the test samples by hand: it is not an input, its cells are
/// `train` or `test`, and a wrong one is named by its line and column like the file's other
/// errors.
@Suite("CSV split column")
struct DataTableSplitColumnTests {
    @Test("the split column marks the test samples and is not an input")
    func splitColumn() throws {
        let table = try DataTable(csv: "x1,split,x2,y\n0,train,1,0\n1,test,0,1\n\n2,TEST,2,0\n3,train,3,1\n")
        #expect(table.inputNames == ["x1", "x2"])
        #expect(table.inputs == [[0, 1], [1, 0], [2, 2], [3, 3]])
        #expect(table.testSamples == [1, 2])
        let scenario = try table.scenario(seed: 1)
        #expect(scenario.inputCount == 2)
        #expect(scenario.split.test == [1, 2])
        #expect(scenario.split.training == [0, 3])
    }

    @Test("without the column there is no split")
    func noColumn() throws {
        let table = try DataTable(csv: "x1,y\n0,1\n1,0\n")
        #expect(table.testSamples == nil)
        #expect(try table.scenario(seed: 1).split.hasTest == false)
    }

    @Test("a value other than train or test is named by its line and column")
    func wrongValue() {
        #expect(
            throws: ScenarioError.csv(
                path: "d.csv", line: 3, problem: #"column "split" is "tset"; write train or test there"#)
        ) {
            try DataTable(csv: "x,y,split\n0,1,train\n1,0,tset\n", path: "d.csv")
        }
    }

    @Test("a bad number after the split column names its own column")
    func badNumberAfterSplit() {
        #expect(throws: ScenarioError.csv(path: "d.csv", line: 2, problem: #"column "y" is "a", not a finite number"#))
        {
            try DataTable(csv: "x,split,y\n0,test,a\n1,train,0\n", path: "d.csv")
        }
    }

    @Test("every sample held out leaves nothing to train: refused at the header")
    func everySampleHeldOut() {
        #expect(
            throws: ScenarioError.csv(
                path: "d.csv", line: 1, problem: #"every sample's "split" is test; mark at least one train to train on"#
            )
        ) {
            try DataTable(csv: "x,y,split\n0,1,test\n1,0,test\n", path: "d.csv")
        }
    }

    @Test("features need two input columns; the split column is not one of them")
    func features() throws {
        let table = try DataTable(csv: "a,b,split,y\n1,2,train,0\n3,4,test,1\n")
        let scenario = try table.scenario(seed: 1, features: [.x1Squared, .product, .x2])
        #expect(scenario.inputs.rowArrays == [[1, 2, 2], [9, 12, 4]])
        #expect(scenario.dataInputs.rowArrays == [[1, 2], [3, 4]])
        #expect(scenario.network.sizes == [3, 1])
        let three = try DataTable(csv: "a,b,c,y\n1,2,3,0\n")
        #expect(throws: ScenarioError.self) { try three.scenario(seed: 1, features: [.x1]) }
    }

    @Test("the seed is the run's seed")
    func seed() throws {
        let table = try DataTable(csv: "x,y\n0,1\n1,0\n")
        #expect(try table.scenario(seed: 7).seed == 7)
    }
}
