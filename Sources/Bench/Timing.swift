import Foundation

/// Monotonic time in seconds.
func monotonic() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU seconds this process has used (user and system). On a machine shared with other work the
/// wall time of a long phase follows the load; its CPU time does not.
func processCPU() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Wall and CPU seconds one call of `body` takes.
func wallAndCPU(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
  let cpu = processCPU()
  let wall = try seconds(body)
  return (wall, processCPU() - cpu)
}

/// Seconds one call of `body` takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = monotonic()
  try body()
  return monotonic() - start
}

/// p50 and p99 of repeated runs, in milliseconds.
struct Percentiles: Codable {
  var p50: Double
  var p99: Double
  var runs: Int

  init(_ samples: [Double]) {
    let sorted = samples.sorted()
    func at(_ q: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let i = min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))
      return sorted[i] * 1000
    }
    p50 = at(0.5)
    p99 = at(0.99)
    runs = sorted.count
  }
}

/// Runs `body` `warmup` times unmeasured, then `runs` times, and returns the percentiles.
func measure(runs: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> Percentiles {
  for _ in 0..<warmup { try body() }
  var samples: [Double] = []
  samples.reserveCapacity(runs)
  for _ in 0..<runs { samples.append(try seconds(body)) }
  return Percentiles(samples)
}

/// Writes a line to standard output at once (a long run shows each size as it finishes).
func say(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
