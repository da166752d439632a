#!/usr/bin/env python3
"""SciPy peer for Scripts/bench-flow: the pure assignment variant (generate.py --variant assignment).

Reads the DIMACS file, takes the supply-1 nodes as requests and the heads of their arcs as slots,
and runs scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp) on that biadjacency
matrix. Every edge cost must be >= 1 (SciPy drops explicit zeros); the generator guarantees it.
Prints one JSON object: cost, seconds (matching only), buildSeconds, readSeconds.
"""
import json, resource, sys, time
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from ortools_mcf import read_dimacs  # noqa: E402  (the same DIMACS parsing for both peers)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scipy_assignment.py FILE.min")
    t0 = time.perf_counter()
    nodes, sn, sv, arcs = read_dimacs(sys.argv[1])
    t1 = time.perf_counter()
    requests = sn[sv == 1]
    row_of = np.full(nodes, -1, dtype=np.int64); row_of[requests] = np.arange(len(requests))
    tails = arcs[:, 0] - 1; heads = arcs[:, 1] - 1
    edge = row_of[tails] >= 0
    if (arcs[edge, 4] <= 0).any():
        sys.exit("scipy_assignment.py: edge costs must be >= 1 for SciPy's sparse matching")
    slots, col = np.unique(heads[edge], return_inverse=True)
    biadjacency = csr_matrix((arcs[edge, 4].astype(np.float64), (row_of[tails[edge]], col)),
                             shape=(len(requests), len(slots)))
    t2 = time.perf_counter()
    rows, cols = min_weight_full_bipartite_matching(biadjacency)
    t3 = time.perf_counter()
    cost = int(round(biadjacency[rows, cols].sum()))
    print(json.dumps({"solver": "scipy-min-weight-full-bipartite-matching", "cost": cost,
                      "seconds": round(t3 - t2, 6), "buildSeconds": round(t2 - t1, 6),
                      "readSeconds": round(t1 - t0, 6),
                      "maxRSSBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
