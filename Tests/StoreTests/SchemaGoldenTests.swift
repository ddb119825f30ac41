import Foundation
import XCTest

@testable import Store

/// The schema every migration step leaves, as `sqlite_master` holds it (each statement's text
/// to the byte), against the record in `Golden/schema.txt`: a step rewritten (its DDL built
/// from shared pieces, its declaration moved) must leave exactly the database it always did,
/// since databases in use keep the schema their steps once wrote. The record names the last
/// step it covers, so a new step passes until it is recorded (`ZWFW_UPDATE_GOLDEN=1`).
final class SchemaGoldenTests: XCTestCase {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/schema.txt")

  func testStepsFromEmptyLeaveTheRecordedSchema() throws {
    let recording = ProcessInfo.processInfo.environment["ZWFW_UPDATE_GOLDEN"] == "1"
    let recorded =
      FileManager.default.fileExists(atPath: Self.golden.path)
      ? try String(contentsOf: Self.golden, encoding: .utf8) : nil
    guard let recorded, !recording else {
      // Recording checks nothing: it fails until the diff is read and the test run again.
      let fresh = Self.golden.path + ".recording-\(UUID().uuidString)"
      _ = try FileWriter().write(
        Data(try Self.schema(through: Migrator.latestVersion).utf8), to: fresh,
        createFolders: true)
      XCTAssertEqual(rename(fresh, Self.golden.path), 0)
      return XCTFail("recorded Golden/schema.txt: read its diff, then re-run without recording")
    }
    let version = try XCTUnwrap(Self.version(recorded), "Golden/schema.txt names no version")
    XCTAssertEqual(
      try Self.schema(through: version), recorded,
      "the steps through v\(version) leave another schema than they always did")
  }

  /// A bundle's tables to the byte: a bundle of an older build is refused unless its
  /// `sqlite_master` is exactly a fresh one's (`BundleFormat.schemaObjects`).
  func testBundleTablesAreTheRecordedOnes() throws {
    let url = Self.golden.deletingLastPathComponent().appendingPathComponent("bundle-schema.txt")
    XCTAssertEqual(BundleFormat.schema + "\n", try String(contentsOf: url, encoding: .utf8))
  }

  /// The record's first line: `user_version N`.
  static func version(_ record: String) -> Int? {
    record.split(separator: "\n").first.flatMap { Int($0.dropFirst("user_version ".count)) }
  }

  /// Every step through `version` on an empty database, the way `Store.create` runs them.
  static func schema(through version: Int) throws -> String {
    let db = try Connection(path: ":memory:")
    try Store.defineFunctions(db)
    for step in Schema.migrations.sorted(by: { $0.version < $1.version })
    where step.version <= version {
      try db.execute(step.sql)
    }
    let rows = try db.fetchAll(
      "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ) { row in
      "\(row.text(0)) \(row.text(1)) on \(row.text(2))\n\(row.optionalText(3) ?? "(no SQL)")\n"
    }
    return "user_version \(version)\n\n" + rows.joined(separator: "\n")
  }
}
