import Domain
import Foundation
import Store
import TestSupport
import XCTest

@testable import TUI

/// The workstation driven through every pane, view, sort and page as four kinds of clerk, with
/// every statement it runs traced: each keeps the plan rules, or is a catalogue entry whose
/// allowance covers it. A screen read added without its catalogue entry fails here.
final class ScreenStatementTraceTests: XCTestCase {
  static let keys: [[Key]] = [
    [.char("1"), .pageDown, .char("s"), .pageDown, .char("m"), .char("s"), .char("o")]
      + [.char("c"), .pageDown, .char("a"), .char("s"), .pageDown, .char("/"), .char("王")]
      + [.enter, .escape],
    [.char("2"), .pageDown, .char("m"), .char("u"), .char("w"), .char("o"), .char("h")]
      + [.char("d"), .char("a"), .pageDown, .char("/"), .char("窗"), .char("口"), .enter]
      + [.char("u"), .char("m"), .char("x")],
    [.char("3"), .pageDown] + Array(repeating: Key.right, count: 6),
    [.char("4"), .pageDown, .char("v"), .pageDown, .char("o"), .char("v"), .char("o")]
      + [.char("v"), .char("/"), .char("登"), .char("记"), .enter],
    [.char("5"), .pageDown, .char("s"), .char("s"), .enter, .pageDown, .escape, .char("t")]
      + [.pageDown],
    [.function(7), .char("王"), .enter, .escape],
  ]

  func testEveryStatementOnTheScreensPathKeepsThePlanRules() throws {
    let path = temporaryDirectory().appendingPathComponent("demo.db").path
    let when = DeploymentZone.shanghai.parseLocal("2026-11-26T09:30") ?? Date()
    let store = try DemoCopies.store(at: path, share: repositoryShare, now: when)
    let logins = ["zhangmin", "zhengtao", "zhouqiang", "liuyang"]
    let staff = try logins.map { try XCTUnwrap(try store.staff(login: $0)) }
    var catalogue: [String: ScreenStatement] = [:]
    for s in try store.screenStatements(for: staff) { catalogue[PlanRules.shape(s.sql)] = s }
    var traced: [String: String] = [:]
    store.db.traceStatements { sql in traced[PlanRules.shape(sql)] = sql }
    for s in staff {
      let context = try AppContext(store: store, staff: s)
      var ws = Workstation(
        panes: PaneRegistry.panes(store: store, context: context), context: context)
      ws.finder = store
      _ = ws.render(width: 120, height: 40)
      for key in Self.keys.joined() {
        ws.handle(key, size: (120, 40))
        _ = ws.render(width: 120, height: 40)
      }
    }
    store.db.traceStatements(nil)
    var checked = 0
    for (shape, sql) in traced.sorted(by: { $0.key < $1.key }) {
      guard shape.hasPrefix("SELECT"),
        // The tab counts and badges become counters kept by the projections (issue 26
        // item 3); FTS5 reads its own configuration (`'main'.'…_config'`, a shape of `?.?`).
        !shape.contains("count("), !sql.contains("'main'.")
      else { continue }
      checked += 1
      let plan = try store.queryPlan(sql)
      if let problem = PlanRules.check(plan, allowance: catalogue[shape]?.allowance) {
        let entry = catalogue[shape].map { "catalogue: \($0.name)" } ?? "not in the catalogue"
        XCTFail("\(entry): \(problem)\n  \(sql)\n  " + plan.joined(separator: " | "))
      }
    }
    XCTAssertGreaterThan(checked, 40)
  }
}
