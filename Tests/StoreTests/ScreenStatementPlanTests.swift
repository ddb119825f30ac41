import Domain
import Foundation
import XCTest

@testable import Store

/// Every screen statement (`Store.screenStatements`) reads an index in its page order and stops
/// at the page: no temporary B-tree for an ORDER BY or a DISTINCT, no scan of a table, no scan of
/// an index outside an allowance that says why. Plans are SQLite's without statistics (the
/// store never runs ANALYZE), so they do not depend on what the demo holds: deterministic.
final class ScreenStatementPlanTests: XCTestCase {
  var store: Store!

  override func setUpWithError() throws {
    (store, _) = try makeDemo()
  }

  /// A supervisor sees every organisation; a township handler, a department's counter clerk
  /// and the service centre's counter clerk see their own.
  func staff() throws -> [Staff] {
    try ["chenjing", "zhengtao", "zhouqiang", "liuyang"].map {
      try XCTUnwrap(try store.staff(login: $0))
    }
  }

  func plan(_ s: ScreenStatement) throws -> [String] { try store.queryPlan(s.sql, s.args) }

  func testEveryScreenStatementReadsInPageOrder() throws {
    let statements = try store.screenStatements(for: try staff())
    XCTAssertGreaterThan(statements.count, 100)
    XCTAssertEqual(
      Set(statements.map(\.name)).count, statements.count, "every statement has its own name")
    for s in statements {
      let plan = try plan(s)
      if let problem = PlanRules.check(plan, allowance: s.allowance) {
        XCTFail("\(s.name): \(problem)\n  \(s.sql)\n  " + plan.joined(separator: " | "))
      }
    }
  }

  func testTheRulesCatchASortAScanAndAFixedPendingStatement() {
    let sorted = ["SEARCH application USING INDEX x (org=?)", "USE TEMP B-TREE FOR ORDER BY"]
    XCTAssertNotNil(PlanRules.check(sorted, allowance: nil))
    XCTAssertNotNil(PlanRules.check(["SCAN complaint"], allowance: .referenceData("")))
    XCTAssertNil(PlanRules.check(["SCAN org"], allowance: .referenceData("")))
    XCTAssertNotNil(PlanRules.check(["SCAN c"], allowance: .orderedScan("")))
    XCTAssertNil(PlanRules.check(["SCAN c USING INDEX q"], allowance: .orderedScan("")))
    XCTAssertNotNil(PlanRules.check(["SEARCH c USING INDEX q (a=?)"], allowance: .pending("")))
    XCTAssertNil(PlanRules.check(["SCAN t VIRTUAL TABLE INDEX 0:M1"], allowance: nil))
    XCTAssertEqual(
      PlanRules.shape("SELECT a FROM t WHERE b = 'it''s'  AND c > 12 AND d2 = ?"),
      "SELECT a FROM t WHERE b = ? AND c > ? AND d2 = ?")
  }

  /// The queues the benchmark and the first frame read most, by the index meant for them.
  func testTheMainQueuesUseTheirOwnIndexes() throws {
    let statements = try store.screenStatements(for: try staff())
    func plan(_ name: String) throws -> String {
      let s = try XCTUnwrap(statements.first { $0.name == name }, name)
      return try self.plan(s).joined(separator: " | ")
    }
    let expected: [(String, [String])] = [
      (
        "受理登记.organisation.timeLeft (zhengtao)",
        [
          "MERGE (UNION ALL)", "COVERING INDEX application_org_by_time (org=?)",
          "COVERING INDEX application_desk_by_time (registered_org=?)",
        ]
      ),
      (
        "受理登记.organisation.registered (zhengtao)",
        ["application_org_by_registered (org=?)", "application_desk_by_registered"]
      ),
      (
        "受理登记.closed.timeLeft (zhengtao)",
        ["application_org_closed (org=?)", "application_desk_closed (registered_org=?)"]
      ),
      ("受理登记.all.timeLeft (chenjing)", ["application_open_by_time"]),
      (
        "受理登记.mine.timeLeft (zhouqiang)",
        [
          "MERGE (UNION ALL)", "application_assignee_by_time (assignee=?)",
          "application_registrar_by_time (registered_by=?)",
        ]
      ),
      (
        "受理登记.mine.registered (liuyang)",
        [
          "application_assignee_by_registered (assignee=?)",
          "application_registrar_by_registered (registered_by=?)",
        ]
      ),
      ("差评整改.我的 (zhengtao)", ["rectification_assignee_queue (assignee=?)"]),
      (
        "差评整改.我的 (chenjing)",
        [
          "rectification_assignee_queue (assignee=?)", "rectification_phase_queue (phase=?)",
          "rectification_extension_queue (extension_pending=?)",
        ]
      ),
      ("受理登记.all.registered (chenjing)", ["application_open_by_registered"]),
      (
        "投诉建议.organisation (zhengtao)",
        [
          "complaint_org_queue (handling_org=?)",
          "complaint_desk_queue (status=? AND registering_org=?)",
        ]
      ),
      ("投诉建议.overdue (chenjing)", ["complaint_due_queue (due_day<?)"]),
      (
        "投诉建议.overdue (zhengtao)",
        [
          "complaint_org_due_queue (handling_org=? AND due_day<?)",
          "complaint_desk_due_queue (registering_org=? AND due_day<?)",
        ]
      ),
      (
        "投诉建议.mine (chenjing)",
        ["complaint_status_queue (status=?)", "complaint_extension_queue (dispatcher=?)"]
      ),
      (
        "投诉建议.mine (zhengtao)",
        [
          "complaint_registrant_queue (status=? AND registered_by=?)",
          "complaint_handler_queue (handling_org=? AND handler=?)",
        ]
      ),
      (
        "投诉建议.mine (liuyang)", ["complaint_registrant_queue (status=? AND registered_by=?)"]
      ),
      (
        "投诉建议.dueSoon (zhouqiang)",
        [
          "complaint_org_due_queue (handling_org=? AND due_day>? AND due_day<?)",
          "complaint_desk_due_queue (registering_org=? AND due_day>? AND due_day<?)",
        ]
      ),
      ("投诉建议.callback (chenjing)", ["complaint_status_queue (status=?)"]),
      (
        "投诉建议.callback (zhengtao)",
        ["complaint_org_callback_queue (handling_org=?)", "complaint_desk_callback_queue"]
      ),
      ("投诉建议.dueSoon (chenjing)", ["complaint_due_queue (due_day>? AND due_day<?)"]),
      ("投诉建议.supervised (chenjing)", ["complaint_supervised_queue"]),
      (
        "投诉建议.supervised (zhengtao)",
        [
          "complaint_org_supervised_queue (handling_org=?)",
          "complaint_desk_supervised_queue (registering_org=?)",
        ]
      ),
      (
        "投诉建议.all.搜索「窗口」 (chenjing)",
        ["SCAN complaint_bigram VIRTUAL TABLE", "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"]
      ),
      (
        "投诉建议.all.搜索「窗口排队」 (chenjing)",
        ["SCAN complaint_text VIRTUAL TABLE", "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"]
      ),
      ("差评整改.verifying (chenjing)", ["rectification_phase_queue (phase=?)"]),
      ("差评整改.verifying (zhengtao)", ["rectification_org_phase_queue (org=? AND phase=?)"]),
      ("差评整改.全部 (zhengtao)", ["rectification_org_queue (org=?)"]),
      ("督办.督办通知 (zhengtao)", ["supervision_org_queue (org=?)"]),
      ("督办.单位案件 (chenjing)", ["COVERING INDEX deadline_by_org (org=?)"]),
      ("办件.时间线", ["SEARCH journal USING INDEX journal_by_stream (stream=?)"]),
      ("受理登记.视为受理候选", ["COVERING INDEX application_awaiting_prereview"]),
      (
        "受理登记.all.timeLeft.搜索「金穗」 (chenjing)",
        [
          "SCAN application_search VIRTUAL TABLE",
          "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
        ]
      ),
      (
        "受理登记.organisation.registered.搜索「王」 (zhengtao)",
        [
          "SCAN application_search VIRTUAL TABLE",
          "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
        ]
      ),
      (
        "受理登记.mine.timeLeft.搜索「金穗餐饮」 (liuyang)",
        [
          "SCAN application_search VIRTUAL TABLE",
          "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)",
        ]
      ),
    ]
    for (name, parts) in expected {
      let p = try plan(name)
      for part in parts { XCTAssertTrue(p.contains(part), "\(name): \(part)\n\(p)") }
    }
  }

  /// What the pages read is what the rows hold: each merged queue is the old single statement's
  /// set and order, page by page.
  func testMergedQueuesListWhatAFullReadLists() throws {
    for login in ["zhengtao", "zhouqiang", "liuyang", "chenjing"] {
      let s = try XCTUnwrap(try store.staff(login: login))
      for queue in [ApplicationQueue.organisation, .closed] {
        for sort in ApplicationSort.allCases {
          let paged = try (0..<20).flatMap { i in
            try store.applicationQueue(queue, for: s, sort: sort, offset: i * 2, limit: 2)
          }.map(\.caseID)
          let order =
            queue == .closed
            ? "closed_on DESC, registered_at DESC, case_id"
            : sort == .timeLeft
              ? "paused, due_day IS NULL, due_day, registered_at, case_id"
              : "registered_at DESC, case_id"
          let full = try store.db.fetchAll(
            """
            SELECT case_id FROM application NOT INDEXED
            WHERE is_open = ? AND (org = ? OR registered_org = ?) ORDER BY \(order)
            """, [queue == .closed ? 0 : 1, s.org, s.org]
          ) { $0.text(0) }
          XCTAssertEqual(paged, full, "\(login) \(queue) \(sort)")
        }
      }
      // Each complaint view against its single `… OR …` statement read without an index.
      let scope = ComplaintQueueScope(staff: s, today: store.today, calendar: store.calendar)
      for view in ComplaintView.allCases {
        guard let (whereSQL, args) = Store.queueWhere(view, ComplaintFilter(), scope) else {
          continue
        }
        let paged = try (0..<30).flatMap { i in
          try store.complaintQueue(
            view, filter: ComplaintFilter(), scope: scope, offset: i * 2, limit: 2)
        }.map(\.caseID)
        let full = try store.db.fetchAll(
          "SELECT c.case_id FROM complaint c NOT INDEXED WHERE \(whereSQL) ORDER BY "
            + Store.queueOrder, args
        ) { $0.text(0) }
        XCTAssertEqual(paged, full, "\(login) \(view)")
        XCTAssertLessThan(full.count, 60)
      }
    }
  }
}
