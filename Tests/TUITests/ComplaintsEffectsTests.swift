import Domain
import Store
import XCTest

@testable import TUI

/// The 投诉建议 pane's update is pure: keys name the reads and steps, answers change the pane.
final class ComplaintsEffectsTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])

  /// A loaded pane, read through its own effects.
  func loaded(_ service: FakeComplaintService, _ ctx: AppContext) -> ComplaintsPane {
    var pane = ComplaintsPane(service: service)
    pane.runStart(ctx)
    return pane
  }

  func testOpeningACaseIsAReadTheKeyNamesNotOneItMakes() throws {
    let service = FakeComplaintService(rows: QueueFixture.rows)
    let ctx = makeContext(staff: supervisor)
    var pane = ComplaintsPane(service: service)
    let start = pane.start(ctx)
    guard case .reload(nil, .nothing)? = start.effects.first else {
      return XCTFail("activating reads the queue")
    }
    XCTAssertTrue(pane.rows.isEmpty, "nothing is read until the effect runs")
    _ = pane.receive(pane.run(start.effects[0], ctx), ctx)
    let first = try XCTUnwrap(pane.rows.first)
    let open = pane.update(.enter, ctx)
    guard case .open(let id)? = open.effects.first else { return XCTFail("Enter reads the case") }
    XCTAssertEqual(id, first.caseID)
    XCTAssertEqual(pane.mode, .list, "the case view waits for the case")
  }

  func testARefusedStepComesBackOnItsFormWithTheStoresWords() throws {
    let service = FakeComplaintService(rows: QueueFixture.rows)
    let ctx = makeContext(staff: supervisor)
    var pane = loaded(service, ctx)
    let c = try XCTUnwrap(ComplaintFixture.reopened().0)
    pane.detail = CaseDetail(
      complaint: c, events: [], supervisions: [], revealed: false, content: .full,
      view: DetailView())
    pane.mode = .detail
    var form = Form(title: "办结", fields: [.area("text", "办理结果", max: 100, required: true)])
    for ch in "已修复" { _ = form.handle(.char(ch)) }
    pane.flow.show(form, .conclude)
    pane.flow.confirm(
      "办结", ["?"], .complaint(.conclude(.resolved, text: "已修复"), id: c.id), done: "好")
    let confirmed = pane.update(.enter, ctx)
    guard case .perform? = confirmed.effects.first else { return XCTFail("y performs") }
    service.refusal = Refusal("案件已办结")
    let answer = pane.receive(.performed(.failure(Refusal("案件已办结"))), ctx)
    guard case .reload(_, .refused)? = answer.effects.first else {
      return XCTFail("a refusal reads the case again first")
    }
    let shown = EffectRunner.run(&pane, answer, ctx)
    guard case .toast(let t) = shown, t.kind == .error else { return XCTFail("\(shown)") }
    XCTAssertTrue(t.text.hasPrefix("案件已办结"))
    guard case .form(let back, .conclude)? = pane.overlay else { return XCTFail("form lost") }
    XCTAssertEqual(back["text"], "已修复")
  }
}
