/// A minimum-cost flow with its cost and the certificate proving it optimal.
public struct FlowSolution: Sendable, Hashable {
    /// Flow on every arc of the network, indexed like `FlowNetwork.tails`.
    public var flow: [Int64]
    /// Σ cost·flow, the optimum.
    public var cost: Int64
    public var certificate: OptimalityCertificate

    public init(flow: [Int64], cost: Int64, certificate: OptimalityCertificate) {
        self.flow = flow; self.cost = cost; self.certificate = certificate
    }

    /// Checks this solution against `network` (see `OptimalityCertificate.verify`).
    public func verify(in network: FlowNetwork) -> Bool {
        certificate.verify(flow: flow, in: network) && network.cost(of: flow) == cost
    }
}
