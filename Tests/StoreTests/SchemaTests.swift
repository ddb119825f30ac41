import CSQLite
import Domain
import Foundation
import XCTest

@testable import Store

final class SchemaTests: XCTestCase {
  func testMigrationFromEmpty() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("n.db").path
    let node = NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true)
    let store = try Store.create(path: path, node: node)
    XCTAssertEqual(store.schemaVersion, Migrator.latestVersion)
    XCTAssertEqual(try store.db.fetchInt("PRAGMA application_id"), Int(zwfwApplicationID))
    XCTAssertEqual(try store.db.fetchOne("PRAGMA journal_mode") { $0.text(0) }, "wal")
    XCTAssertEqual(try store.db.fetchInt("PRAGMA synchronous"), 2, "FULL")
    XCTAssertEqual(try store.db.fetchInt("PRAGMA foreign_keys"), 1)
    XCTAssertEqual(store.node, node)
    XCTAssertEqual(store.db.busyStatementCount, 0)
  }

  func testForeignSQLiteFileIsRefusedAndUntouched() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("other.db").path
    do {
      let other = try Connection(path: path)
      try other.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    }
    let before = sha256(of: path)
    XCTAssertThrowsError(try Store.open(path: path)) { error in
      XCTAssertEqual(error as? StoreError, .notZwfw(path))
    }
    XCTAssertEqual(sha256(of: path), before)
  }

  func testTextFileIsRefusedAndUntouched() throws {
    let dir = temporaryDirectory()
    let path = dir.appendingPathComponent("notes.db").path
    try "这不是数据库\n".write(toFile: path, atomically: true, encoding: .utf8)
    let before = sha256(of: path)
    XCTAssertThrowsError(try Store.open(path: path)) { error in
      XCTAssertEqual(error as? StoreError, .notZwfw(path))
    }
    XCTAssertEqual(sha256(of: path), before)
  }

  func testNewerDatabaseIsRefusedAndUntouched() throws {
    let (store, dir) = try makeDemo()
    let path = dir.appendingPathComponent("demo.db").path
    try store.db.execute("PRAGMA user_version = 999")
    try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    let before = sha256(of: path)
    XCTAssertThrowsError(try Store.open(path: path)) { error in
      XCTAssertEqual(
        error as? StoreError, .newerVersion(path: path, found: 999, known: Migrator.latestVersion))
      XCTAssertTrue((error as? StoreError)?.userMessage.contains("请升级 zwfw") ?? false)
    }
    XCTAssertEqual(sha256(of: path), before)
  }

  func testCreateRefusesToOverwrite() throws {
    let (store, dir) = try makeDemo()
    _ = store
    let path = dir.appendingPathComponent("demo.db").path
    XCTAssertThrowsError(try Store.create(path: path, node: Demo.node)) { error in
      XCTAssertEqual(error as? StoreError, .exists(path))
    }
  }

  func testNetworkFilesystemTypesAreRecognised() {
    XCTAssertTrue(FilesystemCheck.networkTypes.contains("nfs4"))
    XCTAssertTrue(FilesystemCheck.networkTypes.contains("cifs"))
    XCTAssertNotNil(FilesystemCheck.filesystemType(of: "/"))
  }

  func testDatabaseErrorNeverShowsArguments() throws {
    let db = try Connection(path: ":memory:")
    try db.execute("CREATE TABLE t (x TEXT NOT NULL UNIQUE)")
    try db.run("INSERT INTO t VALUES (?)", ["620402199001011234"])
    XCTAssertThrowsError(try db.run("INSERT INTO t VALUES (?)", ["620402199001011234"])) { error in
      let text = "\(error)"
      XCTAssertFalse(text.contains("620402199001011234"))
      XCTAssertTrue(text.contains("INSERT INTO t"))
      XCTAssertTrue((error as? DatabaseError)?.isConstraint ?? false)
    }
  }
}
