#!/usr/bin/env python3
"""Synthetic balancing instances from the real territory, written as DIMACS min-cost flow.

The territory (36 communes, 3 poles of Rambouillet Territoires) is tiled as many times as the
size asks (one tile per 1,000 requests, each tile a shifted copy), so national scale (50,000
requests, 250,000 slots, 32 candidate edges per request) keeps the real local geography.
Seeded and deterministic: the same arguments always write the same file.

Variants:
  balance     requests -> candidate slots -> GP (weekly SNP cap, convex load cost) -> pole (convex
              load cost) -> sink, plus request -> sink at an urgency-graded penalty (item 1 of
              docs/solver.md). Node order: requests, slots, GPs, poles, sink.
  assignment  requests -> candidate slots -> sink, every request must be served; one reserved
              candidate slot per request guarantees that a full matching exists.
"""
import argparse, json, math, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TERRITORY = os.path.join(HERE, "..", "..", "Sources", "SlotMatchConfig", "Resources", "rambouillet-territoires.json")

URGENCY_SHARE = [0.40, 0.30, 0.20, 0.10]   # routine ... very urgent
DEADLINE_HOURS = [72, 48, 24, 12]          # hard: only slots before the deadline are candidates
PENALTY = [300, 600, 1200, 2400]           # cost of leaving a request unassigned, by urgency
HORIZON_HOURS = 72

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, required=True)
    ap.add_argument("--slots", type=int, required=True)
    ap.add_argument("--edges", type=int, default=32, help="candidate slots per request")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", choices=["balance", "assignment"], default="balance")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.requests < 1 or a.slots < a.requests or a.edges < 1:
        sys.exit("generate.py: need requests >= 1, slots >= requests, edges >= 1")
    rng = np.random.default_rng(a.seed)
    terr = json.load(open(TERRITORY))
    communes = terr["communes"]
    lat = np.array([c["lat"] for c in communes]); lon = np.array([c["lon"] for c in communes])
    pop = np.array([c["population"] for c in communes], dtype=float); pop /= pop.sum()
    seats = {p["id"]: next(i for i, c in enumerate(communes) if c["insee"] == p["seat"]) for p in terr["poles"]}
    pole_ids = list(seats)
    speed = terr["travel"]["averageSpeedKmh"]; detour = terr["travel"]["detourFactor"]

    def km(la1, lo1, la2, lo2):
        r = math.pi / 180
        dla = (la2 - la1) * r; dlo = (lo2 - lo1) * r
        h = np.sin(dla / 2) ** 2 + np.cos(la1 * r) * np.cos(la2 * r) * np.sin(dlo / 2) ** 2
        return 2 * 6371.0 * np.arcsin(np.sqrt(h))

    # Nearest pole seat for every commune (Territory's nearest-pole membership).
    seat_idx = np.array([seats[p] for p in pole_ids])
    d = km(lat[:, None], lon[:, None], lat[seat_idx][None, :], lon[seat_idx][None, :])
    commune_pole = d.argmin(axis=1)

    tiles = max(1, round(a.requests / 1000))
    R, S, K = a.requests, a.slots, a.edges
    req_tile = np.arange(R) * tiles // R
    slot_tile = np.arange(S) * tiles // S
    P = len(pole_ids)

    # Practitioners: about 125 slots a week each, placed in communes by population.
    gps_per_tile = max(P, (S // tiles) // 125)
    G = gps_per_tile * tiles
    gp_commune = rng.choice(len(communes), size=G, p=pop)
    gp_tile = np.arange(G) // gps_per_tile
    gp_pole = gp_tile * P + commune_pole[gp_commune]
    gp_cap = rng.integers(int(0.6 * R / G) + 1, int(1.4 * R / G) + 2, size=G)

    slot_gp = np.empty(S, dtype=np.int64)
    for t in range(tiles):
        idx = np.nonzero(slot_tile == t)[0]
        slot_gp[idx] = t * gps_per_tile + rng.integers(0, gps_per_tile, size=len(idx))
    slot_hour = rng.integers(0, HORIZON_HOURS, size=S)

    req_commune = rng.choice(len(communes), size=R, p=pop)
    req_urgency = rng.choice(4, size=R, p=URGENCY_SHARE)

    edges_from, edges_to, edges_cost = [], [], []
    for t in range(tiles):
        ridx = np.nonzero(req_tile == t)[0]
        sidx = np.nonzero(slot_tile == t)[0]
        sc = gp_commune[slot_gp[sidx]]
        dist = km(lat[req_commune[ridx]][:, None], lon[req_commune[ridx]][:, None], lat[sc][None, :], lon[sc][None, :])
        minutes = np.rint(dist * detour / speed * 60)
        u = req_urgency[ridx][:, None]
        cost = 1 + minutes + slot_hour[sidx][None, :] * (1 + u)          # the operator's search cost
        late = slot_hour[sidx][None, :] >= np.array(DEADLINE_HOURS)[req_urgency[ridx]][:, None]
        cost = np.where(late, np.inf, cost)
        if a.variant == "assignment":
            reserved = rng.permutation(len(sidx))[: len(ridx)]
            cost[np.arange(len(ridx)), reserved] = np.minimum(cost[np.arange(len(ridx)), reserved],
                                                              1 + minutes[np.arange(len(ridx)), reserved] + 500)
        k = min(K, len(sidx))
        best = np.argpartition(cost, k - 1, axis=1)[:, :k]
        if a.variant == "assignment":
            # Keep the reserved slot among the candidates (replacing the worst pick if needed).
            has = (best == reserved[:, None]).any(axis=1)
            worst = np.take_along_axis(cost, best, axis=1).argmax(axis=1)
            best[~has, worst[~has]] = reserved[~has]
        bc = np.take_along_axis(cost, best, axis=1)
        ok = np.isfinite(bc)
        rows = np.repeat(ridx[:, None], k, axis=1)[ok]
        edges_from.append(rows); edges_to.append(sidx[best][ok]); edges_cost.append(bc[ok].astype(np.int64))
    ef = np.concatenate(edges_from); et = np.concatenate(edges_to); ec = np.concatenate(edges_cost)
    order = np.lexsort((et, ef)); ef, et, ec = ef[order], et[order], ec[order]

    lines = []
    out = open(a.out, "w")
    w = out.write
    w(f"c SlotMatch synthetic {a.variant} instance: {R} requests, {S} slots, {G} GPs, {tiles * P} poles,\n")
    w(f"c {K} candidate slots per request, seed {a.seed}, territory tiled {tiles} times (Benchmarks/flow/generate.py)\n")
    req0, slot0 = 1, 1 + R
    if a.variant == "balance":
        gp0 = slot0 + S; pole0 = gp0 + G; sink = pole0 + tiles * P
        gp_segments = []
        for g in range(G):
            c = int(gp_cap[g]); first = (c + 1) // 2; second = (c - first + 1) // 2; third = c - first - second
            gp_segments.append([(x, m) for x, m in ((first, 0), (second, 4), (third, 12)) if x > 0])
        pole_share = R / (tiles * P)
        pole_segments = [(int(0.8 * pole_share), 0), (max(1, int(0.3 * pole_share)), 2), (R, 8)]
        arcs = len(ec) + R + S + sum(len(s) for s in gp_segments) + tiles * P * len(pole_segments)
        w(f"p min {sink} {arcs}\n")
    else:
        sink = slot0 + S
        arcs = len(ec) + S
        w(f"p min {sink} {arcs}\n")
    w("".join(f"n {req0 + r} 1\n" for r in range(R)))
    w(f"n {sink} {-R}\n")
    # Request -> candidate slot, then (balance) request -> sink at the urgency penalty.
    starts = np.searchsorted(ef, np.arange(R + 1))
    buf = []
    for r in range(R):
        lo, hi = starts[r], starts[r + 1]
        buf.append("".join(f"a {req0 + r} {slot0 + s} 0 1 {c}\n" for s, c in zip(et[lo:hi].tolist(), ec[lo:hi].tolist())))
        if a.variant == "balance":
            buf.append(f"a {req0 + r} {sink} 0 1 {PENALTY[req_urgency[r]]}\n")
        if len(buf) > 4096: w("".join(buf)); buf = []
    w("".join(buf))
    if a.variant == "balance":
        w("".join(f"a {slot0 + s} {gp0 + g} 0 1 0\n" for s, g in enumerate(slot_gp.tolist())))
        for g, segs in enumerate(gp_segments):
            w("".join(f"a {gp0 + g} {pole0 + gp_pole[g]} 0 {x} {m}\n" for x, m in segs))
        for p in range(tiles * P):
            w("".join(f"a {pole0 + p} {sink} 0 {x} {m}\n" for x, m in pole_segments))
    else:
        w("".join(f"a {slot0 + s} {sink} 0 1 0\n" for s in range(S)))
    out.close()

if __name__ == "__main__":
    main()
