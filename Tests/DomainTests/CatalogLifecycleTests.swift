import XCTest

@testable import Domain

/// 第十二条: 提交申请 → 审核 → 系统测试 → 生效, 应急处置 then 报备, every refusal with its reason.
final class CatalogLifecycleTests: XCTestCase {
  func modify(_ ledger: CatalogLedger, _ edit: (inout CatalogItem) -> Void) -> ChangeProposal {
    var item = ledger.history?.current?.content ?? sampleItem()
    edit(&item)
    return ChangeProposal(
      kind: .modify, itemCode: item.code, baseVersion: ledger.history?.current?.version,
      proposed: item, reason: "精简材料", urgent: false)
  }

  func testFullLifecycleMakesANewVersionAndKeepsTheOld() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    let p = modify(l) { $0.materials.append(Material(name: "经营场所使用证明", form: .copy)) }
    XCTAssertNil(l.run(.draft(p), by: zhaolei))
    XCTAssertEqual(l.change?.stage, .draft)
    XCTAssertNil(l.run(.submit, by: zhaolei))
    XCTAssertEqual(l.change?.stage, .submitted)
    XCTAssertNil(l.run(.approve(note: "同意"), by: sunli))
    XCTAssertEqual(l.change?.stage, .approved)
    XCTAssertEqual(l.change?.reviewer, "sunli")
    XCTAssertEqual(l.history?.versions.count, 1, "not in effect before the system test")
    XCTAssertNil(l.run(.recordTest(passed: true, note: "测试通过"), by: zhaolei))
    let change = try XCTUnwrap(l.change)
    XCTAssertEqual(change.stage, .effective)
    XCTAssertEqual(change.resultVersion, 2)
    XCTAssertEqual(change.testNote, "测试通过")
    let history = try XCTUnwrap(l.history)
    XCTAssertEqual(history.versions.map(\.version), [1, 2])
    XCTAssertEqual(history.current?.materials.count, 3)
    XCTAssertEqual(history.version(1)?.materials.count, 2, "the old version is kept as it was")
    XCTAssertEqual(history.current?.changeID, l.id)
    XCTAssertEqual(history.kinds, [.open, .modify])
  }

  func testNobodyApprovesTheirOwnChange() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    l.run(.draft(modify(l) { $0.promisedDays = 0 }), by: sunli)
    l.run(.submit, by: sunli)
    let r = l.run(.approve(note: ""), by: sunli)
    XCTAssertEqual(r?.message, "不能审核自己起草的变更申请,请另一名事项管理员或督办人员审核")
    XCTAssertEqual(r?.article, "第十二条")
    XCTAssertNotNil(l.run(.sendBack(reason: "自己退回"), by: sunli), "returning is reviewing too")
    XCTAssertEqual(l.change?.stage, .submitted)
    XCTAssertNil(l.run(.approve(note: ""), by: chenjing), "a supervisor may review")
  }

  func testSelfApprovalArrivingBySyncIsAConflictNotAState() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    l.run(.draft(modify(l) { $0.promisedDays = 0 }), by: sunli)
    l.run(.submit, by: sunli)
    l.changeEvents.append(
      l.event(
        "catalogchange/\(l.id)", .catalogChangeApproved,
        CanonicalJSON.encode(ChangeNote(note: "")), "sunli"))
    let folded = CatalogChangeMachine.fold(l.changeEvents, l.context)
    XCTAssertEqual(folded.state?.stage, .submitted)
    XCTAssertEqual(folded.conflicts.count, 1)
  }

  func testReturnWithReasonThenEditAndResubmit() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    l.run(.draft(modify(l) { $0.promisedDays = 0 }), by: zhaolei)
    l.run(.submit, by: zhaolei)
    XCTAssertEqual(l.run(.sendBack(reason: " "), by: sunli)?.message, "「退回原因」不能为空")
    XCTAssertNil(l.run(.sendBack(reason: "依据写错了"), by: sunli))
    XCTAssertEqual(l.change?.stage, .returned)
    XCTAssertEqual(l.change?.reviewNote, "依据写错了")
    XCTAssertEqual(
      l.run(.edit(modify(l) { $0.promisedDays = 2 }), by: sunli)?.message,
      "只有起草人可以修改变更申请 \(l.id)")
    XCTAssertNil(l.run(.edit(modify(l) { $0.promisedDays = 2 }), by: zhaolei))
    XCTAssertNil(l.run(.submit, by: zhaolei))
    XCTAssertEqual(l.change?.stage, .submitted)
    XCTAssertEqual(l.change?.proposed.promisedDays, 2)
  }

  func testFailedTestGoesBackToTheDrafterAndNeedsANote() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    l.run(.draft(modify(l) { $0.promisedDays = 0 }), by: zhaolei)
    l.run(.submit, by: zhaolei)
    l.run(.approve(note: ""), by: sunli)
    XCTAssertEqual(
      l.run(.recordTest(passed: false, note: ""), by: zhaolei)?.message, "「测试说明」不能为空")
    XCTAssertNil(l.run(.recordTest(passed: false, note: "表单字段缺失"), by: zhaolei))
    XCTAssertEqual(l.change?.stage, .testFailed)
    XCTAssertEqual(l.history?.versions.count, 1)
    XCTAssertTrue(l.change?.stage.isEditable ?? false)
  }

  func testUrgentChangeTakesEffectAtOnceAndAwaitsFiling() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    let current = try XCTUnwrap(l.history?.current)
    let p = CatalogChangeMachine.statusProposal(
      .suspend, current: current, reason: "系统故障", urgent: true)
    XCTAssertNil(l.run(.draft(p), by: zhaolei))
    XCTAssertNil(l.run(.submit, by: zhaolei))
    XCTAssertEqual(l.change?.stage, .awaitingFiling)
    XCTAssertEqual(l.change?.stage.isOpen, true, "shown in the queue until filed")
    XCTAssertEqual(l.history?.current?.status, .suspended)
    XCTAssertEqual(l.history?.current?.version, 2)
    XCTAssertEqual(l.run(.file(note: ""), by: zhaolei)?.message, "「报备说明」不能为空")
    XCTAssertNotNil(l.run(.approve(note: ""), by: sunli), "no review after the fact")
    XCTAssertNil(l.run(.file(note: "已报区政府办公室备案"), by: sunli))
    XCTAssertEqual(l.change?.stage, .effective)
    XCTAssertEqual(l.change?.stageTitle, "已生效(已报备)")
    XCTAssertEqual(l.change?.stage.isOpen, false)
  }

  func testStatusChangesFollowTheStatus() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    let active = try XCTUnwrap(l.history?.current)
    let resume = CatalogChangeMachine.statusProposal(
      .resume, current: active, reason: "x", urgent: false)
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(resume, l.decisionContext())?.message,
      "事项「个体工商户设立登记」当前为「在用」,不能恢复")
    var terminated = active
    terminated.status = .terminated
    l.establish(terminated)
    let again = try XCTUnwrap(l.history?.current)
    let p = CatalogChangeMachine.statusProposal(.resume, current: again, reason: "x", urgent: false)
    let r = CatalogChangeMachine.checkProposal(p, l.decisionContext())
    XCTAssertEqual(r?.message, "事项「个体工商户设立登记」已终止,不能再恢复")
    XCTAssertEqual(ChangeKind.available(for: .terminated), [])
  }

  func testStatusChangeMayNotSmuggleOtherEdits() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    var p = CatalogChangeMachine.statusProposal(
      .suspend, current: try XCTUnwrap(l.history?.current), reason: "x", urgent: false)
    p.proposed.fee = "50元"
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(p, l.decisionContext())?.message,
      "暂停只改变事项状态;要修改其他要素,请起草「变更」")
  }

  func testCodeIsUniqueAndOnlyOneChangeAtATime() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    let open = ChangeProposal(
      kind: .open, itemCode: "SCJG-DJ-001", baseVersion: nil, proposed: sampleItem(), reason: "新",
      urgent: false)
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(open, l.decisionContext())?.message,
      "事项编码「SCJG-DJ-001」已被「个体工商户设立登记」使用,编码不能重复")
    let p = modify(l) { $0.fee = "工本费5元" }
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(p, l.decisionContext(pending: "BYQ-2026-000009"))?.message,
      "事项「SCJG-DJ-001」已有未办结的变更申请 BYQ-2026-000009,请先办结或撤回后再起草")
  }

  func testStaleBaseVersionAndNoOpChangesAreRefused() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    var p = modify(l) { $0.fee = "工本费5元" }
    l.establish(sampleItem(promised: 2))
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(p, l.decisionContext())?.message,
      "事项「个体工商户设立登记」现行为第2版,本申请基于第1版,请按现行版本重新修改")
    p = modify(l) { _ in }
    XCTAssertEqual(
      CatalogChangeMachine.checkProposal(p, l.decisionContext())?.message,
      "拟变更内容与现行第2版相同,没有需要变更的要素")
  }

  func testLimitsAndMaterialsAreValidatedOnDraft() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    XCTAssertEqual(
      l.run(.draft(modify(l) { $0.promisedDays = 5 }), by: zhaolei)?.message,
      "「承诺时限」承诺时限(5个工作日)不能超过法定时限(3个工作日)")
    XCTAssertEqual(
      l.run(.draft(modify(l) { $0.materials = [] }), by: zhaolei)?.message,
      "「申请材料」至少要有一项申请材料")
    var noReason = modify(l) { $0.fee = "5元" }
    noReason.reason = ""
    XCTAssertEqual(l.run(.draft(noReason), by: zhaolei)?.message, "「变更说明」不能为空")
    XCTAssertNil(l.change)
  }

  func testWithdrawOnlyByTheDrafterBeforeEffect() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    l.run(.draft(modify(l) { $0.promisedDays = 0 }), by: zhaolei)
    XCTAssertEqual(
      l.run(.withdraw(reason: "不需要了"), by: sunli)?.message, "只有起草人可以撤回变更申请 \(l.id)")
    XCTAssertNil(l.run(.withdraw(reason: "不需要了"), by: zhaolei))
    XCTAssertEqual(l.change?.stage, .withdrawn)
    XCTAssertEqual(
      l.run(.submit, by: zhaolei)?.message, "变更申请 \(l.id) 当前为「已撤回」,不能提交")
  }

  func testItemVersionsHaveNoGapsAndTerminatedIsFinal() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    var skip = sampleItem().content
    skip.version = 3
    l.itemEvents.append(
      l.event(
        "catalog/SCJG-DJ-001", .catalogVersionEffective,
        CanonicalJSON.encode(
          CatalogVersionEffective(item: skip, changeID: "X", kind: .modify, urgent: false)),
        "zhaolei"))
    let folded = CatalogItemReducer.fold(l.itemEvents, l.context)
    XCTAssertEqual(folded.state?.versions.count, 1)
    XCTAssertEqual(folded.conflicts.first?.message, "事项版本号应为第2版,事件为第3版")
  }

  func testOnlyItemsInUseTakeNewApplications() {
    var item = sampleItem()
    XCTAssertTrue(item.acceptsApplications)
    XCTAssertNil(item.newApplicationRefusal)
    item.status = .suspended
    XCTAssertFalse(item.acceptsApplications)
    XCTAssertEqual(item.newApplicationRefusal?.message, "事项「个体工商户设立登记」已暂停办理,不能受理新的申请")
    item.status = .terminated
    XCTAssertEqual(item.newApplicationRefusal?.article, "第十二条")
  }
}
