import Testing
import SlotMatchFlow

@Suite struct LoadCostCurveTests {
    static let curve = LoadCostCurve(marginalCosts: [0, 4, 12], breakpoints: [10, 15])

    @Test(arguments: [(0, 0), (1, 0), (10, 0), (11, 4), (15, 20), (16, 32), (20, 80)] as [(Int64, Int64)])
    func costOfLoadSumsTheMarginalCosts(load: Int64, cost: Int64) {
        #expect(Self.curve.cost(ofLoad: load) == cost)
    }

    @Test func segmentsAreCutAtTheLimit() {
        #expect(Self.curve.segments(upTo: 12).map { [$0.units, $0.marginalCost] } == [[10, 0], [2, 4]])
        #expect(Self.curve.segments(upTo: 30).map { [$0.units, $0.marginalCost] } == [[10, 0], [5, 4], [15, 12]])
        #expect(Self.curve.segments(upTo: 0).isEmpty)
    }

    @Test(arguments: [
        (LoadCostCurve(marginalCosts: []), "at least one"),
        (LoadCostCurve(marginalCosts: [0, 1]), "need 1 breakpoints"),
        (LoadCostCurve(marginalCosts: [0, 1, 2], breakpoints: [5, 5]), "must increase"),
        (LoadCostCurve(marginalCosts: [3, 1], breakpoints: [5]), "convex"),
        (LoadCostCurve(marginalCosts: [0, 1 << 30], breakpoints: [5]), "outside"),
    ])
    func invalidCurvesSayWhy(curve: LoadCostCurve, words: String) {
        #expect(curve.problem()?.contains(words) == true)
    }

    @Test func validCurveHasNoProblem() {
        #expect(Self.curve.problem() == nil)
        #expect(LoadCostCurve.flat.problem() == nil)
    }
}
