import Foundation
import XCTest

/// A small run of the benchmark (issue 8) so it never rots: 1000 cases through the journal, every
/// measurement once or a few times, and the JSON report checked for every figure (not values).
final class BenchSmokeTests: XCTestCase {
  static var benchPath: String {
    URL(fileURLWithPath: Zwfw.path).deletingLastPathComponent().appendingPathComponent("zwfw-bench")
      .path
  }

  func testSmallRunReportsEveryFigure() throws {
    let home = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: home) }
    let json = home.appendingPathComponent("bench.json")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.benchPath)
    p.arguments = [
      "--cases", "1000", "--runs", "3", "--sync-events", "1000", "--dir",
      home.appendingPathComponent("db").path, "--json", json.path,
      // The generated journal's payloads, decoded both ways by the rebuild (`PayloadDecoding`).
      "--compare-decoding",
      // Kept for `--rebuild-only` below.
      "--keep",
    ]
    let environment = [
      "HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
      "ZWFW_SHARE": Zwfw.repositoryRoot.appendingPathComponent("share/zwfw").path,
    ]
    p.environment = environment
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, printed)
    XCTAssertTrue(printed.contains("预算 budgets"), printed)

    let data = try Data(contentsOf: json)
    let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertNotNil(report["commit"] as? String)
    let machine = try XCTUnwrap(report["machine"] as? [String: Any])
    for key in ["uname", "cpu", "cores", "memoryBytes", "sqlite"] {
      XCTAssertNotNil(machine[key], "machine.\(key)")
    }
    let sizes = try XCTUnwrap(report["sizes"] as? [[String: Any]])
    XCTAssertEqual(sizes.count, 1)
    let size = sizes[0]
    let generation = try XCTUnwrap(size["generation"] as? [String: Any])
    XCTAssertEqual(generation["cases"] as? Int, 1000)
    XCTAssertGreaterThan(generation["events"] as? Int ?? 0, 1000)
    XCTAssertEqual(generation["refusedSteps"] as? Int, 0, "the generator's steps follow the rules")
    for key in ["rows", "seconds", "eventsPerSecond", "bytes"] {
      XCTAssertNotNil(generation[key], "generation.\(key)")
    }
    let floor = try XCTUnwrap(size["writeFloor"] as? [String: Any])
    XCTAssertNotNil(floor["rowsPerSecond"])
    XCTAssertNotNil(size["writeRatio"] as? Double)
    try assertPercentiles(size["firstFrame"], "firstFrame")
    try assertPercentiles(size["firstFrameFresh"], "firstFrameFresh")
    XCTAssertGreaterThan(size["firstFramePages"] as? Int ?? 0, 0, "firstFramePages")
    let queries = try XCTUnwrap(size["queries"] as? [[String: Any]])
    let names = Set(queries.compactMap { $0["name"] as? String })
    XCTAssertEqual(
      names,
      [
        "overdue_queue", "deadline_drilldown", "township_applications", "centre_applications",
        "township_complaints", "overview", "search_2", "search_4", "application_search_2",
        "application_search_4", "search_catalog", "case_view",
      ])
    for q in queries {
      let name = q["name"] as? String ?? "?"
      try assertPercentiles(q["time"], name)
      XCTAssertGreaterThan(q["pages"] as? Int ?? 0, 0, "\(name).pages")
      if name != "search_catalog" {
        try assertPercentiles(q["floor"], "\(name).floor")
        XCTAssertNotNil(q["ratio"] as? Double, "\(name).ratio")
        // The floor fetches the rows shown by their keys: a page the small database leaves
        // empty (the township's open queue, as the generator's picks fall) reads no pages.
        let rows = try XCTUnwrap(q["rows"] as? Int, "\(name).rows")
        XCTAssertEqual(
          (q["floorPages"] as? Int ?? 0) > 0, rows > 0, "\(name).floorPages with \(rows) rows")
      }
    }
    let terminal = try XCTUnwrap(size["terminal"] as? [String: Any])
    for key in ["firstPaint", "cursorMove", "pageChange"] {
      XCTAssertGreaterThan(terminal[key] as? Int ?? 0, 0, "terminal.\(key)")
    }
    XCTAssertGreaterThan(size["peakRSSKiB"] as? Int ?? 0, 0)
    let step = try XCTUnwrap(size["step"] as? [String: Any])
    try assertPercentiles(step["time"], "step.time")
    try assertPercentiles(step["cpu"], "step.cpu")
    try assertPercentiles(step["checkpointInCommit"], "step.checkpointInCommit")
    try assertPercentiles(step["commitFloor"], "step.commitFloor")
    let rebuild = try XCTUnwrap(size["rebuild"] as? [String: Any])
    XCTAssertGreaterThan(rebuild["streams"] as? Int ?? 0, 1000, "every case's stream re-folded")
    XCTAssertGreaterThan(rebuild["seconds"] as? Double ?? 0, 0)
    XCTAssertNotNil(rebuild["ratio"] as? Double)
    XCTAssertNotNil(rebuild["cpuRatio"] as? Double)
    let decoding = try XCTUnwrap(rebuild["decoding"] as? [String: Any])
    XCTAssertEqual(decoding["different"] as? [String], [], "the two decodings differ")
    XCTAssertEqual(
      decoding["slow"] as? [String: Int], [:], "a generated payload left the fast path")
    XCTAssertGreaterThan(decoding["fast"] as? Int ?? 0, 3000)
    XCTAssertGreaterThan(decoding["eventTypes"] as? Int ?? 0, 15)
    let rebuildFloor = try XCTUnwrap(rebuild["floor"] as? [String: Any])
    XCTAssertGreaterThan(rebuildFloor["rows"] as? Int ?? 0, 1000)
    let sync = try XCTUnwrap(report["sync"] as? [String: Any])
    XCTAssertGreaterThan(sync["events"] as? Int ?? 0, 0)
    for key in ["exportEventsPerSecond", "importEventsPerSecond", "bundleBytes"] {
      XCTAssertNotNil(sync[key], "sync.\(key)")
    }
    let budgets = try XCTUnwrap(report["budgets"] as? [[String: Any]])
    XCTAssertGreaterThanOrEqual(budgets.count, 15)
    for b in budgets { XCTAssertNotNil(b["met"] as? Bool) }

    // The rebuild alone on the kept database, twice: each run's line and the medians.
    let db = home.appendingPathComponent("db").path
    let again = try bench(
      ["--cases", "1000", "--dir", db, "--rebuild-only", "--runs", "2"], environment: environment)
    XCTAssertEqual(again.status, 0, again.err)
    XCTAssertEqual(again.out.components(separatedBy: "N=1000: 重建: ").count, 3, again.out)
    XCTAssertTrue(again.out.contains("N=1000 中位数 (2 次): 重建 "), again.out)
    let missing = try bench(
      ["--cases", "999", "--dir", db, "--rebuild-only"], environment: environment)
    XCTAssertEqual(missing.status, 1)
    XCTAssertTrue(missing.err.contains("cases-999.db 不存在"), missing.err)
  }

  /// The benchmark reads its options with `zwfw`'s parser from one declaration: `--help` lists
  /// each of them, and an option it does not declare is a usage error (64), not ignored.
  func testOptionsComeFromOneDeclaration() throws {
    let help = try bench(["--help"])
    XCTAssertEqual(help.status, 0)
    for option in [
      "--cases N,N", "--json FILE", "--dir DIR", "--runs N", "--keep", "--sync-only",
      "--rebuild-only",
    ] {
      XCTAssertTrue(help.out.contains("  \(option) "), help.out)
    }
    let unknown = try bench(["--cases", "10", "--force"])
    XCTAssertEqual(unknown.status, 64)
    XCTAssertTrue(unknown.err.contains("未知选项 --force"), unknown.err)
    // `--json` onto an existing file is refused before anything is measured, the file untouched.
    let taken = temporaryDirectory().appendingPathComponent("taken.json")
    try Data("keep".utf8).write(to: taken)  // the fixture: a file already there
    let refused = try bench(["--cases", "10", "--json", taken.path])
    XCTAssertEqual(refused.status, 1, refused.err)
    XCTAssertTrue(
      refused.err.contains("taken-2.json"), "says so in words, with a free name: \(refused.err)")
    XCTAssertFalse(refused.err.contains("生成数据库"), "refused before measuring: \(refused.err)")
    XCTAssertEqual(try String(contentsOf: taken, encoding: .utf8), "keep")
    let bad = try bench(["--runs", "0"])
    XCTAssertEqual(bad.status, 64)
    XCTAssertTrue(bad.err.contains("--runs 需要正整数"), bad.err)
  }

  func bench(_ arguments: [String], environment: [String: String]? = nil) throws -> (
    status: Int32, out: String, err: String
  ) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Self.benchPath)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, printed, said)
  }

  func assertPercentiles(_ value: Any?, _ what: String) throws {
    let p = try XCTUnwrap(value as? [String: Any], what)
    XCTAssertNotNil(p["p50"] as? Double, "\(what).p50")
    XCTAssertNotNil(p["p99"] as? Double, "\(what).p99")
    XCTAssertGreaterThan(p["runs"] as? Int ?? 0, 0, "\(what).runs")
  }
}
