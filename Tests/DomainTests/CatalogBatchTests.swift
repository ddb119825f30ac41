import XCTest

@testable import Domain

/// 导入 as ONE change (issue 15): recorded submitted, reviewed once by another catalog manager,
/// every item in effect at once on approval and none on refusal.
final class CatalogBatchTests: XCTestCase {
  /// A journal of one import and the items it touches, each item its own stream.
  struct BatchLedger {
    var changeEvents: [Event] = []
    var itemEvents: [String: [Event]] = [:]
    var clock: Int64 = 1_795_000_000_000
    var seq: Int64 = 0
    let id = "BYQ-2026-000009"
    let fold = FoldContext(calendar: .weekdaysOnly())

    var change: CatalogChange? { CatalogChangeMachine.fold(changeEvents, fold).state }
    func history(_ code: String) -> CatalogItemHistory? {
      CatalogItemReducer.fold(itemEvents[code] ?? [], fold).state
    }

    func context(_ codes: [String], pending: [String: String] = [:]) -> CatalogDecisionContext {
      var ctx = CatalogDecisionContext(
        history: nil, organisations: catalogOrgs, pendingChange: nil)
      ctx.centre = catalogCentre
      for code in codes {
        ctx.items[code] = CatalogDecisionContext(
          history: history(code), organisations: catalogOrgs, pendingChange: pending[code])
      }
      return ctx
    }

    mutating func event(_ stream: String, _ type: EventType, _ payload: String, _ actor: String)
      -> Event
    {
      seq += 1
      clock += 60_000
      return Event(
        origin: "BYQ.1", seq: seq, stream: stream, type: type, payload: payload, actor: actor,
        node: "BYQ", timestamp: clock, prevHash: "", hash: "")
    }

    mutating func apply(_ d: CatalogDecision, by actor: Staff) {
      for (type, payload) in d.events {
        changeEvents.append(event("catalogchange/\(id)", type, payload, actor.login))
      }
      for e in d.effectives {
        let ev = event(
          "catalog/\(e.item.code)", .catalogVersionEffective, CanonicalJSON.encode(e), actor.login)
        itemEvents[e.item.code, default: []].append(ev)
      }
    }

    mutating func establish(_ item: CatalogItem) {
      var v = item.content
      v.version = (history(item.code)?.current?.version ?? 0) + 1
      let body = CatalogVersionEffective(
        item: v, changeID: "BYQ-2026-000000", kind: .open, urgent: false)
      let e = event(
        "catalog/\(item.code)", .catalogVersionEffective, CanonicalJSON.encode(body), "x")
      itemEvents[item.code, default: []].append(e)
    }

    @discardableResult
    mutating func record(_ batch: ChangeBatch, by actor: Staff) -> Refusal? {
      let ctx = context(batch.items.map(\.itemCode))
      switch CatalogChangeMachine.recordBatch(batch, id: id, actor: actor, ctx) {
      case .failure(let r): return r
      case .success(let d):
        apply(d, by: actor)
        return nil
      }
    }

    @discardableResult
    mutating func run(
      _ command: CatalogChangeCommand, by actor: Staff, pending: [String: String] = [:]
    ) -> Refusal? {
      let codes = change?.touchedItems.map(\.itemCode) ?? []
      switch CatalogChangeMachine.decision(
        change, command, actor: actor, context(codes, pending: pending))
      {
      case .failure(let r): return r
      case .success(let d):
        apply(d, by: actor)
        return nil
      }
    }
  }

  /// Two items already in effect, a file that changes one, opens a third and suspends the second.
  func importOfThree(_ l: inout BatchLedger) -> ChangeBatch {
    let a = sampleItem(code: "SCJG-DJ-001")
    let b = sampleItem(code: "SCJG-DJ-002")
    l.establish(a)
    l.establish(b)
    var changed = a.content
    changed.promisedDays = 0
    var suspended = b.content
    suspended.status = .suspended
    var items = [
      ChangeBatchItem(kind: .modify, itemCode: a.code, baseVersion: 1, proposed: changed),
      ChangeBatchItem(kind: .suspend, itemCode: b.code, baseVersion: 1, proposed: suspended),
    ]
    var opened = sampleItem(code: "MZJ-JZ-001").content
    opened.organisation = "MZJ"
    opened.name = "临时救助"
    items.append(
      ChangeBatchItem(kind: .open, itemCode: opened.code, baseVersion: nil, proposed: opened))
    return ChangeBatch(
      items: items, source: "catalog.json", reason: "导入事项库文件 catalog.json")
  }

  func testImportIsOneSubmittedChangeThatTakesEffectWholeOnApproval() throws {
    var l = BatchLedger()
    XCTAssertNil(l.record(importOfThree(&l), by: zhaolei))
    let c = try XCTUnwrap(l.change)
    XCTAssertEqual(c.kind, .batch)
    XCTAssertEqual(c.stage, .submitted)
    XCTAssertEqual(c.items?.count, 3)
    XCTAssertEqual(c.importedFrom, "catalog.json")
    XCTAssertEqual(c.itemsTitle, "3项: 个体工商户设立登记、个体工商户设立登记、临时救助")
    XCTAssertEqual(c.touchedOrganisations, ["SCJG", "MZJ"])
    XCTAssertNil(l.history("MZJ-JZ-001"), "nothing in effect before review")
    XCTAssertEqual(l.history("SCJG-DJ-001")?.current?.version, 1)

    XCTAssertNotNil(l.run(.approve(note: ""), by: zhaolei), "not by the importer")
    XCTAssertEqual(
      l.run(.submit, by: zhaolei)?.message,
      "变更申请 \(l.id) 是导入的事项库文件,只能整体审核通过、退回或由起草人撤回;如需修改,请改正文件后重新导入")
    XCTAssertNotNil(
      l.run(.approve(note: "同意"), by: sunli), "a department's manager: not another's items")
    XCTAssertNil(l.run(.approve(note: "同意"), by: chenjing))
    let done = try XCTUnwrap(l.change)
    XCTAssertEqual(done.stage, .effective)
    XCTAssertEqual(done.reviewer, "chenjing")
    XCTAssertEqual(l.history("SCJG-DJ-001")?.current?.version, 2)
    XCTAssertEqual(l.history("SCJG-DJ-001")?.current?.promisedDays, 0)
    XCTAssertEqual(l.history("SCJG-DJ-001")?.current?.changeID, l.id)
    XCTAssertEqual(l.history("SCJG-DJ-002")?.current?.status, .suspended)
    XCTAssertEqual(l.history("SCJG-DJ-002")?.kinds, [.open, .suspend])
    XCTAssertEqual(l.history("MZJ-JZ-001")?.current?.version, 1)
    XCTAssertNotNil(l.run(.recordTest(passed: true, note: "x"), by: zhaolei), "no test of its own")
  }

  func testRefusedImportPutsNothingInEffectAndIsClosed() throws {
    var l = BatchLedger()
    l.record(importOfThree(&l), by: zhaolei)
    XCTAssertEqual(l.run(.sendBack(reason: ""), by: chenjing)?.message, "「退回原因」不能为空")
    XCTAssertNil(l.run(.sendBack(reason: "第3项实施主体有误"), by: chenjing))
    let c = try XCTUnwrap(l.change)
    XCTAssertEqual(c.stage, .refused)
    XCTAssertFalse(c.stage.isOpen)
    XCTAssertFalse(c.stage.isPending, "the items are free for another change")
    XCTAssertEqual(c.reviewNote, "第3项实施主体有误")
    XCTAssertNil(l.history("MZJ-JZ-001"))
    XCTAssertEqual(l.history("SCJG-DJ-001")?.current?.version, 1)
    XCTAssertNotNil(l.run(.approve(note: ""), by: chenjing), "a refusal is final")
    XCTAssertNotNil(l.run(.withdraw(reason: "x"), by: zhaolei))
  }

  func testApprovalRefusedWholeWhenOneItemMovedMeanwhile() throws {
    var l = BatchLedger()
    l.record(importOfThree(&l), by: zhaolei)
    // Another version of the first item took effect after the import was recorded.
    l.establish(sampleItem(code: "SCJG-DJ-001"))
    let r = l.run(.approve(note: ""), by: chenjing)
    XCTAssertEqual(
      r?.message, "第1项(SCJG-DJ-001): 事项「个体工商户设立登记」现行为第2版,本申请基于第1版,请按现行版本重新修改")
    XCTAssertEqual(l.change?.stage, .submitted)
    XCTAssertNil(l.history("MZJ-JZ-001"), "no item of it in effect")
    let pending = l.run(
      .approve(note: ""), by: chenjing, pending: ["SCJG-DJ-002": "BYQ-2026-000100"])
    XCTAssertNotNil(pending)
  }

  func testInvalidImportsAreRefusedWhole() {
    var l = BatchLedger()
    var batch = importOfThree(&l)
    batch.items.append(batch.items[0])
    XCTAssertEqual(l.record(batch, by: zhaolei)?.message, "第4项(SCJG-DJ-001): 事项编码在导入中重复")
    batch.items.removeLast()
    batch.items[2].proposed.organisation = "NOPE"
    XCTAssertNotNil(l.record(batch, by: zhaolei))
    XCTAssertNil(l.change, "nothing recorded")
    XCTAssertEqual(
      l.record(ChangeBatch(items: [], source: "x", reason: "x"), by: zhaolei)?
        .message, "导入文件中没有需要变更的事项")
  }
}
