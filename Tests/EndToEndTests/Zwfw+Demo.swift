import Foundation
import Store

extension Zwfw {
  /// `zwfw demo --db PATH [--now NOW]`, run for real once per test process and clock, then
  /// copied: each test gets its own database, as made by the command, without making it again.
  /// A demo without `--now` is made by the first test that asks and dated by that run's clock.
  @discardableResult
  static func demo(db: String, now: String? = nil, home: URL) throws -> Result {
    let made = try demoTemplates.image(for: now ?? "") {
      let dir = temporaryDirectory()
      let path = dir.appendingPathComponent("demo.db").path
      let r = try run(["demo", "--db", path] + (now.map { ["--now", $0] } ?? []), home: dir)
      guard r.status == 0 else { return (r, Data()) }
      return (r, try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    guard made.result.status == 0 else { return made.result }
    try FileWriter().write(made.image, to: db, createFolders: true)
    return made.result
  }

  static let demoTemplates = DemoTemplates()

  /// The demos made so far, by `--now`; a lock because XCTest may run suites on other threads.
  final class DemoTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: (result: Result, image: Data)] = [:]

    func image(for now: String, make: () throws -> (Result, Data)) throws -> (
      result: Result, image: Data
    ) {
      lock.lock()
      defer { lock.unlock() }
      if let m = made[now] { return m }
      let (result, image) = try make()
      // A failed run is not kept: the next test tries again and reports its own failure.
      if result.status == 0 { made[now] = (result, image) }
      return (result, image)
    }
  }
}
