#!/usr/bin/env python3
"""OR-Tools peer for Scripts/bench-flow: SimpleMinCostFlow on a DIMACS min-cost-flow file.

Prints one JSON object: cost, seconds (solve only), buildSeconds (model building, timed apart),
readSeconds (parsing the file in Python).
"""
import json, resource, sys, time
import numpy as np
from ortools.graph.python import min_cost_flow


def read_dimacs(path):
    nodes = 0; supply_nodes = []; supply_values = []; arc_fields = []
    with open(path) as f:
        for line in f:
            kind = line[:1]
            if kind == "a":
                arc_fields.append(line[2:])
            elif kind == "n":
                _, i, s = line.split(); supply_nodes.append(int(i) - 1); supply_values.append(int(s))
            elif kind == "p":
                nodes = int(line.split()[2])
    arcs = np.array(" ".join(arc_fields).split(), dtype=np.int64).reshape(-1, 5)
    if (arcs[:, 2] != 0).any():
        sys.exit("ortools_mcf.py: lower bounds other than 0 are not supported")
    return nodes, np.array(supply_nodes, dtype=np.int64), np.array(supply_values, dtype=np.int64), arcs


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ortools_mcf.py FILE.min")
    t0 = time.perf_counter()
    nodes, sn, sv, arcs = read_dimacs(sys.argv[1])
    t1 = time.perf_counter()
    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(arcs[:, 0] - 1, arcs[:, 1] - 1, arcs[:, 3], arcs[:, 4])
    if nodes > 0:
        smcf.set_node_supply(nodes - 1, 0)   # make sure isolated trailing nodes exist
    smcf.set_nodes_supplies(sn, sv)
    t2 = time.perf_counter()
    status = smcf.solve()
    t3 = time.perf_counter()
    if status != smcf.OPTIMAL:
        sys.exit(f"ortools_mcf.py: SimpleMinCostFlow status {status}, not OPTIMAL")
    print(json.dumps({"solver": "ortools-simple-min-cost-flow", "cost": smcf.optimal_cost(),
                      "seconds": round(t3 - t2, 6), "buildSeconds": round(t2 - t1, 6),
                      "readSeconds": round(t1 - t0, 6),
                      "maxRSSBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


if __name__ == "__main__":
    main()
