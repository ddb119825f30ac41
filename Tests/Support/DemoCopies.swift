import Domain
import Foundation
import Store

/// The demo database for tests: built once per test process for each operator, clock and set of
/// seeds, then copied for each test. Building it writes every seed's history through the journal
/// (seconds under load); a copy is one file write, and each test still gets its own database.
public enum DemoCopies {
  /// A fresh copy of the demo at `path` (a new file), opened with `clock`, which defaults to
  /// `now`: the instant the demo was built at (its "today" dates the scripted cases).
  public static func store(
    at path: String, share: ShareDirectory, login: String = "tester", now: Date,
    clock: (() -> Date)? = nil, seeds: [DemoSeed] = Demo.seeds
  ) throws -> Store {
    try copy(to: path, share: share, login: login, now: now, seeds: seeds)
    return try Store.open(path: path, clock: clock ?? { now })
  }

  /// Writes a copy of the demo built at `now` to `path`, without opening it.
  public static func copy(
    to path: String, share: ShareDirectory, login: String = "tester", now: Date,
    seeds: [DemoSeed] = Demo.seeds
  ) throws {
    let key = Key(
      share: share.path, login: login, now: now.timeIntervalSince1970,
      seeds: seeds.map(\.name))
    let image = try templates.image(for: key) {
      try build(share: share, login: login, now: now, seeds: seeds)
    }
    try FileWriter().write(image, to: path, createFolders: true)
  }

  struct Key: Hashable {
    let share: String
    let login: String
    let now: TimeInterval
    let seeds: [String]
  }

  /// Builds the demo in a folder of its own and reads it back whole once SQLite has closed it
  /// (closing the last connection folds the WAL into the file and removes it).
  static func build(share: ShareDirectory, login: String, now: Date, seeds: [DemoSeed]) throws
    -> Data
  {
    let dir = Scratch.directory("demo-template")
    let path = dir.appendingPathComponent("demo.db").path
    do {
      _ = try Demo.create(path: path, share: share, login: login, clock: { now }, seeds: seeds)
    }
    guard !FileManager.default.fileExists(atPath: path + "-wal") else {
      throw CocoaError(
        .fileReadUnknown, userInfo: [NSFilePathErrorKey: path + "-wal (still open)"])
    }
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }

  static let templates = Templates()

  /// The images built so far; a lock because XCTest may run suites on other threads.
  final class Templates: @unchecked Sendable {
    private let lock = NSLock()
    private var images: [Key: Data] = [:]

    func image(for key: Key, build: () throws -> Data) throws -> Data {
      lock.lock()
      defer { lock.unlock() }
      if let image = images[key] { return image }
      let image = try build()
      images[key] = image
      return image
    }
  }
}
