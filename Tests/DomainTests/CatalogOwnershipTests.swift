import XCTest

@testable import Domain

/// 事项归属 (issue 20 item 5): a department's catalog manager changes only its own organisation's
/// items; the centre's catalog managers change all; a supervisor reviews any.
final class CatalogOwnershipTests: XCTestCase {
  let linna = Staff(login: "linna", name: "林娜", org: "MZJ", roles: [.catalog])
  let wxzSupervisor = Staff(login: "wx", name: "王溪", org: "WXZ", roles: [.supervisor])

  func proposal(_ l: CatalogLedger, _ edit: (inout CatalogItem) -> Void) -> ChangeProposal {
    var item = l.history?.current?.content ?? sampleItem()
    edit(&item)
    return ChangeProposal(
      kind: .modify, itemCode: item.code, baseVersion: l.history?.current?.version,
      proposed: item, reason: "调整时限", urgent: false)
  }

  func testADepartmentsManagerChangesOnlyItsOwnItems() {
    var l = CatalogLedger()
    l.establish(sampleItem())  // 市场监管 (SCJG)
    let r = l.run(.draft(proposal(l) { $0.promisedDays = 0 }), by: linna)
    XCTAssertEqual(
      r?.message, "林娜(MZJ)只能变更本单位的事项;涉及SCJG的事项,请由该单位或政务服务中心的事项管理员办理")
    XCTAssertNil(l.change, "nothing drafted")
    XCTAssertNil(l.run(.draft(proposal(l) { $0.promisedDays = 0 }), by: sunli), "its own")
    XCTAssertNil(l.run(.submit, by: sunli))
    XCTAssertNotNil(l.run(.approve(note: ""), by: linna), "nor reviews another's items")
    XCTAssertNil(l.run(.approve(note: ""), by: wxzSupervisor), "a supervisor reviews any")
  }

  func testTheCentresManagerChangesEveryItem() {
    var l = CatalogLedger()
    var item = sampleItem()
    item.organisation = "MZJ"
    l.establish(item)
    XCTAssertNil(l.run(.draft(proposal(l) { $0.promisedDays = 0 }), by: zhaolei))
  }

  func testMovingAnItemToAnotherOrganisationTouchesBoth() {
    var l = CatalogLedger()
    l.establish(sampleItem())
    let moved = proposal(l) { $0.organisation = "MZJ" }
    XCTAssertNotNil(l.run(.draft(moved), by: linna), "the item is 市场监管's until the change")
    XCTAssertNotNil(l.run(.draft(moved), by: sunli), "and 民政's after it")
    XCTAssertNil(l.run(.draft(moved), by: zhaolei))
  }

  func testAnImportOfAnotherOrganisationsItemIsRefusedWhole() {
    var item = sampleItem(code: "MZJ-JZ-001").content
    item.organisation = "MZJ"
    let batch = ChangeBatch(
      items: [
        ChangeBatchItem(
          kind: .open, itemCode: "SCJG-DJ-009", baseVersion: nil,
          proposed: {
            var own = sampleItem(code: "SCJG-DJ-009").content
            own.status = .active
            return own
          }()),
        ChangeBatchItem(kind: .open, itemCode: item.code, baseVersion: nil, proposed: item),
      ], source: "x.json", reason: "导入")
    var ctx = CatalogDecisionContext(history: nil, organisations: catalogOrgs, pendingChange: nil)
    ctx.centre = catalogCentre
    for code in ["SCJG-DJ-009", "MZJ-JZ-001"] {
      ctx.items[code] = CatalogDecisionContext(
        history: nil, organisations: catalogOrgs, pendingChange: nil)
    }
    ctx.organisationNames = ["MZJ": "区民政局", "SCJG": "区市场监督管理局"]
    let refused = CatalogChangeMachine.recordBatch(batch, id: "B", actor: sunli, ctx)
    XCTAssertEqual(
      refused.failureMessage,
      "孙丽(区市场监督管理局)只能变更本单位的事项;涉及区民政局的事项,请由该单位或政务服务中心的事项管理员办理")
    XCTAssertNil(
      CatalogChangeMachine.recordBatch(batch, id: "B", actor: zhaolei, ctx).failureMessage)
  }
}
