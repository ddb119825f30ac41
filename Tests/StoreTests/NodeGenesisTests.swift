import Domain
import Foundation
import XCTest

@testable import Store

/// Identity and demo mode come from the genesis event, not from the editable `local_node` row.
final class NodeGenesisTests: XCTestCase {
  func production() throws -> (Store, String) {
    let path = temporaryDirectory().appendingPathComponent("node.db").path
    let store = try Store.create(
      path: path, node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true))
    return (store, path)
  }

  func testTheTrainingColumnEditedByHandDoesNotMakeADemo() throws {
    let (store, path) = try production()
    try store.db.execute("UPDATE local_node SET training = 1")
    let reopened = try Store.open(path: path)
    XCTAssertFalse(reopened.node.training)
    XCTAssertEqual(
      try reopened.identityRowProblem(), "local_node 表的 training 列为 1,创世事件为 0(以创世事件为准)")
  }

  func testADemoIsADemoByItsGenesis() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let demo = try Demo.create(path: path, share: repositoryShare, login: "tester")
    XCTAssertTrue(demo.node.training)
    XCTAssertTrue(try Store.open(path: path).node.training)
    XCTAssertNil(try demo.identityRowProblem())
    let genesis = try Store.genesisEvents(demo.db)
    XCTAssertEqual(genesis.map(\.origin), ["BYQ.1.local"])
  }

  func testAnotherNodeCodeInTheRowIsRefusedAtOpen() throws {
    let (store, path) = try production()
    try store.db.execute("UPDATE local_node SET code = 'WXZ', is_district = 0")
    XCTAssertThrowsError(try Store.open(path: path)) {
      XCTAssertTrue("\($0)".contains("节点身份已被改动"), "\($0)")
    }
  }

  func testAnEditedGenesisIsRefusedAtOpen() throws {
    let (store, path) = try production()
    try store.db.execute(
      """
      DROP TRIGGER journal_no_update;
      UPDATE journal SET payload = replace(payload, '"training":false', '"training":true')
        WHERE type = 'node.genesis';
      """)
    XCTAssertThrowsError(try Store.open(path: path)) {
      XCTAssertTrue("\($0)".contains("创世事件被改动"), "\($0)")
    }
  }

  /// `--now` on a production node: reading is fine, writing is refused; a demo accepts both.
  func testAFixedClockWritesOnlyOnADemo() throws {
    let (store, _) = try production()
    store.clockIsFixed = true
    XCTAssertThrowsError(try store.write(actor: "x") { _ in }) {
      XCTAssertTrue(($0 as? Refusal)?.message.hasPrefix("生产节点不按 --now") ?? false, "\($0)")
    }
    store.clockIsFixed = false
    XCTAssertNoThrow(try store.write(actor: "x") { _ in })
    let demo = try Demo.create(
      path: temporaryDirectory().appendingPathComponent("d.db").path, share: repositoryShare,
      login: "tester")
    demo.clockIsFixed = true
    XCTAssertNoThrow(try demo.write(actor: "x") { _ in })
  }
}
