// LEMON peer for Scripts/bench-flow: reads a DIMACS min-cost-flow file and runs CostScaling
// (default) or NetworkSimplex on it; prints one JSON object like slotmatch-flow-bench solve.
//   g++ -O2 -o lemon_cost_scaling lemon_cost_scaling.cpp -llemon
//   lemon_cost_scaling FILE.min [cost-scaling|network-simplex]
#include <lemon/smart_graph.h>
#include <lemon/dimacs.h>
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/resource.h>

using namespace lemon;
typedef long long Value;

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: %s FILE.min [cost-scaling|network-simplex]\n", argv[0]); return 64; }
  std::string method = argc > 2 ? argv[2] : "cost-scaling";
  std::ifstream in(argv[1]);
  if (!in) { std::fprintf(stderr, "Error: cannot read %s\n", argv[1]); return 66; }
  SmartDigraph g;
  SmartDigraph::ArcMap<Value> lower(g), cap(g), cost(g);
  SmartDigraph::NodeMap<Value> supply(g);
  auto t0 = std::chrono::steady_clock::now();
  readDimacsMin(in, g, lower, cap, cost, supply);
  auto t1 = std::chrono::steady_clock::now();
  Value total = 0; bool optimal = false;
  auto s0 = std::chrono::steady_clock::now();
  if (method == "network-simplex") {
    NetworkSimplex<SmartDigraph, Value, Value> ns(g);
    ns.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
    optimal = ns.run() == NetworkSimplex<SmartDigraph, Value, Value>::OPTIMAL;
    if (optimal) total = ns.totalCost<Value>();
  } else {
    CostScaling<SmartDigraph, Value, Value> cs(g);
    cs.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
    optimal = cs.run() == CostScaling<SmartDigraph, Value, Value>::OPTIMAL;
    if (optimal) total = cs.totalCost<Value>();
  }
  auto s1 = std::chrono::steady_clock::now();
  struct rusage ru; getrusage(RUSAGE_SELF, &ru);
  if (!optimal) { std::fprintf(stderr, "Error: %s found no optimal flow\n", method.c_str()); return 1; }
  std::printf("{\"solver\": \"lemon-%s\", \"cost\": %lld, \"seconds\": %.6f, \"readSeconds\": %.6f, \"maxRSSBytes\": %ld}\n",
              method.c_str(), total, std::chrono::duration<double>(s1 - s0).count(),
              std::chrono::duration<double>(t1 - t0).count(), ru.ru_maxrss * 1024L);
  return 0;
}
